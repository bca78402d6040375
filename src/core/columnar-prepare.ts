/**
 * Checks a columnar event batch and prepares it for the fold (columnar-rows.ts).
 *
 * Unpacking every row into an object and validating each as a plain event costs more than the
 * fold itself. Here each dictionary entry is checked once, with the very check `checkEvent` makes
 * of that field (`checkField`), and each row gets a mark: good, or what is wrong with it.
 *
 * Every value is read once, into copies or typed arrays, before any row is applied: a getter or
 * Proxy in the batch that throws rejects the batch whole, as `decodeColumns` does, and cannot
 * change a row between its check and its use.
 */
import { EVENT_COLUMNS, checkShape, type ColumnarRowRejection } from './columnar-batch';
import { BAD_INDEX, BAD_VALUE, ColumnarRows, GOOD, NO_ENTRY, NO_VALUE, PreparedColumn } from './columnar-rows';
import type { EventRejection } from './event';
import type { CompiledRules } from './rules';
import { eventTime, isPlausibleTime } from './time';
import { errorText } from './read-batch';
import { FIELD_LIMITS, checkField, responseIndexOf, type CheckedField } from './validate';

/** A prepared batch and the rows rejected while unpacking it, or why none of it applies. */
export type PreparedColumns =
  { ok: true; rows: ColumnarRows; rejected: ColumnarRowRejection[] } | { ok: false; rejection: EventRejection };

/** Checks an event batch and marks its rows (see the top of this file). Never throws. */
export function prepareColumns(batch: unknown, rules: CompiledRules): PreparedColumns {
  try {
    return prepare(batch, rules);
  } catch (error) {
    // The same words as decodeColumns: a getter or Proxy on the batch threw.
    const reason = `the columnar batch could not be read: ${errorText(error)}`;
    return { ok: false, rejection: { event: batch, code: 'unreadable', reason } };
  }
}

function prepare(batch: unknown, rules: CompiledRules): PreparedColumns {
  const shape = checkShape(batch, EVENT_COLUMNS);
  if (!shape.ok) return shape;
  const rows = new ColumnarRows(shape.count);
  // Stryker disable next-line BooleanLiteral: the flag only spares a scan of the marks, which finds no row then
  let badIndex = false;
  for (const { name, values, dictionary } of shape.columns) {
    const field = name as CheckedField;
    if (dictionary === undefined) {
      if (name === 'at') rows.add(markTimes(values, rows));
      else rows.add(new PreparedColumn(name, undefined, markTexts(field, values, rows, rules), undefined, undefined));
      continue;
    }
    const entries = copyOf(dictionary, dictionary.length);
    const column = markIndices(field, values, entries, rows, rules);
    // Stryker disable next-line ConditionalExpression: the flag only spares a scan of the marks
    if (column.wrong !== undefined) badIndex = true;
    rows.add(column);
  }
  const rejected: ColumnarRowRejection[] = [];
  // Stryker disable next-line ConditionalExpression: the flag only spares a scan of the marks
  if (badIndex) {
    // Stryker disable next-line EqualityOperator: past the last row, a mark reads undefined, no BAD_INDEX
    for (let i = 0; i < rows.count; i++) if (rows.marks[i]! & BAD_INDEX) rejected.push(rows.unpack(i).rejection!);
  }
  return { ok: true, rows, rejected };
}

/**
 * A copy, each item read once: a Proxy's or getter's later answers cannot change it. `Array.from`
 * makes a plain array whatever the source is, and copies a plain one as fast as `slice`.
 */
function copyOf(values: readonly unknown[], length: number): unknown[] {
  const copy = Array.from(values);
  if (copy.length !== length) throw new Error(`a list of ${length} values read as ${copy.length}`);
  return copy;
}

/** True when `checkEvent` refuses this value of this field (or reading it throws). */
function refused(field: CheckedField, value: unknown, rules: CompiledRules): boolean {
  try {
    return checkField(undefined, field, value, rules) !== null;
  } catch {
    // A revoked Proxy as a value: checkEvent rejects the row as unreadable.
    return true;
  }
}

/**
 * The `at` column: each row's time, and BAD_VALUE where it is missing, not a time or absurd. Its
 * values are kept as the times, but for those that are not finite numbers.
 */
