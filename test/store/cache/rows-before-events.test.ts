// Issue 16, cold start: every cached row shows (`store.rowsReady`) before the cached events are
// read. The rows' pages keep the ids of the events folded into them, so the store takes events
// (`store.ready`) once the few events past the last compaction are applied: an event the cache
// already had, ingested meanwhile, counts once. The events folded into the rows reach the log
// after, in idle time (`store.eventsReady`): a timeline shown meanwhile is told again once they
// are in, and what needs them all (a refold, the live source, a snapshot) waits for them.
import { expect } from '@open-wc/testing';
import { createResponseState, foldEvents, type ResponseEvent, type ResponseState } from '../../../src/core/index';
import { openResponseCache } from '../../../src/store/cache/index';
import { createResponseStore, type ResponseStore } from '../../../src/store/response-store';
import { copyOf, keeps } from '../../../src/store/event-conflicts';
import type { EventConflict, StoreChange } from '../../../src/store/store-events';
import { ManualSource } from '../../support/manual-source';
import { snapshot } from '../../core/state-snapshot';
import {
  EventLog,
  OTHER_RULES,
  deleteDatabase,
  inBatches,
  ingest,
  makeEvents,
  rawOpen,
  rawRequest,
  uniqueName,
} from './cache-helpers';

/** A cache a page left behind: its rows compacted into pages, its events in many records. */
async function leaveCache(name: string, events: readonly ResponseEvent[]): Promise<void> {
  const cache = await openResponseCache({ name, eventPageSize: 100 });
  const state = createResponseState();
  const log = new EventLog();
  for (const batch of inBatches(events, 100)) ingest(state, log, cache, batch);
  await cache.compact(state);
  await cache.close();
}

/** Events in the cache's event records, each record's events counted. */
async function cachedEventCount(name: string): Promise<number> {
  const db = await rawOpen(name);
  const records = (await rawRequest(db.transaction('events').objectStore('events').getAll())) as { ids: string[] }[];
  db.close();
  return records.reduce((sum, record) => sum + record.ids.length, 0);
}

/** Waits until the cache's event records and fold record stop changing (another store's writes). */
async function untilQuiet(name: string): Promise<void> {
  const look = async () => {
    const db = await rawOpen(name);
    const tx = db.transaction(['events', 'fold']);
    const seen = JSON.stringify([
      await rawRequest(tx.objectStore('events').getAllKeys()),
      await rawRequest(tx.objectStore('fold').get('fold')),
    ]);
    db.close();
    return seen;
  };
  let last = await look();
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await look();
    if (now === last) return;
    last = now;
  }
  throw new Error('the cache kept changing');
}

/** Counts the reads of the cache's event records from now on; call the function it returns to stop. */
function countEventReads(): { reads: () => number; stop: () => void } {
  let reads = 0;
  const getAll = IDBObjectStore.prototype.getAll;
  IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
    if (this.name === 'events') reads++;
    return getAll.apply(this, args);
  };
  return { reads: () => reads, stop: () => (IDBObjectStore.prototype.getAll = getAll) };
}

/** What the views show of a state, without how many events it remembers. */
function rowsOf(state: ResponseState): unknown {
  return { ...(snapshot(state) as object), events: undefined };
}

/** The recipient with the most events. */
function busiest(events: readonly ResponseEvent[]): ResponseEvent {
  const counts = new Map<string, number>();
  for (const e of events)
    counts.set(`${e.emailId}\0${e.recipientId}`, (counts.get(`${e.emailId}\0${e.recipientId}`) ?? 0) + 1);
  const most = Math.max(...counts.values());
  return events.find((e) => counts.get(`${e.emailId}\0${e.recipientId}`) === most)!;
}

