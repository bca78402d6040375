// A min-heap of (time, recipient, step) in typed arrays: the scheduler holds one entry per
// recipient in flight, which for a large audience is a million entries, too many for objects.
// Ties break on recipient then step, so the order is the same on every run.

export class EventHeap {
  #at = new Float64Array(1024);
  #ref = new Int32Array(1024);
  #step = new Uint8Array(1024);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** The earliest time held, or Infinity when empty. */
  get topAt(): number {
    return this.#size === 0 ? Infinity : this.#at[0]!;
  }

  get topRef(): number {
    return this.#ref[0]!;
  }

  get topStep(): number {
    return this.#step[0]!;
  }

  push(at: number, ref: number, step: number): void {
    if (this.#size === this.#at.length) this.#grow();
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(at, ref, step, parent)) break;
      this.#copy(parent, i);
      i = parent;
    }
    this.#set(i, at, ref, step);
  }

  /** Removes the earliest entry (read it first with topAt/topRef/topStep). */
  pop(): void {
    const last = --this.#size;
    if (last <= 0) return;
    const at = this.#at[last]!;
    const ref = this.#ref[last]!;
    const step = this.#step[last]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.#less(right, left) ? right : left;
      if (this.#before(at, ref, step, child)) break;
      this.#copy(child, i);
      i = child;
    }
    this.#set(i, at, ref, step);
  }

  #before(at: number, ref: number, step: number, j: number): boolean {
    const other = this.#at[j]!;
    if (at !== other) return at < other;
    const otherRef = this.#ref[j]!;
    return ref !== otherRef ? ref < otherRef : step < this.#step[j]!;
  }

  #less(i: number, j: number): boolean {
    return this.#before(this.#at[i]!, this.#ref[i]!, this.#step[i]!, j);
  }

  #copy(from: number, to: number): void {
    this.#at[to] = this.#at[from]!;
    this.#ref[to] = this.#ref[from]!;
    this.#step[to] = this.#step[from]!;
  }

  #set(i: number, at: number, ref: number, step: number): void {
    this.#at[i] = at;
    this.#ref[i] = ref;
    this.#step[i] = step;
  }

  #grow(): void {
    const at = new Float64Array(this.#at.length * 2);
    const ref = new Int32Array(at.length);
    const step = new Uint8Array(at.length);
    at.set(this.#at);
    ref.set(this.#ref);
    step.set(this.#step);
    this.#at = at;
    this.#ref = ref;
    this.#step = step;
  }
}