function markTimes(values: readonly unknown[], rows: ColumnarRows): PreparedColumn {
  const { marks, times } = rows;
  let others: unknown[] | undefined;
  // Stryker disable next-line EqualityOperator: one step more reads undefined and writes past typed arrays (ignored)
  for (let i = 0; i < rows.count; i++) {
    const value = values[i];
    const at = eventTime(value);
    times[i] = at;
    if (!isPlausibleTime(at)) marks[i]! |= BAD_VALUE;
    // Filled, not just sized: V8 makes `new Array(n)` of more than 100,000 slots a dictionary.
    // Stryker disable next-line ConditionalExpression,StringLiteral: keeping a finite number there too keeps it twice
    if (typeof value !== 'number' || Number.isNaN(at)) {
      // Stryker disable next-line ArrayDeclaration: sized for speed; an empty array grows as it is written
      (others ??= new Array<unknown>(rows.count).fill(undefined))[i] = value ?? null;
    }
  }
  return new PreparedColumn('at', undefined, others ?? [], undefined, undefined, times);
}

/** A text column without a dictionary (an event's id, usually): each value checked; returns the copy. */
function markTexts(
  name: CheckedField,
  values: readonly unknown[],
  rows: ColumnarRows,
  rules: CompiledRules,
): unknown[] {
  const { marks, responses } = rows;
  const copy = copyOf(values, rows.count);
  if (name === 'response') {
    // Stryker disable next-line EqualityOperator: one step more reads undefined and writes past typed arrays (ignored)
    for (let i = 0; i < rows.count; i++) {
      const index = responseIndexOf(copy[i], rules);
      responses[i] = index;
      if (index < 0) marks[i]! |= BAD_VALUE;
    }
    return copy;
  }
  // A value that fits the limit of a field whose whole check is "text, not empty, at most this
  // long" when required (and looser when optional) is good without the full check; a URL's check
  // is more (its scheme), and a field without a limit has a check of its own.
  // Stryker disable next-line all: a shortcut only: the full check says the same
  const limit = name === 'url' ? -1 : ((FIELD_LIMITS as Partial<Record<CheckedField, number>>)[name] ?? -1);
  // Stryker disable next-line EqualityOperator: one step more reads undefined and writes past typed arrays (ignored)
  for (let i = 0; i < rows.count; i++) {
    const value = copy[i];
    // Stryker disable next-line ConditionalExpression,StringLiteral,EqualityOperator: the full check says the same
    if (typeof value === 'string' && value.length > 0 && value.length <= limit) continue;
    if (refused(name, value, rules)) marks[i]! |= BAD_VALUE;
  }
  return copy;
}

/** A text column through a dictionary: each entry checked once, then each row's index. */
function markIndices(
  name: CheckedField,
  values: readonly unknown[],
  dictionary: readonly unknown[],
  rows: ColumnarRows,
  rules: CompiledRules,
): PreparedColumn {
  const { marks, responses } = rows;
  const entries = new Uint8Array(dictionary.length);
  // Stryker disable next-line EqualityOperator: past the last entry, the write to the typed array is ignored
  for (let e = 0; e < dictionary.length; e++) if (refused(name, dictionary[e], rules)) entries[e] = BAD_VALUE;
  const responseOf = name === 'response' ? dictionary.map((entry) => responseIndexOf(entry, rules)) : undefined;
  const absent = refused(name, null, rules) ? BAD_VALUE : GOOD;
  const indices = new Int32Array(rows.count);
  let wrong: Map<number, unknown> | undefined;
  // Stryker disable next-line EqualityOperator: one step more reads undefined and writes past typed arrays (ignored)
  for (let i = 0; i < rows.count; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      indices[i] = NO_VALUE;
      marks[i]! |= absent;
      continue;
    }
    // A typed array answers undefined for any number that is not one of its indices.
    const mark = typeof value === 'number' ? entries[value] : undefined;
    if (mark === undefined) {
      indices[i] = NO_ENTRY;
      (wrong ??= new Map()).set(i, value);
      marks[i]! |= BAD_INDEX;
      continue;
    }
    indices[i] = value as number;
    marks[i]! |= mark;
    if (responseOf !== undefined) responses[i] = responseOf[value as number]!;
  }
  // Stryker disable next-line ArrayDeclaration: a column with a dictionary is read through its indices
  return new PreparedColumn(name, indices, [], dictionary, wrong);
}
