import type { RecipientTable } from './recipient-table';

/**
 * One email's recipientId → row, as an open-addressing table over an Int32Array.
 *
 * A slot holds the key's hash and row + 1 side by side, so a probe reads one cache line. A hash
 * match is confirmed against the row's recipientId in the recipient table, whose texts the fold
 * reads anyway, rather than against a key array of its own: one fewer random read per event.
 * A JavaScript Map cost ~100 ns more per lookup here, most of it in rehashing as it grows (its
 * entries move in random order, a cache miss each; this table moves them in slot order).
 */
export class RowIndex {
  private mask: number;
  /** [hash, row + 1] per slot; row + 1 = 0 marks an empty slot. */
  private slots: Int32Array;
  size = 0;

  constructor(
    private readonly table: RecipientTable,
    capacity = 64,
  ) {
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * 2);
  }

  /** The row of the key, or -1; `hash` must be `hashKey(key)`. */
  find(key: string, hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const row = slots[slot * 2 + 1]!;
      if (row === 0) return -1;
      if (slots[slot * 2] === hash && this.table.recipientIdOf(row - 1) === key) return row - 1;
    }
  }

  /**
   * The row whose hash matches, unconfirmed, or -1: what `find` will most likely return, to
   * warm the cache with before the real lookup.
   */
  candidate(hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const row = slots[slot * 2 + 1]!;
      if (row === 0 || slots[slot * 2] === hash) return row - 1;
    }
  }

  /** Adds the row of a key known to be absent; `hash` must be `hashKey(key)`. */
  insert(hash: number, row: number): void {
    // Half full at most, so probes stay short.
    if ((this.size + 1) * 2 > this.mask) this.grow();
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    slots[slot * 2] = hash;
    slots[slot * 2 + 1] = row + 1;
    this.size++;
  }

  get(key: string): number | undefined {
    const row = this.find(key, hashKey(key));
    return row < 0 ? undefined : row;
  }

  has(key: string): boolean {
    return this.find(key, hashKey(key)) >= 0;
  }

  /**
   * Doubles the table. Old slots are read in order and, as a key's new slot is its old one or
   * that plus the old size, written in two ascending runs: no random access.
   */
  private grow(): void {
    const old = this.slots;
    const mask = this.mask * 2 + 1;
    const slots = new Int32Array((mask + 1) * 2);
    for (let from = 0; from < old.length; from += 2) {
      const row = old[from + 1]!;
      if (row === 0) continue;
      let slot = old[from]! & mask;
      while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      slots[slot * 2] = old[from]!;
      slots[slot * 2 + 1] = row;
    }
    this.mask = mask;
    this.slots = slots;
  }
}

/** FNV-1a over the UTF-16 code units, with a final mix so the low bits (the slot) vary. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash ^ (hash >>> 15);
}
