// Two tabs racing for one stream: two stores with the same `tabs` name started in the same task
// (in one page they behave as two tabs: Web Locks and BroadcastChannel are per name). Exactly one
// leads and connects; the other hears everything; nothing is counted twice, in memory or in the
// shared cache, also when the leader leaves in the middle of the stream.
import { expect } from '@open-wc/testing';
import { foldEvents } from '../../src/core/index';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { IterableSource } from '../../src/store/sources/index';
import { snapshot } from '../core/state-snapshot';
import { deleteDatabase, uniqueName } from '../store/cache/cache-helpers';
import { RULES_B, gate, readCache, untilCached } from './cache-tools';
import {
  Backend,
  FAST,
  account,
  expectClean,
  faultRows,
  inMessages,
  makeEvents,
  rejectionCounter,
  until,
  type FaultRow,
} from './fault-harness';
import { BASE_TIME } from '../support/events';

describe('two tabs racing for the stream', () => {
  let stores: ResponseStore[] = [];
  let name = '';
  beforeEach(() => (name = uniqueName()));
  afterEach(async () => {
    for (const store of stores) store.close();
    stores = [];
    await deleteDatabase(name);
  });

  /** Two tabs started in the same task, each with its own source on the same backend. */
  function race(backend: Backend, cache?: string) {
    const tabs = [0, 1].map(() =>
      createResponseStore({
        tabs: name,
        ...(cache ? { cache } : {}),
        source: new IterableSource(backend.factory, FAST),
      }),
    );
    stores.push(...tabs);
    const rejected = tabs.map((tab) => rejectionCounter(tab));
    return { tabs, rejected };
  }

  const roles = (tabs: ResponseStore[]) => tabs.map((tab) => tab.tabRole).sort();

  it('exactly one of two tabs started at once leads and connects; the other hears everything once', async () => {
    const messages = inMessages(makeEvents({ recipients: 100, events: 1200, seed: 51, idPrefix: 'race' }), 30);
    const backend = new Backend(messages);
    const { tabs, rejected } = race(backend);
    await until(() => tabs.every((tab) => tab.cursor('iterable') === backend.lastCursor), 'both tabs to reach the end');
    expect(roles(tabs)).to.deep.equal(['follower', 'leader']);
    expect(backend.connections, 'one connection for two tabs').to.equal(1);
    const [leader, follower] = tabs[0]!.tabRole === 'leader' ? tabs : [tabs[1]!, tabs[0]!];
    expect(snapshot(leader!.state)).to.deep.equal(snapshot(follower!.state));
    backend.close();
    expectClean(
      account('two tabs racing for the stream', {
        sent: backend.sent,
        state: follower!.state,
        rejected: rejected[0]!.count + rejected[1]!.count,
      }),
    );
  });

  it('two tabs racing on one cache; the leader leaves mid-stream; the other takes over; a reload shows the cache', async () => {
    const messages = inMessages(makeEvents({ recipients: 100, events: 1200, seed: 52, idPrefix: 'handover' }), 30);
    const backend = new Backend(messages);
    const held = gate();
    backend.beforeMessage = (i) => (i === 20 ? held.promise : undefined);
    const { tabs, rejected } = race(backend, name);
    await until(() => tabs.every((tab) => tab.cursor('iterable') === '20'), 'both tabs at cursor 20');
    await untilCached(name, 'iterable', '20');
    const [leader, follower] = tabs[0]!.tabRole === 'leader' ? tabs : [tabs[1]!, tabs[0]!];
    leader!.close();
    held.open();
    await until(
      () => follower!.tabRole === 'leader' && follower!.cursor('iterable') === backend.lastCursor,
      'the other tab to lead to the end',
    );
    expect(backend.asked).to.deep.equal([undefined, '20']);
    await untilCached(name, 'iterable', backend.lastCursor);
    follower!.close();
    backend.close();
    const disk = await readCache(name);
    const reloaded = createResponseStore({ cacheName: name });
    stores.push(reloaded);
    const reloadRejected = rejectionCounter(reloaded);
    await reloaded.ready;
    expect(snapshot(reloaded.state), 'the reload shows what the cache holds').to.deep.equal(
      snapshot(foldEvents(disk.events)),
    );
    expect(reloaded.cursor('iterable')).to.equal(backend.lastCursor);
    expectClean(
      account('two tabs racing on one cache, leader leaves mid-stream (then reload)', {
        sent: backend.sent,
        state: reloaded.state,
        rejected: rejected[0]!.count + rejected[1]!.count + reloadRejected.count,
      }),
    );
  });

  // Found by this suite: a tab taking the lead kept the record counter it read at open and wrote
  // over the old leader's records, losing 214 counts on reload. Now it re-reads the cache first.
  it('two tabs on one cache; the leader compacts, then leaves; the new leader writes; a reload shows every event once', async () => {
    const messages = inMessages(makeEvents({ recipients: 100, events: 1200, seed: 53, idPrefix: 'compacted' }), 30);
    const backend = new Backend(messages);
    const held = gate();
    const { tabs, rejected } = race(backend, name);
    backend.beforeMessage = (i) => {
      // The leader adopts new rules (a refold and a compaction: row pages and a watermark).
      if (i === 10) tabs.find((tab) => tab.tabRole === 'leader')!.setRules(RULES_B);
      return i === 20 ? held.promise : undefined;
    };
    await until(() => tabs.every((tab) => tab.cursor('iterable') === '20'), 'both tabs at cursor 20');
    await untilCached(name, 'iterable', '20');
    const [leader, follower] = tabs[0]!.tabRole === 'leader' ? tabs : [tabs[1]!, tabs[0]!];
    leader!.close();
    held.open();
    await until(
      () => follower!.tabRole === 'leader' && follower!.cursor('iterable') === backend.lastCursor,
      'the other tab to lead to the end',
    );
    await untilCached(name, 'iterable', backend.lastCursor);
    follower!.close();
    backend.close();
    const reloaded = createResponseStore({ cacheName: name });
    stores.push(reloaded);
    const reloadRejected = rejectionCounter(reloaded);
    await reloaded.ready;
    expectClean(
      account('two tabs on one cache, leader compacts then leaves (then reload)', {
        sent: backend.sent,
        state: reloaded.state,
        rejected: rejected[0]!.count + rejected[1]!.count + reloadRejected.count,
        rules: RULES_B,
      }),
    );
  });
  // Issue 15 (snapfwd): a follower's ingest() stayed in that tab; the leader, which writes the
  // cache, never had the events, and a reload lost them.
  it('a follower ingests 600 events on a shared cache: the leader has each once, and so does a reload', async () => {
    const sent = makeEvents({ recipients: 100, events: 600, seed: 53, idPrefix: 'follower-ingest' });
    const leader = createResponseStore({ tabs: name, cache: name });
    stores.push(leader);
    await until(() => leader.tabRole === 'leader', 'the first tab to lead');
    const follower = createResponseStore({ tabs: name, cache: name });
    stores.push(follower);
    await follower.ready;
    const rejected = [leader, follower].map((tab) => rejectionCounter(tab));
    for (let i = 0; i < sent.length; i += 100) await follower.ingest(sent.slice(i, i + 100));
    const expected = foldEvents(sent).eventCount;
    await until(() => leader.state.eventCount === expected, "the leader to have the follower's events");
    expect(snapshot(leader.state)).to.deep.equal(snapshot(follower.state));
    for (const store of stores.splice(0)) await store.close();
    const reloaded = createResponseStore({ cache: name });
    stores.push(reloaded);
    const reloadRejected = rejectionCounter(reloaded);
    await reloaded.ready;
    expectClean(
      account('a follower ingests 600 events on a shared cache (then reload)', {
        sent,
        state: reloaded.state,
        rejected: rejected[0]!.count + rejected[1]!.count + reloadRejected.count,
      }),
    );
  });

  // Issue 15 (ingestack): a follower's `ingested` message heard while no tab led was never
  // confirmed nor sent again, and a follower closing right after ingest() did not wait for it.
  it('a follower ingests 400 events while no tab leads and closes at once: the next leader caches each once', async () => {
    const sent = makeEvents({ recipients: 80, events: 400, seed: 54, idPrefix: 'between-leaders' });
    // The tabs' election lock, held here: between leaders, no tab leads.
    let letGo: () => void = () => {};
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let granted: () => void = () => {};
    const holding = new Promise<void>((resolve) => (granted = resolve));
    const lock = navigator.locks.request(`email-responses:${name}`, () => {
      granted();
      return held;
    });
    await holding;
    const next = createResponseStore({ tabs: name, cache: name });
    stores.push(next);
    await next.ready;
    const follower = createResponseStore({ tabs: name, cache: name });
    stores.push(follower);
    await follower.ready;
    const rejected = [next, follower].map((tab) => rejectionCounter(tab));
    for (let i = 0; i < sent.length; i += 100) await follower.ingest(sent.slice(i, i + 100));
    const closed = follower.close();
    letGo();
    await lock;
    await closed;
    const expected = foldEvents(sent).eventCount;
    await until(() => next.state.eventCount === expected, "the next leader to have the follower's events");
    for (const store of stores.splice(0)) await store.close();
    const reloaded = createResponseStore({ cache: name });
    stores.push(reloaded);
    const reloadRejected = rejectionCounter(reloaded);
    await reloaded.ready;
    expectClean(
      account('a follower ingests 400 events while no tab leads, then closes (then reload)', {
        sent,
        state: reloaded.state,
        rejected: rejected[0]!.count + rejected[1]!.count + reloadRejected.count,
      }),
    );
  });

  // Issue 15, item 10 (rel15b): a tab that joins late is answered alone, in slices.
  it('a third tab joins after 6,000 events: it gets the log in slices, the other follower gets nothing twice', async () => {
    const messages = inMessages(makeEvents({ recipients: 200, events: 6000, seed: 53, idPrefix: 'join' }), 100);
    const backend = new Backend(messages);
    const { tabs, rejected } = race(backend);
    await until(() => tabs.every((tab) => tab.cursor('iterable') === backend.lastCursor), 'both tabs to reach the end');
    // What every tab on the shared channel receives while the third one joins.
    const shared: { type: string }[] = [];
    const eavesdropper = new BroadcastChannel(`email-responses:${name}`);
    eavesdropper.onmessage = (message: MessageEvent<{ type: string }>) => shared.push(message.data);
    const late = createResponseStore({ tabs: name, source: new IterableSource(backend.factory, FAST) });
    stores.push(late);
    const lateRejected = rejectionCounter(late);
    await until(() => late.cursor('iterable') === backend.lastCursor, 'the late tab to hear the log and the cursor');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(late.tabRole).to.equal('follower');
    eavesdropper.close();
    expect(
      shared.map((m) => m.type),
      'only the hello on the shared channel: the other follower clones nothing',
    ).to.deep.equal(['hello']);
    expect(backend.connections, 'still one connection for three tabs').to.equal(1);
    backend.close();
    expectClean(
      account('a third tab joining after 6,000 events (answered alone, in slices)', {
        sent: backend.sent,
        state: late.state,
        rejected: rejected[0]!.count + rejected[1]!.count + lateRejected.count,
      }),
    );
  });
});

