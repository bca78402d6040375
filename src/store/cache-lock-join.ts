// What a store asks of the CacheLock (a cache name without `tabs`), made where the lock's code is:
// it loads with it (load-coordination.ts), so a page without a cache name carries neither.
import { CacheLock } from './cache-lock';
import type { CoordinationHost } from './store-coordination';

/** A CacheLock on `cacheName` for the store `host`, not yet started. */
export function cacheLockFor(cacheName: string, host: CoordinationHost): CacheLock {
  return new CacheLock(cacheName, {
    // Held from before the read: the records end where the read found them.
    hold: (beforeRead) => {
      if (!beforeRead) void host.ready().then(() => host.takeLead());
    },
    receive: (events) =>
      host.ready().then(() => {
        // Taken unless this store is closing its cache (the sender then writes them itself).
        const taken = host.takes();
        host.apply(events, false);
        return taken;
      }),
    receiveSnapshotRows: (rows) =>
      host.ready().then(() => {
        const taken = host.takes();
        host.takeSnapshotRows(rows);
        return taken;
      }),
  });
}
