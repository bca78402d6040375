// The cache against real IndexedDB: what goes in comes back as the same state, replays dedupe,
// cursors travel with their events, and a flush is one transaction.
import { expect } from '@open-wc/testing';
import { checkRules, createResponseState, foldEvents, type ResponseRules } from '../../../src/core/index';
import {
  openResponseCache,
  type FlushStats,
  type ResponseCache,
  type ResponseCacheOptions,
} from '../../../src/store/cache/index';
import { snapshot } from '../../core/state-snapshot';
import {
  EventLog,
  OTHER_RULES,
  countWriteTransactions,
  deleteDatabase,
  inBatches,
  ingest,
  makeEvents,
  rawOpen,
  rawRequest,
  uniqueName,
} from './cache-helpers';

describe('response cache', () => {
  let name: string;
  const open: ResponseCache[] = [];
  const openCache = async (options: ResponseCacheOptions = {}) => {
    const cache = await openResponseCache({ name, flushMs: 20, ...options });
    open.push(cache);
    return cache;
  };
  /** A store's start: an empty state hydrated from the cache. */
  const start = async (options: ResponseCacheOptions = {}, rules?: ResponseRules) => {
    const cache = await openCache(options);
    const state = createResponseState(rules);
    const log = new EventLog();
    const result = await cache.hydrate(state, log);
    // The events folded into the row pages reach the log after the state is whole.
    await cache.logged;
    return { cache, state, log, result };
  };

  beforeEach(() => {
    name = uniqueName();
  });
  afterEach(async () => {
    for (const cache of open.splice(0)) await cache.close();
    await deleteDatabase(name);
  });

  it('a new visit hydrates the state the last one folded, after a compaction and after plain flushes', async () => {
    const events = makeEvents({ recipients: 400, events: 2000 });
    const first = await start();
    for (const batch of inBatches(events.slice(0, 1200), 100)) ingest(first.state, first.log, first.cache, batch);
    await first.cache.compact(first.state);
    for (const batch of inBatches(events.slice(1200), 100)) ingest(first.state, first.log, first.cache, batch);
    await first.cache.close();

    const second = await start();
    expect(second.result.refolded).to.equal(false);
    expect(second.result.events, 'the events past the compaction: the state needed no other').to.equal(800);
    expect(snapshot(second.state)).to.deep.equal(snapshot(foldEvents(events)));
    expect([...second.state.emails.ids()]).to.deep.equal([...first.state.emails.ids()]);
    expect(second.log.length).to.equal(first.log.length);
  });

  it('says when another tab compacted between its reads, and a fresh hydrate then counts each event once', async () => {
    // Pages of 50 rows: the first two are read before the first paint, the rest after it.
    const events = makeEvents({ emails: 1, recipients: 400, events: 1600 });
    const other = await start({ pageSize: 50 });
    ingest(other.state, other.log, other.cache, events.slice(0, 1000));
    await other.cache.compact(other.state);
    ingest(other.state, other.log, other.cache, events.slice(1000));
    await other.cache.flush();

    const cache = await openCache({ pageSize: 50 });
    let compacted = false;
    const raced = await cache.hydrate(createResponseState(), new EventLog(), () => {
      // The other tab folds the last 600 events into its pages while this one paints.
      if (!compacted) void other.cache.compact(other.state);
      compacted = true;
    });
    expect(raced.changedWhileRead).to.equal(true);
    expect(cache.available, 'the cache itself is fine').to.equal(true);

    const state = createResponseState();
    const again = await cache.hydrate(state, new EventLog());
    expect(again.changedWhileRead).to.equal(false);
    expect(snapshot(state)).to.deep.equal(snapshot(foldEvents(events)));
  });

  it('reserves room for the rows its pages certainly hold, not a full page per email', async () => {
    const events = Array.from({ length: 300 }, (_, i) => ({
      id: `one-${i}`,
      emailId: `email-${i}`,
      recipientId: 'r-1',
      response: 'delivered',
      at: Date.UTC(2026, 0, 1),
    }));
    const first = await start({ pageSize: 1000 });
    ingest(first.state, first.log, first.cache, events);
    await first.cache.compact(first.state);
    await first.cache.close();
    const second = await start({ pageSize: 1000 });
    expect(second.state.recipients.size).to.equal(300);
    // A full page per email would be 300,000 rows (38 MB of records).
    expect(second.state.recipients.capacity).to.be.below(4_096);
  });

  it('events replayed after hydrating count once', async () => {
    const events = makeEvents({ recipients: 100, events: 600 });
    const first = await start();
    ingest(first.state, first.log, first.cache, events.slice(0, 300));
    await first.cache.compact(first.state);
    ingest(first.state, first.log, first.cache, events.slice(300));
    await first.cache.close();

    const second = await start();
    const before = snapshot(second.state);
    const replay = second.state.apply(events);
    expect(replay.accepted).to.equal(0);
    expect(replay.duplicates).to.equal(events.length);
    expect(snapshot(second.state)).to.deep.equal(before);
  });

  it('saves a cursor in the same flush as the events recorded before it', async () => {
    const flushes: FlushStats[] = [];
    const first = await start({ onFlush: (stats) => flushes.push(stats) });
    ingest(first.state, first.log, first.cache, makeEvents({ recipients: 10, events: 50 }), { sse: 'c-1' });
    first.cache.saveCursor('sse', 'c-2');
    first.cache.saveCursor('poll', 'p-7');
    await first.cache.flush();
    expect(flushes).to.have.length(1);
    expect(flushes[0]).to.include({ events: 50, cursors: 2 });
    await first.cache.close();

    const second = await start();
    expect(second.result.cursors).to.deep.equal({ sse: 'c-2', poll: 'p-7' });
    expect(second.result.events).to.equal(50);
  });

  it('writes each flush as one transaction however many batches it holds', async () => {
    const { cache, state, log } = await start({ flushMs: 1000 });
    const events = makeEvents({ recipients: 200, events: 1000 });
    const transactions = await countWriteTransactions(async () => {
      for (const batch of inBatches(events, 10)) ingest(state, log, cache, batch);
      await cache.flush();
    });
    expect(transactions).to.equal(1);
  });

  it('flushes by itself within flushMs', async () => {
    const flushed = new Promise<FlushStats>(
      (resolve) =>
        void start({ flushMs: 30, onFlush: resolve }).then(({ cache, state, log }) =>
          ingest(state, log, cache, makeEvents({ recipients: 5, events: 5 })),
        ),
    );
    expect((await flushed).events).to.equal(5);
  });

  it('compacts after compactAfter flushes: changed row pages and merged event records', async () => {
    const flushes: FlushStats[] = [];
    const { cache, state, log } = await start({
      compactAfter: 4,
      pageSize: 50,
      onFlush: (stats) => flushes.push(stats),
    });
    const events = makeEvents({ emails: 1, recipients: 300, events: 400 });
    for (const batch of inBatches(events.slice(0, 300), 75)) {
      ingest(state, log, cache, batch);
      await cache.flush();
    }
    expect(flushes.map((f) => f.compacted)).to.deep.equal([false, false, false, true]);
    expect(flushes[3]!.rowPages).to.equal(6);
    expect(flushes[3]!.removedRecords).to.equal(4);
    // Later events touching two recipients rewrite only their pages.
    ingest(state, log, cache, [
      { id: 'late-1', emailId: 'email-0', recipientId: 'r-3', response: 'clicked', at: Date.UTC(2026, 1, 1) },
      { id: 'late-2', emailId: 'email-0', recipientId: 'r-290', response: 'clicked', at: Date.UTC(2026, 1, 1) },
    ]);
    await cache.compact(state);
    expect(flushes.at(-1)!.rowPages).to.equal(2);
    const db = await rawOpen(name);
    const keys = await rawRequest(db.transaction('events').objectStore('events').getAllKeys());
    db.close();
    expect(keys).to.have.length(1);
  });

  it('a sparse stream: due compactions merge its records and leave the row pages until saveRowsAfter events, and a reload has every event', async () => {
    const flushes: FlushStats[] = [];
    const options = { compactAfter: 2, pageSize: 50, saveRowsAfter: 40 };
    const { cache, state, log } = await start({ ...options, onFlush: (stats) => flushes.push(stats) });
    const events = makeEvents({ emails: 1, recipients: 300, events: 400 });
    ingest(state, log, cache, events.slice(0, 300));
    await cache.flush();
    ingest(state, log, cache, events.slice(300, 301));
    await cache.flush();
    expect(
      flushes.map((f) => [f.compacted, f.rowPages]),
      'the first compaction saves every page',
    ).to.deep.equal([
      [false, 0],
      [true, 6],
    ]);
    // A trickle over many recipients: ten events a flush.
    for (const batch of inBatches(events.slice(301, 341), 10)) {
      ingest(state, log, cache, batch);
      await cache.flush();
    }
    expect(flushes.slice(2).map((f) => [f.compacted, f.rowPages])).to.deep.equal([
      [false, 0],
      [true, 0],
      [true, 0],
      // 40 events since the rows were saved: now they are, the pages those events changed.
      [true, 6],
    ]);
    for (const batch of inBatches(events.slice(341), 10)) {
      ingest(state, log, cache, batch);
      await cache.flush();
    }
    expect(flushes.at(-1)!.rowPages, 'merged, not saved').to.equal(0);
    expect(flushes.some((f, i) => i > 5 && f.compacted)).to.equal(true);
    await cache.close();

    const again = await start(options);
    // Saved again at event 381 (40 more): the 19 after it are replayed.
    expect(again.result.events, 'the events since the last save, replayed').to.equal(19);
    expect(snapshot(again.state)).to.deep.equal(snapshot(foldEvents(events)));
    expect(again.log.length).to.equal(400);
  });

  it('rows folded under other rules are not restored: the cached events are folded again', async () => {
    expect(checkRules(OTHER_RULES)).to.deep.equal([]);
    const events = makeEvents({ recipients: 200, events: 1500 });
    const first = await start();
    ingest(first.state, first.log, first.cache, events);
    await first.cache.compact(first.state);
    await first.cache.close();

    const second = await start({}, OTHER_RULES);
    expect(second.result.refolded).to.equal(true);
    expect(second.result.rulesVersion).to.equal(first.state.rules.version);
    const expected = snapshot(foldEvents(events, OTHER_RULES));
    expect(expected).to.not.deep.equal(snapshot(first.state));
    expect(snapshot(second.state)).to.deep.equal(expected);
    // The next compaction rewrites the pages under the new rules; then they restore as they are.
    second.cache.saveRules(OTHER_RULES);
    await second.cache.compact(second.state);
    await second.cache.close();
    const third = await start({}, OTHER_RULES);
    expect(third.result.refolded).to.equal(false);
    expect(third.result.rules).to.deep.equal(OTHER_RULES);
    expect(snapshot(third.state)).to.deep.equal(expected);
  });

  it('after the store adopts new rules, compact(newState) rewrites the pages under them', async () => {
    const events = makeEvents({ recipients: 150, events: 900 });
    const first = await start();
    ingest(first.state, first.log, first.cache, events.slice(0, 600));
    await first.cache.compact(first.state);
    // What the store's setRules does: a new state folded from the log, then compact in the same task.
    const refolded = createResponseState(OTHER_RULES);
    const log = new EventLog();
    refolded.apply(first.log.all(), (event, row, at) => log.add(event, row, at));
    first.cache.saveRules(OTHER_RULES);
    void first.cache.compact(refolded);
    ingest(refolded, log, first.cache, events.slice(600));
    await first.cache.close();

    const second = await start({}, OTHER_RULES);
    expect(second.result.refolded).to.equal(false);
    expect(snapshot(second.state)).to.deep.equal(snapshot(foldEvents(events, OTHER_RULES)));
  });

  it('skips and counts damaged records, rebuilding their rows from the events', async () => {
    const events = makeEvents({ recipients: 300, events: 1200 });
    const first = await start({ pageSize: 50 });
    ingest(first.state, first.log, first.cache, events);
    await first.cache.compact(first.state);
    await first.cache.close();
    const db = await rawOpen(name);
    const tx = db.transaction(['rows', 'emails'], 'readwrite');
    tx.objectStore('rows').put({ emailId: 'email-1', page: 1, recipientIds: 'broken' });
    tx.objectStore('emails').put({ id: 'email-2', order: 'first' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    const second = await start({ pageSize: 50 });
    expect(second.result.corrupted).to.equal(2);
    expect(snapshot(second.state)).to.deep.equal(snapshot(foldEvents(events)));
  });

  it('skips a damaged event record and deletes it with the next write', async () => {
    const first = await start();
    ingest(first.state, first.log, first.cache, makeEvents({ recipients: 10, events: 20 }));
    await first.cache.close();
    const db = await rawOpen(name);
    const tx = db.transaction('events', 'readwrite');
    tx.objectStore('events').put({ ids: 'nope' }, 999);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    const second = await start();
    expect(second.result.corrupted).to.equal(1);
    expect(second.result.events).to.equal(20);
    second.cache.saveCursor('sse', 'x');
    await second.cache.flush();
    await second.cache.close();
    const third = await start();
    expect(third.result.corrupted).to.equal(0);
  });

  it('saves no rows from a state that was not hydrated from a cache holding events', async () => {
    const events = makeEvents({ recipients: 100, events: 600 });
    const first = await start();
    ingest(first.state, first.log, first.cache, events.slice(0, 300));
    await first.cache.close();
    // A page that skipped hydrate: its state lacks the cached events, so its rows must not be saved.
    const cache = await openCache();
    const state = createResponseState();
    ingest(state, new EventLog(), cache, events.slice(300));
    await cache.compact(state);
    await cache.close();

    const second = await start();
    expect(snapshot(second.state)).to.deep.equal(snapshot(foldEvents(events)));
  });

  it('keeps the rules saved for the next visit, before any hydrate', async () => {
    const first = await start();
    first.cache.saveRules(OTHER_RULES);
    await first.cache.close();
    const cache = await openCache();
    expect(cache.rules).to.deep.equal(OTHER_RULES);
  });

  it('clear empties the cache', async () => {
    const first = await start();
    ingest(first.state, first.log, first.cache, makeEvents({ recipients: 10, events: 20 }), { sse: 'c' });
    await first.cache.compact(first.state);
    await first.cache.clear();
    await first.cache.close();
    const second = await start();
    expect(second.result).to.include({ events: 0, recipients: 0 });
    expect(second.result.cursors).to.deep.equal({});
  });
});
