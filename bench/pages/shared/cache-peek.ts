// The store keeps its cache private and offers no promise for "everything written": the bench
// reaches the cache it holds, read-only use of two of the cache's public methods. If the field is
// renamed this fails loudly instead of measuring the wrong thing.
import type { ResponseState } from '../../../src/core/index';
import type { ResponseStore } from '../../../src/store/response-store';

interface CacheLink {
  flush(): Promise<void>;
  compact(state?: ResponseState): Promise<void>;
}

export function storeCache(store: ResponseStore): CacheLink {
  const link = (store as unknown as { cacheWriter?: { cache?: CacheLink } }).cacheWriter?.cache;
  if (!link || typeof link.flush !== 'function') {
    throw new Error(
      `bench: the store has no cache (status ${store.cacheStatus.state}); has ResponseStore.cacheWriter.cache been renamed?`,
    );
  }
  return link;
}

/** Deletes a database; resolves when it is gone (or could not be, which the next open reports). */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** Hands the thread back for one task, without setTimeout's 4 ms clamp. */
export function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}