describe('a cold start shows every row before it reads the cached events (issue 16)', () => {
  const events = makeEvents({ emails: 2, recipients: 400, events: 2_000, seed: 16 });
  let name = '';
  let store: ResponseStore | undefined;
  beforeEach(async () => {
    name = uniqueName();
    await leaveCache(name, events);
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await deleteDatabase(name);
  });

  /** The window these tests are about: every row shows, no cached event is in yet. */
  const expectLoadingEvents = (loading: ResponseStore) => {
    expect(loading.state.recipients.size, 'every row shows').to.equal(foldEvents(events).recipients.size);
    expect(loading.appliedEvents().length, 'the events are loading').to.equal(0);
  };

  it('every cached row is in the state when rowsReady resolves, and no event record has been read', async () => {
    const counting = countEventReads();
    let eventReadsAtRows = -1;
    let readyFirst = false;
    try {
      store = createResponseStore({ cacheName: name });
      void store.ready.then(() => (readyFirst = eventReadsAtRows < 0));
      await store.rowsReady;
      eventReadsAtRows = counting.reads();
      // Every row as folded; the events they count are not in the log yet.
      expect(rowsOf(store.state), 'every row').to.deep.equal(rowsOf(foldEvents(events)));
      expect(store.appliedEvents().length, 'no cached event in the log yet').to.equal(0);
      await store.eventsReady;
    } finally {
      counting.stop();
    }
    expect(readyFirst, 'ready comes after the rows').to.equal(false);
    expect(eventReadsAtRows).to.equal(0);
    expect(counting.reads(), 'the events are read after').to.be.above(0);
    expect(store.appliedEvents().length, 'every cached event once they are all in').to.equal(events.length);
  });

  it('the store is ready before the events folded into the rows are in the log: their ids came with the rows', async () => {
    // A page that is not idle yet: the log waits, the state does not.
    const original = window.requestIdleCallback;
    const held: IdleRequestCallback[] = [];
    window.requestIdleCallback = ((callback: IdleRequestCallback) => held.push(callback)) as typeof original;
    try {
      store = createResponseStore({ cacheName: name });
      await store.ready;
      expect(snapshot(store.state), 'the whole state, ids too').to.deep.equal(snapshot(foldEvents(events)));
      expect(store.appliedEvents().length, 'the log fills after').to.equal(0);
      expect(store.state.apply(events.slice(0, 100)).duplicates, 'the cached events count once').to.equal(100);
    } finally {
      window.requestIdleCallback = original;
    }
    for (const callback of held) callback({ didTimeout: true, timeRemaining: () => 0 });
    await store.eventsReady;
    expect(store.appliedEvents().length).to.equal(events.length);
  });

  it('new rules asked for right after ready refold every cached event', async () => {
    store = createResponseStore({ cacheName: name });
    await store.ready;
    const changed = new Promise((resolve) => store!.addEventListener('rules-change', resolve, { once: true }));
    store.setRules(OTHER_RULES);
    await changed;
    expect(snapshot(store.state)).to.deep.equal(snapshot(foldEvents(events, OTHER_RULES)));
    expect(store.appliedEvents().length).to.equal(events.length);
  });

  it('an event the cache had, ingested or streamed while the events load, counts once', async () => {
    store = createResponseStore({ cacheName: name });
    const source = new ManualSource();
    store.connect(source);
    await store.rowsReady;
    expectLoadingEvents(store);
    const redelivered = events[events.length - 1]!;
    const fresh: ResponseEvent = {
      ...redelivered,
      id: 'after-reload',
      response: 'clicked',
      at: Number(redelivered.at) + 1,
    };
    expect(source.sink, 'the stream waits for the cached events').to.equal(undefined);
    const ingested = await store.ingest([redelivered, fresh]);
    expect(ingested).to.include({ accepted: 1, duplicates: 1 });
    // The stream's cursors mark places in the log: it starts once the cached events are in.
    await store.eventsReady;
    await source.sink!.deliver(events.slice(0, 50), 'cursor-2');
    expect(snapshot(store.state)).to.deep.equal(snapshot(foldEvents([...events, fresh])));
    expect(store.state.eventCount).to.equal(events.length + 1);
  });

  it('a timeline shown while the events load is told again once all its events are in', async () => {
    store = createResponseStore({ cacheName: name });
    await store.rowsReady;
    expectLoadingEvents(store);
    const { emailId, recipientId } = busiest(events);
    const all = events.filter((e) => e.emailId === emailId && e.recipientId === recipientId);
    expect(all.length, 'a recipient with several events').to.be.above(1);
    expect(store.recipientEvents(emailId, recipientId).length, 'not read yet').to.be.below(all.length);
    const heard: StoreChange[] = [];
    store.subscribe((change) => heard.push(change));
    await store.eventsReady;
    store.flush();
    expect(
      heard.some((change) => change.reset),
      'told to read again',
    ).to.equal(true);
    const shown = store.recipientEvents(emailId, recipientId).map(({ event }) => event.id);
    expect(shown.sort()).to.deep.equal(all.map((e) => e.id).sort());
  });

  it('an id conflict ingested while the events load is settled once they are in, from every event of its recipient', async () => {
    const { emailId, recipientId } = busiest(events);
    const cached = events.filter((e) => e.emailId === emailId && e.recipientId === recipientId);
    // A second copy of one of its cached events that the conflict rule keeps over the cached one.
    const rivals = cached.flatMap((e) =>
      (['hard-bounce', 'clicked', 'spam-complaint', 'opened'] as const).map((response) => ({ ...e, response })),
    );
    const rival = rivals.find((r) => {
      const logged = cached.find((e) => e.id === r.id)!;
      return r.response !== logged.response && keeps(copyOf(r, Number(r.at)), copyOf(logged, Number(logged.at)));
    })!;
    const settled = events.map((e) => (e.id === rival.id ? rival : e));
    const original = window.requestIdleCallback;
    const held: IdleRequestCallback[] = [];
    window.requestIdleCallback = ((callback: IdleRequestCallback) => held.push(callback)) as typeof original;
    const conflicts: EventConflict[] = [];
    try {
      store = createResponseStore({ cacheName: name });
      store.addEventListener('event-conflict', (event) => conflicts.push(event.detail));
      await store.ready;
      expect(store.appliedEvents().length, 'the events are loading').to.equal(0);
      // Not compared yet (its cached copy is still being read): a duplicate until it settles.
      expect(await store.ingest([rival])).to.include({ accepted: 0, duplicates: 1, conflicts: 0 });
      // Its recipient is not folded again from the few events the log holds yet.
      expect(snapshot(store.state)).to.deep.equal(snapshot(foldEvents(events)));
    } finally {
      window.requestIdleCallback = original;
    }
    for (const callback of held) callback({ didTimeout: true, timeRemaining: () => 0 });
    await store.eventsReady;
    for (let i = 0; i < 100 && conflicts.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(conflicts.map((c) => [c.id, c.kept.event.response])).to.deep.equal([[rival.id, rival.response]]);
    expect(snapshot(store.state)).to.deep.equal(snapshot(foldEvents(settled)));
  });

  it('a store that gets the cache lock after its read does not write the cached events again', async () => {
    const first = createResponseStore({ cacheName: name });
    await first.eventsReady;
    // Its first write merges the small records left behind: a read meanwhile would start over.
    await untilQuiet(name);
    // A second store on the same cache waits for the lock: it reads the cache but does not write it.
    const original = window.requestIdleCallback;
    const held: IdleRequestCallback[] = [];
    window.requestIdleCallback = ((callback: IdleRequestCallback) => held.push(callback)) as typeof original;
    try {
      store = createResponseStore({ cacheName: name });
      await store.ready;
      expect(store.appliedEvents().length, 'ready with the saved ids, before the log').to.equal(0);
    } finally {
      window.requestIdleCallback = original;
    }
    for (const callback of held) callback({ didTimeout: true, timeRemaining: () => 0 });
    await store.eventsReady;
    expect(store.appliedEvents().length).to.equal(events.length);
    await first.close();
    // Now it holds the lock and writes what it applied that the cache lacks: only what comes next.
    const fresh: ResponseEvent = { ...events[0]!, id: 'after-the-lead', response: 'clicked' };
    await store.ingest([fresh]);
    await store.close();
    store = undefined;
    expect(await cachedEventCount(name), 'each event once, and the new one').to.equal(events.length + 1);
  });

  describe('the events wait for idle time only where a page shows', () => {
    const original = window.requestIdleCallback;
    let idleWaits = 0;
    /** Idle callbacks that run only when `answer` says, as in a page that is never idle. */
    const stubIdle = (answer: boolean) => {
      window.requestIdleCallback = ((callback: IdleRequestCallback) => {
        idleWaits++;
        if (answer) setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 10 }));
        return 0;
      }) as typeof window.requestIdleCallback;
    };
    const hydrate = async () => {
      const cache = await openResponseCache({ name, eventPageSize: 100 });
      const log = new EventLog();
      await cache.hydrate(createResponseState(), log);
      await cache.logged;
      await cache.close();
      return { events: log.length };
    };
    beforeEach(() => (idleWaits = 0));
    afterEach(() => {
      window.requestIdleCallback = original;
      delete (document as { visibilityState?: unknown }).visibilityState;
    });

    beforeEach(async () => {
      // Enough events that reading them takes more than one slice of work.
      await deleteDatabase(name);
      await leaveCache(name, makeEvents({ emails: 2, recipients: 400, events: 30_000, seed: 17 }));
    });

    it('a page on screen reads them in its idle periods', async () => {
      stubIdle(true);
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      const result = await hydrate();
      expect(result.events).to.equal(30_000);
      expect(idleWaits, 'waited for idle time').to.be.above(0);
    });

    it('a hidden page (a background tab, where timers are throttled) does not wait for idle time', async () => {
      stubIdle(false);
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      const result = await hydrate();
      expect(result.events).to.equal(30_000);
      expect(idleWaits).to.equal(0);
    });
  });
});
