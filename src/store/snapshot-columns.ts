/**
 * A snapshot page read straight into checked columns of values: a page of columns without an
 * object per row, a page of objects with each field read once. The way a million-row snapshot is
 * applied in bulk (reconcile-columns.ts).
 *
 * Only a page where nothing is wrong is read this way: a good batch shape, every dictionary index
 * an entry, and every row one that `checkServerRecipient` would take as it is. Anything else (a
 * malformed batch, one bad row, a value of an unexpected type) answers undefined, and the page
 * goes the row-by-row way, which names each problem with its row index and the usual reason.
 * This reader never words a problem itself, so the two ways cannot disagree on one.
 */
import { MAX_COLUMNAR_ROWS, SNAPSHOT_COLUMNS } from '../core/columnar-batch';
import { responseIndex, type CompiledRules } from '../core/rules';
import { eventTime, isPlausibleTime } from '../core/time';
import { FIELD_LIMITS } from '../core/validate';
import { MAX_COUNT } from './snapshot-page';

/** A text column's values, null where a row has none. */
export type TextValues = (string | null)[];

/** The optional text columns of a snapshot row, with the longest text each may carry. */
const OPTIONAL_TEXTS = {
  reason: FIELD_LIMITS.reason,
  contactId: FIELD_LIMITS.contactId,
  contactName: FIELD_LIMITS.contactName,
  address: FIELD_LIMITS.address,
  provider: FIELD_LIMITS.provider,
} as const;

export type OptionalText = keyof typeof OPTIONAL_TEXTS;

/** Every row of a good columnar snapshot page, checked, as columns. */
export interface SnapshotColumns {
  count: number;
  recipientIds: string[];
  /** The catalogue index of each row's response. */
  responses: Int32Array;
  /** Each row's time, epoch ms. */
  at: Float64Array;
  opens: Int32Array;
  clicks: Int32Array;
  machineOpens: Int32Array;
  /** The optional texts the batch has a column for. */
  texts: Partial<Record<OptionalText, TextValues>>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const FAIL = Symbol('not read this way');

/**
 * The page's rows as checked columns, or undefined when anything about the batch or a row is not
 * as `checkServerRecipient` and `decodeColumns` would take it without a word. Never throws.
 */
export function readSnapshotColumns(
  batch: unknown,
  emailId: string,
  rules: CompiledRules,
): SnapshotColumns | undefined {
  try {
    // Every row is checked as an event of this email: a bad email id fails every row.
    if (typeof emailId !== 'string' || emailId.length === 0 || emailId.length > FIELD_LIMITS.emailId) return undefined;
    const columns = readShape(batch);
    if (!columns) return undefined;
    const read = readRows(columns, rules);
    return read === FAIL ? undefined : read;
  } catch {
    // A getter or Proxy threw: the row-by-row way says what went wrong.
    return undefined;
  }
}

/**
 * A page of rows as objects read the same way: each row's fields read once into columns, then
 * checked as a page of columns is. Undefined when a row is not a plain object, has a count of
 * null (refused in an object, where in columns null is no value), or is not good. Never throws.
 */
export function readSnapshotObjects(rows: unknown, emailId: string, rules: CompiledRules): SnapshotColumns | undefined {
  try {
    if (typeof emailId !== 'string' || emailId.length === 0 || emailId.length > FIELD_LIMITS.emailId) return undefined;
    if (!Array.isArray(rows)) return undefined;
    const list = Array.prototype.slice.call(rows) as unknown[];
    const count = list.length;
    const columns: Shape['columns'] = new Map();
    for (const name of [...SNAPSHOT_COLUMNS.text, ...SNAPSHOT_COLUMNS.values])
      columns.set(name, { values: new Array<unknown>(count), dictionary: undefined });
    const recipientId = columns.get('recipientId')!.values;
    const response = columns.get('response')!.values;
    const at = columns.get('at')!.values;
    const rest = [...columns].filter(([name]) => !['recipientId', 'response', 'at'].includes(name));
    for (let i = 0; i < count; i++) {
      const row = list[i];
      if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
      const fields = row as Record<string, unknown>;
      recipientId[i] = fields.recipientId;
      response[i] = fields.response;
      at[i] = fields.at;
      for (const [name, column] of rest) {
        const value = fields[name];
        if (value === null && COUNTS.includes(name)) return undefined;
        column.values[i] = value;
      }
    }
    const read = readRows({ count, columns }, rules);
    return read === FAIL ? undefined : read;
  } catch {
    return undefined;
  }
}

const COUNTS: readonly string[] = ['opens', 'clicks', 'machineOpens'];

interface Shape {
  count: number;
  /** Each column present, its values copied once (no getter is read twice), with its dictionary. */
  columns: Map<string, { values: unknown[]; dictionary: unknown[] | undefined }>;
}

/** The batch's columns when its shape is one `decodeColumns` takes; undefined otherwise. */
function readShape(batch: unknown): Shape | undefined {
  if (!isObject(batch)) return undefined;
  const { format, version, count, columns, dictionaries } = batch;
  if (format !== 'columns' || version !== 1) return undefined;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_COLUMNAR_ROWS) return undefined;
  if (!isObject(columns)) return undefined;
  if (dictionaries !== undefined && dictionaries !== null && !isObject(dictionaries)) return undefined;
  const dictionaryOf: Record<string, unknown> = dictionaries ?? {};
  const read: Shape['columns'] = new Map();
  for (const name of Object.keys(columns)) {
    const isText = SNAPSHOT_COLUMNS.text.includes(name);
    if (!isText && !SNAPSHOT_COLUMNS.values.includes(name)) return undefined;
    const values = columns[name];
    if (values === undefined) continue;
    if (!Array.isArray(values) || values.length !== count) return undefined;
    const dictionary = dictionaryOf[name];
    if (dictionary !== undefined && dictionary !== null && !Array.isArray(dictionary)) return undefined;
    const copy = Array.prototype.slice.call(values) as unknown[];
    if (copy.length !== count) return undefined;
    read.set(name, {
      values: copy,
      dictionary: Array.isArray(dictionary) ? (Array.prototype.slice.call(dictionary) as unknown[]) : undefined,
    });
  }
  for (const name of SNAPSHOT_COLUMNS.required) if (!read.has(name)) return undefined;
  for (const name of Object.keys(dictionaryOf))
    if (!SNAPSHOT_COLUMNS.text.includes(name) || !read.has(name)) return undefined;
  return { count, columns: read };
}

