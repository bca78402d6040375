// Issue 16, first rows: a store given a cache name asks for the cache's code at once, beside the
// code of the lock that decides which store writes the cache, not after it. One chunk after the
// other cost a cold page some 400 ms before its first rows. Read from the page's resource timing:
// the test runner serves each module as its own request (see lazy-parts.test.ts). Its own page:
// nothing else here imports the cache's code.
import { expect } from '@open-wc/testing';
import { createResponseStore } from '../../src/store/response-store';

function entry(path: RegExp): PerformanceResourceTiming {
  const found = performance.getEntriesByType('resource').find((e) => path.test(new URL(e.name).pathname)) as
    PerformanceResourceTiming | undefined;
  if (!found) throw new Error(`${path} was never requested`);
  return found;
}

describe("the cache's code loads while the cache lock is decided", () => {
  const name = `cache-code-early-${Date.now()}`;
  after(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
  );

  it('asks for the cache module before the lock module has even arrived', async () => {
    const store = createResponseStore({ cacheName: name });
    await store.ready;
    expect(store.cacheStatus.state).to.equal('ready');
    const lock = entry(/\/src\/store\/cache-lock\.ts$/);
    const cache = entry(/\/src\/store\/cache\/index\.ts$/);
    expect(cache.startTime, 'the cache module asked for').to.be.below(lock.responseEnd);
    await store.close();
  });
});
