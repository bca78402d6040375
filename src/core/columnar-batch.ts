/**
 * The columnar batch: many rows as one array per field, repeated texts through dictionaries.
 * `JSON.parse` reads such a batch about ten times faster than the same rows as objects (numbers
 * and short arrays, no keys repeated per row), and the ids arrive as small integers.
 *
 * This file only unpacks: it checks the batch's shape (a malformed batch is rejected whole, with
 * a reason) and turns each row back into the plain object it stands for, which is then validated
 * exactly as a plain event or snapshot row is, with the same limits and the same reasons. The
 * wire format is described in docs/wire-format.md.
 */
import { OPTIONAL_EVENT_FIELDS, type EventRejection } from './event';
import { errorText } from './read-batch';

/** The `format` tag of a columnar batch. */
export const COLUMNAR_FORMAT = 'columns';
/** The version this reader understands; a batch of another version is rejected whole. */
export const COLUMNAR_VERSION = 1;
/** The most rows one batch may carry: a larger count is a broken or hostile producer. */
export const MAX_COLUMNAR_ROWS = 10_000_000;

/** A columnar batch as it comes off the wire (before it is checked). */
export interface ColumnarBatch {
  format: 'columns';
  version: 1;
  /** How many rows; every column has exactly this many values. */
  count: number;
  /**
   * Per text column, the texts its values index: with `dictionaries.emailId = ["a", "b"]`, the
   * `emailId` column `[0, 0, 1]` means "a", "a", "b". A text column without a dictionary carries
   * its texts as they are.
   */
  dictionaries?: Record<string, readonly unknown[]>;
  /** One array per field, `count` values each; `null` is an absent value. */
  columns: Record<string, readonly unknown[]>;
}

/** The columns a kind of row may have. */
export interface ColumnSchema {
  /** What a row is, in words: `event`, `snapshot recipient`. */
  readonly row: string;
  /** Columns whose values may go through a dictionary. */
  readonly text: readonly string[];
  /** Columns carried as values (numbers, or ISO text for `at`), never through a dictionary. */
  readonly values: readonly string[];
  /** Columns the batch must have. */
  readonly required: readonly string[];
}

/** The columns of an event batch: every field of `ResponseEvent`. */
export const EVENT_COLUMNS: ColumnSchema = {
  row: 'event',
  text: ['id', 'emailId', 'recipientId', 'response', ...OPTIONAL_EVENT_FIELDS],
  values: ['at'],
  required: ['id', 'emailId', 'recipientId', 'response', 'at'],
};

/** The columns of a snapshot page's recipients: every field of `ServerRecipient`. */
export const SNAPSHOT_COLUMNS: ColumnSchema = {
  row: 'snapshot recipient',
  text: ['recipientId', 'response', 'reason', 'contactId', 'contactName', 'address', 'provider'],
  values: ['at', 'opens', 'clicks', 'machineOpens'],
  required: ['recipientId', 'response', 'at'],
};

/** A row of a columnar batch that was not applied: the rejection, with the row's index. */
export interface ColumnarRowRejection extends EventRejection {
  /** The row's index in its batch, from 0. */
  row: number;
}

/** A batch's rows as plain objects, the rows that could not be unpacked, or why none could. */
export type DecodedColumns =
  | {
      ok: true;
      /** One object per row, in order; undefined where the row is in `rejected`. */
      rows: (Record<string, unknown> | undefined)[];
      rejected: ColumnarRowRejection[];
    }
  | { ok: false; rejection: EventRejection };

/**
 * True when the value says it is a columnar batch (`format: "columns"`). Whether it is a good
 * one is for `decodeColumns` to say; a value that claims the format is never read as a row.
 */
export function isColumnarBatch(value: unknown): value is ColumnarBatch {
  try {
    return (
      typeof value === 'object' &&
      // Stryker disable next-line ConditionalExpression: reading null's format throws, and the catch says false
      value !== null &&
      !Array.isArray(value) &&
      (value as { format?: unknown }).format === COLUMNAR_FORMAT
    );
  } catch {
    // A Proxy whose trap throws: not a batch; it is then rejected as the event it claims to be.
    return false;
  }
}

