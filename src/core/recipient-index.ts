import { RECIPIENT_ID, TEXT_STRIDE, type RecipientTable } from './recipient-table';
import { stringHash } from './string-hash';

const EMPTY = 0;

/**
 * One email's recipients: recipient id → row, an open-addressing table over a typed array.
 *
 * Replaces a `Map<string, number>`, which cost 37 to 49 % of the fold on freshly parsed events
 * and grew with the id's length (71 ns an event at 10 characters, 224 ns at a 36-character GUID):
 * JSON.parse leaves longer strings without a hash, so the Map computes one in the runtime for
 * every event and then compares the characters with its stored key anyway. Here the hash is ours
 * (string-hash.ts, seeded per state) and a chunk of events can be hashed, then probed, then
 * compared in separate passes, so the cache misses of many events overlap (see batch.ts).
 *
 * A slot is `[hash, row + 1]` side by side, so a probe reads one cache line; the id itself is not
 * stored twice: it is compared with the row's own recipient id in the RecipientTable, whose text
 * slots the fold reads next anyway. At most half full, so probe runs stay short; ids crafted to
 * collide under one seed do not under another.
 *
 * It answers `get`, `has`, `set` and `size` as the Map did, for the code outside the fold.
 */
export class RecipientIndex {
  size = 0;
  #mask: number;
  /** `[hash, row + 1]` per slot; a second field of 0 is an empty slot. */
  #slots: Int32Array;

  constructor(
    private readonly table: RecipientTable,
    /** The state's hash seed. */
    readonly seed: number,
    capacity = 16,
    /** How an id is hashed: stringHash, but for tests that need ids sharing a hash. */
    private readonly hashOf: (text: string, seed: number) => number = stringHash,
  ) {
    this.#mask = capacity - 1;
    this.#slots = new Int32Array(capacity * 2);
  }

  hash(recipientId: string): number {
    return this.hashOf(recipientId, this.seed);
  }

  get(recipientId: string): number | undefined {
    const row = this.find(recipientId, this.hash(recipientId));
    return row < 0 ? undefined : row;
  }

  has(recipientId: string): boolean {
    return this.find(recipientId, this.hash(recipientId)) >= 0;
  }

  /** Sets the recipient's row, which must carry this recipient id in the RecipientTable. */
  set(recipientId: string, row: number): this {
    const hash = this.hash(recipientId);
    const slots = this.#slots;
    const mask = this.#mask;
    for (let slot = hash & mask; slots[slot * 2 + 1] !== EMPTY; slot = (slot + 1) & mask) {
      if (slots[slot * 2] === hash && this.#idOf(slots[slot * 2 + 1]! - 1) === recipientId) {
        slots[slot * 2 + 1] = row + 1;
        return this;
      }
    }
    this.insert(hash, row);
    return this;
  }

  /** The row of the recipient whose id hashes to `hash`, or -1. */
  find(recipientId: string, hash: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot * 2 + 1]!;
      if (entry === EMPTY) return -1;
      if (slots[slot * 2] === hash && this.#idOf(entry - 1) === recipientId) return entry - 1;
    }
  }

  /**
   * The row of the first recipient whose id has this hash, or -1 when none has: the id is not
   * compared, so the row is a candidate that `confirms` must check. Comparing reads the row's id
   * string, a cache miss of its own (two, with the slot of `texts` that points to it); a chunk's
   * candidates are found first, then their ids read in one pass, so those misses overlap.
   */
  candidate(hash: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot * 2 + 1]!;
      if (entry === EMPTY || slots[slot * 2] === hash) return entry - 1;
    }
  }

  /** Whether the row is this recipient's: a candidate's check. */
  confirms(row: number, recipientId: string): boolean {
    return this.#idOf(row) === recipientId;
  }

  /** Reads the hash's first slot, so a later `find` does not wait for it (a cache miss). */
  touch(hash: number): number {
    return this.#slots[(hash & this.#mask) * 2]!;
  }

  /** Adds a recipient known to be absent, by the hash of its id. */
  insert(hash: number, row: number): void {
    if ((this.size + 1) * 2 > this.#mask + 1) this.#grow();
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = hash & mask;
    while (slots[slot * 2 + 1] !== EMPTY) slot = (slot + 1) & mask;
    slots[slot * 2] = hash;
    slots[slot * 2 + 1] = row + 1;
    this.size++;
  }

  #idOf(row: number): string | undefined {
    return this.table.texts[row * TEXT_STRIDE + RECIPIENT_ID];
  }

  /** Doubles the table; the hashes are kept, so no id is hashed or read again. */
  #grow(): void {
    const old = this.#slots;
    const mask = this.#mask * 2 + 1;
    const slots = new Int32Array((mask + 1) * 2);
    for (let from = 0; from < old.length; from += 2) {
      const entry = old[from + 1]!;
      if (entry === EMPTY) continue;
      let slot = old[from]! & mask;
      while (slots[slot * 2 + 1] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot * 2] = old[from]!;
      slots[slot * 2 + 1] = entry;
    }
    this.#mask = mask;
    this.#slots = slots;
  }
}
