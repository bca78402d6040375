// Issue 14, bundle: settling an id conflict (two copies of one event that differ, issue 15 item 6)
// is code a page loads on its first conflict (src/store/conflict-settling.ts). Until it is here the
// copy applied first stays; then the conflict is settled as it always was: the copy with the lower
// content hash kept, reported once, saved in the cache, sent to the other tabs. Nothing applied
// is lost or counted twice meanwhile. A stream's batch is settled a little after it was applied,
// and `close` waits for that (`ingest` resolving with the row settled: lazy-parts.test.ts). Its
// own file: the code loads once per page, and the first test here is the page's first conflict.
import { expect } from '@open-wc/testing';
import type { ResponseEvent } from '../../src/core/event';
import { copyOf, keeps } from '../../src/store/event-conflicts';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import type { EventConflict } from '../../src/store/store-events';
import { snapshot } from '../core/state-snapshot';
import { BASE_TIME } from '../support/events';
import { ManualSource } from '../support/manual-source';
import { deleteDatabase, uniqueName } from './cache/cache-helpers';
import { requested, until } from '../support/until';

const SETTLING = /\/src\/store\/conflict-settling\.ts$/;

const opened: ResponseEvent = { id: 'x1', emailId: 'm1', recipientId: 'r1', response: 'opened', at: BASE_TIME + 1000 };
const bounced: ResponseEvent = { ...opened, response: 'hard-bounce', reason: '550 no such user' };
const other: ResponseEvent = { id: 'x2', emailId: 'm1', recipientId: 'r1', response: 'delivered', at: BASE_TIME };
const winner = keeps(copyOf(opened, Number(opened.at)), copyOf(bounced, Number(bounced.at))) ? opened : bounced;
const loser = winner === opened ? bounced : opened;

function listen(store: ResponseStore): EventConflict[] {
  const heard: EventConflict[] = [];
  store.addEventListener('event-conflict', (event) => heard.push(event.detail));
  return heard;
}

describe('settling id conflicts loads on the first conflict', () => {
  it('a stream’s first conflict is settled once its code is here: the other tabs hear the copy kept, close waits, the cache keeps it', async () => {
    const name = uniqueName();
    const tabs = `settling-${Math.random()}`;
    const stores: ResponseStore[] = [];
    try {
      const source = new ManualSource();
      const leader = createResponseStore({ cacheName: name, tabs, source });
      stores.push(leader);
      await until(() => leader.tabRole === 'leader' && source.sink !== undefined, 'the first tab to lead');
      const follower = createResponseStore({ tabs });
      stores.push(follower);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const heard = listen(leader);
      const heardByFollower = listen(follower);
      // A redelivery with the same content is no conflict: nothing to load.
      source.sink!.deliver([other, loser], 'c1');
      source.sink!.deliver([loser], 'c2');
      await until(() => follower.state.eventCount === 2, 'the follower to hear two events');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(requested(SETTLING), 'every redelivery matched').to.deep.equal([]);

      source.sink!.deliver([winner], 'c3');
      // Applied at once, counted once: the copy applied first stays until the code is here.
      expect(leader.state.eventCount).to.equal(2);
      expect(leader.state.recipient('m1', 'r1')!.response).to.equal(loser.response);
      expect(heard, 'not settled yet').to.deep.equal([]);
      const closing = leader.close();
      // The copy kept was a redelivery here, so no batch carried it: the other tab hears it once settled.
      await until(
        () => follower.state.recipient('m1', 'r1')?.response === winner.response,
        'the follower to keep the same copy',
      );
      await closing;
      expect(heard.map((c) => [c.id, c.kept.event.response])).to.deep.equal([['x1', winner.response]]);
      expect(heardByFollower).to.have.length(1);
      expect(leader.state.recipient('m1', 'r1')!.response).to.equal(winner.response);
      expect(leader.state.eventCount).to.equal(2);
      expect(leader.recipientEvents('m1', 'r1').map((e) => e.event.response)).to.deep.equal(
        [other, winner].map((e) => e.response),
      );
      expect(snapshot(follower.state)).to.deep.equal(snapshot(leader.state));
      expect(requested(SETTLING)).to.deep.equal(['/src/store/conflict-settling.ts']);
      await follower.close();

      // Saved before the cache closed: the next visit keeps the copy and does not report the pair again.
      const again = createResponseStore({ cacheName: name });
      stores.push(again);
      await again.ready;
      const heardAgain = listen(again);
      expect(again.state.recipient('m1', 'r1')!.response).to.equal(winner.response);
      await again.ingest([loser]);
      expect(heardAgain).to.deep.equal([]);
      expect(again.state.recipient('m1', 'r1')!.response).to.equal(winner.response);
    } finally {
      for (const store of stores) await store.close();
      await deleteDatabase(name);
    }
  });

  it('once the code is here, ingest settles a conflict before it returns, as before', async () => {
    const store = createResponseStore();
    const heard = listen(store);
    await store.ingest([
      { ...other, emailId: 'm2' },
      { ...loser, emailId: 'm2' },
    ]);
    const result = store.ingest([{ ...winner, emailId: 'm2' }]);
    expect(store.state.recipient('m2', 'r1')!.response, 'settled in the call').to.equal(winner.response);
    expect(heard).to.have.length(1);
    expect(await result).to.deep.include({ accepted: 0, duplicates: 0, conflicts: 1 });
    await store.close();
  });
});
