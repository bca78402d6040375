/**
 * Reading the cache back into an empty state, first rows first. Row pages are restored as they
 * are (no refold), events folded into them are only remembered (so a replay dedupes), and the
 * events written after the last compaction are applied on top.
 */
import type { ResponseRules } from '../../core/catalogue';
import type { ResponseEvent } from '../../core/event';
import type { ResponseState } from '../../core/fold';
import { isEmailRecord, isFoldRecord, isRulesRecord, type CacheDatabase, type FoldRecord } from './cache-schema';
import { isEventPage, unpackEventPage, type EventPage } from './event-pages';
import { SavedRecipientReader, isRowPage, type RowPage } from './row-pages';
import { afterPaint, yieldIfDue } from '../yield-to-page';

/** Where `hydrate` puts the cached events: the store's EventLog. */
export interface HydrateLog {
  add(event: ResponseEvent, row: number, at: number): void;
}

export interface HydrateProgress {
  /** Rows in the state so far. */
  rows: number;
  /** Cached events read so far. */
  events: number;
  /** The last call: everything cached is in the state. */
  done: boolean;
}

export interface HydrateResult {
  /** The cursor each source kind had reached with the events cached (resume from these). */
  cursors: Record<string, string>;
  /** The rules last saved with `saveRules`, when any. */
  rules: ResponseRules | undefined;
  /** The rules version the cached rows were folded under; undefined when no rows were cached. */
  rulesVersion: string | undefined;
  /** True when cached rows could not be used as they are and the cached events were folded again. */
  refolded: boolean;
  /** Rows in the state after hydrating. */
  recipients: number;
  /** Cached events read. */
  events: number;
  /** Records skipped because they did not have the shape this code writes. */
  corrupted: number;
  /**
   * Event records among them: their events are gone, and with them the ids that let a replay
   * count once and the cursor's promise that they were had. The caller should start over.
   */
  eventRecordsLost: number;
  /**
   * The cache failed part-way (see `onUnavailable`): the state holds part of the cache and some
   * events are not remembered, so a replay could count them twice. Start from a fresh state.
   */
  partial: boolean;
  /**
   * Another tab rewrote the cache while this one read it (a compaction): the state holds a mix
   * that could count events twice. Hydrate again into a fresh state.
   */
  changedWhileRead: boolean;
  /** Milliseconds from the call to the first rows in the state, to every row, and to the end. */
  firstRowsMs: number;
  rowsMs: number;
  totalMs: number;
}

/** What the cache itself learns while hydrating. */
export interface HydrateOutcome {
  result: HydrateResult;
  /** Event records smaller than a full page, to merge at the next compaction. */
  smallRecords: { key: number; page: EventPage }[];
  corruptEventKeys: number[];
  /** The row pages no longer match the state's slots: rewrite them all at the next compaction. */
  rewriteAll: boolean;
  /** Cached rows exist but could not be used as they are: worth compacting soon. */
  staleRows: boolean;
  /** Rows changed by events applied here (they are in the log but not in the row pages). */
  replayedRows: number[];
  /** Records (and their events) past the watermark: what the next compaction folds in. */
  tailRecords: number;
  tailEvents: number;
}

/** Pages read before the first progress report: small, so a view paints within a frame or two. */
const FIRST_PAGES = 2;
/**
 * Pages per later read: large enough to amortize a request, small enough that decoding one read
 * (structured clone, on this thread, all at once) stays well under a long task.
 */
const CHUNK_PAGES = 8;
const CHUNK_EVENT_RECORDS = 8;

