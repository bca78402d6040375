/** The log's positions in pages of 16,384: its columns (event-log-pages.ts) and the chains below. */
export const PAGE_BITS = 14;
export const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

/**
 * Each row's events in the log, as a chain: per row its newest position, per position the row's
 * one before (-1: none). A Map of a position list per row, as this was, held 60 to 80 bytes a
 * recipient (a list object and its backing store each), built whole on the first redelivery or
 * timeline; the chain holds 4 bytes a row and 4 an event, in typed arrays.
 */
export class RowChains {
  #newest = new Int32Array(1024).fill(-1);
  /** Per position, in pages like the log's. */
  readonly #previous: Int32Array[] = [];

  add(position: number, row: number): void {
    if (row >= this.#newest.length) this.#grow(row);
    const page = position >>> PAGE_BITS;
    while (this.#previous.length <= page) this.#previous.push(new Int32Array(PAGE_SIZE));
    this.#previous[page]![position & PAGE_MASK] = this.#newest[row]!;
    this.#newest[row] = position;
  }

  /** The row's positions from `start` on, in the order applied. */
  positions(row: number, start = 0): number[] {
    const out: number[] = [];
    let position = row < this.#newest.length ? this.#newest[row]! : -1;
    for (; position >= start; position = this.#previous[position >>> PAGE_BITS]![position & PAGE_MASK]!)
      out.push(position);
    return out.reverse();
  }

  /** Whether the row has more than `count` events. */
  longer(row: number, count: number): boolean {
    let position = row < this.#newest.length ? this.#newest[row]! : -1;
    for (let seen = 0; position >= 0; seen++) {
      if (seen === count) return true;
      position = this.#previous[position >>> PAGE_BITS]![position & PAGE_MASK]!;
    }
    return false;
  }

  /** By half again, to hold `row`; new rows have no events. */
  #grow(row: number): void {
    const grown = new Int32Array(Math.max(row + 1, this.#newest.length + (this.#newest.length >> 1))).fill(-1);
    grown.set(this.#newest);
    this.#newest = grown;
  }
}
