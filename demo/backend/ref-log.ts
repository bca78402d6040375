// An append-only log of emitted events, stored as (recipient, step) pairs: the event itself is
// recomputed from the campaign when read, so millions of emitted events cost 5 bytes each.
// Position i holds the i-th event; the cursor after it is i + 1.

export class RefLog {
  #refs = new Int32Array(4096);
  #steps = new Uint8Array(4096);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(ref: number, step: number): void {
    if (this.#length === this.#refs.length) {
      const refs = new Int32Array(this.#refs.length * 2);
      const steps = new Uint8Array(refs.length);
      refs.set(this.#refs);
      steps.set(this.#steps);
      this.#refs = refs;
      this.#steps = steps;
    }
    this.#refs[this.#length] = ref;
    this.#steps[this.#length++] = step;
  }

  ref(position: number): number {
    return this.#refs[position]!;
  }

  step(position: number): number {
    return this.#steps[position]!;
  }
}
