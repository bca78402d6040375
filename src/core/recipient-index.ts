import { stringHashPair } from './string-hash';

const EMPTY = 0;
/** Int32s per slot of the table: `[hash, second hash, row + 1]`. */
const SLOT = 3;
const SECOND = 1;
const ROW = 2;

/** How an id is hashed to 64 bits: `stringHashPair`, or a test's own to make ids share hashes. */
export type HashPair = (text: string, seed: number, secondSeed: number, second: Int32Array) => number;

/**
 * One email's recipients: recipient id → row, an open-addressing table over a typed array.
 *
 * Replaces a `Map<string, number>`, which cost 37 to 49 % of the fold on freshly parsed events
 * and grew with the id's length (71 ns an event at 10 characters, 224 ns at a 36-character GUID):
 * JSON.parse leaves longer strings without a hash, so the Map computes one in the runtime for
 * every event and then compares the characters with its stored key anyway. Here the hash is ours
 * (string-hash.ts, seeded per state) and a chunk of events can be hashed, then probed, in
 * separate passes, so the cache misses of many events overlap (see batch.ts).
 *
 * A recipient is known by a 64-bit hash of its id (two 32-bit hashes under two seeds drawn per
 * state, computed in one pass), as the event-id set knows event ids: equal hashes are the same
 * recipient, and the id's text is never read back. Comparing it cost two cache misses an event
 * (the row's slot of `texts`, then the stored string) and a compare of 36 characters, a third
 * of the lookup; a compare of lengths or of a few characters would cost the same misses. Two of
 * n recipients of one email share all 64 bits with a chance of about n²/2⁶⁵: one in 4·10⁷ at a
 * million recipients, one in 4·10¹¹ at 10,000 (the two would show as one row). The seeds are
 * drawn per state and never saved or shown, so ids cannot be aimed at a clash.
 *
 * A slot is `[hash, second hash, row + 1]`, side by side so a probe reads one cache line (one slot
 * in eight straddles two). 12 bytes rather than 16 with a spare field: the smaller table folded
 * GUIDs 5 % faster (100,000 recipients), and costs 8 MB less at a million. At most half full, so
 * probe runs stay short.
 *
 * It answers `get`, `has`, `set` and `size` as the Map did, for the code outside the fold.
 */
export class RecipientIndex {
  size = 0;
  /** The second hash of the id last hashed (`hash`). */
  second = 0;
  #mask: number;
  /** SLOT Int32s per slot; a row field of 0 is an empty slot. */
  #slots: Int32Array;
  readonly #out = new Int32Array(1);

  constructor(
    /** The state's two hash seeds. */
    readonly seed: number,
    readonly secondSeed: number,
    capacity = 16,
    private readonly hashOf: HashPair = stringHashPair,
  ) {
    this.#mask = capacity - 1;
    this.#slots = new Int32Array(capacity * SLOT);
  }

  /** The id's first hash; its second is left in `second`. */
  hash(recipientId: string): number {
    const hash = this.hashOf(recipientId, this.seed, this.secondSeed, this.#out);
    this.second = this.#out[0]!;
    return hash;
  }

  get(recipientId: string): number | undefined {
    const row = this.find(this.hash(recipientId), this.second);
    return row < 0 ? undefined : row;
  }

  has(recipientId: string): boolean {
    return this.find(this.hash(recipientId), this.second) >= 0;
  }

  /** Sets the recipient's row (replacing the row it had, if any). */
  set(recipientId: string, row: number): this {
    const hash = this.hash(recipientId);
    const second = this.second;
    const slots = this.#slots;
    const mask = this.#mask;
    for (let slot = hash & mask; slots[slot * SLOT + ROW] !== EMPTY; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      if (slots[at] === hash && slots[at + SECOND] === second) {
        slots[at + ROW] = row + 1;
        return this;
      }
    }
    this.insert(hash, second, row);
    return this;
  }

  /** The row of the recipient whose id has these two hashes, or -1. */
  find(hash: number, second: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const entry = slots[at + ROW]!;
      if (entry === EMPTY || (slots[at] === hash && slots[at + SECOND] === second)) return entry - 1;
    }
  }

  /** Reads the hash's first slot, so a later `find` does not wait for it (a cache miss). */
  touch(hash: number): number {
    return this.#slots[(hash & this.#mask) * SLOT]!;
  }

  /** Adds a recipient known to be absent, by the two hashes of its id. */
  insert(hash: number, second: number, row: number): void {
    if ((this.size + 1) * 2 > this.#mask + 1) this.#grow();
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = hash & mask;
    while (slots[slot * SLOT + ROW] !== EMPTY) slot = (slot + 1) & mask;
    const at = slot * SLOT;
    slots[at] = hash;
    slots[at + SECOND] = second;
    slots[at + ROW] = row + 1;
    this.size++;
  }

  /**
   * Makes room for `entries` recipients in all, so that many are added without growing the table.
   * A cold start indexes a million restored rows at once: doubled twenty times on the way, the
   * table was copied some 2 million slots over (a quarter of the index's time, issue 16).
   */
  reserve(entries: number): void {
    let capacity = this.#mask + 1;
    while (entries * 2 > capacity) capacity *= 2;
    if (capacity > this.#mask + 1) this.#resize(capacity);
  }

  /** Doubles the table. */
  #grow(): void {
    this.#resize((this.#mask + 1) * 2);
  }

  /** A table of `capacity` slots (a power of two); the hashes are kept, so no id is hashed or read again. */
  #resize(capacity: number): void {
    const old = this.#slots;
    const mask = capacity - 1;
    const slots = new Int32Array(capacity * SLOT);
    for (let from = 0; from < old.length; from += SLOT) {
      const entry = old[from + ROW]!;
      if (entry === EMPTY) continue;
      let slot = old[from]! & mask;
      while (slots[slot * SLOT + ROW] !== EMPTY) slot = (slot + 1) & mask;
      const at = slot * SLOT;
      slots[at] = old[from]!;
      slots[at + SECOND] = old[from + SECOND]!;
      slots[at + ROW] = entry;
    }
    this.#mask = mask;
    this.#slots = slots;
  }
}
