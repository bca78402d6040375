/**
 * How `ResponseState.apply` runs a batch: validation, then passes over chunks of events.
 *
 * Events arrive in random recipient order, so each one's row lookup, record and texts are cache
 * misses (50 to 200 ns each on the machine this was measured on). Applying one whole event after
 * another waits for each miss in turn: the loop body is too long for the CPU to reach the next
 * event's loads. Short passes over a chunk let it overlap the misses of many events; the last
 * pass then applies the events in their order, so the result is the same.
 */
import { foldColumns } from './columnar-fold';
import { ColumnarRows } from './columnar-rows';
import type { ContactIndex } from './contact-index';
import type { EmailEntry, EmailTable } from './email-table';
import type { EventRejection, ResponseEvent } from './event';
import type { EventIdSet } from './event-id-set';
import { mergeMeta, mergeResponse, signature } from './merge';
import { LAST_CHANGE, META_AT, STRIDE, type RecipientTable } from './recipient-table';
import type { CompiledRules } from './rules';
import type { StatisticsPeriod } from './statistics-period';
import { readBatch } from './read-batch';
import { stringHashPair } from './string-hash';
import { checkEvent, scratchEvent, type CheckedEvent } from './validate';

/** What one `apply` did. */
export interface AppliedBatch {
  /** Events applied for the first time. */
  accepted: number;
  /** Events whose id had been applied before: counted once, as the rules say. */
  duplicates: number;
  rejected: EventRejection[];
  /**
   * Rows (see `ResponseState.recipientAt`) whose own state changed, each once. Never misses one;
   * a row whose name or address changed and changed back within the batch may be listed too.
   */
  changed: number[];
  /** Emails whose kind or type changed: every row of theirs shows the new value. */
  changedEmails: string[];
}

export type AcceptedListener = (event: ResponseEvent, row: number, at: number) => void;

/**
 * Events per chunk: their records (128 bytes each) and texts stay in the L1 and L2 caches. 128
 * rather than 256: the fold on fresh GUID events ran 6 % faster (two processes of 7 runs in turn,
 * on a 2-core machine under load), where the L2 cache is shared with other work; 64 was no
 * clearer gain.
 */
const CHUNK = 128;

/** The parts of a ResponseState a batch changes. */
export interface BatchTarget {
  readonly rules: CompiledRules;
  readonly recipients: RecipientTable;
  readonly emails: EmailTable;
  readonly eventIds: EventIdSet;
  readonly contacts: ContactIndex;
  /** Set only when the rules have a statistics update period. */
  readonly period: StatisticsPeriod | undefined;
}

export class BatchApplier {
  #batchNumber = 0;
  /** The stage between applies; an apply started from an `onAccepted` listener gets its own. */
  #spare: Stage | undefined = new Stage();
  /** The sum of the loads that warm the cache, kept so the compiler cannot drop them. */
  warmth = 0;

  constructor(readonly target: BatchTarget) {}

