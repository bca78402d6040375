/**
 * Applying a batch whose items may be columnar batches as well as plain events. `applyItems`
 * folds a batch's rows from its columns; `expandColumnar` unpacks them into the plain events
 * they stand for (for code that wants the events themselves). Either way a row is validated,
 * deduplicated and folded exactly as the same event sent as an object, and a rejected row says
 * which row of which batch it was.
 */
import type { AcceptedListener, AppliedBatch } from './batch';
import { EVENT_COLUMNS, decodeColumns, isColumnarBatch, rowReason, type ColumnarRowRejection } from './columnar-batch';
import { prepareColumns } from './columnar-prepare';
import type { EventRejection } from './event';
import type { ResponseState } from './fold';
import { readBatch } from './read-batch';

/** Plain events with the rows of any columnar batch among them, and what could not be unpacked. */
export interface ExpandedItems {
  events: unknown[];
  /** Malformed batches (rejected whole) and rows whose dictionary index is wrong. */
  rejected: EventRejection[];
  /**
   * For each of `events`, the row it is in its columnar batch, or -1 for a plain event; undefined
   * when no item was a columnar batch (the events are then the items themselves).
   */
  rowOf: Int32Array | undefined;
}

/** Unpacks the columnar batches among `items`; plain events pass as they are. Never throws. */
export function expandColumnar(items: readonly unknown[]): ExpandedItems {
  let any = false;
  for (const item of items) if (isColumnarBatch(item)) any = true;
  if (!any) return { events: items as unknown[], rejected: [], rowOf: undefined };
  const events: unknown[] = [];
  const rows: number[] = [];
  const rejected: EventRejection[] = [];
  for (const item of items) {
    if (!isColumnarBatch(item)) {
      events.push(item);
      rows.push(-1);
      continue;
    }
    const decoded = decodeColumns(item, EVENT_COLUMNS);
    if (!decoded.ok) {
      rejected.push(decoded.rejection);
      continue;
    }
    rejected.push(...decoded.rejected);
    const unpacked = decoded.rows;
    // Stryker disable next-line EqualityOperator: past the last row, unpacked[i] is undefined and skipped
    for (let i = 0; i < unpacked.length; i++) {
      const row = unpacked[i];
      if (row === undefined) continue;
      events.push(row);
      rows.push(i);
    }
  }
  return { events, rejected, rowOf: Int32Array.from(rows) };
}

/**
 * The rejections of `apply` with, for each event that was a row of a columnar batch, its index
 * in `row` and before its reason. Rows are found by identity: a rejection carries its input.
 */
export function labelRows(
  rejected: readonly EventRejection[],
  events: readonly unknown[],
  rowOf: Int32Array | undefined,
): EventRejection[] {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: only saves the map (applyItems passes rows)
  if (rowOf === undefined || rejected.length === 0) return rejected as EventRejection[];
  // Built only when something was rejected: a Map of every event costs more than the lookups.
  const indexOf = new Map<unknown, number>();
  // Stryker disable next-line EqualityOperator: past the last event, rowOf[k] is undefined, not a row
  for (let k = 0; k < events.length; k++) if (rowOf[k]! >= 0) indexOf.set(events[k], rowOf[k]!);
  return rejected.map((rejection) => {
    const row = indexOf.get(rejection.event);
    if (row === undefined) return rejection;
    const labelled: ColumnarRowRejection = { ...rejection, reason: rowReason(row, rejection.reason), row };
    return labelled;
  });
}

/**
 * `state.apply` for items that may be columnar batches (see docs/wire-format.md) as well as
 * plain events. A malformed batch is rejected whole; a bad row is rejected with its index and
 * the reason the same event would get as an object; the other rows apply. A batch's rows are
 * folded from its columns (columnar-prepare.ts, columnar-fold.ts), in the batch's place among the
 * items, without an object per row. The rejections: first the malformed batches and the rows
 * whose dictionary index is wrong, then the others in the order of the items and rows.
 */
export function applyItems(
  state: ResponseState,
  items: Iterable<unknown>,
  onAccepted?: AcceptedListener,
  onDuplicate?: AcceptedListener,
): AppliedBatch {
  const read = readBatch(items);
  if (!Array.isArray(read)) return { accepted: 0, duplicates: 0, rejected: [read], changed: [], changedEmails: [] };
  // Stryker disable next-line MethodExpression,ConditionalExpression: with no batch, the items prepare to themselves
  if (!read.some(isColumnarBatch)) return state.apply(read, onAccepted, onDuplicate);
  const rejected: EventRejection[] = [];
  const prepared: unknown[] = [];
  for (const item of read) {
    if (!isColumnarBatch(item)) {
      prepared.push(item);
      continue;
    }
    const batch = prepareColumns(item, state.rules);
    if (!batch.ok) {
      rejected.push(batch.rejection);
      continue;
    }
    // One by one: spreading a million rejections into push would overflow the stack.
    for (const rejection of batch.rejected) rejected.push(rejection);
    prepared.push(batch.rows);
  }
  const applied = state.apply(prepared, onAccepted, onDuplicate);
  return { ...applied, rejected: [...rejected, ...applied.rejected] };
}
