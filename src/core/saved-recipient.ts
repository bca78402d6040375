/** A row's merge state as plain data: what a cache saves and restores instead of its events. */
import type { ContactIndex } from './contact-index';
import type { EmailTable } from './email-table';
import { signature } from './merge';
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
  type RecipientTable,
} from './recipient-table';
import type { CompiledRules } from './rules';

const NONE = -1;

/** A row's merge state as plain data (structured-clone and JSON safe but for ±Infinity times). */
export interface SavedRecipient {
  emailId: string;
  recipientId: string;
  nonFinal: string | null;
  nonFinalAt: number;
  nonFinalReason: string | null;
  final: string | null;
  finalAt: number;
  finalReason: string | null;
  /** `type` when the final response is an Unsubscribed from the email's type only. */
  finalScope?: 'type';
  /**
   * With a statistics update period: the earliest Sent to provider, where the period starts, so a
   * restored row still leaves out events past it.
   */
  sentAt?: number;
  /** Raw counts (Opens without the implied open of a click). */
  opens: number;
  clicks: number;
  machineOpens: number;
  firstAt: number;
  lastAt: number;
  /** Meta values with the event time that set them. */
  meta: Partial<Record<(typeof META_FIELDS)[number], [string, number]>>;
}

export function saveRow(table: RecipientTable, emails: EmailTable, rules: CompiledRules, row: number): SavedRecipient {
  const { times, ints } = table;
  const responses = rules.responses;
  const t = row * STRIDE;
  const i = t * 2;
  const nonFinal = ints[i + NON_FINAL]!;
  const final = ints[i + FINAL]!;
  const saved: SavedRecipient = {
    emailId: emails.at(table.emailOf(row)).id,
    recipientId: table.recipientIdOf(row),
    nonFinal: nonFinal === NONE ? null : responses[nonFinal]!.id,
    nonFinalAt: times[t + NON_FINAL_AT]!,
    nonFinalReason: table.text(row, NON_FINAL_REASON) ?? null,
    final: final === NONE ? null : responses[final]!.id,
    // Stryker disable next-line ArithmeticOperator: FINAL_AT is 0, so t - FINAL_AT is the same slot
    finalAt: times[t + FINAL_AT]!,
    finalReason: table.text(row, FINAL_REASON) ?? null,
    opens: ints[i + OPENS]!,
    clicks: ints[i + CLICKS]!,
    machineOpens: ints[i + MACHINE_OPENS]!,
    firstAt: times[t + FIRST_AT]!,
    lastAt: times[t + LAST_AT]!,
    meta: {},
  };
  if (table.text(row, FINAL_SCOPE) === 'type') saved.finalScope = 'type';
  for (let m = 0; m < META_FIELDS.length; m++) {
    const value = table.metaOf(row, m);
    if (value !== undefined) saved.meta[META_FIELDS[m]!] = [value, times[t + META_AT + m]!];
  }
  return saved;
}

/** Adds the saved row; -1 when the recipient has a row already or a response is not in the rules. */
export function restoreRow(
  table: RecipientTable,
  emails: EmailTable,
  rules: CompiledRules,
  contacts: ContactIndex,
  saved: SavedRecipient,
): number {
  const entry = emails.entry(saved.emailId, rules.responses.length);
  if (entry.rows.has(saved.recipientId)) return NONE;
  const responses = savedResponses(rules, saved);
  if (!responses) return NONE;
  const row = table.add(entry.index, saved.recipientId);
  entry.rows.set(saved.recipientId, row);
  entry.order.push(row);
  writeSaved(table, contacts, row, saved, responses);
  emails.count(entry, 0, signature(table, row));
  return row;
}

