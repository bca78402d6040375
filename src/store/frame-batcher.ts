/**
 * Coalesces work to at most once per animation frame. Hidden tabs get no animation frames, so a
 * timer stands in after `fallbackMs`; outside a page (Node, workers) the timer is all there is.
 */
export class FrameBatcher {
  #frame: number | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly run: () => void,
    private readonly fallbackMs = 100,
  ) {}

  get pending(): boolean {
    return this.#frame !== undefined || this.#timer !== undefined;
  }

  schedule(): void {
    if (this.pending) return;
    if (typeof requestAnimationFrame === 'function') this.#frame = requestAnimationFrame(this.#fire);
    this.#timer = setTimeout(this.#fire, typeof requestAnimationFrame === 'function' ? this.fallbackMs : 0);
  }

  /** Runs now what is pending (tests, and before the page unloads). */
  flush(): void {
    if (this.pending) this.#fire();
  }

  cancel(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#frame = undefined;
    this.#timer = undefined;
  }

  readonly #fire = (): void => {
    this.cancel();
    this.run();
  };
}
