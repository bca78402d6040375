// close() waits for every id-conflict settle the store starts before it lets go, including one
// that starts during its last wait: while its cache closes, another tab can still relay a copy
// of an event that differs from this store's (its channel is open until the locks go). Before,
// close() looked for a settle once, before closing the cache: one started after that ran once
// close() had resolved, firing `event-conflict` and refolding rows in a store the host was told
// was closed. Its own file: the settling code must not be in this page's module map before.
import { expect } from '@open-wc/testing';
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import type { ResponseEvent } from '../../src/core/event';
import { copyOf, keeps } from '../../src/store/event-conflicts';
import type { ResponseStore } from '../../src/store/response-store';
import { BASE_TIME } from '../support/events';
import { leaderAndFollower } from '../support/store';
import { until } from '../support/until';
import { deleteDatabase, uniqueName } from './cache/cache-helpers';

const opened: ResponseEvent = { id: 'z1', emailId: 'm1', recipientId: 'r1', response: 'opened', at: BASE_TIME + 1000 };
const bounced: ResponseEvent = { ...opened, response: 'hard-bounce', reason: '550 no such user' };
const winner = keeps(copyOf(opened, Number(opened.at)), copyOf(bounced, Number(bounced.at))) ? opened : bounced;
const loser = winner === opened ? bounced : opened;

/** A promise the test resolves when it chooses. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('close() and a settle that starts during its last wait', () => {
  // The settling code arrives when the test says: the settle started during close() waits for it.
  const code = gate();
  // The leader's cache takes its time to close: the window in which the other tab is heard.
  const cacheClose = gate();
  const worker = setupWorker(
    http.get(/\/src\/store\/conflict-settling\.ts/, async () => {
      await code.opened;
      return undefined;
    }),
  );
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  it('resolves only after it, with the conflict told and the copy kept', async () => {
    const tabs = `late-settle-${Math.random()}`;
    const cacheName = uniqueName();
    const stores: ResponseStore[] = [];
    try {
      const { leader, follower } = await leaderAndFollower(tabs, stores, { cacheName });

      const writer = (leader as unknown as { cacheWriter: { close(): Promise<void> } }).cacheWriter;
      const closeCache = writer.close.bind(writer);
      let cacheClosing = false;
      writer.close = async () => {
        cacheClosing = true;
        await cacheClose.opened;
        return closeCache();
      };
      const order: string[] = [];
      leader.addEventListener('event-conflict', () => order.push('event-conflict'));
      // In one task: each tab applies its own copy, then hears the other's. The leader's close()
      // reaches its cache's close within this task, before it hears the follower's copy.
      void leader.ingest([loser]);
      void follower.ingest([winner]);
      const closing = leader.close().then(() => order.push('closed'));
      await until(() => cacheClosing, 'the leader to close its cache');
      await until(() => leader.recipientDuplicates('m1', 'r1').length === 1, 'the leader to hear the other copy');
      cacheClose.open();
      // Long enough for close() to resolve had it not waited.
      await Promise.race([closing, sleep(500)]);
      code.open();
      await closing;
      expect(leader.state.recipient('m1', 'r1')!.response, 'settled when close() resolved').to.equal(winner.response);
      await until(() => order.includes('event-conflict'), 'the conflict to be told');
      expect(order).to.deep.equal(['event-conflict', 'closed']);
    } finally {
      code.open();
      cacheClose.open();
      for (const store of stores) await store.close();
      await deleteDatabase(cacheName);
    }
  });
});
