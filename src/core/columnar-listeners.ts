/**
 * Listeners that hear a columnar batch's rows without an object per row (issue 16 §3).
 *
 * A plain `AcceptedListener` hears each accepted event as an object it may keep, so the fold
 * unpacks every row of a columnar batch into one (columnar-rows.ts `event`), which cost the store
 * more than the fold itself. A listener marked `forColumns` hears a row as the fold's scratch
 * event instead (rewritten for the next row, holding only the row's id) while
 * `heard.rows` says which row it is: its fields can be read from the batch's columns (the store's
 * log does, event-log-pages.ts), and `heard.copy()` makes the object only when one is kept. The
 * fold takes this way only when both listeners are marked: a redelivery listener hears `heard` too.
 */
import type { AcceptedListener } from './batch';
import type { ColumnarRows } from './columnar-rows';
import type { ResponseEvent } from './event';
import type { CompiledRules } from './rules';

/** Slots per row of `RowCopy.grouped`. */
export const GROUPED = 5;
/** A text's entry in `RowCopy.grouped`: its column has no dictionary; it is read at the row. */
export const BY_ROW = -3;

/** A columnar row: its batch and index, and the object it stands for, made on demand. */
export interface RowCopy {
  readonly rows: ColumnarRows | undefined;
  readonly i: number;
  /**
   * Set while a batch folded grouped by recipient (columnar-fold.ts) is heard: its accepted
   * rows grouped by recipient row, each recipient's in their order, GROUPED Int32 slots a row:
   * the batch row, the recipient row, then the entries of its contactId, contactName and address
   * in their dictionaries (-1: no value; BY_ROW: the column has no dictionary, read the row). All
   * of them are heard after, in the batch's order. A listener that keeps something per recipient
   * (the log's per-row texts) may do that work first in this order, in the cache.
   */
  readonly grouped: Int32Array | undefined;
  copy(): ResponseEvent;
}

/**
 * The row a `forColumns` listener is hearing: `rows` is set only while the fold applies one of
 * its rows, so an event heard with `heard.rows` undefined is an object to keep as it is.
 */
export const heard: RowCopy & {
  rows: ColumnarRows | undefined;
  i: number;
  grouped: Int32Array | undefined;
  rules: CompiledRules | undefined;
} = {
  rows: undefined,
  i: 0,
  grouped: undefined,
  rules: undefined,
  copy() {
    // As `checkEvent` makes it of the plain event (it writes `event` before it is read).
    return this.rows!.event(this.i, this.rules!, { event: undefined as unknown as ResponseEvent, response: -1, at: 0 });
  },
};

/** Marks a listener that takes a columnar row as the scratch event, with `heard` (see above). */
export const forColumns = (listener: AcceptedListener): AcceptedListener => (
  ((listener as { columns?: boolean }).columns = true),
  listener
);

/** Whether the fold may hand these listeners scratch events: `accepted` marked, `duplicate` marked or absent. */
export const takeColumns = (accepted: AcceptedListener, duplicate: AcceptedListener | undefined): boolean | undefined =>
  (accepted as { columns?: boolean }).columns && (!duplicate || (duplicate as { columns?: boolean }).columns);
