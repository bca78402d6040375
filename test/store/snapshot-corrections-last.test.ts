// Issue 15, item 3, the rest: a snapshot's rows were kept in memory only, so a reload followed by
// a rules change (or a reload under other rules) brought back the rows they corrected, and
// follower tabs never had them. They are kept in the cache (the `corrections` store, since schema version 2),
// reset again after a reload, and sent to the other tabs, a tab that joins later included.
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { DEFAULT_RULES } from '../../src/core/index';
import { MIGRATIONS, SCHEMA_VERSION, type ResponseCacheSchema } from '../../src/store/cache/cache-schema';
import { RULES_B, events, withSnapshot, expectCorrected, until } from '../support/snapshot-correction';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { BASE_TIME } from '../support/events';
import { ManualSource } from '../support/manual-source';
import { deleteDatabase, rawOpen, uniqueName } from './cache/cache-helpers';

describe("a snapshot's corrections last past a reload and reach every tab (issue 15, item 3)", () => {
  it('a reload, then a rules change: the corrected rows stay', async () => {
    const name = uniqueName();
    try {
      const store = createResponseStore({ cacheName: name });
      await store.ingest(events);
      await withSnapshot(() => store.loadSnapshot('/api/snapshot', 'm1'));
      await store.close();
      const again = createResponseStore({ cacheName: name });
      await again.ready;
      expectCorrected(again, 'after the reload');
      again.setRules(RULES_B);
      expectCorrected(again, 'after the reload and a rules change');
      // Events after the snapshot still apply on top of the server's row.
      await again.ingest([{ id: 'a3', emailId: 'm1', recipientId: 'r9', response: 'opened', at: BASE_TIME + 9000 }]);
      again.setRules(DEFAULT_RULES);
      expect(again.state.recipient('m1', 'r9')?.response).to.equal('opened');
      expect(again.state.recipient('m1', 'r1')?.response).to.equal('hard-bounce');
      await again.close();
    } finally {
      await deleteDatabase(name);
    }
  });

  it('a reload under other rules (the cached events refolded): the corrected rows stay', async () => {
    const name = uniqueName();
    try {
      const store = createResponseStore({ cacheName: name });
      await store.ingest(events);
      await withSnapshot(() => store.loadSnapshot('/api/snapshot', 'm1'));
      await store.close();
      const again = createResponseStore({ cacheName: name, rules: RULES_B });
      await again.ready;
      expectCorrected(again, 'after a reload under other rules');
      await again.close();
    } finally {
      await deleteDatabase(name);
    }
  });

  it('a follower tab gets the rows, keeps them through a rules change, and so does a tab that joins later', async () => {
    const name = `snapshot-tabs-${Math.random()}`;
    const stores: ResponseStore[] = [];
    try {
      const source = new ManualSource();
      const leader = createResponseStore({ tabs: name, source });
      stores.push(leader);
      await until(() => leader.tabRole === 'leader', 'the first tab to lead');
      const follower = createResponseStore({ tabs: name, source: new ManualSource() });
      stores.push(follower);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await source.sink!.deliver(events, 'c1');
      await until(() => follower.state.eventCount === 2, 'the follower to hear the events');
      await withSnapshot(() => leader.loadSnapshot('/api/snapshot', 'm1'));
      await until(() => follower.state.recipient('m1', 'r9') !== undefined, 'the follower to hear the snapshot rows');
      expectCorrected(follower, 'in the follower');
      follower.setRules(RULES_B);
      expectCorrected(follower, 'in the follower after a rules change');
      const joined = createResponseStore({ tabs: name, source: new ManualSource() });
      stores.push(joined);
      await until(() => joined.state.recipient('m1', 'r9') !== undefined, 'the joining tab to hear the snapshot rows');
      joined.setRules(RULES_B);
      expectCorrected(joined, 'in a tab that joined later, after a rules change');
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('a version 1 cache migrates to the current version with its records intact and corrections kept from then on', async () => {
    const name = uniqueName();
    try {
      // The layout version 1 wrote, with a record in it.
      const v1 = await openDB<ResponseCacheSchema>(name, 1, {
        upgrade: (db, _old, _new, tx) => MIGRATIONS[0]!(db, tx),
      });
      await v1.put('cursors', 'c7', 'manual');
      v1.close();
      const store = createResponseStore({ cacheName: name });
      await store.ready;
      expect(store.cacheStatus.state).to.equal('ready');
      expect(store.cursor('manual'), 'the version 1 records are kept').to.equal('c7');
      await store.ingest(events);
      await withSnapshot(() => store.loadSnapshot('/api/snapshot', 'm1'));
      await store.close();
      const raw = await rawOpen(name);
      expect(raw.version).to.equal(SCHEMA_VERSION);
      expect([...raw.objectStoreNames]).to.include('corrections');
      raw.close();
      const again = createResponseStore({ cacheName: name, rules: RULES_B });
      await again.ready;
      expectCorrected(again, 'after the migration and a reload');
      await again.close();
    } finally {
      await deleteDatabase(name);
    }
  });
});
