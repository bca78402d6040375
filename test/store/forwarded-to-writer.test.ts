// Issue 15, items 2 and 3, what was left: what a store that does not write the cache applies must
// reach the one that does. Without `tabs`, a store not holding the cache's lock kept the rows of a
// snapshot it loaded in memory only, so a reload lost the snapshot's corrections. With `tabs`, a
// follower's `ingest()` stayed in that tab: the leader (which writes the cache) and the other tabs
// never had the events, and a reload lost them.
import { expect } from '@open-wc/testing';
import { RULES_B, events, withSnapshot, expectCorrected, until } from '../support/snapshot-correction';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { BASE_TIME } from '../support/events';
import { ManualSource } from '../support/manual-source';
import { deleteDatabase, uniqueName } from './cache/cache-helpers';

/**
 * Holds the Web Lock the tabs of `tabs` elect their leader with, so no tab leads until `release`
 * (which resolves once the lock is free again; releasing twice does nothing).
 */
async function holdElection(tabs: string): Promise<{ release(): Promise<void> }> {
  let letGo: () => void = () => {};
  const held = new Promise<void>((resolve) => (letGo = resolve));
  let granted: () => void = () => {};
  const holding = new Promise<void>((resolve) => (granted = resolve));
  const lock = navigator.locks.request(`email-responses:${tabs}`, () => {
    granted();
    return held;
  });
  await holding;
  return {
    release: async () => {
      letGo();
      await lock;
    },
  };
}

