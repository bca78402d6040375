// A page where IndexedDB refuses at once (a sandboxed frame, an opaque origin, storage blocked):
// `indexedDB.open` throws a SecurityError rather than failing its request. The store given a
// cache name still becomes ready, in memory with the reason, and takes events.
import { expect } from '@open-wc/testing';
import { createResponseStore } from '../../../src/store/response-store';
import { event } from '../../support/events';

describe('a store whose IndexedDB refuses every open', () => {
  const open = IDBFactory.prototype.open;
  beforeEach(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  afterEach(() => {
    IDBFactory.prototype.open = open;
  });

  it('is ready in memory with the reason, takes events and closes', async () => {
    const store = createResponseStore({ cacheName: `denied-${Date.now()}` });
    await store.ready;
    expect(store.cacheStatus.state).to.equal('memory-only');
    expect(store.cacheStatus)
      .to.have.property('reason')
      .that.match(/^IndexedDB is not allowed here/);
    await store.ingest([event('opened', { recipientId: 'a' })]);
    expect(store.state.recipient('e1', 'a')?.response).to.equal('opened');
    await store.close();
  });
});
