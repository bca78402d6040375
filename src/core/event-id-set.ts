import { randomSeed, stringHash } from './string-hash';
import { FINGERPRINTS, ID_COUNT, ID_NEWEST, INLINE_IDS, STRIDE, type RecipientTable } from './recipient-table';

/**
 * The event ids applied so far, per recipient row, so a redelivered event counts once.
 *
 * A row's first 16 ids are known by 16-bit fingerprints kept in the row's own record, which the
 * fold reads for the event anyway: a new id costs a scan of that cache line and appends to two
 * lists, with no other random access. Only a fingerprint match (a redelivery, or at most 1 in
 * 4,096 new ids) walks the row's chain of ids to confirm. Ids beyond a row's 16th go to an
 * open-addressing table shared by all rows. A table for every id cost one more cache miss per
 * event (~100 ns here), a JavaScript Set ~500 ns.
 */
export class EventIdSet {
  /** Each row's first 16 ids, in arrival order. */
  private readonly ids: string[] = [];
  /** Per id in `ids`: the previous one of the same row, or -1. */
  private previous = new Int32Array(1024);
  private readonly overflow = new OverflowIds();
  /**
   * The hash's starting value, drawn per state: ids built to share one FNV-1a hash (chained
   * two-character collisions from the published offset basis) then spread like any others, so
   * 32,768 of them for one recipient cost what random ids cost instead of a probe run each.
   */
  private readonly seed = randomSeed();

  constructor(private readonly table: RecipientTable) {}

  get size(): number {
    return this.ids.length + this.overflow.size;
  }

  /** Slots of the overflow table read so far: the work hostile ids would multiply (tests read it). */
  get probes(): number {
    return this.overflow.probes;
  }

  /** Adds the id for the row; false when the row had it already. */
  add(row: number, id: string): boolean {
    const hash = stringHash(id, this.seed);
    const ints = this.table.ints;
    const i = row * STRIDE * 2;
    const count = ints[i + ID_COUNT]!;
    if (this.inline(row, id, hash >>> 16, count)) return false;
    if (count >= INLINE_IDS && !this.overflow.add(row, id, mix(hash, row))) return false;
    ints[i + ID_COUNT] = count + 1;
    if (count >= INLINE_IDS) return true;
    this.table.fingerprints[row * STRIDE * 4 + FINGERPRINTS + count] = hash >>> 16;
    const entry = this.ids.length;
    if (entry === this.previous.length) {
      const previous = new Int32Array(entry * 2);
      previous.set(this.previous);
      this.previous = previous;
    }
    // Stryker disable next-line ConditionalExpression,UnaryOperator: the oldest id's link is never followed
    this.previous[entry] = count === 0 ? -1 : ints[i + ID_NEWEST]!;
    ints[i + ID_NEWEST] = entry;
    this.ids.push(id);
    return true;
  }

  has(row: number, id: string): boolean {
    const hash = stringHash(id, this.seed);
    const count = this.table.ints[row * STRIDE * 2 + ID_COUNT]!;
    if (this.inline(row, id, hash >>> 16, count)) return true;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a row with up to 16 ids has none there
    return count > INLINE_IDS && this.overflow.has(row, id, mix(hash, row));
  }

  /** Whether the id is among the row's first 16. */
  private inline(row: number, id: string, fingerprint: number, count: number): boolean {
    const fingerprints = this.table.fingerprints;
    const base = row * STRIDE * 4 + FINGERPRINTS;
    // Stryker disable next-line EqualityOperator: at a count of 16 both sides are 16
    const stored = count < INLINE_IDS ? count : INLINE_IDS;
    for (let k = 0; k < stored; k++) {
      // Stryker disable next-line ConditionalExpression: the fingerprint spares reading the id; the id decides
      if (fingerprints[base + k] === fingerprint && this.idAt(row, stored - 1 - k) === id) return true;
    }
    return false;
  }

  /** The row's inline id `back` places before its newest one. */
  private idAt(row: number, back: number): string {
    let entry = this.table.ints[row * STRIDE * 2 + ID_NEWEST]!;
    for (; back > 0; back--) entry = this.previous[entry]!;
    return this.ids[entry]!;
  }
}

/** The ids beyond a row's 16th, in an open-addressing table keyed by row and id. */
class OverflowIds {
  private mask = (1 << 10) - 1;
  /** [hash, entry + 1] per slot, side by side so a probe reads one cache line; 0: empty. */
  // Stryker disable next-line ArithmeticOperator: one slot short, the last reads as taken by no id: passed over
  private slots = new Int32Array((this.mask + 1) * 2);
  private readonly ids: string[] = [];
  private rows = new Int32Array(64);
  /** Slots visited by `add` and `has`. */
  probes = 0;

  get size(): number {
    return this.ids.length;
  }

  add(row: number, id: string, hash: number): boolean {
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    let probes = 1;
    for (; slots[slot * 2 + 1] !== 0; slot = (slot + 1) & mask, probes++) {
      if (this.matches(slot, row, id, hash)) {
        this.probes += probes;
        return false;
      }
    }
    this.probes += probes;
    const entry = this.ids.length;
    slots[slot * 2] = hash;
    slots[slot * 2 + 1] = entry + 1;
    this.ids.push(id);
    if (entry === this.rows.length) {
      const rows = new Int32Array(entry * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    this.rows[entry] = row;
    // Half full at most, so probes stay short.
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: an entry sooner or later, still half full
    if ((entry + 1) * 2 > mask) this.grow();
    return true;
  }

  has(row: number, id: string, hash: number): boolean {
    const slots = this.slots;
    for (let slot = hash & this.mask; slots[slot * 2 + 1] !== 0; slot = (slot + 1) & this.mask) {
      this.probes++;
      if (this.matches(slot, row, id, hash)) return true;
    }
    return false;
  }

  private matches(slot: number, row: number, id: string, hash: number): boolean {
    const entry = this.slots[slot * 2 + 1]! - 1;
    // An equal id has an equal hash just when it has an equal row (`mix` is one-to-one), so either check alone does.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: see above
    return this.slots[slot * 2] === hash && this.rows[entry] === row && this.ids[entry] === id;
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

/** The row into the hash, so equal ids of other rows spread over the overflow table. */
function mix(hash: number, row: number): number {
  const h = Math.imul(hash ^ row, 0x9e3779b1);
  return h ^ (h >>> 15);
}
