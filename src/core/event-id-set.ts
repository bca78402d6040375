import { randomSeed, stringHashPair } from './string-hash';
import { FINGERPRINTS, ID_COUNT, ID_NEWEST, INLINE_IDS, STRIDE, type RecipientTable } from './recipient-table';

/** Entries a page of the inline ids' hashes holds (see `EventIdSet.pages`). */
export const PAGE_BITS = 14;
export const PAGE = 1 << PAGE_BITS;
export const PAGE_MASK = PAGE - 1;

/** Where stringHashPair leaves an id's second hash. */
const SECOND = new Int32Array(1);

/**
 * Each table's set, so a cache can save and restore a state's ids (saved-event-ids.ts, which
 * reads and writes the fields below that are not private) without a way in through the fold.
 */
const SETS = new WeakMap<RecipientTable, EventIdSet>();

/**
 * The event ids applied so far, per recipient row, so a redelivered event counts once.
 *
 * An id is kept as a 64-bit hash (two 32-bit string hashes under two seeds drawn per state), not
 * as its text: a million recipients' id strings cost ~47 bytes a recipient, their hashes 12.
 * Hashes are compared within one row only, so a new event is taken for a redelivery only when
 * two ids of the same recipient share all 64 bits: about k²/2⁶⁵ for a recipient with k ids (one
 * in 3·10¹⁵ at a thousand ids), and ids cannot be aimed at it without the seeds.
 *
 * A row's first 16 ids are known by 16-bit fingerprints (the first hash's top bits) kept in the
 * row's own record, which the fold reads for the event anyway: a new id costs a scan of that
 * cache line and appends to a list, with no other random access. Only a fingerprint match (a
 * redelivery, or at most 1 in 4,096 new ids) walks the row's chain of hashes to confirm. Ids
 * beyond a row's 16th go to an open-addressing table shared by all rows. A table for every id
 * cost one more cache miss per event (~100 ns here), a JavaScript Set ~500 ns.
 */
export class EventIdSet {
  /** Entries: each row's first 16 ids, in arrival order. Written by saved-event-ids.ts too. */
  count = 0;
  /**
   * Per entry `[first hash, second hash, the row's previous entry or -1]`, in pages of 16,384
   * entries: the list only grows at its end, so pages spare the copies and the slack of a grown
   * array (up to half of it, 12 MB at a million recipients).
   */
  readonly pages: Int32Array[] = [];
  readonly overflow = new OverflowIds();
  /**
   * The first hash's starting value, drawn per state: ids built to share one FNV-1a hash (chained
   * two-character collisions from the published offset basis) then spread like any others, so
   * 32,768 of them for one recipient cost what random ids cost instead of a probe run each.
   */
  private seed = randomSeed();
  /** The second hash's, drawn apart, so the two hashes of an id are independent. */
  private secondSeed = randomSeed();

  constructor(readonly table: RecipientTable) {
    SETS.set(table, this);
  }

  /**
   * The set that keeps the ids of this table's rows, made now if it is not yet: a ResponseState
   * makes its own with its first id, or a cache with its first page (both with the rows' code).
   */
  static of(table: RecipientTable): EventIdSet {
    return SETS.get(table) ?? new EventIdSet(table);
  }

  /** The two seeds: saved ids are only meaningful under the seeds they were hashed with. */
  get seeds(): [number, number] {
    return [this.seed, this.secondSeed];
  }

  /**
   * Hashes ids from now on with saved seeds, so saved hashes can be restored (`restoreEventIds`). Only
   * while the set is empty: ids hashed under other seeds would never match again. False if not.
   */
  adoptSeeds(seed: number, secondSeed: number): boolean {
    if (this.size > 0) return false;
    this.seed = seed | 0;
    this.secondSeed = secondSeed | 0;
    return true;
  }

  get size(): number {
    return this.count + this.overflow.size;
  }

  /** Slots of the overflow table read so far: the work hostile ids would multiply (tests read it). */
  get probes(): number {
    return this.overflow.probes;
  }

  /** Adds the id for the row; false when the row had it already. */
  add(row: number, id: string): boolean {
    return this.addHashes(row, stringHashPair(id, this.seed, this.secondSeed, SECOND), SECOND[0]!);
  }

  /** `add` for an id already hashed under `seeds` (a columnar batch's ids are hashed in one pass). */
  addHashes(row: number, hash: number, second: number): boolean {
    const ints = this.table.ints;
    const i = row * STRIDE * 2;
    const count = ints[i + ID_COUNT]!;
    if (this.inline(row, hash, second, count)) return false;
    if (count >= INLINE_IDS && !this.overflow.add(row, mix(hash, row), second)) return false;
    ints[i + ID_COUNT] = count + 1;
    if (count >= INLINE_IDS) return true;
    this.table.fingerprints[row * STRIDE * 4 + FINGERPRINTS + count] = hash >>> 16;
    const entry = this.count;
    const at = (entry & PAGE_MASK) * 3;
    if (at === 0) this.pages.push(new Int32Array(PAGE * 3));
    const page = this.pages[entry >>> PAGE_BITS]!;
    page[at] = hash;
    page[at + 1] = second;
    // Stryker disable next-line ConditionalExpression,UnaryOperator: the oldest id's link is never followed
    page[at + 2] = count === 0 ? -1 : ints[i + ID_NEWEST]!;
    ints[i + ID_NEWEST] = entry;
    this.count = entry + 1;
    return true;
  }

