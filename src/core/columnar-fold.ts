/**
 * Folds a prepared columnar batch (columnar-rows.ts) recipient by recipient (issue 16 §3), to the
 * same state, results and listener calls as its rows applied one by one as plain events.
 *
 * Row by row, every event of a large batch lands on a recipient whose record, texts and id
 * fingerprints left the cache since its last event: a dozen misses an event, most of the fold's
 * time. Here the good rows are first staged (in the batch's order: each row's recipient row,
 * created in order of first appearance, its email entry and row looked up once per dictionary
 * entry, its id hashed, its response, time and texts) into one buffer grouped by ranges of
 * recipient rows (see `stage`), each recipient's rows in their order. The merges then read that
 * buffer front to back, and a range's records, texts and ids stay in the cache while its events
 * are merged. A last pass in the batch's order counts, rejects, calls the listeners, merges the
 * email's kind and type and lists the changed rows, each as the row-by-row fold would have.
 *
 * Why the order may change: a recipient's record, ids, contact and statistics period depend only
 * on its own events, in their order, which grouping keeps; an email's counts are sums. What
 * depends on the order across recipients (the changed rows' order, the email's kind and type,
 * the listeners) is done in the last pass. Two differences a host may see: listeners hear a
 * batch's rows after all of them were merged (as a state, not as each came), and the contact
 * index, when one was built, may list contact ids (not their rows) in another order.
 *
 * No object is built for a row, except for a row a plain listener hears (it may keep the event)
 * and for a rejected row (its rejection carries the event it stands for). Listeners marked for
 * columns (columnar-listeners.ts) hear one scratch event holding the row's id, with the row it
 * stands for in `heard`, and the accepted rows grouped by recipient first (`heard.grouped`).
 */
import type { BatchApplier, Run } from './batch';
import { BY_ROW, GROUPED, heard, takeColumns } from './columnar-listeners';
import { BAD_INDEX, GOOD, type ColumnarRows, type PreparedColumn } from './columnar-rows';
import { EmailsOf, RowsOf } from './columnar-lookup';
import type { ResponseEvent } from './event';
import { mergeMeta, mergeResponse, signature } from './merge';
import { LAST_CHANGE, STRIDE } from './recipient-table';
import { stringHashPair } from './string-hash';
import { scratchEvent, type CheckedEvent } from './validate';

/**
 * Int32 slots per staged row: its index, its id's two hashes, response, time (a double), row,
 * and its meta texts' dictionary entries (see `entryAt`), so the merges read one buffer in order
 * rather than each column at a row far from the last.
 */
const SLOTS = 12;
const HASH = 1;
const SECOND = 2;
const RESPONSE = 3;
/** The time's Float64 slot within the row's Int32 slots (slots 4 and 5). */
const TIME = 2;
const ROW = 6;
/** contactId, contactName, address, provider: slots 7 to 10. */
const META = 7;
/** About 2^10 ranges of rows (see `stage`). */
const RANGE_BITS = 10;

// A row's outcome, from the merges to the last pass.
const ACCEPTED = 1;
const DUPLICATE = 2;
/** The row's first change in this apply: the row is listed as changed here. */
const FIRST_CHANGE = 4;

/** Row `i`'s text; undefined when absent. The column must be one the batch has, or absent (empty). */
function textAt(column: PreparedColumn, i: number): string | undefined {
  const indices = column.indices;
  if (indices === undefined) return (column.values[i] ?? undefined) as string | undefined;
  const entry = indices[i]!;
  return entry < 0 ? undefined : (column.dictionary![entry] as string);
}

/** Row `i`'s entry in its column's dictionary, -1 when it has no value, BY_ROW for a column without one. */
function entryAt(column: PreparedColumn, i: number): number {
  const indices = column.indices;
  // An absent column (empty, without a dictionary) reads as no value.
  if (indices === undefined) return column.name === '' ? -1 : BY_ROW;
  return indices[i]! < 0 ? -1 : indices[i]!;
}

/** The text a staged entry stands for. */
function textOf(column: PreparedColumn, entry: number, i: number): string | undefined {
  if (entry >= 0) return column.dictionary![entry] as string;
  return entry === BY_ROW ? textAt(column, i) : undefined;
}

/** A column the batch lacks is named '' (columnar-rows.ts). */
const has = (column: PreparedColumn): boolean => column.name !== '';

