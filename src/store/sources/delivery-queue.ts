// Runs deliveries one after another. A sink's deliver may be async; the next batch must not
// reach it before the previous one is committed, or cursors and order would interleave.

export class DeliveryQueue {
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;

  /** True when no task is queued or running. */
  get idle(): boolean {
    return this.#pending === 0;
  }

  /** Runs `task` after every task queued before it; the returned promise never rejects. */
  run(task: () => void | Promise<void>): Promise<void> {
    this.#pending += 1;
    const done = this.#tail
      .then(task)
      .catch(() => {})
      .finally(() => {
        this.#pending -= 1;
      });
    this.#tail = done;
    return done;
  }

  /** Resolves once every task queued so far has finished. */
  drained(): Promise<void> {
    return this.#tail;
  }
}
