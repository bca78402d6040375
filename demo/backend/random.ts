// Seeded randomness for the simulation. Everything about one recipient is drawn from a generator
// seeded by (campaign seed, recipient), never from a shared stream: a recipient's contact and
// timeline can then be recomputed on demand instead of being stored, which is what keeps a
// 1,000,000-recipient campaign small.

/** Mixes integers into one well-spread 32-bit unsigned value (murmur3's finalizer per step). */
export function hash32(a: number, b = 0, c = 0): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ c, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A uniform number in [0, 1) from a hash, for one-off draws that need no generator. */
export function unit(a: number, b = 0, c = 0): number {
  return hash32(a, b, c) / 4_294_967_296;
}

/** mulberry32: small, fast, and good enough for a simulation. */
export class Rng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A number in [low, high). */
  between(low: number, high: number): number {
    return low + this.next() * (high - low);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }

  /** Exponentially distributed with this mean: waiting times between independent happenings. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}
