/**
 * Saved recipients packed as pages of columns. IndexedDB costs per record, not per byte: 100,000
 * rows as one record each took 4.3 s to write here, as pages of 1,000 in column arrays 30 ms. Pure
 * data in and out, no IndexedDB: tested in Node and the browser alike.
 */
import type { SavedRecipient } from '../../core/fold';
import { META_FIELDS, type MetaField } from '../../core/recipient-table';
import { isPlausibleTime } from '../../core/time';
import { FIELD_LIMITS } from '../../core/validate';

/** One meta field of every row of a page: the value (null: none) and the event time that set it. */
export interface MetaColumn {
  values: (string | null)[];
  at: Float64Array;
}

/**
 * Up to `pageSize` recipients of one email, in the order they first appeared: slot `s` of page
 * `p` is the email's recipient number `p * pageSize + s`. Text columns that would hold only nulls
 * are left out, which keeps typical pages small.
 */
export interface RowPage {
  emailId: string;
  page: number;
  recipientIds: string[];
  /** The response ids this page uses; `nonFinal` and `final` index into it (-1: none). */
  responses: string[];
  nonFinal: Int16Array;
  nonFinalAt: Float64Array;
  nonFinalReason?: (string | null)[];
  final: Int16Array;
  finalAt: Float64Array;
  finalReason?: (string | null)[];
  /** `type` where the final response is an Unsubscribed from the email's type only. */
  finalScope?: (string | null)[];
  /** With a statistics update period: each row's earliest Sent to provider (Infinity: none). */
  sentAt?: Float64Array;
  opens: Int32Array;
  clicks: Int32Array;
  machineOpens: Int32Array;
  firstAt: Float64Array;
  lastAt: Float64Array;
  meta: Partial<Record<MetaField, MetaColumn>>;
  /**
   * The event ids applied to each row, as hashes under the fold record's seeds (`SavedEventIds`):
   * a reload knows them without reading the events. Pages written before them have none.
   */
  idCounts?: Int32Array;
  idHashes?: Int32Array;
}

/** A page of `size` rows with every number column made (zeros) and no text column yet. */
export function emptyRowPage(emailId: string, page: number, size: number, responses: string[]): RowPage {
  return {
    emailId,
    page,
    recipientIds: new Array<string>(size),
    responses,
    nonFinal: new Int16Array(size),
    nonFinalAt: new Float64Array(size),
    final: new Int16Array(size),
    finalAt: new Float64Array(size),
    opens: new Int32Array(size),
    clicks: new Int32Array(size),
    machineOpens: new Int32Array(size),
    firstAt: new Float64Array(size),
    lastAt: new Float64Array(size),
    meta: {},
  };
}

/** Packs recipients (all of one email) into page `page` of `emailId`. */
export function packRowPage(emailId: string, page: number, rows: readonly SavedRecipient[]): RowPage {
  const size = rows.length;
  const responses: string[] = [];
  const responseIndex = new Map<string, number>();
  const code = (id: string | null): number => {
    if (id === null) return -1;
    let index = responseIndex.get(id);
    if (index === undefined) {
      index = responses.push(id) - 1;
      responseIndex.set(id, index);
    }
    return index;
  };
  const out = emptyRowPage(emailId, page, size, responses);
  let nonFinalReason: (string | null)[] | undefined;
  let finalReason: (string | null)[] | undefined;
  let finalScope: (string | null)[] | undefined;
  let sentAt: Float64Array | undefined;
  for (let slot = 0; slot < size; slot++) {
    const row = rows[slot]!;
    out.recipientIds[slot] = row.recipientId;
    out.nonFinal[slot] = code(row.nonFinal);
    out.nonFinalAt[slot] = row.nonFinalAt;
    out.final[slot] = code(row.final);
    out.finalAt[slot] = row.finalAt;
    out.opens[slot] = row.opens;
    out.clicks[slot] = row.clicks;
    out.machineOpens[slot] = row.machineOpens;
    out.firstAt[slot] = row.firstAt;
    out.lastAt[slot] = row.lastAt;
    if (row.nonFinalReason !== null)
      (nonFinalReason ??= new Array<string | null>(size).fill(null))[slot] = row.nonFinalReason;
    if (row.finalReason !== null) (finalReason ??= new Array<string | null>(size).fill(null))[slot] = row.finalReason;
    if (row.finalScope === 'type') (finalScope ??= new Array<string | null>(size).fill(null))[slot] = 'type';
    if (row.sentAt !== undefined) (sentAt ??= new Float64Array(size).fill(Infinity))[slot] = row.sentAt;
    for (const field of META_FIELDS) {
      const pair = row.meta[field];
      if (!pair) continue;
      const column = (out.meta[field] ??= {
        values: new Array<string | null>(size).fill(null),
        at: new Float64Array(size).fill(-Infinity),
      });
      column.values[slot] = pair[0];
      column.at[slot] = pair[1];
    }
  }
  if (nonFinalReason) out.nonFinalReason = nonFinalReason;
  if (finalReason) out.finalReason = finalReason;
  if (finalScope) out.finalScope = finalScope;
  if (sentAt) out.sentAt = sentAt;
  return out;
}

