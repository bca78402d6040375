/**
 * A good snapshot page, read as checked columns (snapshot-columns.ts), applied in bulk. A
 * million-row snapshot is mostly recipients the client has not heard of yet: those are restored
 * as one page of saved columns (`ResponseState.restoreRecipients`, as a cache page is), with no
 * events to apply on top and nothing to disagree with. Only the recipients the state has already
 * are reset one by one, with the events after the cursor and the conflict check (`resetOne`).
 * The result is the one the row-by-row way gives for the same rows, in the same order.
 */
import type { ResponseState, SavedColumns, SavedRecipient } from '../core/fold';
import type { OptionalText, SnapshotColumns } from './snapshot-columns';

/** Resets one recipient the state has (or a page's second row of one recipient); see `reconcilePage`. */
export type ResetOne = (saved: SavedRecipient) => void;

/**
 * Applies every row of `columns` to `state`: the server's state of each row goes to `saved` (in
 * page order, with its row in `rows` and whether the state had the recipient in `known`).
 */
export function reconcileColumns(
  state: ResponseState,
  emailId: string,
  columns: SnapshotColumns,
  resetOne: ResetOne,
  out: { rows: number[]; saved: SavedRecipient[]; known: boolean[] },
): void {
  const { count } = columns;
  const saved = savedRows(state, emailId, columns);
  // Which rows are new: restored in bulk. A recipient twice in the page is restored at its first
  // row and reset at the next, as row by row.
  const fresh = new Uint8Array(count);
  let freshCount = 0;
  for (let i = 0; i < count; i++)
    if (state.rowOf(emailId, columns.recipientIds[i]!) < 0) {
      fresh[i] = 1;
      freshCount++;
    }
  const first = state.recipients.size;
  const refused = freshCount === 0 ? 0 : state.restoreRecipients(savedColumns(state, emailId, columns, fresh));
  const repeated = refused > 0 ? repeats(columns.recipientIds, fresh) : undefined;
  let next = first;
  for (let i = 0; i < count; i++) {
    if (fresh[i] === 1 && repeated?.[i] !== 1) {
      out.rows.push(next++);
      out.saved.push(saved[i]!);
      out.known.push(false);
      continue;
    }
    resetOne(saved[i]!);
  }
}

/** Rows marked fresh whose recipient came at an earlier fresh row of the page (restore refused them). */
function repeats(recipientIds: readonly string[], fresh: Uint8Array): Uint8Array {
  const seen = new Set<string>();
  const out = new Uint8Array(fresh.length);
  for (let i = 0; i < fresh.length; i++) {
    if (fresh[i] !== 1) continue;
    const id = recipientIds[i]!;
    if (seen.has(id)) out[i] = 1;
    else seen.add(id);
  }
  return out;
}

const META = ['contactId', 'contactName', 'address', 'provider'] as const;

/** The server's state of each row as `toSaved` makes it: the kept rows and the rows reset one by one. */
function savedRows(state: ResponseState, emailId: string, columns: SnapshotColumns): SavedRecipient[] {
  const { rules } = state;
  const { texts } = columns;
  const reason = texts.reason;
  const metas = META.map((field) => texts[field]);
  const out = new Array<SavedRecipient>(columns.count);
  for (let i = 0; i < columns.count; i++) {
    const index = columns.responses[i]!;
    const at = columns.at[i]!;
    const final = rules.final[index] === 1;
    const id = rules.responses[index]!.id;
    const why = reason?.[i] ?? null;
    const saved: SavedRecipient = {
      emailId,
      recipientId: columns.recipientIds[i]!,
      nonFinal: final ? null : id,
      nonFinalAt: final ? Infinity : at,
      nonFinalReason: final ? null : why,
      final: final ? id : null,
      finalAt: final ? at : Infinity,
      finalReason: final ? why : null,
      opens: columns.opens[i]!,
      clicks: columns.clicks[i]!,
      machineOpens: columns.machineOpens[i]!,
      firstAt: at,
      lastAt: at,
      meta: {},
    };
    for (let m = 0; m < META.length; m++) {
      const value = metas[m]?.[i];
      if (typeof value === 'string') saved.meta[META[m]!] = [value, at];
    }
    out[i] = saved;
  }
  return out;
}

/** The fresh rows as one page of saved columns, as the cache restores a page. */
function savedColumns(
  state: ResponseState,
  emailId: string,
  columns: SnapshotColumns,
  fresh: Uint8Array,
): SavedColumns {
  const { rules } = state;
  const size = fresh.reduce((sum, flag) => sum + flag, 0);
  const recipientIds = new Array<string>(size);
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
  const metas = META.map((field) => pick(columns.texts, field, fresh, size));
  let slot = 0;
  for (let i = 0; i < columns.count; i++) {
    if (fresh[i] !== 1) continue;
    const index = columns.responses[i]!;
    const isFinal = rules.final[index] === 1;
    const time = columns.at[i]!;
    recipientIds[slot] = columns.recipientIds[i]!;
    nonFinal[slot] = isFinal ? -1 : index;
    final[slot] = isFinal ? index : -1;
    nonFinalAt[slot] = isFinal ? Infinity : time;
    finalAt[slot] = isFinal ? time : Infinity;
    if (reason) (isFinal ? finalReason! : nonFinalReason!)[slot] = reason[i] ?? null;
    at[slot] = time;
    opens[slot] = columns.opens[i]!;
    clicks[slot] = columns.clicks[i]!;
    machineOpens[slot] = columns.machineOpens[i]!;
    slot++;
  }
  const page: SavedColumns = {
    emailId,
    recipientIds,
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

/** A text column's values at the fresh rows, or undefined when the batch has no such column. */
function pick(
  texts: SnapshotColumns['texts'],
  field: OptionalText,
  fresh: Uint8Array,
  size: number,
): (string | null)[] | undefined {
  const values = texts[field];
  if (!values) return undefined;
  const out = new Array<string | null>(size);
  let slot = 0;
  for (let i = 0; i < fresh.length; i++) if (fresh[i] === 1) out[slot++] = values[i]!;
  return out;
}
