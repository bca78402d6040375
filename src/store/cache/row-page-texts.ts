/**
 * A stored row page read for a restore with its recipient ids and meta texts (contact, name,
 * address, provider) left as the page stored them, one string a column: the recipient table
 * reads a row's value from there when asked (`TextRuns`), so a cold start cuts no string per row
 * for them (issue 16). The page is checked exactly as `decodeRowPage` and `isRowPage` check it;
 * a page whose rows the restore would refuse some of (a response not in the rules) is restored
 * as before, its texts cut up, since its rows would no longer follow its slots.
 */
import type { CompiledRules } from '../../core/rules';
import { META_AT, META_FIELDS, RECIPIENT_ID, STRIDE, type RecipientTable } from '../../core/recipient-table';
import { endsOf, textAt, TextRuns, type TextRun } from '../../core/text-runs';
import { isPlausibleTime } from '../../core/time';
import { FIELD_LIMITS } from '../../core/validate';
import { decodeRowPage } from './row-page-format';
import { slicePage } from './row-page-slice';
import { isRowPage, type MetaColumn, type RowPage } from './row-pages';

/** One meta column of a page: its texts and the time that set each value. */
export interface MetaRun {
  run: TextRun;
  at: Float64Array;
}

/**
 * A page without `meta`, its meta columns in META_FIELDS order (undefined: none), and its
 * recipient ids: `page.recipientIds` holds a placeholder per row (`ID_IN_RUN`).
 */
export interface TextRowPage {
  page: RowPage;
  meta: (MetaRun | undefined)[];
  ids: TextRun;
}

/** What `page.recipientIds` holds for each row of a TextRowPage: its id is in `ids`. */
const ID_IN_RUN = '-';

/** The page a stored record holds, checked; undefined when damaged or another version's. */
export function decodeTextRowPage(record: unknown): TextRowPage | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const stored = record as Record<string, unknown>;
  const meta = stored.meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const ids = idRun(stored.recipientIds);
  if (!ids) return undefined;
  const size = ids.ends.length;
  const page = decodeRowPage({ ...stored, meta: {} }, new Array<string>(size).fill(ID_IN_RUN));
  if (!page || !isRowPage(page)) return undefined;
  const runs: (MetaRun | undefined)[] = [];
  for (const field of META_FIELDS) {
    const column: unknown = (meta as Record<string, unknown>)[field];
    if (column === undefined) {
      runs.push(undefined);
      continue;
    }
    const run = metaRun(column, size, FIELD_LIMITS[field]);
    if (!run) return undefined;
    runs.push(run);
  }
  return { page, meta: runs, ids };
}

/** The stored ids, checked as `isRowPage` checks them: every row has one, within the limit. */
function idRun(column: unknown): TextRun | undefined {
  if (typeof column !== 'object' || column === null) return undefined;
  const { text, lengths } = column as { text?: unknown; lengths?: unknown };
  if (typeof text !== 'string' || !(lengths instanceof Int32Array)) return undefined;
  for (let slot = 0; slot < lengths.length; slot++) if (lengths[slot]! < 1) return undefined;
  const ends = endsOf(lengths, text.length, FIELD_LIMITS.recipientId);
  return ends && { text, ends, from: 0 };
}

/** A stored meta column, checked as `isRowPage` checks one: texts within the limit, times that are times. */
function metaRun(column: unknown, size: number, limit: number): MetaRun | undefined {
  if (typeof column !== 'object' || column === null) return undefined;
  const { values, at } = column as { values?: unknown; at?: unknown };
  if (typeof values !== 'object' || values === null) return undefined;
  const { text, lengths } = values as { text?: unknown; lengths?: unknown };
  if (typeof text !== 'string' || !(lengths instanceof Int32Array) || lengths.length !== size) return undefined;
  const ends = endsOf(lengths, text.length, limit);
  if (!ends || !(at instanceof Float64Array) || at.length !== size) return undefined;
  // A value carries the time of the event that set it; an empty slot -Infinity.
  for (let slot = 0; slot < size; slot++) {
    const time = at[slot]!;
    if (ends[slot]! < 0 ? time !== -Infinity && !isPlausibleTime(time) : !isPlausibleTime(time)) return undefined;
  }
  return { run: { text, ends, from: 0 }, at };
}

/** Slots `from` to `to - 1` of the page, as a page of its own (see `slicePage`). */
export function sliceTextRowPage({ page, meta, ids }: TextRowPage, from: number, to: number): TextRowPage {
  return {
    page: slicePage(page, from, to),
    meta: meta.map((column) =>
      column ? { run: { ...column.run, from: column.run.from + from }, at: column.at.subarray(from, to) } : undefined,
    ),
    ids: { ...ids, from: ids.from + from },
  };
}

/** The page with its ids and meta texts cut into a value per row, as `decodeRowPage` gives it. */
export function withTextValues({ page, meta, ids }: TextRowPage): RowPage {
  const size = page.recipientIds.length;
  const recipientIds = new Array<string>(size);
  for (let slot = 0; slot < size; slot++) recipientIds[slot] = textAt(ids, ids.from + slot)!;
  const out: RowPage = { ...page, recipientIds, meta: {} };
  meta.forEach((column, m) => {
    if (!column) return;
    const values = new Array<string | null>(size);
    for (let slot = 0; slot < size; slot++) values[slot] = textAt(column.run, column.run.from + slot) ?? null;
    out.meta[META_FIELDS[m]!] = { values, at: column.at } satisfies MetaColumn;
  });
  return out;
}

/**
 * Whether `restoreColumns` would refuse a row of the page (not indexed, it refuses only a row
 * whose response the rules lack, or with no response at all).
 */
export function refusesRows(rules: CompiledRules, page: RowPage): boolean {
  const codes = page.responses.map((id) => rules.lookup.get(id) ?? -2);
  const size = page.recipientIds.length;
  for (let slot = 0; slot < size; slot++) {
    const nonFinalCode = page.nonFinal[slot]!;
    const finalCode = page.final[slot]!;
    const nonFinal = nonFinalCode < 0 ? -1 : codes[nonFinalCode]!;
    const final = finalCode < 0 ? -1 : codes[finalCode]!;
    if (nonFinal === -2 || final === -2 || (nonFinal === -1 && final === -1)) return true;
  }
  return false;
}

/**
 * Gives rows `firstRow` on (the page's slots, restored without their ids and meta texts) their
 * ids, their meta texts and the times that set them, as `restoreColumns` writes them from a
 * page's values.
 */
export function restoreTextRuns(table: RecipientTable, firstRow: number, { page, meta, ids }: TextRowPage): void {
  const size = page.recipientIds.length;
  const times = table.times;
  // Loops, not a closure per column: a million rows' stamps (profiled at 110 ms as a forEach).
  for (let m = 0; m < meta.length; m++) {
    const column = meta[m];
    if (!column) continue;
    const { ends, from } = column.run;
    const at = column.at;
    let stamp = firstRow * STRIDE + META_AT + m;
    for (let slot = 0; slot < size; slot++, stamp += STRIDE) if (ends[from + slot]! >= 0) times[stamp] = at[slot]!;
  }
  const runs = table.metaRuns instanceof TextRuns ? table.metaRuns : new TextRuns();
  const columns = meta.map((column) => column?.run);
  columns[RECIPIENT_ID] = ids;
  runs.add(firstRow, size, columns);
  table.useMetaRuns(runs);
}
