// A first snapshot (every recipient new to the store) is kept as its pages' columns (issue 16): a
// store that shares with no one never makes its rows as objects, and the rows last as a page kept
// row by row does: through a refold, a reload from the cache, and in a follower tab.
import { expect } from '@open-wc/testing';
import { DEFAULT_RULES } from '../../src/core/index';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { RULES_B, until } from '../support/snapshot-correction';
import { BASE_TIME } from '../support/events';
import { ManualSource } from '../support/manual-source';
import { countRowsMade } from '../support/snapshot-host';
import { deleteDatabase, uniqueName } from './cache/cache-helpers';

const FIRST = {
  emailId: 'm1',
  recipients: {
    format: 'columns',
    version: 1,
    count: 2,
    columns: {
      recipientId: ['r1', 'r9'],
      response: ['hard-bounce', 'delivered'],
      at: [BASE_TIME + 500, BASE_TIME + 700],
      reason: ['550 gone', null],
      contactId: ['c1', null],
    },
  },
  next: null,
};

async function withFirstSnapshot<T>(run: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = (async () => new Response(JSON.stringify(FIRST), { status: 200 })) as typeof fetch;
  try {
    return await run();
  } finally {
    globalThis.fetch = original;
  }
}

function expectKept(store: ResponseStore, what: string): void {
  expect(store.state.recipient('m1', 'r1'), what).to.include({
    response: 'hard-bounce',
    reason: '550 gone',
    contactId: 'c1',
  });
  expect(store.state.recipient('m1', 'r9')?.response, what).to.equal('delivered');
}

describe('a first snapshot kept as its pages', () => {
  it('makes no row as an object in a store that shares with no one, and lasts a refold', async () => {
    const store = createResponseStore();
    const { result, made } = await countRowsMade(() =>
      withFirstSnapshot(() => store.loadSnapshot('/api/snapshot', 'm1')),
    );
    expect(result).to.deep.equal({ recipients: 2, conflicts: 0, problems: [] });
    expect(made).to.equal(0);
    expectKept(store, 'after the snapshot');
    store.setRules(RULES_B);
    expectKept(store, 'after a refold');
    await store.close();
  });

  it('lasts a reload and then a rules change', async () => {
    const name = uniqueName();
    try {
      const store = createResponseStore({ cacheName: name });
      await withFirstSnapshot(() => store.loadSnapshot('/api/snapshot', 'm1'));
      await store.close();
      const again = createResponseStore({ cacheName: name });
      await again.ready;
      expectKept(again, 'after the reload');
      again.setRules(RULES_B);
      expectKept(again, 'after the reload and a rules change');
      again.setRules(DEFAULT_RULES);
      await again.close();
    } finally {
      await deleteDatabase(name);
    }
  });

  it('reaches a follower tab, which keeps it through a rules change', async () => {
    const name = `first-snapshot-tabs-${Math.random()}`;
    const stores: ResponseStore[] = [];
    try {
      const leader = createResponseStore({ tabs: name, source: new ManualSource() });
      stores.push(leader);
      await until(() => leader.tabRole === 'leader', 'the first tab to lead');
      const follower = createResponseStore({ tabs: name, source: new ManualSource() });
      stores.push(follower);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await withFirstSnapshot(() => leader.loadSnapshot('/api/snapshot', 'm1'));
      await until(() => follower.state.recipient('m1', 'r9') !== undefined, 'the follower to hear the rows');
      follower.setRules(RULES_B);
      expectKept(follower, 'in the follower after a rules change');
    } finally {
      for (const store of stores) await store.close();
    }
  });
});
