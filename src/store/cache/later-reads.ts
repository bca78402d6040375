/**
 * The hydrate's reads after the first one: the row pages left, then the event records, each in
 * chunks all requested at once so the browser reads ahead while the page's thread restores.
 * Both first check that no other tab compacted since the first read (`CacheChangedError`).
 */
import type { CacheDatabase } from './cache-schema';
import type { FirstRead } from './first-read';
import { CacheChangedError } from './hydrate-result';

/**
 * Rows per read: large enough to amortize a request, small enough that decoding one read
 * (structured clone, on this thread, all at once) stays short. A page of 65,536 rows is read
 * alone; the 1,000-row pages of older caches eight at a time.
 */
const CHUNK_ROWS = 8_000;
const CHUNK_EVENT_RECORDS = 8;

/** Event records' reads and their keys. */
export interface EventReads {
  reads: Promise<unknown[]>[];
  keys: number[][];
}

/** The event records past the watermark (applied on top of the rows) and those at or below it. */
export interface LaterReads {
  tail: EventReads;
  folded: EventReads;
  /** Whether corrections are kept (read now: a writer before this one may have added some). */
  corrections: boolean;
  /** One past the last event record's key. */
  nextKey: number;
}

/** The row pages after the first ones, and how many rows they hold at least. */
export interface RowReads {
  reads: Promise<unknown[]>[];
  rows: number;
}

/** Every row page after `first`'s, requested at once. */
export async function requestRows(db: CacheDatabase, first: FirstRead): Promise<RowReads> {
  const rest = db.transaction(['fold', 'rows'], 'readonly');
  const [foldNow, rowKeys] = await Promise.all([
    rest.objectStore('fold').get('fold'),
    rest.objectStore('rows').getAllKeys(),
  ]);
  if (JSON.stringify(foldNow) !== JSON.stringify(first.fold)) throw new CacheChangedError();
  // The pages after the first ones by key, not by count: another tab may have written in between.
  const lastFirst = first.firstKeys.at(-1);
  const laterKeys =
    lastFirst === undefined
      ? rowKeys
      : rowKeys.filter(
          ([emailId, page]) => emailId > lastFirst[0] || (emailId === lastFirst[0] && page > lastFirst[1]),
        );
  const pageSize = first.foldRecord?.pageSize ?? 1;
  const store = rest.objectStore('rows');
  const reads = chunks(laterKeys, Math.max(1, Math.floor(CHUNK_ROWS / pageSize))).map((keys) =>
    store.getAll(keyRange(keys)),
  );
  // A read left unawaited after a failure must not be an unhandled rejection.
  for (const read of reads) read.catch(() => undefined);
  // Every row the fold record counts (the pages cannot hold more: a damaged count reserves no more).
  const saved = first.foldRecord?.rows;
  const rows = saved === undefined ? fullPageRows(rowKeys, pageSize) : Math.min(saved, rowKeys.length * pageSize);
  return { reads, rows };
}

/** The event records, once the rows are in; the same check as `requestRows`. */
export async function requestEvents(db: CacheDatabase, first: FirstRead, watermark: number): Promise<LaterReads> {
  const rest = db.transaction(['fold', 'events', 'corrections'], 'readonly');
  const [foldNow, eventKeys, corrections] = await Promise.all([
    rest.objectStore('fold').get('fold'),
    rest.objectStore('events').getAllKeys(),
    rest.objectStore('corrections').count(),
  ]);
  if (JSON.stringify(foldNow) !== JSON.stringify(first.fold)) throw new CacheChangedError();
  const events = rest.objectStore('events');
  // The records past the watermark first: the state waits for them, the log for the others.
  const read = (keys: number[]): EventReads => {
    const keyChunks = chunks(keys, CHUNK_EVENT_RECORDS);
    const reads = keyChunks.map((chunk) => events.getAll(keyRange(chunk)));
    for (const pending of reads) pending.catch(() => undefined);
    return { reads, keys: keyChunks };
  };
  const tail = read(eventKeys.filter((key) => key > watermark));
  const folded = read(eventKeys.filter((key) => key <= watermark));
  return { tail, folded, corrections: corrections > 0, nextKey: (eventKeys.at(-1) ?? -1) + 1 };
}

/**
 * Rows certainly in these pages: an email's pages are full but its last. Only for a fold record
 * without `rows`, written before it counted them and before an email's first page was smaller
 * (page-layout.ts), so every page holds `pageSize`. Not every page times `pageSize`: ten
 * thousand emails of one recipient each would reserve ten million rows.
 */
function fullPageRows(keys: readonly (readonly [string, number])[], pageSize: number): number {
  const pages = new Map<string, number>();
  for (const [emailId] of keys) pages.set(emailId, (pages.get(emailId) ?? 0) + 1);
  let rows = 0;
  for (const count of pages.values()) rows += (count - 1) * pageSize + 1;
  return rows;
}

/** From the first key of a chunk to its last (keys are sorted, as getAllKeys gives them). */
function keyRange<K extends IDBValidKey>(keys: readonly K[]): IDBKeyRange {
  return IDBKeyRange.bound(keys[0], keys[keys.length - 1]);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