/** A fresh empty saved recipient, to reuse as the target of `readSavedRecipient`. */
export function emptySavedRecipient(): SavedRecipient {
  return {
    emailId: '',
    recipientId: '',
    nonFinal: null,
    nonFinalAt: Infinity,
    nonFinalReason: null,
    final: null,
    finalAt: Infinity,
    finalReason: null,
    opens: 0,
    clicks: 0,
    machineOpens: 0,
    firstAt: Infinity,
    lastAt: -Infinity,
    meta: {},
  };
}

/** Everything of a slot but its meta pairs, which the two readers below hold differently. */
function readScalars(page: RowPage, slot: number, into: SavedRecipient): void {
  into.emailId = page.emailId;
  into.recipientId = page.recipientIds[slot]!;
  const nonFinal = page.nonFinal[slot]!;
  const final = page.final[slot]!;
  into.nonFinal = nonFinal < 0 ? null : page.responses[nonFinal]!;
  into.nonFinalAt = page.nonFinalAt[slot]!;
  into.nonFinalReason = page.nonFinalReason?.[slot] ?? null;
  into.final = final < 0 ? null : page.responses[final]!;
  into.finalAt = page.finalAt[slot]!;
  into.finalReason = page.finalReason?.[slot] ?? null;
  if (page.finalScope?.[slot] === 'type') into.finalScope = 'type';
  else delete into.finalScope;
  const sentAt = page.sentAt?.[slot];
  if (sentAt !== undefined && sentAt !== Infinity) into.sentAt = sentAt;
  else delete into.sentAt;
  into.opens = page.opens[slot]!;
  into.clicks = page.clicks[slot]!;
  into.machineOpens = page.machineOpens[slot]!;
  into.firstAt = page.firstAt[slot]!;
  into.lastAt = page.lastAt[slot]!;
}

/**
 * Reads slot `slot` of a page into `into`, overwriting it. Hydrating a million rows reuses one
 * object (restoreRecipient copies what it reads) instead of allocating a million.
 */
export function readSavedRecipient(page: RowPage, slot: number, into: SavedRecipient): SavedRecipient {
  readScalars(page, slot, into);
  const meta: SavedRecipient['meta'] = {};
  for (const field of META_FIELDS) {
    const column = page.meta[field];
    const value = column?.values[slot];
    if (column && value !== null && value !== undefined) meta[field] = [value, column.at[slot]!];
  }
  into.meta = meta;
  return into;
}

/**
 * Reads rows into one reused object, meta pairs included, for `restoreRecipient`, which copies
 * what it reads and keeps nothing: a million rows then cost no allocation at all.
 */
export class SavedRecipientReader {
  private readonly saved = emptySavedRecipient();
  private readonly pairs = Object.fromEntries(META_FIELDS.map((field) => [field, ['', 0]])) as Record<
    MetaField,
    [string, number]
  >;

  read(page: RowPage, slot: number): SavedRecipient {
    const into = this.saved;
    const meta = into.meta;
    readScalars(page, slot, into);
    for (const field of META_FIELDS) {
      const column = page.meta[field];
      const value = column?.values[slot];
      if (column === undefined || value === null || value === undefined) {
        meta[field] = undefined;
        continue;
      }
      const pair = this.pairs[field];
      pair[0] = value;
      pair[1] = column.at[slot]!;
      meta[field] = pair;
    }
    return into;
  }
}

/** Every recipient of a page as its own object (tests, and callers that keep them). */
export function unpackRowPage(page: RowPage): SavedRecipient[] {
  const out: SavedRecipient[] = [];
  for (let slot = 0; slot < page.recipientIds.length; slot++)
    out.push(readSavedRecipient(page, slot, emptySavedRecipient()));
  return out;
}

/**
 * True when a value read back is a row page that can be restored as it is: its shape, and every
 * value it holds (a time that is a time, a count a row can hold, texts within an event's limits,
 * response codes into its list). A record another version wrote, or one damaged on disk
 * (`lastAt[3] = NaN`), is skipped rather than trusted: its rows are rebuilt from the events.
 */