  apply(
    events: Iterable<unknown>,
    onAccepted: AcceptedListener | undefined,
    onDuplicate?: AcceptedListener,
  ): AppliedBatch {
    // Read whole before any of it is applied: an iterator that throws half-way leaves the state
    // as it was, never with the first chunks applied and the rest (and the cache write) missing.
    const read = readBatch(events);
    if (!Array.isArray(read)) return { accepted: 0, duplicates: 0, rejected: [read], changed: [], changedEmails: [] };
    // Stryker disable next-line UpdateOperator: -1, -2… are as distinct, and as unlike a new row's 0, as 1, 2…
    const run = new Run(++this.#batchNumber, onAccepted, this.#spare ?? new Stage(), onDuplicate);
    this.#spare = undefined;
    // Plain events in chunks; a columnar batch prepared by applyItems (columnar-apply.ts) row by
    // row from its columns, in its place among them. Validation finds the columnar items as it
    // reads each item: a pass over the batch to find them first touched every event object
    // twice, and a million parsed events do not stay in the cache between the two passes.
    for (let start = 0; start < read.length;)
      start = this.#chunk(read, start, Math.min(read.length, start + CHUNK), run);
    this.#spare = run.stage;
    return {
      accepted: run.accepted,
      duplicates: run.duplicates,
      rejected: run.rejected,
      changed: run.changed,
      changedEmails: [...run.changedEmails],
    };
  }

  /**
   * Applies the plain events from `start` up to `end` or to the first columnar batch among them,
   * then that batch; returns where the next chunk starts.
   */
  #chunk(inputs: readonly unknown[], start: number, end: number, run: Run): number {
    const stop = this.#validate(inputs, start, end, run);
    const n = run.staged;
    const { recipients: table, eventIds } = this.target;
    const { events, entries, rows, hashes, seconds, idHashes, idSeconds } = run.stage;
    // Rows in passes (hash every id, read each hash's first slot, find the row holding the
    // hashes, read that row's record) so the misses of the chunk overlap; each pass finds what
    // it reads in the cache. A recipient is known by its id's 64-bit hash (recipient-index.ts):
    // the id's text is not read back.
    // The event ids' hashes in the same pass: stringHashPair inlined in this loop cost less than
    // a call an event from `EventIdSet.add`.
    const [idSeed, idSecondSeed] = eventIds.seeds;
    const second = run.stage.second;
    for (let k = 0; k < n; k++) {
      const event = events[k]!;
      const index = entries[k]!.rows;
      hashes[k] = index.hash(event.recipientId);
      seconds[k] = index.second;
      idHashes[k] = stringHashPair(event.id, idSeed, idSecondSeed, second);
      idSeconds[k] = second[0]!;
    }
    // Stryker disable all: warming the cache only reads; its sum `warmth` is never read but to keep the loads
    let warmth = 0;
    for (let k = 0; k < n; k++) warmth += entries[k]!.rows.touch(hashes[k]!);
    // Stryker restore all
    for (let k = 0; k < n; k++) rows[k] = entries[k]!.rows.find(hashes[k]!, seconds[k]!);
    // The records: their first, middle and last bytes, as typed arrays are not aligned to cache
    // lines (malloc puts them 16 bytes past a page) and 128 bytes can span three lines. With
    // them the row's text slots, so the pass that reads the meta texts finds the slots in the
    // cache and waits only for the strings.
    // Stryker disable all: warming the cache only reads; its sum `warmth` is never read but to keep the loads
    for (let k = 0; k < n; k++) {
      const row = rows[k]!;
      if (row < 0) continue;
      if (table.text(row, 0) === undefined) warmth++;
      warmth +=
        table.times[row * STRIDE]! +
        table.ints[row * STRIDE * 2 + STRIDE]! +
        table.fingerprints[row * STRIDE * 4 + STRIDE * 4 - 1]!;
    }
    // Stryker restore all
    // In the events' order, so new recipients get rows in the order they first appear. A
    // recipient not found when the chunk was probed may have been added since by an earlier
    // event of the chunk.
    for (let k = 0; k < n; k++) {
      if (rows[k]! >= 0) continue;
      const entry = entries[k]!;
      let row = entry.rows.find(hashes[k]!, seconds[k]!);
      if (row < 0) {
        row = table.add(entry.index, events[k]!.recipientId);
        entry.rows.insert(hashes[k]!, seconds[k]!, row);
        entry.order.push(row);
      }
      rows[k] = row;
    }
    // The meta texts that events at least as new as their stamp will be compared with.
    // Stryker disable all: warming the cache only reads; its sum `warmth` is never read but to keep the loads
    const times = run.stage.at;
    for (let k = 0; k < n; k++) {
      const row = rows[k]!;
      const event = events[k]!;
      const stamps = row * STRIDE + META_AT;
      const at = times[k]!;
      if (event.contactId != null && at >= table.times[stamps]!) warmth += table.metaOf(row, 0)?.length ?? 0;
      if (event.contactName != null && at >= table.times[stamps + 1]!) warmth += table.metaOf(row, 1)?.length ?? 0;
      if (event.address != null && at >= table.times[stamps + 2]!) warmth += table.metaOf(row, 2)?.length ?? 0;
      if (event.provider != null && at >= table.times[stamps + 3]!) warmth += table.metaOf(row, 3)?.length ?? 0;
    }
    this.warmth = warmth;
    // Stryker restore all
    for (let k = 0; k < n; k++) {
      this.applyEvent(events[k]!, entries[k]!, rows[k]!, run.stage.response[k]!, run.stage.at, k, run);
      events[k] = undefined;
      entries[k] = undefined;
    }
    if (stop === end) return end;
    foldColumns(this, inputs[stop] as ColumnarRows, run);
    return stop + 1;
  }

