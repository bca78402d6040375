/**
 * Writes rows (events, snapshot recipients) as a columnar batch: what a backend sends, and what
 * the demo's mock backend, the tests and the bench use. The reader is columnar-batch.ts.
 */
import {
  COLUMNAR_FORMAT,
  COLUMNAR_VERSION,
  EVENT_COLUMNS,
  type ColumnSchema,
  type ColumnarBatch,
} from './columnar-batch';

export interface EncodeOptions {
  /**
   * Text columns written as they are rather than through a dictionary: those whose values
   * rarely repeat (an event's `id`; a snapshot's recipient ids), where a dictionary only adds
   * an index per row. Default: `id`.
   */
  plain?: readonly string[];
}

/**
 * The rows as one columnar batch of `schema`'s columns (events by default). A column is written
 * only when some row has a value for it; an absent value is `null`. Fields outside the schema are
 * not written.
 */
export function encodeColumns(
  rows: readonly object[],
  schema: ColumnSchema = EVENT_COLUMNS,
  options: EncodeOptions = {},
): ColumnarBatch {
  const plain = new Set(options.plain ?? ['id']);
  const columns: Record<string, unknown[]> = {};
  const dictionaries: Record<string, unknown[]> = {};
  const count = rows.length;
  for (const name of [...schema.text, ...schema.values]) {
    const dictionary = schema.text.includes(name) && !plain.has(name) ? new Map<unknown, number>() : undefined;
    // Stryker disable next-line ArrayDeclaration: every index from 0 to count - 1 is written below, in order
    const values = new Array<unknown>(count);
    let present = false;
    for (let i = 0; i < count; i++) {
      const value = (rows[i] as Record<string, unknown>)[name];
      if (value === undefined || value === null) {
        values[i] = null;
        continue;
      }
      present = true;
      if (dictionary === undefined) {
        values[i] = value;
        continue;
      }
      let index = dictionary.get(value);
      if (index === undefined) dictionary.set(value, (index = dictionary.size));
      values[i] = index;
    }
    if (!present && !schema.required.includes(name)) continue;
    columns[name] = values;
    if (dictionary !== undefined) dictionaries[name] = [...dictionary.keys()];
  }
  return { format: COLUMNAR_FORMAT, version: COLUMNAR_VERSION, count, dictionaries, columns };
}
