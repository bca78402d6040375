// Issue 15, item 3: a snapshot's corrections last. After `loadSnapshot`, a rules change (same
// table, new version) refolds every event, and a reload reads the cache: neither may bring back
// the optimistic rows the snapshot corrected, nor drop recipients only the snapshot named.
import { expect } from '@open-wc/testing';
import { DEFAULT_RULES, type ResponseRules } from '../../src/core/index';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { deleteDatabase, uniqueName } from './cache/cache-helpers';
import { BASE_TIME } from '../support/events';

const RULES_B: ResponseRules = { ...DEFAULT_RULES, version: 'spec-1-b' };

const events = [
  { id: 'a1', emailId: 'm1', recipientId: 'r1', response: 'opened', at: BASE_TIME + 1000 },
  { id: 'a2', emailId: 'm1', recipientId: 'r2', response: 'delivered', at: BASE_TIME + 2000 },
];

const SNAPSHOT = {
  emailId: 'm1',
  recipients: [
    { recipientId: 'r1', response: 'hard-bounce', at: BASE_TIME + 500, reason: '550 gone' },
    { recipientId: 'r9', response: 'delivered', at: BASE_TIME + 700 },
  ],
  next: null,
};

/** The server's answers: the snapshot at any URL. */
async function withSnapshot<T>(run: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = (async () => new Response(JSON.stringify(SNAPSHOT), { status: 200 })) as typeof fetch;
  try {
    return await run();
  } finally {
    globalThis.fetch = original;
  }
}

function expectCorrected(store: ResponseStore, what: string): void {
  expect(store.state.recipient('m1', 'r1')?.response, `${what}: the corrected row`).to.equal('hard-bounce');
  expect(store.state.recipient('m1', 'r9')?.response, `${what}: the snapshot-only recipient`).to.equal('delivered');
  expect(store.state.recipient('m1', 'r2')?.response, `${what}: a row the snapshot left alone`).to.equal('delivered');
}

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
