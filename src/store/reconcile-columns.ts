/**
 * A good snapshot page, read as checked columns (snapshot-columns.ts), applied in bulk. A
 * million-row snapshot is mostly recipients the client has not heard of yet: those are restored
 * as one page of saved columns (`ResponseState.restoreRecipients`, as a cache page is), with no
 * events to apply on top and nothing to disagree with. Only the recipients the state has already
 * are reset one by one, with the events after the cursor and the conflict check (`resetOne`).
 * The result is the one the row-by-row way gives for the same rows, in the same order.
 */
import type { ResponseState, SavedColumns, SavedRecipient } from '../core/fold';
import type { SnapshotColumns } from './snapshot-columns';
import { KeptPage } from './snapshot-kept';

/** Resets one recipient the state has (or a page's second row of one recipient); see `reconcilePage`. */
export type ResetOne = (saved: SavedRecipient) => void;

/**
 * Applies every row of `columns` to `state`. When every row was new to the state and restored in
 * bulk, returns the page's rows as kept columns (the rows are then the next ones of the state,
 * in page order, `out` holding only their numbers). Otherwise the server's state of each row goes
 * to `out.saved` (in page order, with its row in `rows` and whether the state had the recipient
 * in `known`) and undefined is returned.
 */
export function reconcileColumns(
  state: ResponseState,
  emailId: string,
  columns: SnapshotColumns,
  resetOne: ResetOne,
  out: { rows: number[]; saved: SavedRecipient[]; known: boolean[] },
): KeptPage | undefined {
  const { count } = columns;
  if (count === 0) return undefined;
  const page = new KeptPage(emailId, columns, state.rules);
  // Every row is offered to the bulk restore, which takes the recipients the state does not have
  // yet, in page order, at the next rows, and refuses the others (found by its own look-up: a
  // look-up of every row here first cost as much again).
  const first = state.recipients.size;
  const refused = state.restoreRecipients(savedColumns(state, emailId, columns));
  if (refused === 0) {
    for (let i = 0; i < count; i++) out.rows.push(first + i);
    return page;
  }
  // Some were refused: a recipient the state had, or one twice in the page (restored at its first
  // row). A row restored here is the next one in page order; any other is reset one by one, with
  // the events after the cursor and the conflict check, as row by row.
  let next = first;
  for (let i = 0; i < count; i++) {
    if (state.rowOf(emailId, columns.recipientIds[i]!) === next) {
      out.rows.push(next++);
      out.saved.push(page.saved(i));
      out.known.push(false);
      continue;
    }
    resetOne(page.saved(i));
  }
  return undefined;
}

const META = ['contactId', 'contactName', 'address', 'provider'] as const;

/** The rows as one page of saved columns, as the cache restores a page. */
function savedColumns(state: ResponseState, emailId: string, columns: SnapshotColumns): SavedColumns {
  const { rules } = state;
  const size = columns.count;
  const nonFinal = new Int16Array(size);
  const final = new Int16Array(size);
  const nonFinalAt = new Float64Array(size);
  const finalAt = new Float64Array(size);
  const at = new Float64Array(size);
  const opens = new Int32Array(size);
  const clicks = new Int32Array(size);
  const machineOpens = new Int32Array(size);
  const reason = columns.texts.reason;
  const nonFinalReason = reason ? new Array<string | null>(size).fill(null) : undefined;
  const finalReason = reason ? new Array<string | null>(size).fill(null) : undefined;
  const metas = META.map((field) => columns.texts[field]);
  for (let i = 0; i < size; i++) {
    const index = columns.responses[i]!;
    const isFinal = rules.final[index] === 1;
    const time = columns.at[i]!;
    nonFinal[i] = isFinal ? -1 : index;
    final[i] = isFinal ? index : -1;
    nonFinalAt[i] = isFinal ? Infinity : time;
    finalAt[i] = isFinal ? time : Infinity;
    if (reason) (isFinal ? finalReason! : nonFinalReason!)[i] = reason[i] ?? null;
    at[i] = time;
    opens[i] = columns.opens[i]!;
    clicks[i] = columns.clicks[i]!;
    machineOpens[i] = columns.machineOpens[i]!;
  }
  const page: SavedColumns = {
    emailId,
    recipientIds: columns.recipientIds,
    // Codes are catalogue indexes: the page's response list is the catalogue's.
    responses: rules.responses.map((response) => response.id),
    nonFinal,
    nonFinalAt,
    final,
    finalAt,
    opens,
    clicks,
    machineOpens,
    firstAt: at,
    lastAt: at,
    meta: {},
  };
  if (nonFinalReason) page.nonFinalReason = nonFinalReason;
  if (finalReason) page.finalReason = finalReason;
  for (let m = 0; m < META.length; m++) if (metas[m]) page.meta[META[m]!] = { values: metas[m]!, at };
  return page;
}
