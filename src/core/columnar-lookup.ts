/**
 * A columnar batch's email entries and recipient rows, looked up once per entry of its
 * dictionaries rather than once per row (columnar-fold.ts).
 */
import type { PreparedColumn } from './columnar-rows';
import type { EmailEntry, EmailTable } from './email-table';
import type { RecipientTable } from './recipient-table';

/** The row of `recipientId` in the email, added when it has none. */
export function rowIn(table: RecipientTable, entry: EmailEntry, recipientId: string): number {
  const hash = entry.rows.hash(recipientId);
  const second = entry.rows.second;
  let row = entry.rows.find(hash, second);
  if (row < 0) {
    row = table.add(entry.index, recipientId);
    entry.rows.insert(hash, second, row);
    entry.order.push(row);
  }
  return row;
}

/** Email entries by the batch's `emailId` dictionary entry, or by the text of the last row. */
export class EmailsOf {
  readonly #byEntry: (EmailEntry | undefined)[];
  #last: EmailEntry | undefined;

  constructor(
    private readonly column: PreparedColumn,
    private readonly emails: EmailTable,
    private readonly responseCount: number,
  ) {
    // Stryker disable next-line ArrayDeclaration,LogicalOperator: sized ahead for speed; an empty one grows
    this.#byEntry = new Array<EmailEntry | undefined>(column.dictionary?.length ?? 0);
  }

  at(i: number): EmailEntry {
    const { indices, dictionary } = this.column;
    if (indices !== undefined) {
      const e = indices[i]!;
      return (this.#byEntry[e] ??= this.emails.entry(dictionary![e] as string, this.responseCount));
    }
    const value = this.column.values[i];
    const last = this.#last;
    // Stryker disable next-line ConditionalExpression: looking the entry up every time finds the same entry
    if (last !== undefined && last.id === value) return last;
    return (this.#last = this.emails.entry(value as string, this.responseCount));
  }
}

/** Rows by the batch's `recipientId` dictionary entry, each kept for the email it was found in. */
export class RowsOf {
  /**
   * Per dictionary entry, side by side (one cache miss, not two): the index of the email its
   * row was found in plus one (0: none yet), and the row.
   */
  readonly #known: Int32Array;

  constructor(
    private readonly column: PreparedColumn,
    private readonly table: RecipientTable,
  ) {
    // Stryker disable next-line LogicalOperator,ArithmeticOperator: a row not remembered is looked up again
    this.#known = new Int32Array((column.dictionary?.length ?? 0) * 2);
  }

  at(i: number, entry: EmailEntry): number {
    const { indices, dictionary } = this.column;
    if (indices === undefined) return rowIn(this.table, entry, this.column.values[i] as string);
    const slot = indices[i]! * 2;
    const known = this.#known;
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator: a row not remembered is looked up
    if (known[slot] === entry.index + 1) return known[slot + 1]!;
    const row = rowIn(this.table, entry, dictionary![slot / 2] as string);
    // Stryker disable next-line ArithmeticOperator: a mark that never matches only makes the row looked up again
    known[slot] = entry.index + 1;
    known[slot + 1] = row;
    return row;
  }
}
