/**
 * Folds a prepared columnar batch (columnar-rows.ts) row by row, with integers: each row's
 * response index and time come from typed arrays, its email entry and its recipient's row are
 * looked up once per dictionary entry (per email: the same recipient id under two emails is two
 * rows), and it goes into the same `applyEvent` as a plain event. No object is built for a row,
 * except for a row a plain listener hears (it may keep the event) and for a rejected row (its
 * rejection carries the event it stands for). Listeners marked for columns (columnar-listeners.ts)
 * hear the one scratch event, with the row it stands for, and make an object only to keep it.
 */
import type { BatchApplier, Run } from './batch';
import { heard, takeColumns } from './columnar-listeners';
import { BAD_INDEX, GOOD, type ColumnarRows, type FoldedText } from './columnar-rows';
import { EmailsOf, RowsOf } from './columnar-lookup';
import { foldGrouped } from './columnar-grouped';
import type { EmailEntry } from './email-table';
import type { ResponseEvent } from './event';
import { STRIDE, TEXT_STRIDE, type RecipientTable } from './recipient-table';
import { scratchEvent as newScratchEvent, type CheckedEvent } from './validate';

/**
 * The event `applyEvent` reads for a row no listener hears: one object, its fields rewritten. The
 * same shape as a plain event's reused copy (validate.ts), so applyEvent meets one shape.
 */
const scratchEvent = () => newScratchEvent() as unknown as ResponseEvent;

/** Rows per chunk, as in BatchApplier: their records stay in the L1 and L2 caches. */
const CHUNK = 256;

/**
 * Applies every row of `rows` within `run` (see BatchApplier.apply), a chunk at a time: first
 * the chunk's rows are found, then their records read, so the cache misses of many rows overlap
 * (see batch.ts), then the rows are applied in order.
 */
export function foldColumns(applier: BatchApplier, rows: ColumnarRows, run: Run): void {
  if (foldGrouped(applier, rows, run)) return;
  const { rules, recipients, emails } = applier.target;
  const { marks, responses, times, count } = rows;
  const keeping = run.onAccepted && takeColumns(run.onAccepted, run.onDuplicate);
  const listening = !keeping && (run.onAccepted !== undefined || run.onDuplicate !== undefined);
  heard.rules = rules;
  // Stryker disable next-line ObjectLiteral,UnaryOperator: checkEvent writes every field before any is read
  const checked: CheckedEvent = { event: scratchEvent(), response: -1, at: 0 };
  const emailsOf = new EmailsOf(rows.emailId, emails, rules.responses.length);
  const rowsOf = new RowsOf(rows.recipientId, recipients);
  // Stryker disable next-line ArrayDeclaration: sized ahead for speed; an empty array grows as it is written
  const entries = new Array<EmailEntry | undefined>(CHUNK);
  const found = new Int32Array(CHUNK);
  const texts = new Texts(rows);
  // Room for every recipient the batch may add, at once rather than by doubling (each a copy).
  // Stryker disable all: growing the table ahead changes no row, only when its copies happen
  const rowsAtMost = recipients.size + (rows.recipientId.dictionary?.length ?? 0);
  if (rowsAtMost > recipients.capacity) recipients.reserve(Math.max(rowsAtMost, recipients.capacity * 2));
  // Stryker restore all
  // Stryker disable next-line EqualityOperator: `<=` adds an empty chunk at the end, which applies nothing
  for (let start = 0; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    // Stryker disable next-line EqualityOperator: one more finds the next chunk's first row early, in order
    for (let i = start; i < end; i++) {
      if (marks[i] !== GOOD) continue;
      const entry = emailsOf.at(i);
      entries[i - start] = entry;
      found[i - start] = rowsOf.at(i, entry);
    }
    // Stryker disable next-line AssignmentOperator: warmth is never read but to keep the loads
    applier.warmth += warm(recipients, marks, found, start, end);
    // A throw while applying must not leave `heard` naming this row: the next plain event would
    // be logged as it.
    try {
      for (let i = start; i < end; i++) {
        const mark = marks[i]!;
        if (mark !== GOOD) {
          // A row whose index is not an entry was rejected while the batch was unpacked.
          if (!(mark & BAD_INDEX)) run.rejected.push(rows.rejection(i, rules, checked));
          continue;
        }
        const event = listening ? rows.event(i, rules, checked) : texts.of(i);
        // Without listeners for columns, `heard` is never read.
        // Stryker disable next-line ConditionalExpression,BlockStatement
        if (keeping) {
          heard.rows = rows;
          heard.i = i;
        }
        applier.applyEvent(event, entries[i - start]!, found[i - start]!, responses[i]!, times, i, run);
        heard.rows = undefined;
        // Stryker disable next-line ArithmeticOperator: clearing only lets the entries be collected
        entries[i - start] = undefined;
      }
    } finally {
      heard.rows = undefined;
    }
  }
}

/**
 * Reads the first, middle and last bytes of each good row's record (see BatchApplier.chunk) and
 * its texts, so that applying the chunk finds them in the cache. Returns their sum, to keep the loads.
 */
// Stryker disable all: warming the cache only reads; its sum `warmth` is never read but to keep the loads
function warm(table: RecipientTable, marks: Uint8Array, found: Int32Array, start: number, end: number): number {
  let warmth = 0;
  for (let i = start; i < end; i++) {
    if (marks[i] !== GOOD) continue;
    const row = found[i - start]!;
    warmth +=
      table.times[row * STRIDE]! +
      table.ints[row * STRIDE * 2 + STRIDE]! +
      table.fingerprints[row * STRIDE * 4 + STRIDE * 4 - 1]! +
      // The row's texts (contact, name, address, provider: one cache line), which mergeMeta reads.
      (table.texts[row * TEXT_STRIDE] === undefined ? 0 : 1);
  }
  return warmth;
}
// Stryker restore all

/**
 * A row's texts in the one event applyEvent reads: its id, meta texts, email kind and type, reason
 * and scope. A column the batch lacks is an empty one (columnar-rows.ts), which reads undefined.
 */
class Texts {
  readonly #event = scratchEvent();

  constructor(private readonly rows: ColumnarRows) {}

  /** Field by field: a keyed store in a loop over names would go megamorphic (see validate.ts). */
  of(i: number): ResponseEvent {
    const { rows } = this;
    const event = this.#event as unknown as Record<FoldedText, unknown>;
    event.id = rows.id.at(i);
    event.contactId = rows.contactId.at(i);
    event.contactName = rows.contactName.at(i);
    event.address = rows.address.at(i);
    event.emailKind = rows.emailKind.at(i);
    event.emailType = rows.emailType.at(i);
    event.provider = rows.provider.at(i);
    event.reason = rows.reason.at(i);
    event.scope = rows.scope.at(i);
    return this.#event;
  }
}
