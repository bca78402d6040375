import { expect } from '@open-wc/testing';
import { createResponseState, foldEvents } from '../../src/core/index';
import { createResponseStore } from '../../src/store/response-store';
import { openResponseCache } from '../../src/store/cache/index';
import { EventLog } from '../../src/store/event-log';
import { audienceEvents, ingest, makeEvents } from './cache/cache-helpers';
import { ManualSource } from '../support/manual-source';
import type { StoreChange } from '../../src/store/store-events';
import { snapshot } from '../core/state-snapshot';
import { event } from '../support/events';

const deleteDatabase = (name: string) =>
  new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });

describe('the store with its IndexedDB cache', () => {
  let name = '';
  beforeEach(() => (name = `store-cache-${Math.random().toString(36).slice(2)}`));
  afterEach(() => deleteDatabase(name));

  it('a reopened page paints from the cache before any network, then resumes from the cached cursor', async () => {
    const events = [
      event('delivered', { recipientId: 'a', contactId: 'c1' }),
      event('clicked', { recipientId: 'a' }),
      event('hard-bounce', { recipientId: 'b' }),
    ];
    const first = createResponseStore({ cacheName: name });
    const source = new ManualSource();
    first.connect(source);
    await first.ready;
    await source.sink!.deliver(events, 'cursor-3');
    // Closing writes what is pending: the next page finds it all, however slow the machine.
    await first.close();

    const again = createResponseStore({ cacheName: name });
    const heard: StoreChange[] = [];
    again.subscribe((change) => heard.push(change));
    const next = new ManualSource();
    again.connect(next);
    expect(next.sink, 'the source waits for the cache').to.equal(undefined);
    await again.ready;
    expect(again.cacheStatus.state).to.equal('ready');
    expect(heard.some((change) => change.reset)).to.equal(true);
    expect(snapshot(again.state)).to.deep.equal(snapshot(foldEvents(events)));
    expect(next.startedFrom).to.equal('cursor-3');
    // The server replays from an older cursor: nothing counts twice.
    await next.sink!.deliver([...events, event('opened', { recipientId: 'a', id: 'later' })], 'cursor-4');
    expect(again.state.recipient('e1', 'a')).to.include({ clicks: 1, opens: 1 });
    expect(again.state.eventCount).to.equal(4);
    again.close();
  });

  it('hydrates again, counting each event once, when another tab compacts the cache while it is read', async () => {
    // The other tab's cache holds 3,000 rows in pages of 1,000 and 600 events past its watermark.
    const events = [
      ...audienceEvents(3_000),
      ...makeEvents({ emails: 1, recipients: 3_000, events: 600, idPrefix: 'late' }).map((e) => ({
        ...e,
        emailId: 'big',
      })),
    ];
    const other = await openResponseCache({ name });
    const otherState = createResponseState();
    ingest(otherState, new EventLog(), other, events.slice(0, 3_000));
    await other.compact(otherState);
    ingest(otherState, new EventLog(), other, events.slice(3_000));
    await other.flush();

    const store = createResponseStore({ cacheName: name });
    let compacted = false;
    store.subscribe(() => {
      // The first rows are on screen; the other tab folds its 600 events into the pages now.
      if (compacted || store.state.recipients.size === 0) return;
      compacted = true;
      void other.compact(otherState);
    });
    await store.ready;
    expect(compacted).to.equal(true);
    expect(store.cacheStatus.state).to.equal('ready');
    expect(snapshot(store.state)).to.deep.equal(snapshot(foldEvents(events)));
    store.close();
    await other.close();
  });

  it('events ingested while the cache opens wait, and are not lost', async () => {
    const store = createResponseStore({ cacheName: name });
    const result = await store.ingest([event('opened')]);
    expect(result.accepted).to.equal(1);
    expect(store.state.recipient('e1', 'r1')!.response).to.equal('opened');
    store.close();
  });

  it('still opens the cache under the deprecated option name `cache`', async () => {
    const first = createResponseStore({ cache: name });
    await first.ready;
    expect(first.cacheStatus.state).to.equal('ready');
    await first.ingest([event('delivered')]);
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 300));

    const again = createResponseStore({ cacheName: name });
    await again.ready;
    expect(again.state.recipient('e1', 'r1')?.response).to.equal('delivered');
    again.close();
  });

  it('without IndexedDB the store keeps working in memory and says why', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    try {
      const store = createResponseStore({ cacheName: name });
      const statuses: string[] = [];
      store.addEventListener('cache-status', (e) => statuses.push(e.detail.state));
      await store.ready;
      expect(store.cacheStatus.state).to.equal('memory-only');
      expect(store.cacheStatus.reason).to.be.a('string').and.not.equal('');
      await store.ingest([event('delivered')]);
      expect(store.state.recipient('e1', 'r1')!.response).to.equal('delivered');
      store.close();
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
    }
  });
});