/** The reason a row is rejected: the same words as for a plain one, after its index. */
export function rowReason(row: number, reason: string): string {
  return `row ${row}: ${reason}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Unpacks a columnar batch into one plain object per row (`null` values left out), to be
 * validated as plain ones are. A row whose dictionary index is not an entry of its dictionary is
 * rejected with its index; a batch whose shape is wrong (another version, a count that does not
 * match its columns, an unknown or missing column) is rejected whole. Never throws.
 */
export function decodeColumns(batch: unknown, schema: ColumnSchema): DecodedColumns {
  try {
    return decode(batch, schema);
  } catch (error) {
    // A getter or Proxy on the batch threw: none of it is applied, and the host hears why.
    return malformed(batch, 'unreadable', `the columnar batch could not be read: ${errorText(error)}`);
  }
}

function malformed(
  batch: unknown,
  code: EventRejection['code'],
  reason: string,
  field?: string,
): { ok: false; rejection: EventRejection } {
  const rejection: EventRejection =
    field === undefined ? { event: batch, code, reason } : { event: batch, code, field, reason };
  return { ok: false, rejection };
}

/** One column of a batch whose shape was checked. */
export interface Column {
  name: string;
  values: readonly unknown[];
  dictionary: readonly unknown[] | undefined;
}

/** A batch whose shape is right: its row count and columns, in the batch's order. */
export type CheckedShape = { ok: true; count: number; columns: Column[] } | { ok: false; rejection: EventRejection };

function decode(batch: unknown, schema: ColumnSchema): DecodedColumns {
  const shape = checkShape(batch, schema);
  return shape.ok ? { ok: true, ...unpackRows(shape.count, shape.columns) } : shape;
}

/**
 * Checks a batch's shape (see `decodeColumns`) and returns its columns, each read once. Throws
 * when a getter or Proxy of the batch does; `decodeColumns` catches it.
 */
export function checkShape(batch: unknown, schema: ColumnSchema): CheckedShape {
  if (!isObject(batch)) return malformed(batch, 'not-an-object', 'a columnar batch must be an object');
  const { format, version, count, columns, dictionaries } = batch;
  const none = 'none of it was applied';
  if (format !== COLUMNAR_FORMAT)
    return malformed(batch, 'bad-value', `a columnar batch has format "${COLUMNAR_FORMAT}"; ${none}`, 'format');
  if (version !== COLUMNAR_VERSION)
    return malformed(
      batch,
      'bad-value',
      `columnar batch version ${describe(version)} is not supported (this reader knows version ${COLUMNAR_VERSION}); ${none}`,
      'version',
    );
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_COLUMNAR_ROWS)
    return malformed(
      batch,
      'bad-value',
      `a columnar batch's count must be a whole number from 0 to ${MAX_COLUMNAR_ROWS}, not ${describe(count)}; ${none}`,
      'count',
    );
  if (!isObject(columns))
    return malformed(batch, 'wrong-type', `a columnar batch's columns must be an object; ${none}`, 'columns');
  if (dictionaries !== undefined && dictionaries !== null && !isObject(dictionaries))
    return malformed(batch, 'wrong-type', `a columnar batch's dictionaries must be an object; ${none}`, 'dictionaries');
  const dictionaryOf: Record<string, unknown> = dictionaries ?? {};
  const read: Column[] = [];
  for (const name of Object.keys(columns)) {
    const isText = schema.text.includes(name);
    if (!isText && !schema.values.includes(name))
      return malformed(batch, 'bad-value', `"${short(name)}" is not a column of a ${schema.row} batch; ${none}`, name);
    const values = columns[name];
    // Undefined is what JSON would not have written at all: no column.
    if (values === undefined) continue;
    if (!Array.isArray(values))
      return malformed(batch, 'wrong-type', `the ${name} column must be a list; ${none}`, name);
    if (values.length !== count)
      return malformed(
        batch,
        'bad-value',
        `the ${name} column has ${values.length} values for a count of ${count}; ${none}`,
        name,
      );
    const dictionary = dictionaryOf[name];
    if (dictionary !== undefined && dictionary !== null && !Array.isArray(dictionary))
      return malformed(batch, 'wrong-type', `the ${name} dictionary must be a list; ${none}`, name);
    read.push({ name, values: values as unknown[], dictionary: (dictionary ?? undefined) as unknown[] | undefined });
  }
  for (const name of schema.required) {
    if (!read.some((column) => column.name === name))
      return malformed(batch, 'missing-field', `a columnar ${schema.row} batch has no ${name} column; ${none}`, name);
  }
  for (const name of Object.keys(dictionaryOf)) {
    if (!schema.text.includes(name) || !read.some((column) => column.name === name))
      return malformed(
        batch,
        'bad-value',
        `the dictionary "${short(name)}" belongs to no text column of the batch; ${none}`,
        name,
      );
  }
  return { ok: true, count, columns: read };
}

/** Row by row: each row is an object of its own, as a plain message would have carried it. */
function unpackRows(
  count: number,
  columns: readonly Column[],
): { rows: (Record<string, unknown> | undefined)[]; rejected: ColumnarRowRejection[] } {
  const rows = new Array<Record<string, unknown> | undefined>(count);
  const rejected: ColumnarRowRejection[] = [];
  for (let i = 0; i < count; i++) {
    const unpacked = unpackRow(columns, i);
    if (unpacked.rejection === undefined) rows[i] = unpacked.row;
    else rejected.push(unpacked.rejection);
  }
  return { rows, rejected };
}

/**
 * Row `i` as the plain object it stands for (`null` values left out), or its rejection when a
 * dictionary index is not an entry of its dictionary: the first such column's, in column order.
 * The values are read at `index`, which is `i` unless the columns hold that one row alone.
 */
export function unpackRow(
  columns: readonly Column[],
  i: number,
  index = i,
): { row: Record<string, unknown>; rejection: ColumnarRowRejection | undefined } {
  const row: Record<string, unknown> = {};
  let problem: string | undefined;
  let field = '';
  for (const { name, values, dictionary } of columns) {
    const value = values[index];
    if (value === null || value === undefined) continue;
    if (dictionary === undefined) {
      row[name] = value;
      continue;
    }
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < dictionary.length) {
      row[name] = dictionary[value];
      continue;
    }
    problem ??= `${name} refers to entry ${describe(value)} of its dictionary, which has ${dictionary.length} entries`;
    field ||= name;
  }
  if (problem === undefined) return { row, rejection: undefined };
  return { row, rejection: { event: row, code: 'bad-value', field, reason: rowReason(i, problem), row: i } };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(short(value));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

const short = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