export function isRowPage(value: unknown): value is RowPage {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  if (!isText(page.emailId, FIELD_LIMITS.emailId) || !Number.isInteger(page.page) || (page.page as number) < 0)
    return false;
  if (!isTexts(page.recipientIds, FIELD_LIMITS.recipientId) || !isTexts(page.responses, FIELD_LIMITS.response))
    return false;
  const size = page.recipientIds.length;
  const responses = page.responses.length;
  const { nonFinal, final, nonFinalAt, finalAt, firstAt, lastAt } = page;
  if (!isCodes(nonFinal, size, responses) || !isCodes(final, size, responses)) return false;
  // A response's time is a time; no response: Infinity (what the table holds for none).
  if (!isResponseTimes(nonFinalAt, nonFinal, size) || !isResponseTimes(finalAt, final, size)) return false;
  if (!isTimes(firstAt, size, Infinity) || !isTimes(lastAt, size, -Infinity)) return false;
  if (!isCounts(page.opens, size) || !isCounts(page.clicks, size) || !isCounts(page.machineOpens, size)) return false;
  if (!isOptionalTextColumn(page.nonFinalReason, size, FIELD_LIMITS.reason)) return false;
  if (!isOptionalTextColumn(page.finalReason, size, FIELD_LIMITS.reason)) return false;
  if (!isOptionalTextColumn(page.finalScope, size, 4)) return false;
  if (Array.isArray(page.finalScope) && !page.finalScope.every((scope) => scope === null || scope === 'type'))
    return false;
  if (page.sentAt !== undefined && !isTimes(page.sentAt, size, Infinity)) return false;
  if (!isSavedIds(page.idCounts, page.idHashes, size)) return false;
  if (typeof page.meta !== 'object' || page.meta === null) return false;
  const meta = page.meta as Record<string, unknown>;
  return META_FIELDS.every((field) => {
    const column = meta[field] as Partial<MetaColumn> | undefined;
    if (column === undefined) return true;
    if (typeof column !== 'object' || column === null || column.values === undefined) return false;
    if (!isOptionalTextColumn(column.values, size, FIELD_LIMITS[field])) return false;
    // A value carries the time of the event that set it; an empty slot -Infinity.
    const { values, at } = column;
    if (!(at instanceof Float64Array) || at.length !== size) return false;
    for (let slot = 0; slot < size; slot++) {
      const time = at[slot]!;
      if (values[slot] === null ? time !== -Infinity && !isPlausibleTime(time) : !isPlausibleTime(time)) return false;
    }
    return true;
  });
}

/** Both or neither; a count per row, two hashes per id. */
function isSavedIds(counts: unknown, hashes: unknown, size: number): boolean {
  if (counts === undefined && hashes === undefined) return true;
  if (!(counts instanceof Int32Array) || !(hashes instanceof Int32Array) || counts.length !== size) return false;
  let total = 0;
  for (const count of counts) {
    if (count < 0) return false;
    total += count;
  }
  return hashes.length === total * 2;
}

function isText(value: unknown, limit: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= limit;
}

/** Texts within the limit. Loops, not `every`: a cold start checks a million of each (issue 16). */
function isTexts(value: unknown, limit: number): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!isText(value[i], limit)) return false;
  return true;
}

function isCodes(value: unknown, size: number, responses: number): value is Int16Array {
  if (!(value instanceof Int16Array) || value.length !== size) return false;
  for (let i = 0; i < size; i++) {
    const code = value[i]!;
    if (code < -1 || code >= responses) return false;
  }
  return true;
}

/** Times of a response column: a plausible time where the row has the response, else Infinity. */
function isResponseTimes(value: unknown, codes: Int16Array, size: number): boolean {
  if (!(value instanceof Float64Array) || value.length !== size) return false;
  for (let slot = 0; slot < size; slot++) {
    const time = value[slot]!;
    if (codes[slot]! < 0 ? time !== Infinity && !isPlausibleTime(time) : !isPlausibleTime(time)) return false;
  }
  return true;
}

/** Plausible times, or `none` where the row has none (never NaN). */
function isTimes(value: unknown, size: number, none: number): boolean {
  if (!(value instanceof Float64Array) || value.length !== size) return false;
  for (let slot = 0; slot < size; slot++) {
    const time = value[slot]!;
    if (time !== none && !isPlausibleTime(time)) return false;
  }
  return true;
}

function isCounts(value: unknown, size: number): boolean {
  if (!(value instanceof Int32Array) || value.length !== size) return false;
  for (let i = 0; i < size; i++) if (value[i]! < 0) return false;
  return true;
}

function isOptionalTextColumn(value: unknown, size: number, limit: number): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value) || value.length !== size) return false;
  for (let i = 0; i < size; i++) {
    const item: unknown = value[i];
    if (item !== null && (typeof item !== 'string' || item.length > limit)) return false;
  }
  return true;
}