describe('what a store that does not write the cache applies reaches the one that does (issue 15)', () => {
  it('without tabs: a snapshot loaded in the store not holding the cache lasts past a reload and a rules change', async () => {
    const name = uniqueName();
    try {
      // The first store takes the cache's lock; the second, started after it, does not hold it.
      const holder = createResponseStore({ cacheName: name });
      await holder.ready;
      const other = createResponseStore({ cacheName: name });
      await other.ready;
      await other.ingest(events);
      await until(() => holder.state.eventCount === 2, 'the holder to have the events');
      await withSnapshot(() => other.loadSnapshot('/api/snapshot', 'm1'));
      expectCorrected(other, 'in the store that loaded the snapshot');
      await Promise.all([other.close(), holder.close()]);
      const again = createResponseStore({ cacheName: name });
      await again.ready;
      expectCorrected(again, 'after the reload');
      again.setRules(RULES_B);
      expectCorrected(again, 'after the reload and a rules change');
      await again.close();
    } finally {
      await deleteDatabase(name);
    }
  });

  it('without tabs: the holder closes first; the other store takes the cache and saves its snapshot rows', async () => {
    const name = uniqueName();
    try {
      const holder = createResponseStore({ cacheName: name });
      await holder.ready;
      const other = createResponseStore({ cacheName: name });
      await other.ready;
      await other.ingest(events);
      await until(() => holder.state.eventCount === 2, 'the holder to have the events');
      // The holder leaves before the rows are loaded: the other store kept them in memory only.
      await holder.close();
      await withSnapshot(() => other.loadSnapshot('/api/snapshot', 'm1'));
      await other.close();
      const again = createResponseStore({ cacheName: name, rules: RULES_B });
      await again.ready;
      expectCorrected(again, 'after the reload under other rules');
      await again.close();
    } finally {
      await deleteDatabase(name);
    }
  });

  it("with tabs: a follower's ingested events reach the leader and every tab, are cached once, and a reload restores them", async () => {
    const tabs = `ingest-tabs-${Math.random()}`;
    const name = uniqueName();
    const stores: ResponseStore[] = [];
    try {
      const leader = createResponseStore({ tabs, cacheName: name, source: new ManualSource() });
      stores.push(leader);
      await until(() => leader.tabRole === 'leader', 'the first tab to lead');
      const follower = createResponseStore({ tabs, cacheName: name, source: new ManualSource() });
      const third = createResponseStore({ tabs, cacheName: name, source: new ManualSource() });
      stores.push(follower, third);
      await Promise.all([follower.ready, third.ready]);
      expect(follower.tabRole).to.equal('follower');
      const sent = Array.from({ length: 300 }, (_, i) => ({
        id: `f${i}`,
        emailId: 'm1',
        recipientId: `r${i % 40}`,
        response: i % 3 === 0 ? 'delivered' : 'opened',
        at: BASE_TIME + i * 1000,
      }));
      const result = await follower.ingest(sent);
      expect(result.accepted).to.equal(300);
      await until(() => leader.state.eventCount === 300, "the leader to have the follower's events");
      await until(() => third.state.eventCount === 300, "the other follower to have the follower's events");
      // Not applied twice in the tab that ingested them: no second delivery on a timeline.
      expect(follower.state.eventCount).to.equal(300);
      expect(follower.state.recipient('m1', 'r1')?.opens).to.equal(leader.state.recipient('m1', 'r1')?.opens);
      for (const store of stores.splice(0)) await store.close();
      const again = createResponseStore({ cacheName: name });
      stores.push(again);
      await again.ready;
      expect(again.state.eventCount, 'events the reload restored').to.equal(300);
      expect(again.state.recipient('m1', 'r1')?.opens).to.equal(leader.state.recipient('m1', 'r1')?.opens);
    } finally {
      for (const store of stores) await store.close();
      await deleteDatabase(name);
    }
  });
  const followerEvents = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: `${prefix}${i}`,
      emailId: 'm1',
      recipientId: `r${i % 40}`,
      response: i % 3 === 0 ? 'delivered' : 'opened',
      at: BASE_TIME + i * 1000,
    }));

  async function reloaded(name: string, stores: ResponseStore[]): Promise<ResponseStore> {
    const again = createResponseStore({ cacheName: name });
    stores.push(again);
    await again.ready;
    return again;
  }

  it('with tabs: a follower that closes right after ingest() waits for the leader to take its events; a reload restores all', async () => {
    const tabs = `ingest-close-${Math.random()}`;
    const name = uniqueName();
    const stores: ResponseStore[] = [];
    try {
      const leader = createResponseStore({ tabs, cacheName: name, source: new ManualSource() });
      stores.push(leader);
      await until(() => leader.tabRole === 'leader', 'the first tab to lead');
      const follower = createResponseStore({ tabs, cacheName: name, source: new ManualSource() });
      stores.push(follower);
      await follower.ready;
      const sent = followerEvents('c', 200);
      expect((await follower.ingest(sent)).accepted).to.equal(200);
      // Closed in the same task as the ingest: the element removed at once.
      await follower.close();
      expect(leader.state.eventCount, 'the leader has them once the follower has closed').to.equal(200);
      await leader.close();
      const again = await reloaded(name, stores);
      expect(again.state.eventCount, 'events the reload restored').to.equal(200);
      expect(again.state.recipient('m1', 'r1')?.opens).to.equal(follower.state.recipient('m1', 'r1')?.opens);
    } finally {
      for (const store of stores) await store.close();
      await deleteDatabase(name);
    }
  });

  it('with tabs: events a follower ingests while no tab leads are cached by the next leader, once', async () => {
    const tabs = `ingest-between-${Math.random()}`;
    const name = uniqueName();
    const stores: ResponseStore[] = [];
    // The lock the tabs elect their leader with, held here: between leaders, no tab leads.
    const lock = await holdElection(tabs);
    try {
      // Asks for the lock first, so it is the next leader (not the tab that ingests).
      const next = createResponseStore({ tabs, cacheName: name, source: new ManualSource() });
      stores.push(next);
      await next.ready;
      const follower = createResponseStore({ tabs, cacheName: name, source: new ManualSource() });
      stores.push(follower);
      await follower.ready;
      expect([next.tabRole, follower.tabRole]).to.deep.equal(['follower', 'follower']);
      const sent = followerEvents('b', 150);
      expect((await follower.ingest(sent)).accepted).to.equal(150);
      await lock.release();
      await until(() => next.tabRole === 'leader', 'the next tab to lead');
      await until(() => next.state.eventCount === 150, "the new leader to have the follower's events");
      await follower.close();
      await next.close();
      expect(follower.state.eventCount, 'not applied twice where they were ingested').to.equal(150);
      const again = await reloaded(name, stores);
      expect(again.state.eventCount, 'events the reload restored').to.equal(150);
      expect(again.state.recipient('m1', 'r1')?.opens).to.equal(follower.state.recipient('m1', 'r1')?.opens);
    } finally {
      await lock.release();
      for (const store of stores) await store.close();
      await deleteDatabase(name);
    }
  });

  it('with tabs: a follower that ingested while no tab leads and then leads itself caches its own events', async () => {
    const tabs = `ingest-self-${Math.random()}`;
    const name = uniqueName();
    const stores: ResponseStore[] = [];
    const lock = await holdElection(tabs);
    try {
      const follower = createResponseStore({ tabs, cacheName: name, source: new ManualSource() });
      stores.push(follower);
      await follower.ready;
      const other = createResponseStore({ tabs, cacheName: name, source: new ManualSource() });
      stores.push(other);
      await other.ready;
      const sent = followerEvents('s', 120);
      expect((await follower.ingest(sent)).accepted).to.equal(120);
      await lock.release();
      await until(() => follower.tabRole === 'leader', 'the tab that ingested to lead');
      await until(() => other.state.eventCount === 120, 'the other tab to have them');
      await follower.close();
      await other.close();
      const again = await reloaded(name, stores);
      expect(again.state.eventCount, 'events the reload restored').to.equal(120);
    } finally {
      await lock.release();
      for (const store of stores) await store.close();
      await deleteDatabase(name);
    }
  });
});