export async function hydrateState(
  db: CacheDatabase,
  state: ResponseState,
  log: HydrateLog,
  pageSize: number,
  eventPageSize: number,
  onProgress?: (progress: HydrateProgress) => void,
): Promise<HydrateOutcome> {
  const started = performance.now();
  // Only what the first rows need: listing every key reads through every record (measured
  // 85-115 ms at 1,000,000 cached rows), so the keys come after the first rows have painted.
  const first = db.transaction(['fold', 'rules', 'cursors', 'emails', 'rows'], 'readonly');
  const [fold, rules, cursorKeys, cursorValues, emails, firstKeys, firstPages] = await Promise.all([
    first.objectStore('fold').get('fold'),
    first.objectStore('rules').get('rules'),
    first.objectStore('cursors').getAllKeys(),
    first.objectStore('cursors').getAll(),
    first.objectStore('emails').getAll(),
    first.objectStore('rows').getAllKeys(null, FIRST_PAGES),
    first.objectStore('rows').getAll(null, FIRST_PAGES),
  ]);
  let corrupted = 0;
  const foldRecord: FoldRecord | undefined = isFoldRecord(fold) ? fold : undefined;
  if (fold !== undefined && !foldRecord) corrupted++;
  const rulesRecord = isRulesRecord(rules) ? rules : undefined;
  if (rules !== undefined && !rulesRecord) corrupted++;
  const cursors: Record<string, string> = {};
  cursorKeys.forEach((kind, i) => {
    const value = cursorValues[i];
    if (typeof value === 'string') cursors[kind] = value;
    else corrupted++;
  });

  // Rows folded under other rules would show responses these rules would not give: refold instead.
  const empty = state.recipients.size === 0 && state.eventCount === 0;
  const useRows = empty && foldRecord !== undefined && foldRecord.rulesVersion === state.rules.version;
  let rewriteAll = !useRows || foldRecord.pageSize !== pageSize;
  const watermark = useRows ? foldRecord.watermark : -Infinity;
  let progressEvents = 0;
  let firstRowsMs = 0;
  let reportedRows = 0;
  const report = (done: boolean) => {
    if (firstRowsMs === 0 && state.recipients.size > 0) firstRowsMs = performance.now() - started;
    reportedRows = state.recipients.size;
    try {
      onProgress?.({ rows: state.recipients.size, events: progressEvents, done });
    } catch (error) {
      // A view failing to paint must not leave the state half-hydrated.
      console.error('email-responses: a hydrate onProgress callback threw', error);
    }
  };

  // A view shows the rows it has after each report and rebuilds its order then: reporting as the
  // rows double, not after every read, keeps those rebuilds to twice the rows in all.
  const reportGrowth = () => {
    if (state.recipients.size >= 2 * reportedRows) report(false);
  };
  let slice = performance.now();
  const expectedPage = new Map<string, number>();
  const reader = new SavedRecipientReader();
  const restore = async (pages: readonly unknown[], sliced = true) => {
    for (const page of pages) {
      if (!isRowPage(page)) {
        corrupted++;
        rewriteAll = true;
        continue;
      }
      // A missing page shifts every later slot of its email: the pages must be rewritten.
      if ((expectedPage.get(page.emailId) ?? 0) !== page.page) rewriteAll = true;
      expectedPage.set(page.emailId, page.page + 1);
      restorePage(page);
      if (sliced) slice = await yieldIfDue(slice);
    }
  };
  const restorePage = (page: RowPage) => {
    for (let slot = 0; slot < page.recipientIds.length; slot++) {
      if (state.restoreRecipient(reader.read(page, slot)) < 0) rewriteAll = true;
    }
  };

  /** Emails whose kind and type were restored; the others take theirs from the events. */
  const withRecord = new Set<string>();
  if (useRows) {
    const valid = emails.filter((record) => isEmailRecord(record));
    corrupted += emails.length - valid.length;
    if (valid.length !== emails.length) rewriteAll = true;
    for (const record of valid) withRecord.add(record.id);
    for (const record of valid.sort((a, b) => a.order - b.order)) {
      // Created in their original order before any row, so the restored emails list as before.
      const entry = state.emails.entry(record.id, state.rules.responses.length);
      entry.kind = record.kind ?? undefined;
      entry.kindAt = record.kindAt;
      entry.type = record.type ?? undefined;
      entry.typeAt = record.typeAt;
    }
    await restore(firstPages, false);
    report(false);
    // The first rows are what a reopened page is waiting for: let them paint before the rest.
    await afterPaint();
  }

  // Everything left is requested at once: the browser reads ahead while this thread restores.
  // A read left unawaited after a failure must not be an unhandled rejection.
  const rest = db.transaction(['fold', 'rows', 'events'], 'readonly');
  const [foldNow, rowKeys, eventKeys] = await Promise.all([rest.objectStore('fold').get('fold'), rest.objectStore('rows').getAllKeys(), rest.objectStore('events').getAllKeys()]);
  // Another tab compacted in between: its pages hold events past the watermark read first, which
  // would be applied twice on top of them. The caller starts again.
  if (JSON.stringify(foldNow) !== JSON.stringify(fold)) throw new CacheChangedError();
  // The pages after the first ones by key, not by count: another tab may have written in between.
  const lastFirst = firstKeys.at(-1);
  const laterKeys = lastFirst === undefined ? rowKeys : rowKeys.filter(([emailId, page]) => emailId > lastFirst[0] || (emailId === lastFirst[0] && page > lastFirst[1]));
  const rowReads = useRows ? chunks(laterKeys, CHUNK_PAGES).map((keys) => rest.objectStore('rows').getAll(IDBKeyRange.bound(keys[0], keys[keys.length - 1]))) : [];
  const eventChunks = chunks(eventKeys, CHUNK_EVENT_RECORDS);
  const eventReads = eventChunks.map((keys) => rest.objectStore('events').getAll(IDBKeyRange.bound(keys[0], keys[keys.length - 1])));
  for (const read of [...rowReads, ...eventReads]) read.catch(() => undefined);
  if (useRows) {
    // Room for every page's rows at once (after the first paint: a million rows take 200 MB to
    // allocate): growing the table by doubling would copy it each time.
    state.recipients.reserve(state.recipients.size + fullPageRows(rowKeys, pageSize));
  }
  slice = performance.now();

  for (const read of rowReads) {
    await restore(await read);
    reportGrowth();
  }
  if (state.recipients.size !== reportedRows) report(false);
  // Rows from here on are created by replays, never restored from a page.
  const restoredRows = state.recipients.size;
  const rowsMs = performance.now() - started;

  const smallRecords: HydrateOutcome['smallRecords'] = [];
  const corruptEventKeys: number[] = [];
  const replayedRows: number[] = [];
  const replay: ResponseEvent[] = [];
  let tailRecords = 0;
  let tailEvents = 0;
  const onReplayed = (event: ResponseEvent, row: number, at: number) => {
    log.add(event, row, at);
    if (!rewriteAll) replayedRows.push(row);
  };
  for (let c = 0; c < eventReads.length; c++) {
    const values = await eventReads[c]!;
    const keys = eventChunks[c]!;
    values.forEach((page, i) => {
      const key = keys[i]!;
      if (!isEventPage(page)) {
        corrupted++;
        corruptEventKeys.push(key);
        return;
      }
      if (page.ids.length < eventPageSize) smallRecords.push({ key, page });
      const events = unpackEventPage(page);
      progressEvents += events.length;
      if (key > watermark) {
        tailRecords++;
        tailEvents += events.length;
        for (const event of events) replay.push(event);
        return;
      }
      const entries = page.emailIds.map((id) => state.emails.get(id));
      for (let e = 0; e < events.length; e++) {
        const entry = entries[page.email[e]!];
        const row = entry?.rows.get(page.recipientIds[e]!) ?? -1;
        // A row not restored from a page (a damaged one) is rebuilt from all of its events.
        if (row < 0 || row >= restoredRows) replay.push(events[e]!);
        else {
          log.add(events[e]!, row, page.at[e]!);
          state.rememberEvent(row, page.ids[e]!);
          if (!withRecord.has(entry!.id)) state.emails.mergeMeta(entry!, events[e]!, page.at[e]!);
        }
      }
    });
    if (replay.length > 0) state.apply(replay.splice(0), onReplayed);
    reportGrowth();
    slice = await yieldIfDue(slice);
  }
  report(true);
  const result: HydrateResult = {
    cursors,
    rules: rulesRecord?.rules,
    rulesVersion: foldRecord?.rulesVersion ?? undefined,
    refolded: !useRows,
    recipients: state.recipients.size,
    events: progressEvents,
    corrupted,
    eventRecordsLost: corruptEventKeys.length,
    partial: false,
    changedWhileRead: false,
    firstRowsMs,
    rowsMs,
    totalMs: performance.now() - started,
  };
  const staleRows = rewriteAll && (foldRecord?.rulesVersion ?? null) !== null;
  return { result, smallRecords, corruptEventKeys, rewriteAll, staleRows, replayedRows, tailRecords, tailEvents };
}

/** Thrown when the cache changed between hydrate's reads: hydrate again into a fresh state. */
export class CacheChangedError extends Error {
  constructor() {
    super('another tab rewrote the cache while it was read');
  }
}

/**
 * Rows certainly in these pages: an email's pages are full but its last. Not every page times
 * `pageSize`: ten thousand emails of one recipient each would reserve ten million rows.
 */
function fullPageRows(keys: readonly (readonly [string, number])[], pageSize: number): number {
  const pages = new Map<string, number>();
  for (const [emailId] of keys) pages.set(emailId, (pages.get(emailId) ?? 0) + 1);
  let rows = 0;
  for (const count of pages.values()) rows += (count - 1) * pageSize + 1;
  return rows;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
