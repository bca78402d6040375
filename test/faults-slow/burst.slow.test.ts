// Issue 9, the slow faults (`npm run test:faults`): a 100,000-event burst through the IndexedDB
// cache, a reload after it with the server replaying everything, the tab dying in the middle of
// writing a burst, and a burst relayed to a second tab. Same accounting and table as test/faults.
import { expect } from '@open-wc/testing';
import { foldEvents } from '../../src/core/index';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { IterableSource } from '../../src/store/sources/index';
import { snapshot } from '../core/state-snapshot';
import { deleteDatabase, uniqueName } from '../store/cache/cache-helpers';
import { readCache, untilCached, whileCrashing } from '../faults/cache-tools';
import {
  Backend,
  FAST,
  account,
  expectClean,
  faultRows,
  faultTable,
  inMessages,
  makeEvents,
  rejectionCounter,
  until,
} from '../faults/fault-harness';

const BURST = 100_000;
const burst = (seed: number, prefix: string) =>
  inMessages(makeEvents({ emails: 4, recipients: 25_000, events: BURST, seed, idPrefix: prefix }), 1000);
const ms = (start: number) => Math.round(performance.now() - start);

describe('slow faults: bursts', () => {
  let name = '';
  beforeEach(() => (name = uniqueName()));
  afterEach(() => deleteDatabase(name));

  it('a 100,000-event burst through IndexedDB; a reload shows it; the restarted server replays it all and nothing counts twice', async () => {
    const messages = burst(61, 'idb');
    const backend = new Backend(messages);
    const store = createResponseStore({ cacheName: name });
    const rejected = rejectionCounter(store);
    let started = performance.now();
    store.connect(new IterableSource(backend.factory, FAST));
    await until(() => store.cursor('iterable') === backend.lastCursor, 'the burst', 120_000);
    const applyMs = ms(started);
    await untilCached(name, 'iterable', backend.lastCursor);
    const cachedMs = ms(started);
    store.close();
    backend.close();
    // The close's flush compacts (50,000 unfolded events or more): rows and a watermark.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const disk = await readCache(name);
    expect(disk.events).to.have.length(BURST);
    started = performance.now();
    const again = createResponseStore({ cacheName: name });
    const againRejected = rejectionCounter(again);
    await again.ready;
    const reloadMs = ms(started);
    expect(snapshot(again.state), 'the reload shows what the cache holds').to.deep.equal(
      snapshot(foldEvents(disk.events)),
    );
    expect(again.cursor('iterable')).to.equal(backend.lastCursor);
    // The server restarted and lost its place: it replays everything from the start.
    const replay = new Backend(messages, () => ({ from: 0 }));
    again.connect(new IterableSource(replay.factory, FAST));
    await until(
      () => replay.sent.length === BURST && again.cursor('iterable') === replay.lastCursor,
      'the replay',
      120_000,
    );
    again.close();
    replay.close();
    console.log(
      `100,000-event burst through IndexedDB: applied in ${applyMs} ms, cached in ${cachedMs} ms; ${disk.rowKeys.length} row pages; reload ${reloadMs} ms`,
    );
    expectClean(
      account('a 100,000-event burst through IndexedDB (reload, server replays all)', {
        sent: [...backend.sent, ...replay.sent],
        state: again.state,
        rejected: rejected.count + againRejected.count,
      }),
    );
  });

  it('the tab dies while a 100,000-event burst is being written; the reload resumes from what was written', async () => {
    const messages = burst(62, 'crash');
    const backend = new Backend(messages);
    let store: ResponseStore | undefined;
    let crashed: Promise<void> | undefined;
    backend.beforeMessage = async (i) => {
      if (i === 70) {
        crashed = whileCrashing(() => store!.close());
        return new Promise<void>(() => {});
      }
      // A burst in waves, so several flushes commit before the crash.
      if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    };
    store = createResponseStore({ cacheName: name });
    const rejected = rejectionCounter(store);
    store.connect(new IterableSource(backend.factory, FAST));
    await until(() => crashed !== undefined, 'the crash', 120_000);
    await crashed;
    backend.close();
    const disk = await readCache(name);
    const cursor = disk.cursors.get('iterable');
    expect(Number(cursor), 'part of the burst was written').to.be.within(1, 69);
    const again = createResponseStore({ cacheName: name });
    const againRejected = rejectionCounter(again);
    await again.ready;
    expect(snapshot(again.state)).to.deep.equal(snapshot(foldEvents(disk.events)));
    expect(again.cursor('iterable')).to.equal(cursor);
    const resumed = new Backend(messages);
    again.connect(new IterableSource(resumed.factory, FAST));
    await until(() => again.cursor('iterable') === resumed.lastCursor, 'the resumed burst', 120_000);
    again.close();
    resumed.close();
    console.log(
      `burst crash: ${disk.events.length} events were written before the tab died (cursor ${String(cursor)})`,
    );
    expectClean(
      account('the tab dies while a 100,000-event burst is written', {
        sent: [...backend.sent, ...resumed.sent],
        state: again.state,
        rejected: rejected.count + againRejected.count,
      }),
    );
  });

  it('a 100,000-event burst relayed to a second tab', async () => {
    const messages = burst(63, 'relay');
    const backend = new Backend(messages);
    const tabs = [0, 1].map(() =>
      createResponseStore({ tabs: name, source: new IterableSource(backend.factory, FAST) }),
    );
    const rejected = tabs.map((tab) => rejectionCounter(tab));
    await until(
      () => tabs.every((tab) => tab.cursor('iterable') === backend.lastCursor),
      'both tabs to have the burst',
      120_000,
    );
    expect(tabs.map((tab) => tab.tabRole).sort()).to.deep.equal(['follower', 'leader']);
    expect(backend.connections).to.equal(1);
    const follower = tabs.find((tab) => tab.tabRole === 'follower')!;
    for (const tab of tabs) tab.close();
    backend.close();
    expectClean(
      account('a 100,000-event burst relayed to a second tab', {
        sent: backend.sent,
        state: follower.state,
        rejected: rejected[0]!.count + rejected[1]!.count,
      }),
    );
  });
});

describe('the slow fault table', () => {
  after(() => console.log(`\nSlow faults (issue 9)\n\n${faultTable(faultRows).markdown}\n`));

  it('none lost or doubled, every event accounted for', () => {
    const { markdown, problems } = faultTable(faultRows);
    expect(problems, markdown).to.deep.equal([]);
    expect(faultRows, markdown).to.have.length(3);
  });
});
