/**
 * A state's event ids as a cache saves them with its row pages (issue 16), so a reload dedupes
 * without reading the events back. Apart from event-id-set.ts: only the cache's code (a lazy part
 * of the script-tag build) saves or restores ids, and every page that only folds need not carry it.
 */
import { PAGE, PAGE_BITS, PAGE_MASK, mix, unmix, type EventIdSet, type OverflowIds } from './event-id-set';
import { FINGERPRINTS, ID_COUNT, ID_NEWEST, INLINE_IDS, STRIDE } from './recipient-table';

/**
 * Rows' ids as saved (a cache's row page): per row its id count, then per id two Int32 hashes, the
 * rows one after the other in `hashes`: a row's first 16 ids (inline) in arrival order, then the
 * rest (its overflow ids). None carries its row (the overflow table keys a hash mixed with it): a
 * reload numbers rows by email and page, not by first appearance as the state that saved them.
 */
export interface SavedEventIds {
  counts: Int32Array;
  hashes: Int32Array;
}

/** The ids of these rows, to save. */
export function saveEventIds(set: EventIdSet, rows: readonly number[]): SavedEventIds {
  const ints = set.table.ints;
  const counts = new Int32Array(rows.length);
  let total = 0;
  for (let r = 0; r < rows.length; r++) total += counts[r] = ints[rows[r]! * STRIDE * 2 + ID_COUNT]!;
  const hashes = new Int32Array(total * 2);
  let at = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const count = counts[r]!;
    const inline = Math.min(count, INLINE_IDS);
    // The chain runs newest first: written from the back, they land in arrival order.
    let entry = ints[row * STRIDE * 2 + ID_NEWEST]!;
    for (let k = inline - 1; k >= 0; k--) {
      const page = set.pages[entry >>> PAGE_BITS]!;
      const from = (entry & PAGE_MASK) * 3;
      hashes[at + k * 2] = page[from]!;
      hashes[at + k * 2 + 1] = page[from + 1]!;
      entry = page[from + 2]!;
    }
    at += inline * 2;
    if (count > INLINE_IDS) at = saveOverflowRow(set.overflow, row, hashes, at);
  }
  return { counts, hashes };
}

/**
 * Gives `saved.counts.length` rows from `firstRow` on the ids saved for them, as adding them one
 * by one would, without their texts. The rows must have no ids yet, and the set the seeds the ids
 * were hashed under (`EventIdSet.adoptSeeds`).
 */
export function restoreEventIds(set: EventIdSet, firstRow: number, saved: SavedEventIds): void {
  const { counts, hashes } = saved;
  const ints = set.table.ints;
  const fingerprints = set.table.fingerprints;
  let at = 0;
  for (let r = 0; r < counts.length; r++) {
    const row = firstRow + r;
    const i = row * STRIDE * 2;
    const count = counts[r]!;
    const inline = Math.min(count, INLINE_IDS);
    for (let k = 0; k < inline; k++, at += 2) {
      const hash = hashes[at]!;
      fingerprints[row * STRIDE * 4 + FINGERPRINTS + k] = hash >>> 16;
      const entry = set.count;
      const to = (entry & PAGE_MASK) * 3;
      if (to === 0) set.pages.push(new Int32Array(PAGE * 3));
      const page = set.pages[entry >>> PAGE_BITS]!;
      page[to] = hash;
      page[to + 1] = hashes[at + 1]!;
      page[to + 2] = k === 0 ? -1 : ints[i + ID_NEWEST]!;
      ints[i + ID_NEWEST] = entry;
      set.count = entry + 1;
    }
    for (let k = inline; k < count; k++, at += 2) set.overflow.add(row, mix(hashes[at]!, row), hashes[at + 1]!);
    ints[i + ID_COUNT] = count;
  }
}

/**
 * Each overflow table's slots by row, in entry (arrival) order, with the size and mask it was built
 * at: an id added or the table grown makes a new one. Rows with overflow ids are few (more than
 * 16 events), so a row's are found through this index, built when first asked after a change.
 */
const BY_ROW = new WeakMap<OverflowIds, { size: number; mask: number; index: Map<number, number[]> }>();

/** Writes the row's overflow ids (first and second hash) into `out` from `at`; returns where it stopped. */
function saveOverflowRow(overflow: OverflowIds, row: number, out: Int32Array, at: number): number {
  let byRow = BY_ROW.get(overflow);
  if (byRow?.size !== overflow.size || byRow.mask !== overflow.mask) {
    byRow = { size: overflow.size, mask: overflow.mask, index: indexByRow(overflow) };
    BY_ROW.set(overflow, byRow);
  }
  for (const slot of byRow.index.get(row) ?? []) {
    out[at++] = unmix(overflow.slots[slot * 2]!, row);
    out[at++] = overflow.seconds[overflow.slots[slot * 2 + 1]! - 1]!;
  }
  return at;
}

function indexByRow(overflow: OverflowIds): Map<number, number[]> {
  const entries: number[] = new Array<number>(overflow.size);
  for (let slot = 0; slot <= overflow.mask; slot++) {
    const entry = overflow.slots[slot * 2 + 1]!;
    if (entry !== 0) entries[entry - 1] = slot;
  }
  const index = new Map<number, number[]>();
  for (let entry = 0; entry < overflow.size; entry++) {
    const row = overflow.rows[entry]!;
    const list = index.get(row);
    if (list) list.push(entries[entry]!);
    else index.set(row, [entries[entry]!]);
  }
  return index;
}