/** The saved responses as catalogue indexes, or undefined when the rules lack one (or it has none). */
export function savedResponses(
  rules: CompiledRules,
  saved: SavedRecipient,
): { nonFinal: number; final: number } | undefined {
  const nonFinal = saved.nonFinal === null ? NONE : (rules.lookup.get(saved.nonFinal) ?? -2);
  const final = saved.final === null ? NONE : (rules.lookup.get(saved.final) ?? -2);
  if (nonFinal === -2 || final === -2 || (nonFinal === NONE && final === NONE)) return undefined;
  return { nonFinal, final };
}

/**
 * Writes a saved state over a row's responses, times and counters, and over the meta fields it
 * carries (the others keep their values). The caller moves the email's counts.
 */
export function writeSaved(
  table: RecipientTable,
  contacts: ContactIndex,
  row: number,
  saved: SavedRecipient,
  responses: { nonFinal: number; final: number },
): void {
  const { times, ints } = table;
  const t = row * STRIDE;
  const i = t * 2;
  ints[i + NON_FINAL] = responses.nonFinal;
  times[t + NON_FINAL_AT] = saved.nonFinalAt;
  table.setText(row, NON_FINAL_REASON, saved.nonFinalReason ?? undefined);
  ints[i + FINAL] = responses.final;
  // Stryker disable next-line ArithmeticOperator: FINAL_AT is 0, so t - FINAL_AT is the same slot
  times[t + FINAL_AT] = saved.finalAt;
  table.setText(row, FINAL_REASON, saved.finalReason ?? undefined);
  table.setText(row, FINAL_SCOPE, saved.finalScope === 'type' ? 'type' : undefined);
  ints[i + OPENS] = saved.opens;
  ints[i + CLICKS] = saved.clicks;
  ints[i + MACHINE_OPENS] = saved.machineOpens;
  times[t + FIRST_AT] = saved.firstAt;
  times[t + LAST_AT] = saved.lastAt;
  for (let m = 0; m < META_FIELDS.length; m++) {
    const pair = saved.meta[META_FIELDS[m]!];
    if (!pair) continue;
    times[t + META_AT + m] = pair[1];
    const contact = m === 0 ? table.contactOf(row) : undefined;
    if (m === 0 && contact !== pair[0]) contacts.move(row, contact, pair[0]);
    table.setText(row, m, pair[0]);
  }
}

/** A text column of saved rows: a value per row, null where the row has none. */
type SavedTexts = readonly (string | null)[];

/**
 * Saved recipients of one email as columns (what a cache page holds): row `s` of every column is
 * recipient `recipientIds[s]`. Responses are coded into `responses` (-1: none), so a page maps
 * them onto the rules once, not once a row.
 */
export interface SavedColumns {
  emailId: string;
  /** One per row; placeholders when `idsInRuns`. */
  recipientIds: readonly string[];
  /**
   * The rows' ids are in the table's runs, which the caller adds for these rows (`addRow`): only
   * with `indexed` false, as the index hashes the ids.
   */
  idsInRuns?: boolean;
  responses: readonly string[];
  nonFinal: Int16Array;
  nonFinalAt: Float64Array;
  nonFinalReason?: SavedTexts;
  final: Int16Array;
  finalAt: Float64Array;
  finalReason?: SavedTexts;
  /** `type` where the final response is an Unsubscribed from the email's type only. */
  finalScope?: SavedTexts;
  /** Each row's earliest Sent to provider (Infinity: none), with a statistics update period. */
  sentAt?: Float64Array;
  opens: Int32Array;
  clicks: Int32Array;
  machineOpens: Int32Array;
  firstAt: Float64Array;
  lastAt: Float64Array;
  meta: Partial<Record<(typeof META_FIELDS)[number], { values: SavedTexts; at: Float64Array }>>;
}

/**
 * Adds every saved row of the columns, as `restoreRow` would one by one, but without an object
 * per row: the email and the response codes are looked up once, and the values copied straight
 * from the columns into the record (a million cached rows are restored on every cold start).
 * `restored(row, sentAt)` hears each row added. Returns how many rows were refused (the recipient
 * has a row already, or a response is not in these rules).
 *
 * `indexed` false leaves the rows out of their email's recipient index (and so does not refuse a
 * recipient that has a row already): a cold start shows a million rows before it spends some
 * 300 ms on that index, which `indexRestoredRows` builds after (issue 16).
 */
