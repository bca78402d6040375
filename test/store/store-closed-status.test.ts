// A closed store says so: its connection is `closed` from the moment close() is called, and its
// cache status is `closed` once close() resolves, each told once (`connection-change`,
// `cache-status`), so a view bound to it can say "closed" rather than "live" or "cache ready".
// Before, a store closed with no source still said `idle`, and every closed store `ready` (or
// `none`).
import { expect } from '@open-wc/testing';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import type { CacheStatus } from '../../src/store/store-events';
import type { ConnectionStatus } from '../../src/store/sources/source';
import { event } from '../support/events';
import { ManualSource } from '../support/manual-source';
import { deleteDatabase, uniqueName } from './cache/cache-helpers';

function listen(store: ResponseStore): { connection: ConnectionStatus[]; cache: CacheStatus[] } {
  const heard = { connection: [] as ConnectionStatus[], cache: [] as CacheStatus[] };
  store.addEventListener('connection-change', (e) => heard.connection.push(e.detail));
  store.addEventListener('cache-status', (e) => heard.cache.push(e.detail));
  return heard;
}

describe('a closed store’s connection and cache status', () => {
  it('a store with no source and no cache: closed, each told once', async () => {
    const store = createResponseStore();
    await store.ingest([event('opened')]);
    const heard = listen(store);
    const closing = store.close();
    expect(store.connection.state, 'from the call on').to.equal('closed');
    await closing;
    expect(store.connection).to.deep.equal({ state: 'closed', attempt: 0 });
    expect(store.cacheStatus).to.deep.equal({ state: 'closed' });
    expect(heard.connection).to.deep.equal([{ state: 'closed', attempt: 0 }]);
    expect(heard.cache).to.deep.equal([{ state: 'closed' }]);
    await store.close();
    expect(heard.connection, 'closing again tells nothing more').to.have.length(1);
    expect(heard.cache).to.have.length(1);
  });

  it('a store with a live source and a cache: closed, each told once', async () => {
    const name = uniqueName();
    const source = new ManualSource();
    const store = createResponseStore({ cacheName: name, source });
    try {
      await store.eventsReady;
      source.sink!.status({ state: 'live', attempt: 0 });
      expect(store.cacheStatus.state).to.equal('ready');
      const heard = listen(store);
      const closing = store.close();
      expect(store.connection.state, 'from the call on').to.equal('closed');
      expect(store.cacheStatus.state, 'the cache is written until close() resolves').to.equal('ready');
      await closing;
      expect(store.connection.state).to.equal('closed');
      expect(store.cacheStatus).to.deep.equal({ state: 'closed' });
      expect(heard.connection.map((s) => s.state)).to.deep.equal(['closed']);
      expect(heard.cache).to.deep.equal([{ state: 'closed' }]);
    } finally {
      await store.close();
      await deleteDatabase(name);
    }
  });

  it('a source connected after close() does not start: the store stays closed', async () => {
    const store = createResponseStore();
    await store.close();
    const heard = listen(store);
    const source = new ManualSource();
    store.connect(source);
    await store.ready;
    expect(source.started).to.equal(0);
    expect(store.connection.state).to.equal('closed');
    expect(heard.connection).to.deep.equal([]);
  });
});