/** Applies every row of `rows` within `run` (see BatchApplier.apply), grouped by recipient row (see above). */
export function foldColumns(applier: BatchApplier, rows: ColumnarRows, run: Run): void {
  const { rules, recipients, emails, eventIds, contacts, period } = applier.target;
  const count = rows.count;
  // Room for every recipient the batch's dictionary may add, at once rather than by growing.
  // Stryker disable all: growing the table ahead changes no row, only when its copies happen
  const rowsAtMost = recipients.size + (rows.recipientId.dictionary?.length ?? 0);
  if (rowsAtMost > recipients.capacity) recipients.reserve(Math.max(rowsAtMost, recipients.capacity * 2));
  // Stryker restore all
  const found = new Int32Array(count);
  const staged = stage(applier, rows, found);
  const good = staged.length / SLOTS;
  const stagedTimes = new Float64Array(staged.buffer);
  const outcome = new Uint8Array(count);
  const event = scratchEvent() as unknown as Record<keyof ResponseEvent, unknown>;
  const metaTexts = has(rows.contactId) || has(rows.contactName) || has(rows.address) || has(rows.provider);
  const hasReason = has(rows.reason);
  const hasScope = has(rows.scope);
  // The accepted rows as `heard.grouped` gives them (columnar-listeners.ts), in the merges'
  // order, written over the staged rows already read: row k's GROUPED slots from slot k·GROUPED
  // on, never past the k-th staged row's own slots.
  let accepted = 0;
  for (let p = 0; p < good; p++) {
    const b = p * SLOTS;
    const i = staged[b]!;
    const row = staged[b + ROW]!;
    if (!eventIds.addHashes(row, staged[b + HASH]!, staged[b + SECOND]!)) {
      outcome[i] = DUPLICATE;
      continue;
    }
    let state = ACCEPTED;
    const before = signature(recipients, row);
    // A null or empty reason is no reason (as in BatchApplier.applyEvent).
    const reason = hasReason ? textAt(rows.reason, i) || undefined : undefined;
    const scope = hasScope ? textAt(rows.scope, i) : undefined;
    const t = (b >> 1) + TIME;
    let changed: boolean;
    if (period === undefined)
      changed = mergeResponse(recipients, rules, row, staged[b + RESPONSE]!, reason, scope, stagedTimes, t);
    else {
      event.reason = reason;
      event.scope = scope;
      changed = period.merge(recipients, rules, row, staged[b + RESPONSE]!, event as never, stagedTimes, t);
    }
    if (metaTexts) {
      event.contactId = textOf(rows.contactId, staged[b + META]!, i);
      event.contactName = textOf(rows.contactName, staged[b + META + 1]!, i);
      event.address = textOf(rows.address, staged[b + META + 2]!, i);
      event.provider = textOf(rows.provider, staged[b + META + 3]!, i);
      if (mergeMeta(recipients, contacts, row, event as unknown as ResponseEvent, stagedTimes, t)) changed = true;
    }
    const after = signature(recipients, row);
    if (before !== after) emails.count(emails.at(recipients.email[row]!), before, after);
    const last = row * STRIDE * 2 + LAST_CHANGE;
    if (changed && recipients.ints[last] !== run.batch) {
      recipients.ints[last] = run.batch;
      state |= FIRST_CHANGE;
    }
    outcome[i] = state;
    const g = accepted++ * GROUPED;
    const contactId = staged[b + META]!;
    const contactName = staged[b + META + 1]!;
    const address = staged[b + META + 2]!;
    staged[g] = i;
    staged[g + 1] = row;
    staged[g + 2] = contactId;
    staged[g + 3] = contactName;
    staged[g + 4] = address;
  }
  inOrder(applier, rows, run, found, outcome, event, staged.subarray(0, accepted * GROUPED));
}

/**
 * The good rows staged grouped by recipient row (see the top of this file): `SLOTS` Int32 slots a
 * row. Writes each good row's recipient row to `found`.
 *
 * Grouped by ranges of rows, about 1,024 of them: a stable counting sort by `row >>> shift`,
 * one pass to count and one to place. A range's rows fit the cache while its events are merged,
 * and placing into a thousand runs writes each run in order; sorting by the row itself (a run per
 * recipient) placed each event at random in a buffer of the batch's size, at twice the cost.
 * A row's events all fall in its range, in their order, whatever the batch's dictionaries say
 * (one recipient id may have two entries).
 */
