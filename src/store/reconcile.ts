import type { EventRejection, ResponseEvent } from '../core/event';
import type { RecipientState, ResponseState, SavedRecipient } from '../core/fold';
import { isColumnarBatch } from '../core/columnar-batch';
import { responseIndex } from '../core/rules';
import { eventTime } from '../core/time';
import { checkServerRecipient, labelRow, pageRows, type ServerRecipient, type SnapshotPage } from './snapshot-page';
import { reconcileColumns } from './reconcile-columns';
import { readSnapshotColumns, readSnapshotObjects, type SnapshotColumns } from './snapshot-columns';
import type { KeptPage } from './snapshot-kept';
import type { ReconcileConflict } from './store-events';

export type { ServerRecipient, SnapshotPage };

const COMPARED = ['response', 'final', 'opens', 'clicks', 'machineOpens'] as const;

/** True when the two states differ in what the rules decide (response and counters). */
export function disagree(a: RecipientState, b: RecipientState): boolean {
  return COMPARED.some((field) => a[field] !== b[field]);
}

/**
 * The server's recipient as a row's merge state, or why it cannot be one: it is checked as
 * strictly as an event (`checkServerRecipient`).
 */
export function toSaved(
  emailId: string,
  server: ServerRecipient,
  state: ResponseState,
): SavedRecipient | EventRejection {
  const problem = checkServerRecipient(server, emailId, state.rules);
  if (problem) return problem;
  const index = responseIndex(state.rules, server.response);
  const at = eventTime(server.at);
  const final = state.rules.final[index] === 1;
  const id = state.rules.responses[index]!.id;
  const count = (value: number | undefined) => value ?? 0;
  const saved: SavedRecipient = {
    emailId,
    recipientId: server.recipientId,
    nonFinal: final ? null : id,
    nonFinalAt: final ? Infinity : at,
    nonFinalReason: final ? null : (server.reason ?? null),
    final: final ? id : null,
    finalAt: final ? at : Infinity,
    finalReason: final ? (server.reason ?? null) : null,
    opens: count(server.opens),
    clicks: count(server.clicks),
    machineOpens: count(server.machineOpens),
    firstAt: at,
    lastAt: at,
    meta: {},
  };
  for (const field of ['contactId', 'contactName', 'address', 'provider'] as const) {
    const value = server[field];
    if (typeof value === 'string') saved.meta[field] = [value, at];
  }
  return saved;
}

/** What reconciling a page did. */
export interface PageResult {
  rows: number[];
  /** The server's state of each row in `rows`, in the same order (none when `page` holds them). */
  saved: SavedRecipient[];
  /**
   * Whether the state had each row's recipient before (in the order of `rows`): a new one has no
   * events. None when `page` holds the rows.
   */
  known: boolean[];
  /**
   * When every row of a good page was new to the state and restored in bulk: the page's rows, as
   * its columns, each the server's state of the row of `rows` at the same position.
   */
  page?: KeptPage;
  conflicts: ReconcileConflict[];
  problems: string[];
  rejected: EventRejection[];
}

/**
 * Makes the server's state win for the recipients a snapshot page covers, re-applying on top the
 * events that arrived after the snapshot's cursor. Returns the changed rows, every disagreement
 * between the optimistic state and the result, and the recipients it could not read.
 */
export function reconcilePage(
  state: ResponseState,
  page: SnapshotPage,
  eventsAfterCursor: (row: number) => ResponseEvent[],
): PageResult {
  // A page where every row is good, as columns or objects, is applied in bulk; any other row by row.
  const good = isColumnarBatch(page.recipients)
    ? readSnapshotColumns(page.recipients, page.emailId, state.rules)
    : readSnapshotObjects(page.recipients, page.emailId, state.rules);
  return reconcileRows(state, page, eventsAfterCursor, good);
}

/**
 * `reconcilePage` with the page read: in bulk when `good` (its rows as checked columns) is given;
 * otherwise row by row, each row checked and reset on its own, which is what a page with a
 * problem takes and what the tests hold the bulk way against.
 */
export function reconcileRows(
  state: ResponseState,
  page: SnapshotPage,
  eventsAfterCursor: (row: number) => ResponseEvent[],
  good?: SnapshotColumns,
): PageResult {
  const rows: number[] = [];
  const applied: SavedRecipient[] = [];
  const known: boolean[] = [];
  const conflicts: ReconcileConflict[] = [];
  const problems: string[] = [];
  const rejected: EventRejection[] = [];
  const out = { rows, saved: applied, known };
  const resetOne = (saved: SavedRecipient) => {
    const existing = state.rowOf(page.emailId, saved.recipientId);
    const optimistic = existing >= 0 ? state.recipientAt(existing) : undefined;
    const row = state.resetRecipient(saved, existing >= 0 ? eventsAfterCursor(existing) : []);
    if (row < 0) return;
    rows.push(row);
    applied.push(saved);
    known.push(optimistic !== undefined);
    // A recipient the client had not heard of yet is news, not a disagreement; its state is not
    // read here (a million-row snapshot is mostly such rows).
    if (optimistic === undefined) return;
    const result = state.recipientAt(row);
    if (disagree(optimistic, result))
      conflicts.push({ emailId: page.emailId, recipientId: saved.recipientId, optimistic, server: result });
  };
  if (good) {
    const kept = reconcileColumns(state, page.emailId, good, resetOne, out);
    const result: PageResult = { rows, saved: applied, known, conflicts, problems, rejected };
    if (kept) result.page = kept;
    return result;
  }
  // A page's rows come as objects or as columns (pageRows); either way each is checked as an event.
  const unpacked = pageRows(page.recipients);
  for (const rejection of unpacked.rejected) {
    problems.push(rejection.reason);
    rejected.push(rejection);
  }
  for (let i = 0; i < unpacked.rows.length; i++) {
    const server = unpacked.rows[i] as ServerRecipient;
    if (server === undefined && unpacked.columnar) continue;
    const checked = toSaved(page.emailId, server, state);
    const saved = 'code' in checked && unpacked.columnar ? labelRow(checked, i) : checked;
    if ('code' in saved) {
      problems.push(saved.reason);
      rejected.push(saved);
      continue;
    }
    resetOne(saved);
  }
  return { rows, saved: applied, known, conflicts, problems, rejected };
}
