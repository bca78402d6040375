/**
 * Folds a prepared columnar batch (columnar-rows.ts) row by row, with integers: each row's
 * response index and time come from typed arrays, its email entry and its recipient's row are
 * looked up once per dictionary entry (per email: the same recipient id under two emails is two
 * rows), and it goes into the same `applyEvent` as a plain event. No object is built for a row,
 * except for a row a listener hears (the store keeps the events it applies) and for a rejected
 * row (its rejection carries the event it stands for).
 */
import type { BatchApplier, Run } from './batch';
import { BAD_INDEX, GOOD, type ColumnarRows, type PreparedColumn } from './columnar-rows';
import type { EmailEntry, EmailTable } from './email-table';
import type { ResponseEvent } from './event';
import type { RecipientTable } from './recipient-table';
import type { CheckedEvent } from './validate';

/** The row of `recipientId` in the email, added when it has none. */
function rowIn(table: RecipientTable, entry: EmailEntry, recipientId: string): number {
  const hash = entry.rows.hash(recipientId);
  let row = entry.rows.find(recipientId, hash);
  if (row < 0) {
    row = table.add(entry.index, recipientId);
    entry.rows.insert(hash, row);
    entry.order.push(row);
  }
  return row;
}

/** Email entries by the batch's `emailId` dictionary entry, or by the text of the last row. */
class EmailsOf {
  private readonly byEntry: (EmailEntry | undefined)[];
  private last: EmailEntry | undefined;

  constructor(
    private readonly column: PreparedColumn,
    private readonly emails: EmailTable,
    private readonly responseCount: number,
  ) {
    this.byEntry = new Array<EmailEntry | undefined>(column.dictionary?.length ?? 0);
  }

  at(i: number): EmailEntry {
    const { indices, dictionary } = this.column;
    if (indices !== undefined) {
      const e = indices[i]!;
      return (this.byEntry[e] ??= this.emails.entry(dictionary![e] as string, this.responseCount));
    }
    const value = this.column.values[i];
    const last = this.last;
    // Stryker disable next-line ConditionalExpression: looking the entry up every time finds the same entry
    if (last !== undefined && last.id === value) return last;
    return (this.last = this.emails.entry(value as string, this.responseCount));
  }
}

/** Rows by the batch's `recipientId` dictionary entry, each kept for the email it was found in. */
class RowsOf {
  private readonly rows: Int32Array;
  private readonly emailOf: Int32Array;

  constructor(
    private readonly column: PreparedColumn,
    private readonly table: RecipientTable,
  ) {
    const entries = column.dictionary?.length ?? 0;
    this.rows = new Int32Array(entries).fill(-1);
    this.emailOf = new Int32Array(entries);
  }

  at(i: number, entry: EmailEntry): number {
    const { indices, dictionary } = this.column;
    if (indices === undefined) return rowIn(this.table, entry, this.column.values[i] as string);
    const e = indices[i]!;
    const known = this.rows[e]!;
    if (known >= 0 && this.emailOf[e] === entry.index) return known;
    const row = rowIn(this.table, entry, dictionary![e] as string);
    this.rows[e] = row;
    this.emailOf[e] = entry.index;
    return row;
  }
}

/** The event `applyEvent` reads for a row no listener hears: one object, its fields rewritten. */
function scratchEvent(): ResponseEvent {
  return {
    id: '',
    emailId: '',
    recipientId: '',
    response: '',
    at: 0,
    contactId: undefined,
    contactName: undefined,
    address: undefined,
    emailKind: undefined,
    emailType: undefined,
    provider: undefined,
    reason: undefined,
    scope: undefined,
  };
}

/** Applies every row of `rows` within `run` (see BatchApplier.apply). */
export function foldColumns(applier: BatchApplier, rows: ColumnarRows, run: Run): void {
  const { rules, recipients, emails } = applier.target;
  const { marks, responses, times } = rows;
  const listening = run.onAccepted !== undefined || run.onDuplicate !== undefined;
  const checked: CheckedEvent = { event: scratchEvent(), response: -1, at: 0 };
  const scratch = scratchEvent();
  const emailsOf = new EmailsOf(rows.emailId, emails, rules.responses.length);
  const rowsOf = new RowsOf(rows.recipientId, recipients);
  for (let i = 0; i < rows.count; i++) {
    const mark = marks[i]!;
    let event = scratch;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a good row checked as an object is the same
    if (mark !== GOOD || listening) {
      // Rejected already, while the batch was unpacked.
      if (mark & BAD_INDEX) continue;
      const rejection = rows.check(i, rules, checked);
      if (rejection !== null) {
        run.rejected.push(rejection);
        continue;
      }
      event = checked.event;
    } else {
      fill(scratch, rows, i);
    }
    const entry = emailsOf.at(i);
    applier.applyEvent(event, entry, rowsOf.at(i, entry), responses[i]!, times, i, run);
  }
}

/** The fields of row `i` that applyEvent reads. */
function fill(scratch: ResponseEvent, rows: ColumnarRows, i: number): void {
  const event = scratch as unknown as Record<string, unknown>;
  event.id = rows.id.at(i);
  event.contactId = rows.contactId.at(i);
  event.contactName = rows.contactName.at(i);
  event.address = rows.address.at(i);
  event.emailKind = rows.emailKind.at(i);
  event.emailType = rows.emailType.at(i);
  event.provider = rows.provider.at(i);
  event.reason = rows.reason.at(i);
  event.scope = rows.scope.at(i);
}
