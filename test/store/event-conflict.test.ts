// Issue 15, item 6: the same event id for one recipient with different content (Opened in one
// copy, Hard Bounce in another). The state must not depend on the order: the copy with the lower
// content hash is kept, in any order, any split into batches, across a reload and across tabs,
// and the store reports the conflict once per pair (`event-conflict`).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { foldEvents, type ResponseEvent } from '../../src/core/index';
import { copyOf, keeps } from '../../src/store/event-conflicts';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import type { EventConflict } from '../../src/store/store-events';
import { snapshot } from '../core/state-snapshot';
import { BASE_TIME } from '../support/events';
import { ManualSource } from '../support/manual-source';
import { deleteDatabase, uniqueName } from './cache/cache-helpers';
import { OTHER_RULES } from './cache/cache-helpers';

const opened: ResponseEvent = { id: 'x1', emailId: 'm1', recipientId: 'r1', response: 'opened', at: BASE_TIME + 1000 };
const bounced: ResponseEvent = { ...opened, response: 'hard-bounce', reason: '550 no such user' };
const other: ResponseEvent = { id: 'x2', emailId: 'm1', recipientId: 'r1', response: 'delivered', at: BASE_TIME };

/** The copy the rule keeps, computed apart from the store. */
const keptOf = (a: ResponseEvent, b: ResponseEvent): ResponseEvent => {
  const ca = copyOf(a, Number(a.at));
  const cb = copyOf(b, Number(b.at));
  return keeps(ca, cb) ? a : b;
};

