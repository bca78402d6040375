/**
 * A row page packed straight from the state's record and texts: what `packRowPage` makes of the
 * rows' `saveRecipient` objects, without an object per row. A compaction packs every large page
 * holding a changed row (65,536 rows), so the objects were most of its time and of its garbage.
 */
import type { ResponseState } from '../../core/fold';
import {
  CLICKS,
  FINAL,
  FINAL_AT,
  FINAL_REASON,
  FINAL_SCOPE,
  FIRST_AT,
  LAST_AT,
  MACHINE_OPENS,
  META_AT,
  META_FIELDS,
  NON_FINAL,
  NON_FINAL_AT,
  NON_FINAL_REASON,
  OPENS,
  STRIDE,
} from '../../core/recipient-table';
import { emptyRowPage, type RowPage } from './row-pages';

/** Packs these rows (all of `emailId`, in slot order) into page `page`, as `packRowPage` would. */
export function packStateRows(state: ResponseState, emailId: string, page: number, rows: readonly number[]): RowPage {
  const table = state.recipients;
  const { times, ints } = table;
  const ids = state.rules.responses;
  const size = rows.length;
  const responses: string[] = [];
  // Codes in order of first use, nonFinal before final, as packRowPage gives them.
  const codes = new Int16Array(ids.length).fill(-1);
  const code = (index: number): number => {
    if (index < 0) return -1;
    if (codes[index] === -1) codes[index] = responses.push(ids[index]!.id) - 1;
    return codes[index]!;
  };
  const out = emptyRowPage(emailId, page, size, responses);
  const textColumn = (): (string | null)[] => new Array<string | null>(size).fill(null);
  for (let slot = 0; slot < size; slot++) {
    const row = rows[slot]!;
    const t = row * STRIDE;
    const i = t * 2;
    out.recipientIds[slot] = state.recipients.recipientIdOf(row);
    out.nonFinal[slot] = code(ints[i + NON_FINAL]!);
    out.nonFinalAt[slot] = times[t + NON_FINAL_AT]!;
    out.final[slot] = code(ints[i + FINAL]!);
    out.finalAt[slot] = times[t + FINAL_AT]!;
    out.opens[slot] = ints[i + OPENS]!;
    out.clicks[slot] = ints[i + CLICKS]!;
    out.machineOpens[slot] = ints[i + MACHINE_OPENS]!;
    out.firstAt[slot] = times[t + FIRST_AT]!;
    out.lastAt[slot] = times[t + LAST_AT]!;
    const nonFinalReason = table.text(row, NON_FINAL_REASON);
    if (nonFinalReason !== undefined) (out.nonFinalReason ??= textColumn())[slot] = nonFinalReason;
    const finalReason = table.text(row, FINAL_REASON);
    if (finalReason !== undefined) (out.finalReason ??= textColumn())[slot] = finalReason;
    if (table.text(row, FINAL_SCOPE) === 'type') (out.finalScope ??= textColumn())[slot] = 'type';
    const sentAt = state.sentAtOf(row);
    if (sentAt !== undefined) (out.sentAt ??= new Float64Array(size).fill(Infinity))[slot] = sentAt;
    for (let m = 0; m < META_FIELDS.length; m++) {
      const value = state.recipients.metaOf(row, m);
      if (value === undefined) continue;
      const column = (out.meta[META_FIELDS[m]!] ??= {
        values: textColumn(),
        at: new Float64Array(size).fill(-Infinity),
      });
      column.values[slot] = value;
      column.at[slot] = times[t + META_AT + m]!;
    }
  }
  return out;
}