// Issue 15, item 2: a cache is one writer's, `tabs` or not. Two stores in one page with the same
// `cacheName` and no `tabs` behave as two tabs of one app: before, both wrote the cache with their
// own record counters, over each other's keys, and a reload restored 500 of 1,000 events.
describe('two tabs writing one cache without tabs', () => {
  let stores: ResponseStore[] = [];
  let name = '';
  beforeEach(() => (name = uniqueName()));
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    stores = [];
    await deleteDatabase(name);
  });

  it('two tabs with one cache-name and no tabs, 500 events each: a reload restores all 1,000', async () => {
    const tabs = [0, 1].map(() => createResponseStore({ cacheName: name }));
    stores.push(...tabs);
    const rejected = tabs.map((tab) => rejectionCounter(tab));
    await Promise.all(tabs.map((tab) => tab.ready));
    const sent = tabs.map((_, t) =>
      makeEvents({ recipients: 100, events: 500, seed: 60 + t, idPrefix: `writer-${t}` }),
    );
    // Interleaved, as two live tabs would take them.
    for (let i = 0; i < 500; i += 50)
      for (const [t, tab] of tabs.entries()) await tab.ingest(sent[t]!.slice(i, i + 50));
    // Closing writes what each still holds and hands the cache over; then the page reloads.
    await Promise.all(tabs.map((tab) => tab.close()));
    const reloaded = createResponseStore({ cacheName: name });
    stores.push(reloaded);
    const reloadRejected = rejectionCounter(reloaded);
    await reloaded.ready;
    expect(reloaded.state.eventCount, 'events the reload restored').to.equal(foldEvents(sent.flat()).eventCount);
    expectClean(
      account('two tabs writing one cache without tabs, 500 events each (then reload)', {
        sent: sent.flat(),
        state: reloaded.state,
        rejected: rejected[0]!.count + rejected[1]!.count + reloadRejected.count,
      }),
    );
  });

  // Issue 15 (snapfwd): the snapshot rows a store not holding the cache's lock loaded were kept in
  // its memory only; a reload brought back the rows they corrected and dropped snapshot-only ones.
  it('the store not holding the cache loads a 60-row snapshot; a reload and a rules change keep every row', async () => {
    const holder = createResponseStore({ cacheName: name });
    stores.push(holder);
    await holder.ready;
    const other = createResponseStore({ cacheName: name });
    stores.push(other);
    await other.ready;
    const rejected = [holder, other].map((tab) => rejectionCounter(tab));
    const sent = makeEvents({ emails: 1, recipients: 100, events: 400, seed: 62, idPrefix: 'snapfwd' });
    await other.ingest(sent);
    const distinct = foldEvents(sent).eventCount;
    await until(() => holder.state.eventCount === distinct, 'the holder to have the events');
    const recipients = [
      ...Array.from({ length: 50 }, (_, i) => `s-${i}`),
      ...Array.from({ length: 10 }, (_, i) => `r-${i}`),
    ].map((recipientId, i) => ({ recipientId, response: 'hard-bounce', at: BASE_TIME + i * 1000, reason: '550' }));
    const page = { emailId: 'email-0', recipients, next: null };
    const original = globalThis.fetch;
    globalThis.fetch = (async () => new Response(JSON.stringify(page), { status: 200 })) as typeof fetch;
    try {
      await other.loadSnapshot('/api/snapshot', 'email-0');
    } finally {
      globalThis.fetch = original;
    }
    for (const store of stores.splice(0)) await store.close();
    const reloaded = createResponseStore({ cacheName: name });
    stores.push(reloaded);
    const reloadRejected = rejectionCounter(reloaded);
    await reloaded.ready;
    const kept = (store: ResponseStore) =>
      recipients.filter((row) => store.state.recipient('email-0', row.recipientId)?.response === row.response).length;
    const afterReload = kept(reloaded);
    reloaded.setRules(RULES_B);
    const afterRefold = kept(reloaded);
    let eventsLost = 0;
    for (const event of sent) if (!reloaded.state.hasEvent(event.emailId, event.recipientId, event.id)) eventsLost++;
    const row: FaultRow = {
      fault: 'the store not holding the cache loads a snapshot, 60 rows (then reload and refold)',
      sent: sent.length + recipients.length,
      applied: reloaded.state.eventCount + afterRefold,
      duplicates: sent.length - distinct,
      rejected: rejected[0]!.count + rejected[1]!.count + reloadRejected.count,
      lost: eventsLost + (recipients.length - Math.min(afterReload, afterRefold)),
      doubled: Math.max(0, reloaded.state.eventCount - distinct),
    };
    faultRows.push(row);
    expect(row.lost, `${row.fault}: lost`).to.equal(0);
    expect(row.doubled, `${row.fault}: doubled`).to.equal(0);
    expect(row.applied + row.duplicates + row.rejected, `${row.fault}: accounted for`).to.equal(row.sent);
  });
});
