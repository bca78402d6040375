// The store's first step towards its cache, taken as it is made (issue 16's cold start): the
// database opens, and the cache's first read is made, while the code that reads it (the cache
// writer, then the cache) loads.
import { requestFirst, type FirstValues } from './first-requests';

/** The first read made on each early connection, for the cache that takes the connection. */
const firstReads = new WeakMap<IDBOpenDBRequest, Promise<FirstValues>>();

/**
 * Opens the database as it stands, while the cache's code loads: that code creates or upgrades it
 * (an open that would is given up here) and takes the connection when it can (`openDatabase`).
 * Once open, the first read is asked for on it (`earlyFirstRead`).
 */
export function openEarly(name: string): IDBOpenDBRequest | undefined {
  let request: IDBOpenDBRequest | undefined;
  try {
    request = (globalThis as { indexedDB?: IDBFactory }).indexedDB?.open(name);
  } catch {
    // Storage denied (a sandboxed frame, an opaque origin) throws at once: the cache's own open
    // meets it again and falls back to memory with the reason.
    return undefined;
  }
  if (request) {
    const opening = request;
    opening.onupgradeneeded = () => opening.transaction!.abort();
    opening.onsuccess = () => {
      const db = opening.result;
      // Another tab's upgrade or delete must not wait for the cache's code.
      db.onversionchange = () => db.close();
      // Made on the database as it stands: the cache uses it only if it takes this connection
      // (at its version, with every store); else the read fails or is dropped.
      const read = requestFirst(db);
      read.catch(() => undefined);
      firstReads.set(opening, read);
    };
  }
  return request;
}

/**
 * The first read made on `request`'s connection as it opened, if one was: given once, to the cache
 * that takes the connection.
 */
export function earlyFirstRead(request: IDBOpenDBRequest): Promise<FirstValues> | undefined {
  const read = firstReads.get(request);
  firstReads.delete(request);
  return read;
}