function readRows({ count, columns }: Shape, rules: CompiledRules): SnapshotColumns | typeof FAIL {
  const recipientIds = textColumn(columns.get('recipientId')!, count, FIELD_LIMITS.recipientId);
  if (recipientIds === FAIL) return FAIL;
  for (let row = 0; row < count; row++) if (!recipientIds[row]) return FAIL;
  const responses = responseColumn(columns.get('response')!, count, rules);
  if (responses === FAIL) return FAIL;
  const at = timeColumn(columns.get('at')!.values, count);
  if (at === FAIL) return FAIL;
  const opens = countColumn(columns.get('opens')?.values, count);
  const clicks = countColumn(columns.get('clicks')?.values, count);
  const machineOpens = countColumn(columns.get('machineOpens')?.values, count);
  if (opens === FAIL || clicks === FAIL || machineOpens === FAIL) return FAIL;
  const texts: SnapshotColumns['texts'] = {};
  for (const field of Object.keys(OPTIONAL_TEXTS) as OptionalText[]) {
    const column = columns.get(field);
    if (!column) continue;
    const values = textColumn(column, count, OPTIONAL_TEXTS[field]);
    if (values === FAIL) return FAIL;
    texts[field] = values;
  }
  return { count, recipientIds: recipientIds as string[], responses, at, opens, clicks, machineOpens, texts };
}

/**
 * A text column's values through its dictionary (each entry checked once): null where a row has
 * none; FAIL for an index that is no entry, or a value that is not text or too long.
 */
function textColumn(
  { values, dictionary }: { values: unknown[]; dictionary: unknown[] | undefined },
  count: number,
  limit: number,
): TextValues | typeof FAIL {
  const out: TextValues = new Array<string | null>(count).fill(null);
  const entries = dictionary?.map((entry) => textValue(entry, limit));
  for (let row = 0; row < count; row++) {
    const value = values[row];
    if (value === null || value === undefined) continue;
    if (entries === undefined) {
      const text = textValue(value, limit);
      if (text === FAIL) return FAIL;
      out[row] = text;
      continue;
    }
    if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < entries.length)) return FAIL;
    const text = entries[value]!;
    if (text === FAIL) return FAIL;
    out[row] = text;
  }
  return out;
}

function textValue(value: unknown, limit: number): string | null | typeof FAIL {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' && value.length <= limit ? value : FAIL;
}

/** Each row's response as its catalogue index; FAIL where one is missing or not in the rules. */
function responseColumn(
  column: { values: unknown[]; dictionary: unknown[] | undefined },
  count: number,
  rules: CompiledRules,
): Int32Array | typeof FAIL {
  const texts = textColumn(column, count, FIELD_LIMITS.response);
  if (texts === FAIL) return FAIL;
  const out = new Int32Array(count);
  let last: string | null = null;
  let index = -1;
  for (let row = 0; row < count; row++) {
    const text = texts[row]!;
    if (text === null) return FAIL;
    // Rows of a page mostly repeat a few responses (one dictionary entry each): looked up once a run.
    if (text !== last) {
      last = text;
      index = responseIndex(rules, text);
    }
    if (index < 0) return FAIL;
    out[row] = index;
  }
  return out;
}

function timeColumn(values: unknown[], count: number): Float64Array | typeof FAIL {
  const out = new Float64Array(count);
  for (let row = 0; row < count; row++) {
    const value = values[row];
    if (value === null || value === undefined) return FAIL;
    const at = eventTime(value);
    if (Number.isNaN(at) || !isPlausibleTime(at)) return FAIL;
    out[row] = at;
  }
  return out;
}

/** A count column (0 where a row has none, or the batch has no column); FAIL for a count a row could not have. */
function countColumn(values: unknown[] | undefined, count: number): Int32Array | typeof FAIL {
  const out = new Int32Array(count);
  if (values === undefined) return out;
  for (let row = 0; row < count; row++) {
    const value = values[row];
    if (value === null || value === undefined) continue;
    if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT)) return FAIL;
    out[row] = value;
  }
  return out;
}
