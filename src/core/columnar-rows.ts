/**
 * A columnar event batch made ready for the fold without an object per row (docs/wire-format.md):
 * each row's mark (good, or what is wrong with it), response index and time in typed arrays, and
 * each text column as dictionary indices or values. columnar-prepare.ts makes one from a batch,
 * columnar-fold.ts folds it. A row is unpacked into the object it stands for only when needed: a
 * marked row, to be rejected by `checkEvent` with the reason the same event gets as an object,
 * and a row a listener hears.
 */
import { EVENT_COLUMNS, rowReason, unpackRow, type Column, type ColumnarRowRejection } from './columnar-batch';
import type { OPTIONAL_EVENT_FIELDS, ResponseEvent } from './event';
import type { CompiledRules } from './rules';
import { checkEvent, type CheckedEvent } from './validate';

/** A row's mark: nothing wrong. */
export const GOOD = 0;
/** A dictionary index is not an entry: rejected while unpacking, never checked as an event. */
export const BAD_INDEX = 1;
/** A value `checkEvent` refuses: the row is unpacked and rejected with that reason. */
export const BAD_VALUE = 2;

/** An index in `PreparedColumn.indices`: the row has no value. */
export const NO_VALUE = -1;
/** An index in `PreparedColumn.indices`: the row's value is not an entry (kept in `wrong`). */
export const NO_ENTRY = -2;

/**
 * One column of a checked batch, as the fold reads it: through a dictionary, each row's entry
 * as an index in a typed array; without one, each row's value.
 */
export class PreparedColumn {
  constructor(
    readonly name: string,
    /** Per row: the entry, NO_VALUE or NO_ENTRY; undefined for a column without a dictionary. */
    readonly indices: Int32Array | undefined,
    /** Per row: the value, for a column without a dictionary. */
    readonly values: readonly unknown[],
    readonly dictionary: readonly unknown[] | undefined,
    /** The values that were not an entry, by row. */
    readonly wrong: Map<number, unknown> | undefined,
    /**
     * The `at` column's times: `values` then holds only the values that are not finite
     * numbers (ISO texts, absent ones as null), and is empty when there is none.
     */
    readonly times?: Float64Array,
  ) {}

  /** Row `i`'s value; null or undefined when absent (read for a good row). */
  at(i: number): unknown {
    const indices = this.indices;
    if (indices === undefined) return this.values[i];
    const entry = indices[i]!;
    // Stryker disable next-line ConditionalExpression: a dictionary has no entry -1 or -2 either
    return entry < 0 ? undefined : this.dictionary![entry];
  }

  /** Row `i`'s value as the batch carried it: an index, a value, or null. */
  wire(i: number): unknown {
    const indices = this.indices;
    if (indices === undefined) {
      const value = this.values[i];
      return value === undefined && this.times !== undefined ? this.times[i] : value;
    }
    const entry = indices[i]!;
    if (entry === NO_ENTRY) return this.wrong!.get(i);
    return entry === NO_VALUE ? null : entry;
  }
}

// Stryker disable next-line StringLiteral,ArrayDeclaration: an absent column is never read (Texts skips it)
const ABSENT = new PreparedColumn('', undefined, [], undefined, undefined);

/** A checked event batch: its rows' marks, responses and times, and its text columns. */
export class ColumnarRows {
  /**
   * Each column of an event batch by name (the text columns the fold reads, and `response`, `at`
   * and `url`, which a log reads a row's fields from, event-log-pages.ts); ABSENT for a column
   * the batch does not have. Set in the constructor, all in one order: every batch one shape.
   */
  declare id: PreparedColumn;
  declare emailId: PreparedColumn;
  declare recipientId: PreparedColumn;
  declare contactId: PreparedColumn;
  declare contactName: PreparedColumn;
  declare address: PreparedColumn;
  declare emailKind: PreparedColumn;
  declare emailType: PreparedColumn;
  declare provider: PreparedColumn;
  declare reason: PreparedColumn;
  declare scope: PreparedColumn;
  declare response: PreparedColumn;
  declare at: PreparedColumn;
  declare url: PreparedColumn;
  /** Per row: GOOD, or BAD_INDEX and BAD_VALUE as found. */
  readonly marks: Uint8Array;
  /** Per row: the response's catalogue index (for a good row). */
  readonly responses: Int32Array;
  /** Per row: the time in epoch ms (for a good row). */
  readonly times: Float64Array;

  /** The batch's columns, in its order: what a row is unpacked from. */
  readonly columns: PreparedColumn[] = [];
  /** One row's values as the batch carried them, to unpack it as `unpackRow` does any row. */
  readonly #wireRow: Column[] = [];

  /**
   * What a log derived from the batch to record its rows (event-log-batch.ts): kept here, not by
   * the log, so it goes when the batch does.
   */
  logged: unknown = undefined;

  /** Only a ColumnarRows has it: the test of one reads no property (see `is`). */
  readonly #prepared = undefined;

  /**
   * True for a batch prepared here. A brand check, not `instanceof`: that reads the prototype,
   * which a revoked Proxy among the events throws on.
   */
  static is(value: unknown): value is ColumnarRows {
    return typeof value === 'object' && value !== null && #prepared in value;
  }

  constructor(readonly count: number) {
    for (const name of [...EVENT_COLUMNS.text, ...EVENT_COLUMNS.values]) this[name as ColumnName] = ABSENT;
    this.marks = new Uint8Array(count);
    this.responses = new Int32Array(count);
    this.times = new Float64Array(count);
  }

  add(column: PreparedColumn): void {
    this.columns.push(column);
    // Stryker disable next-line ArrayDeclaration: `unpack` writes the one value before it is read
    this.#wireRow.push({ name: column.name, values: [null], dictionary: column.dictionary });
    // Stryker disable next-line ConditionalExpression: the fold reads only the folded columns' properties
    // Every name checkShape lets through is one of the columns above.
    this[column.name as ColumnName] = column;
  }

  /** Row `i` as the plain object it stands for, or its rejection for an index out of its dictionary. */
  unpack(i: number): ReturnType<typeof unpackRow> {
    const wireRow = this.#wireRow;
    for (let c = 0; c < wireRow.length; c++) (wireRow[c]!.values as unknown[])[0] = this.columns[c]!.wire(i);
    return unpackRow(wireRow, i, 0);
  }

  /** Row `i`, marked bad, rejected as the event it stands for is: the same reason after its row. */
  rejection(i: number, rules: CompiledRules, out: CheckedEvent): ColumnarRowRejection {
    // Never null: a row is marked bad only for a value `checkEvent` refuses.
    const problem = checkEvent(this.unpack(i).row, rules, out)!;
    return { ...problem, reason: rowReason(i, problem.reason), row: i };
  }

  /** Row `i`, a good one, as the event it stands for: what a listener hears. */
  event(i: number, rules: CompiledRules, out: CheckedEvent): ResponseEvent {
    // checkEvent copies the fields it knows, as it does of a plain event (see validate.ts).
    checkEvent(this.unpack(i).row, rules, out);
    return out.event;
  }
}

/** The text columns the fold reads from a row (`response` comes as an index, `url` is not folded). */
export type FoldedText = 'id' | 'emailId' | 'recipientId' | Exclude<(typeof OPTIONAL_EVENT_FIELDS)[number], 'url'>;
type ColumnName = FoldedText | 'response' | 'at' | 'url';
