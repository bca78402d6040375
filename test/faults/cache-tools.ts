// Reading, damaging and crashing the IndexedDB cache from outside the store, as another tab, a
// broken disk or a closed tab would. Shared by the fault tests (fast and slow).
import { DEFAULT_RULES, type ResponseEvent, type ResponseRules } from '../../src/core/index';
import { isEventPage, unpackEventPage } from '../../src/store/cache/event-pages';
import { rawOpen, rawRequest } from '../store/cache/cache-helpers';
import { sleep } from './fault-harness';

/** The spec's rules under another version: a change that refolds (and compacts) but gives the same state. */
export const RULES_B: ResponseRules = { ...DEFAULT_RULES, version: 'spec-1-b' };

export interface CacheContents {
  cursors: Map<string, unknown>;
  /** Every event in the readable event records, in key order. */
  events: ResponseEvent[];
  /** Keys of the event records, and the fold record's watermark (-1 without one). */
  eventKeys: number[];
  watermark: number;
  rowKeys: IDBValidKey[];
}

/** Reads the database as it is on disk (another connection: what a reload would find). */
export async function readCache(name: string): Promise<CacheContents> {
  // Opening a database that is not there would create an empty one: look first.
  if (!(await indexedDB.databases()).some((db) => db.name === name))
    return { cursors: new Map(), events: [], eventKeys: [], watermark: -1, rowKeys: [] };
  const db = await rawOpen(name);
  db.onversionchange = () => db.close();
  try {
    const tx = db.transaction(['events', 'cursors', 'fold', 'rows'], 'readonly');
    const [eventKeys, pages, cursorKeys, cursorValues, fold, rowKeys] = await Promise.all([
      rawRequest(tx.objectStore('events').getAllKeys()),
      rawRequest(tx.objectStore('events').getAll()),
      rawRequest(tx.objectStore('cursors').getAllKeys()),
      rawRequest(tx.objectStore('cursors').getAll()),
      rawRequest(tx.objectStore('fold').get('fold')),
      rawRequest(tx.objectStore('rows').getAllKeys()),
    ]);
    const events = pages.flatMap((page) => (isEventPage(page) ? unpackEventPage(page) : []));
    const watermark = (fold as { watermark?: number } | undefined)?.watermark ?? -1;
    return {
      cursors: new Map(cursorKeys.map((k, i) => [String(k), cursorValues[i]])),
      events,
      eventKeys: eventKeys as number[],
      watermark,
      rowKeys,
    };
  } finally {
    db.close();
  }
}

/** Writes over records on disk, as a broken extension, a disk error or old code would. */
export async function tamper(name: string, write: (tx: IDBTransaction) => void): Promise<void> {
  const db = await rawOpen(name);
  try {
    const tx = db.transaction(['events', 'cursors', 'fold', 'rows', 'emails', 'rules'], 'readwrite');
    write(tx);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function untilCached(name: string, kind: string, cursor: string): Promise<void> {
  const deadline = performance.now() + 20_000;
  while ((await readCache(name)).cursors.get(kind) !== cursor) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for cursor ${cursor} in the cache`);
    await sleep(20);
  }
}

/** A gate a backend waits at: `hold` it at message i, `open` to let it go on. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Runs `action` while every readwrite transaction aborts before it commits: the tab is gone. */
export async function whileCrashing(action: () => void): Promise<void> {
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = original.apply(this, args);
    if (args[1] === 'readwrite') queueMicrotask(() => tx.abort());
    return tx;
  } as IDBDatabase['transaction'];
  try {
    action();
    await sleep(0);
  } finally {
    IDBDatabase.prototype.transaction = original;
  }
}
