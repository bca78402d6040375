// Issue 15, item 3: a snapshot's corrections last. After `loadSnapshot`, a rules change (same
// table, new version) refolds every event, and a reload reads the cache: neither may bring back
// the optimistic rows the snapshot corrected, nor drop recipients only the snapshot named.
import { expect } from '@open-wc/testing';
import { DEFAULT_RULES } from '../../src/core/index';
import { RULES_B, events, withSnapshot, expectCorrected } from '../support/snapshot-correction';
import { createResponseStore } from '../../src/store/response-store';
import { deleteDatabase, uniqueName } from './cache/cache-helpers';
import { BASE_TIME } from '../support/events';

describe("a snapshot's corrections last (issue 15, item 3)", () => {
  it('survive a refold under new rules', async () => {
    const store = createResponseStore();
    await store.ingest(events);
    await withSnapshot(() => store.loadSnapshot('/api/snapshot', 'm1'));
    expectCorrected(store, 'after the snapshot');
    store.setRules(RULES_B);
    expectCorrected(store, 'after the refold');
    // Events after the snapshot still apply on top of the server's row.
    await store.ingest([{ id: 'a3', emailId: 'm1', recipientId: 'r9', response: 'opened', at: BASE_TIME + 9000 }]);
    store.setRules(DEFAULT_RULES);
    expect(store.state.recipient('m1', 'r9')?.response).to.equal('opened');
    expect(store.state.recipient('m1', 'r1')?.response).to.equal('hard-bounce');
  });

  it('survive a reload a second later', async () => {
    const name = uniqueName();
    try {
      const store = createResponseStore({ cacheName: name });
      await store.ingest(events);
      await withSnapshot(() => store.loadSnapshot('/api/snapshot', 'm1'));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      store.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const again = createResponseStore({ cacheName: name });
      await again.ready;
      expectCorrected(again, 'after the reload');
      again.close();
    } finally {
      await deleteDatabase(name);
    }
  });
});