  /**
   * Checks the events up to `end` or to the first columnar batch, rejecting the bad ones and
   * staging the good ones (`run.staged` of them); returns where it stopped.
   */
  #validate(inputs: readonly unknown[], start: number, end: number, run: Run): number {
    const { rules, emails } = this.target;
    const stage = run.stage;
    const scratch = stage.scratch;
    // Without listeners nothing keeps an event past its apply: the checked copies can be reused.
    const copies = run.onAccepted === undefined && run.onDuplicate === undefined ? stage.copies : undefined;
    let n = 0;
    let i = start;
    for (; i < end; i++) {
      const input = inputs[i];
      if (ColumnarRows.is(input)) break;
      const problem = checkEvent(input, rules, scratch, copies?.[n]);
      if (problem) {
        run.rejected.push(problem);
        continue;
      }
      const event = scratch.event;
      let entry = run.entry;
      // Stryker disable next-line ConditionalExpression: looking the entry up every time finds the same entry
      if (entry === undefined || entry.id !== event.emailId)
        entry = run.entry = emails.entry(event.emailId, rules.responses.length);
      stage.events[n] = event;
      stage.entries[n] = entry;
      stage.response[n] = scratch.response;
      stage.at[n] = scratch.at;
      n++;
    }
    run.staged = n;
    return i;
  }

  /**
   * Applies one valid event to its row. Its time is `times[k]` (see mergeResponse) and its id's
   * hashes `run.stage.idHashes[k]` and `idSeconds[k]`; `event` is read for its texts, and is
   * what the listeners hear.
   */
  applyEvent(
    event: ResponseEvent,
    entry: EmailEntry,
    row: number,
    response: number,
    times: Float64Array,
    k: number,
    run: Run,
  ): void {
    const { rules, recipients: table, emails, eventIds, contacts, period } = this.target;
    if (!eventIds.addHashes(row, run.stage.idHashes[k]!, run.stage.idSeconds[k]!)) {
      run.duplicates++;
      if (run.onDuplicate !== undefined) run.onDuplicate(event, row, times[k]!);
      return;
    }
    run.accepted++;
    if (run.onAccepted !== undefined) run.onAccepted(event, row, times[k]!);
    const before = signature(table, row);
    // A null or empty reason is no reason: shown as absent, and never a tie-break of its own (an
    // empty and an absent reason at one time would otherwise keep whichever came first).
    let changed =
      period === undefined
        ? mergeResponse(table, rules, row, response, event.reason || undefined, event.scope, times, k)
        : period.merge(table, rules, row, response, event, times, k);
    if (mergeMeta(table, contacts, row, event, times, k)) changed = true;
    // Stryker disable next-line ConditionalExpression: mergeMeta changes nothing for an event with no kind and no type
    if ((event.emailKind != null || event.emailType != null) && emails.mergeMeta(entry, event, times[k]!))
      run.changedEmails.add(entry.id);
    const after = signature(table, row);
    // Stryker disable next-line ConditionalExpression: moving a count from a signature to itself changes no count
    if (before !== after) emails.count(entry, before, after);
    const last = row * STRIDE * 2 + LAST_CHANGE;
    if (changed && table.ints[last] !== run.batch) {
      table.ints[last] = run.batch;
      run.changed.push(row);
    }
  }
}

/** One chunk's events as validation found them, with their rows. */
class Stage {
  // Stryker disable next-line all: checkEvent writes every field before any is read
  readonly scratch: CheckedEvent = { event: undefined as unknown as ResponseEvent, response: -1, at: 0 };
  // Stryker disable next-line ArrayDeclaration: sized ahead for speed; an empty array grows as it is written
  readonly events = new Array<ResponseEvent | undefined>(CHUNK);
  // Stryker disable next-line ArrayDeclaration: sized ahead for speed; an empty array grows as it is written
  readonly entries = new Array<EmailEntry | undefined>(CHUNK);
  /** The events' checked copies when no listener may keep them (see #validate). */
  readonly copies = Array.from({ length: CHUNK }, scratchEvent);
  readonly response = new Int32Array(CHUNK);
  readonly at = new Float64Array(CHUNK);
  readonly rows = new Int32Array(CHUNK);
  readonly hashes = new Int32Array(CHUNK);
  readonly seconds = new Int32Array(CHUNK);
  /** The event ids' two hashes under the event-id set's seeds (see EventIdSet.addHashes). */
  readonly idHashes = new Int32Array(CHUNK);
  readonly idSeconds = new Int32Array(CHUNK);
  /** Where stringHashPair leaves an id's second hash. */
  readonly second = new Int32Array(1);
}

/** What one `apply` call has done so far. */
export class Run {
  accepted = 0;
  duplicates = 0;
  readonly rejected: EventRejection[] = [];
  readonly changed: number[] = [];
  readonly changedEmails = new Set<string>();
  /** Events the last chunk's validation staged. */
  staged = 0;
  /** The email of the previous event: batches are mostly about one email. */
  entry: EmailEntry | undefined = undefined;

  constructor(
    readonly batch: number,
    readonly onAccepted: AcceptedListener | undefined,
    readonly stage: Stage,
    readonly onDuplicate: AcceptedListener | undefined = undefined,
  ) {}
}
