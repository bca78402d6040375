// The store's first step towards its cache, taken as it is made (issue 16's cold start): the
// database opens while the code that reads it (the cache writer, then the cache) loads.

/**
 * Opens the database as it stands, while the cache's code loads: that code creates or upgrades it
 * (an open that would is given up here) and takes the connection when it can (`openDatabase`).
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
    request.onupgradeneeded = () => request.transaction!.abort();
    // Another tab's upgrade or delete must not wait for the cache's code.
    request.onsuccess = () => (request.result.onversionchange = () => request.result.close());
  }
  return request;
}
