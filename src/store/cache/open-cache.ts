/**
 * Opening the cache: the database through a given IDBFactory (idb's `openDB` always uses the
 * global one, and tests and hosts need to pass their own or none), with every way an open can fail
 * turned into a reason a host can show.
 */
import { unwrap, wrap } from 'idb';
import { earlyFirstRead } from '../open-early';
import { ALL_STORES, SCHEMA_VERSION, migrate, type CacheDatabase } from './cache-schema';
import { readFirst } from './first-read';
import { CacheUnavailableError, REASONS, reasonFor, unavailableReason } from './failure-reasons';
import { ROWS_PER_PAGE, ResponseCache, type ResponseCacheOptions } from './response-cache';

/**
 * Resolves with the database at `SCHEMA_VERSION`; rejects with an Error whose message is the
 * reason. `opened`: a connection the store opened while this code loaded, taken when it is still
 * open, at this version, with every store.
 */
export async function openDatabase(
  factory: IDBFactory | undefined,
  name: string,
  opened?: IDBOpenDBRequest,
): Promise<CacheDatabase> {
  const early = opened && (await openedAsItStands(opened));
  if (early) return wrap(early) as unknown as CacheDatabase;
  return new Promise((resolve, reject) => {
    if (!factory || typeof factory.open !== 'function') {
      reject(new CacheUnavailableError(REASONS.noIndexedDb));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, SCHEMA_VERSION);
    } catch (error) {
      reject(new CacheUnavailableError(reasonFor(error)));
      return;
    }
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    request.onupgradeneeded = (event) => {
      const db = wrap(request.result) as unknown as CacheDatabase;
      migrate(
        db,
        event.oldVersion,
        event.newVersion,
        wrap(request.transaction!) as unknown as Parameters<typeof migrate>[3],
      );
    };
    // Another tab holds an older version open and does not let go: waiting could take forever, so
    // the page goes on from memory and the late connection, if it ever opens, is closed at once.
    request.onblocked = () => settle(() => reject(new CacheUnavailableError(REASONS.blocked)));
    request.onsuccess = () => {
      const db = request.result;
      if (settled) {
        db.close();
        return;
      }
      if (!ALL_STORES.every((store) => db.objectStoreNames.contains(store))) {
        db.close();
        settle(() => reject(new CacheUnavailableError(REASONS.missingStores)));
        return;
      }
      // Until the cache takes over the connection, another tab's upgrade or delete must not wait.
      db.onversionchange = () => db.close();
      settle(() => resolve(wrap(db) as unknown as CacheDatabase));
    };
    request.onerror = () => settle(() => reject(new CacheUnavailableError(reasonFor(request.error))));
  });
}

/**
 * The connection the store opened while this code loaded (cache-writer.ts), if it is still open,
 * at `SCHEMA_VERSION`, with every store; else none (closed, so that `openDatabase` opens again).
 */
function openedAsItStands(request: IDBOpenDBRequest): Promise<IDBDatabase | undefined> {
  return new Promise<IDBDatabase | undefined>((resolve) => {
    if (request.readyState === 'done') resolve(request.error ? undefined : request.result);
    else {
      request.addEventListener('success', () => resolve(request.result));
      request.addEventListener('error', () => resolve(undefined));
    }
  }).then((db) => {
    try {
      // Throws once another tab's upgrade or delete closed it, or when a store is missing.
      db?.transaction(ALL_STORES).abort();
      if (db?.version === SCHEMA_VERSION) return db;
    } catch {
      // Opened again below.
    }
    db?.close();
    return undefined;
  });
}

/**
 * Opens (creating or upgrading) the cache. Rejects only when IndexedDB cannot be used at all
 * (missing, refused, blocked by another tab, newer on disk), with an Error whose message is the
 * reason; `onUnavailable` hears the same reason first. The state is read by `hydrate`.
 */
export async function openResponseCache(options: ResponseCacheOptions = {}): Promise<ResponseCache> {
  const factory = 'indexedDB' in options ? options.indexedDB : (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  let db: CacheDatabase | undefined;
  try {
    db = await openDatabase(factory, options.name ?? 'email-responses', options.opened);
    // With the first rows: `hydrate` reads them from here, not again (first-read.ts). Made as the
    // connection opened when this cache took that connection (open-early.ts).
    const { opened } = options;
    const early = opened && unwrap(db) === opened.result ? earlyFirstRead(opened) : undefined;
    const first = await readFirst(db, early);
    const pageSize = options.pageSize ?? ROWS_PER_PAGE;
    const foldRecord = first.foldRecord ?? { rulesVersion: null, watermark: -1, pageSize };
    return new ResponseCache(db, options, foldRecord, first.nextKey, first.rulesRecord?.rules, first);
  } catch (error) {
    db?.close();
    const reason = unavailableReason(error);
    try {
      options.onUnavailable?.(reason);
    } catch {
      // The host's callback failing must not hide the reason from the rejection.
    }
    throw new Error(reason);
  }
}
