/**
 * How a row page is stored (schema version 2): every text column as one string and the length of
 * each value. Structured clone costs per object, not per byte: a page of 1,000 rows kept its ids,
 * contacts, names and addresses as some 5,000 strings, which a cold start at a million rows
 * decoded one by one (0.87 s of its 4.4 s here). As one string a column they decode as a handful
 * of objects; cutting them again is a slice a value. Numbers stay typed arrays, which clone as
 * one copy each. Pure data in and out, no IndexedDB.
 */
import { META_FIELDS, type MetaField } from '../../core/recipient-table';
import type { MetaColumn, RowPage } from './row-pages';

/** A text column: the values one after the other, and each one's length (-1: null). */
export interface TextColumn {
  text: string;
  lengths: Int32Array;
}

/** A `RowPage` as IndexedDB keeps it (keyed by `emailId` and `page`, as version 1 was). */
export interface StoredRowPage {
  emailId: string;
  page: number;
  recipientIds: TextColumn;
  responses: string[];
  nonFinal: Int16Array;
  nonFinalAt: Float64Array;
  nonFinalReason?: TextColumn;
  final: Int16Array;
  finalAt: Float64Array;
  finalReason?: TextColumn;
  finalScope?: TextColumn;
  sentAt?: Float64Array;
  opens: Int32Array;
  clicks: Int32Array;
  machineOpens: Int32Array;
  firstAt: Float64Array;
  lastAt: Float64Array;
  meta: Partial<Record<MetaField, { values: TextColumn; at: Float64Array }>>;
}

export function encodeRowPage(page: RowPage): StoredRowPage {
  const { nonFinalReason, finalReason, finalScope, ...numbers } = page;
  const stored: StoredRowPage = { ...numbers, recipientIds: joinTexts(page.recipientIds), meta: {} };
  if (nonFinalReason) stored.nonFinalReason = joinTexts(nonFinalReason);
  if (finalReason) stored.finalReason = joinTexts(finalReason);
  if (finalScope) stored.finalScope = joinTexts(finalScope);
  for (const field of META_FIELDS) {
    const column = page.meta[field];
    if (column) stored.meta[field] = { values: joinTexts(column.values), at: column.at };
  }
  return stored;
}

/**
 * The page a stored record holds, or undefined when its text columns are not whole (another
 * version's record, or a damaged one). Only the texts are checked here: `isRowPage` checks every
 * value of what this returns. `ids`, when given, stands for the stored ids (a caller that keeps
 * them as the page stored them, and checks them itself).
 */
export function decodeRowPage(value: unknown, ids?: string[]): RowPage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stored = value as Record<string, unknown>;
  const recipientIds = ids ?? splitTexts(stored.recipientIds);
  if (!recipientIds || (!ids && recipientIds.includes(null))) return undefined;
  const page = { ...stored, recipientIds, meta: {} } as unknown as RowPage;
  for (const key of ['nonFinalReason', 'finalReason', 'finalScope'] as const) {
    if (stored[key] === undefined) continue;
    const texts = splitTexts(stored[key]);
    if (!texts) return undefined;
    page[key] = texts;
  }
  const meta = stored.meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  for (const field of META_FIELDS) {
    const column = (meta as Record<string, unknown>)[field] as { values?: unknown; at?: unknown } | undefined;
    if (column === undefined) continue;
    const values = typeof column === 'object' && column !== null ? splitTexts(column.values) : undefined;
    if (!values) return undefined;
    page.meta[field] = { values, at: column.at } as MetaColumn;
  }
  return page;
}

function joinTexts(values: readonly (string | null)[]): TextColumn {
  const lengths = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) lengths[i] = values[i]?.length ?? -1;
  return { text: values.map((value) => value ?? '').join(''), lengths };
}

/** The column's values, or undefined when its lengths do not add up to its text. */
function splitTexts(value: unknown): (string | null)[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { text, lengths } = value as Partial<TextColumn>;
  if (typeof text !== 'string' || !(lengths instanceof Int32Array)) return undefined;
  const out = new Array<string | null>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    if (length === -1) {
      out[i] = null;
      continue;
    }
    if (length < 0) return undefined;
    out[i] = text.slice(at, at + length);
    at += length;
  }
  return at === text.length ? out : undefined;
}