function stage(applier: BatchApplier, rows: ColumnarRows, found: Int32Array): Int32Array {
  const { rules, recipients, emails, eventIds } = applier.target;
  const { marks, responses, times, count } = rows;
  const emailsOf = new EmailsOf(rows.emailId, emails, rules.responses.length);
  const rowsOf = new RowsOf(rows.recipientId, recipients);
  // In the batch's order: new recipients get rows in the order they first appear.
  let good = 0;
  for (let i = 0; i < count; i++) {
    if (marks[i] !== GOOD) continue;
    found[i] = rowsOf.at(i, emailsOf.at(i));
    good++;
  }
  // Stryker disable next-line all: ranges of another size group the same rows, only less or more finely
  const shift = Math.max(0, 32 - Math.clz32(recipients.size) - RANGE_BITS);
  const starts = new Int32Array((recipients.size >>> shift) + 2);
  for (let i = 0; i < count; i++) if (marks[i] === GOOD) starts[(found[i]! >>> shift) + 1]!++;
  for (let g = 1; g < starts.length; g++) starts[g]! += starts[g - 1]!;
  const staged = new Int32Array(good * SLOTS);
  const stagedTimes = new Float64Array(staged.buffer);
  const [seed, secondSeed] = eventIds.seeds;
  const second = new Int32Array(1);
  const ids = rows.id;
  for (let i = 0; i < count; i++) {
    if (marks[i] !== GOOD) continue;
    const row = found[i]!;
    const b = starts[row >>> shift]!++ * SLOTS;
    staged[b] = i;
    staged[b + HASH] = stringHashPair(textAt(ids, i)!, seed, secondSeed, second);
    staged[b + SECOND] = second[0]!;
    staged[b + RESPONSE] = responses[i]!;
    stagedTimes[(b >> 1) + TIME] = times[i]!;
    staged[b + ROW] = row;
    staged[b + META] = entryAt(rows.contactId, i);
    staged[b + META + 1] = entryAt(rows.contactName, i);
    staged[b + META + 2] = entryAt(rows.address, i);
    staged[b + META + 3] = entryAt(rows.provider, i);
  }
  return staged;
}

/**
 * The last pass, in the batch's order: counts, rejections, listeners, the email's kind and type,
 * and the changed rows, as the row-by-row fold makes them.
 */
function inOrder(
  applier: BatchApplier,
  rows: ColumnarRows,
  run: Run,
  found: Int32Array,
  outcome: Uint8Array,
  event: Record<keyof ResponseEvent, unknown>,
  grouped: Int32Array,
): void {
  const { rules, recipients, emails } = applier.target;
  const { marks, times, count } = rows;
  const { onAccepted, onDuplicate } = run;
  // Listeners for columns take the scratch event and `heard`; plain ones an event of their own.
  const keeping = onAccepted !== undefined && takeColumns(onAccepted, onDuplicate);
  const emailMeta = has(rows.emailKind) || has(rows.emailType);
  // Stryker disable next-line ObjectLiteral,UnaryOperator: checkEvent writes every field before any is read
  const checked: CheckedEvent = { event: scratchEvent() as unknown as ResponseEvent, response: -1, at: 0 };
  heard.rules = rules;
  if (keeping) heard.grouped = grouped;
  // A throw from a listener must not leave `heard` naming a row (see columnar-fold.ts).
  try {
    for (let i = 0; i < count; i++) {
      const mark = marks[i]!;
      if (mark !== GOOD) {
        // A row whose index is not an entry was rejected while the batch was unpacked.
        if (!(mark & BAD_INDEX)) run.rejected.push(rows.rejection(i, rules, checked));
        continue;
      }
      const state = outcome[i]!;
      const row = found[i]!;
      const listener = state & DUPLICATE ? onDuplicate : onAccepted;
      if (listener !== undefined && keeping) {
        // A listener for columns reads the row's id here, and every other field through `heard`.
        event.id = textAt(rows.id, i);
        heard.rows = rows;
        heard.i = i;
        listener(event as unknown as ResponseEvent, row, times[i]!);
        heard.rows = undefined;
      } else if (listener !== undefined) listener(rows.event(i, rules, checked), row, times[i]!);
      if (state & DUPLICATE) {
        run.duplicates++;
        continue;
      }
      run.accepted++;
      if (emailMeta) {
        event.emailKind = textAt(rows.emailKind, i);
        event.emailType = textAt(rows.emailType, i);
        const entry = emails.at(recipients.email[row]!);
        if (emails.mergeMeta(entry, event as unknown as ResponseEvent, times[i]!)) run.changedEmails.add(entry.id);
      }
      if (state & FIRST_CHANGE) run.changed.push(row);
    }
  } finally {
    heard.rows = undefined;
    heard.grouped = undefined;
  }
}