function listen(store: ResponseStore): EventConflict[] {
  const heard: EventConflict[] = [];
  store.addEventListener('event-conflict', (event) => heard.push(event.detail));
  return heard;
}

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 300; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('one event id, two contents (issue 15, item 6)', () => {
  const winner = keptOf(opened, bounced);
  const loser = winner === opened ? bounced : opened;

  it('gives the same state in either order, and reports the conflict once', async () => {
    const states: unknown[] = [];
    for (const order of [
      [other, opened, bounced],
      [bounced, other, opened],
    ]) {
      const store = createResponseStore();
      const heard = listen(store);
      for (const event of order) await store.ingest([event]);
      // Again, both: already reported, nothing changes.
      await store.ingest([opened, bounced]);
      states.push(snapshot(store.state));
      expect(store.state.recipient('m1', 'r1')!.response).to.equal(
        foldEvents([other, winner]).recipient('m1', 'r1')!.response,
      );
      expect(heard).to.have.length(1);
      expect(heard[0]!.id).to.equal('x1');
      expect(heard[0]!.kept.event.response).to.equal(winner.response);
      expect(heard[0]!.dropped.event.response).to.equal(loser.response);
      expect(heard[0]!.kept.hash).to.be.below(heard[0]!.dropped.hash);
      // The timeline shows the copy kept.
      const timeline = store.recipientEvents('m1', 'r1').map((e) => e.event.response);
      expect(timeline).to.include(winner.response).and.not.include(loser.response);
      await store.close();
    }
    expect(states[0]).to.deep.equal(states[1]);
    expect(states[0]).to.deep.equal(snapshot(foldEvents([other, winner])));
  });

  it('two copies that differ only in how the time is written are one event, not a conflict', async () => {
    const store = createResponseStore();
    const heard = listen(store);
    await store.ingest([opened, { ...opened, at: new Date(Number(opened.at)).toISOString() }]);
    expect(heard).to.deep.equal([]);
    await store.close();
  });

  it('any order, any batch split: the same state, one report per conflicting pair (property)', async () => {
    // Up to 6 recipients, each with a few events; some ids come in two contents.
    const responses = ['delivered', 'opened', 'clicked', 'hard-bounce', 'soft-bounce', 'unsubscribed'];
    const pairArb = fc.record({
      recipient: fc.integer({ min: 0, max: 5 }),
      a: fc.constantFrom(...responses),
      b: fc.constantFrom(...responses),
      minute: fc.integer({ min: 0, max: 50 }),
      reasonB: fc.option(fc.constantFrom('550', 'mailbox full'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(pairArb, { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 40, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 20 }),
        async (pairs, shuffleKeys, splits) => {
          const sent: ResponseEvent[] = [];
          const kept: ResponseEvent[] = [];
          let conflicting = 0;
          pairs.forEach((p, i) => {
            const base = {
              id: `p${i}`,
              emailId: 'm1',
              recipientId: `r${p.recipient}`,
              at: BASE_TIME + p.minute * 60_000,
            };
            const a: ResponseEvent = { ...base, response: p.a };
            const b: ResponseEvent = p.reasonB
              ? { ...base, response: p.b, reason: p.reasonB }
              : { ...base, response: p.b };
            const differ = p.a !== p.b || p.reasonB !== undefined;
            if (differ) conflicting++;
            sent.push(a, b);
            kept.push(differ ? keptOf(a, b) : a);
          });
          // Two orders of the same copies, each split into batches its own way.
          const order = sent.map((event, i) => ({ event, key: shuffleKeys[i % shuffleKeys.length]! + i / 1000 }));
          const shuffled = [...order].sort((x, y) => x.key - y.key).map((o) => o.event);
          const results: unknown[] = [];
          for (const events of [shuffled, [...shuffled].reverse()]) {
            const store = createResponseStore();
            const heard = listen(store);
            let at = 0;
            for (let s = 0; at < events.length; s++) {
              const size = splits[s % splits.length]!;
              await store.ingest(events.slice(at, at + size));
              at += size;
            }
            expect(heard.length, 'one report per conflicting pair').to.equal(conflicting);
            results.push(snapshot(store.state));
            await store.close();
          }
          expect(results[0]).to.deep.equal(results[1]);
          expect(results[0]).to.deep.equal(snapshot(foldEvents(kept)));
        },
      ),
      { numRuns: 60, seed: 15_006 },
    );
  });

  it('holds across a reload, and a refold after it, and is not reported again', async () => {
    const name = uniqueName();
    try {
      const store = createResponseStore({ cacheName: name });
      await store.ready;
      const heard = listen(store);
      // The copy the rule drops comes first: the one kept replaces it.
      await store.ingest([other, loser]);
      await store.ingest([winner]);
      expect(heard).to.have.length(1);
      expect(store.state.recipient('m1', 'r1')!.response).to.equal(winner.response);
      await store.close();

      const again = createResponseStore({ cacheName: name });
      await again.ready;
      const heardAgain = listen(again);
      expect(again.state.recipient('m1', 'r1')!.response, 'after the reload').to.equal(winner.response);
      await again.ingest([loser, winner]);
      expect(heardAgain, 'reported on the first visit').to.deep.equal([]);
      again.setRules(OTHER_RULES);
      expect(again.state.recipient('m1', 'r1')!.response, 'after a refold').to.equal(
        foldEvents([other, winner], OTHER_RULES).recipient('m1', 'r1')!.response,
      );
      await again.close();

      // A reload under other rules refolds the cached events: the kept copy still wins.
      const third = createResponseStore({ cacheName: name, rules: OTHER_RULES });
      await third.ready;
      expect(snapshot(third.state)).to.deep.equal(snapshot(foldEvents([other, winner], OTHER_RULES)));
      await third.close();
    } finally {
      await deleteDatabase(name);
    }
  });

  it('holds across tabs: a follower keeps the same copy, and a tab that joins later too', async () => {
    const name = `conflict-${Math.random()}`;
    const stores: ResponseStore[] = [];
    try {
      const source = new ManualSource();
      const leader = createResponseStore({ tabs: name, source });
      stores.push(leader);
      await until(() => leader.tabRole === 'leader', 'the first tab to lead');
      const follower = createResponseStore({ tabs: name, source: new ManualSource() });
      stores.push(follower);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const heard = listen(follower);
      await source.sink!.deliver([other, loser], 'c1');
      await until(() => follower.state.eventCount === 2, 'the follower to hear two events');
      await source.sink!.deliver([winner], 'c2');
      await until(
        () => follower.state.recipient('m1', 'r1')?.response === winner.response,
        'the follower to keep the same copy',
      );
      expect(heard).to.have.length(1);
      const joined = createResponseStore({ tabs: name, source: new ManualSource() });
      stores.push(joined);
      await until(() => joined.state.eventCount === 2, 'the joining tab to hear the log');
      expect(snapshot(joined.state)).to.deep.equal(snapshot(leader.state));
      expect(snapshot(follower.state)).to.deep.equal(snapshot(leader.state));
    } finally {
      for (const store of stores) await store.close();
    }
  });
});
