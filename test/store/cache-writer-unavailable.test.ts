// Issue 14: the cache writer loads when a store is given a cache name (load-cache-writer.ts).
// When its code cannot load (offline, a file missing from the deploy), the store says why and
// stays in memory, as when the cache's own code does not load: events still apply, nothing is
// written. Its own file: the writer's module must not be in this page's module map before.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createResponseStore } from '../../src/store/response-store';
import { event } from '../support/events';

describe('a cache writer whose code does not load', () => {
  const worker = setupWorker(http.get(/\/src\/store\/cache-writer\.ts/, () => HttpResponse.error()));
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  it('leaves the store in memory with the reason; events still apply', async () => {
    const store = createResponseStore({ cacheName: `writer-unavailable-${Date.now()}` });
    try {
      await store.ready;
      expect(store.cacheStatus.state).to.equal('memory-only');
      expect(store.cacheStatus)
        .to.have.property('reason')
        .that.match(/the cache's code did not load/);
      await store.ingest([event('opened', { recipientId: 'a' })]);
      expect(store.state.recipient('e1', 'a')?.response).to.equal('opened');
    } finally {
      await store.close();
    }
  });
});