  has(row: number, id: string): boolean {
    const hash = stringHashPair(id, this.seed, this.secondSeed, SECOND);
    const second = SECOND[0]!;
    const count = this.table.ints[row * STRIDE * 2 + ID_COUNT]!;
    if (this.inline(row, hash, second, count)) return true;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a row with up to 16 ids has none there
    return count > INLINE_IDS && this.overflow.has(row, mix(hash, row), second);
  }

  /** Whether the id with these hashes is among the row's first 16. */
  private inline(row: number, hash: number, second: number, count: number): boolean {
    const fingerprints = this.table.fingerprints;
    const base = row * STRIDE * 4 + FINGERPRINTS;
    const fingerprint = hash >>> 16;
    // Stryker disable next-line EqualityOperator: at a count of 16 both sides are 16
    const stored = count < INLINE_IDS ? count : INLINE_IDS;
    for (let k = 0; k < stored; k++) {
      // Stryker disable next-line ConditionalExpression: the fingerprint spares the walk; the hashes decide
      if (fingerprints[base + k] === fingerprint && this.matches(row, stored - 1 - k, hash, second)) return true;
    }
    return false;
  }

  /** Whether the row's inline id `back` places before its newest one has these hashes. */
  private matches(row: number, back: number, hash: number, second: number): boolean {
    let entry = this.table.ints[row * STRIDE * 2 + ID_NEWEST]!;
    for (; back > 0; back--) entry = this.pages[entry >>> PAGE_BITS]![(entry & PAGE_MASK) * 3 + 2]!;
    const page = this.pages[entry >>> PAGE_BITS]!;
    const at = (entry & PAGE_MASK) * 3;
    return page[at] === hash && page[at + 1] === second;
  }
}

/** A copy half again as long: the overflow's lists, rarely used, grow like this. */
function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(array.length + (array.length >> 1));
  copy.set(array);
  return copy;
}

/** The ids beyond a row's 16th, in an open-addressing table keyed by row and the id's hashes. */
export class OverflowIds {
  mask = (1 << 10) - 1;
  /** [hash, entry + 1] per slot, side by side so a probe reads one cache line; 0: empty. */
  // Stryker disable next-line ArithmeticOperator: one slot short, the last reads as taken by no id: passed over
  slots = new Int32Array((this.mask + 1) * 2);
  size = 0;
  /** Per entry: its row and its second hash (the first, mixed with the row, is in its slot). */
  rows = new Int32Array(64);
  seconds = new Int32Array(64);
  /** Slots visited by `add` and `has`. */
  probes = 0;

  add(row: number, hash: number, second: number): boolean {
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    let probes = 1;
    for (; slots[slot * 2 + 1] !== 0; slot = (slot + 1) & mask, probes++) {
      if (this.matches(slot, row, hash, second)) {
        this.probes += probes;
        return false;
      }
    }
    this.probes += probes;
    const entry = this.size++;
    slots[slot * 2] = hash;
    slots[slot * 2 + 1] = entry + 1;
    if (entry === this.rows.length) {
      this.rows = grown(this.rows);
      this.seconds = grown(this.seconds);
    }
    this.rows[entry] = row;
    this.seconds[entry] = second;
    // Half full at most, so probes stay short.
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: an entry sooner or later, still half full
    if ((entry + 1) * 2 > mask) this.grow();
    return true;
  }

  has(row: number, hash: number, second: number): boolean {
    const slots = this.slots;
    for (let slot = hash & this.mask; slots[slot * 2 + 1] !== 0; slot = (slot + 1) & this.mask) {
      this.probes++;
      if (this.matches(slot, row, hash, second)) return true;
    }
    return false;
  }

  private matches(slot: number, row: number, hash: number, second: number): boolean {
    const entry = this.slots[slot * 2 + 1]! - 1;
    // The slot's hash mixes the row into the id's first hash one-to-one (see `mix`): with the row
    // equal, an equal slot hash is an equal first hash, so the id's 64 bits are compared.
    return this.slots[slot * 2] === hash && this.rows[entry] === row && this.seconds[entry] === second;
  }

  /**
   * Doubles the table. Old slots are read in order and, as an id's new slot is its old one or
   * that plus the old size, written in two ascending runs: no random access.
   */
  private grow(): void {
    const old = this.slots;
    const mask = this.mask * 2 + 1;
    // Stryker disable next-line ArithmeticOperator: one slot short, the last reads as taken by no id: passed over
    const slots = new Int32Array((mask + 1) * 2);
    // Stryker disable next-line EqualityOperator: a pair past the end reads as empty: zeros to an empty slot
    for (let from = 0; from < old.length; from += 2) {
      const entry = old[from + 1]!;
      // Stryker disable next-line ConditionalExpression: copying an empty slot writes zeros into an empty slot
      if (entry === 0) continue;
      let slot = old[from]! & mask;
      while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      slots[slot * 2] = old[from]!;
      slots[slot * 2 + 1] = entry;
    }
    this.mask = mask;
    this.slots = slots;
  }
}

/** The row into the hash, so equal ids of other rows spread over the overflow table; one-to-one for a row. */
export function mix(hash: number, row: number): number {
  const h = Math.imul(hash ^ row, 0x9e3779b1);
  return h ^ (h >>> 15);
}

/**
 * The id's first hash back from its slot hash and row (`mix` undone: the shift's xor, then the
 * multiplier's inverse mod 2³²): saved ids must not carry their row, which a reload renumbers.
 */
export function unmix(mixed: number, row: number): number {
  const h = mixed ^ (mixed >>> 15) ^ (mixed >>> 30);
  return Math.imul(h, 0x0e8b2f51) ^ row;
}