export function restoreColumns(
  table: RecipientTable,
  emails: EmailTable,
  rules: CompiledRules,
  contacts: ContactIndex,
  page: SavedColumns,
  restored?: (row: number, sentAt: number | undefined) => void,
  indexed = true,
): number {
  // Placeholders hashed into the index would make every recipient one.
  if (page.idsInRuns && indexed) throw new Error('rows whose ids are in runs are indexed after');
  const entry = emails.entry(page.emailId, rules.responses.length);
  const codes = page.responses.map((id) => rules.lookup.get(id) ?? -2);
  const size = page.recipientIds.length;
  // Grown as adding rows one by one would grow it: a page at a time, exactly, would copy it each page.
  const needed = table.size + size;
  if (needed > table.capacity) table.reserve(Math.max(needed, table.capacity * 2));
  const { times, ints } = table;
  const { rows, order } = entry;
  if (indexed) rows.reserve(rows.size + size);
  const metaColumns = META_FIELDS.map((field) => page.meta[field]);
  let refused = 0;
  for (let slot = 0; slot < size; slot++) {
    const recipientId = page.recipientIds[slot]!;
    const nonFinalCode = page.nonFinal[slot]!;
    const finalCode = page.final[slot]!;
    const nonFinal = nonFinalCode < 0 ? NONE : codes[nonFinalCode]!;
    const final = finalCode < 0 ? NONE : codes[finalCode]!;
    // Hashed once for the look-up and the insert (`has` then `set` hashed and probed twice).
    const hash = indexed ? rows.hash(recipientId) : 0;
    const second = rows.second;
    if (
      nonFinal === -2 ||
      final === -2 ||
      (nonFinal === NONE && final === NONE) ||
      (indexed && rows.find(hash, second) >= 0)
    ) {
      refused++;
      continue;
    }
    const row = page.idsInRuns ? table.addRow(entry.index) : table.add(entry.index, recipientId);
    if (indexed) rows.insert(hash, second, row);
    order.push(row);
    const t = row * STRIDE;
    const i = t * 2;
    ints[i + NON_FINAL] = nonFinal;
    times[t + NON_FINAL_AT] = page.nonFinalAt[slot]!;
    // A new row's slots are empty: only a text is written, so rows with none get no slots.
    const nonFinalReason = page.nonFinalReason?.[slot];
    if (nonFinalReason != null) table.setText(row, NON_FINAL_REASON, nonFinalReason);
    ints[i + FINAL] = final;
    // Stryker disable next-line ArithmeticOperator: FINAL_AT is 0, so t - FINAL_AT is the same slot
    times[t + FINAL_AT] = page.finalAt[slot]!;
    const finalReason = page.finalReason?.[slot];
    if (finalReason != null) table.setText(row, FINAL_REASON, finalReason);
    if (page.finalScope?.[slot] === 'type') table.setText(row, FINAL_SCOPE, 'type');
    ints[i + OPENS] = page.opens[slot]!;
    ints[i + CLICKS] = page.clicks[slot]!;
    ints[i + MACHINE_OPENS] = page.machineOpens[slot]!;
    times[t + FIRST_AT] = page.firstAt[slot]!;
    times[t + LAST_AT] = page.lastAt[slot]!;
    for (let m = 0; m < metaColumns.length; m++) {
      const column = metaColumns[m];
      const value = column?.values[slot];
      if (value === null || value === undefined) continue;
      times[t + META_AT + m] = column!.at[slot]!;
      if (m === 0) contacts.move(row, undefined, value);
      table.setText(row, m, value);
    }
    emails.count(entry, 0, signature(table, row));
    // Infinity where the row has no send: `restored` ignores it as it does an undefined one.
    restored?.(row, page.sentAt?.[slot]);
  }
  return refused;
}
