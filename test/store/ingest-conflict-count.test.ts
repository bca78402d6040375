// What `ingest` resolves with tells a changed redelivery from a plain one: an event seen before
// with the same id (and recipient) but other content counts in `conflicts`, not in `duplicates`,
// and `event-conflict` says which copy was kept. Before, both counted as `duplicates`, so a host
// could not tell from the result that something had changed.
//
// The page's first conflict loads the settling code (conflict-settling.ts), so the first test
// here counts while that settle waits; the later ones are settled within the call.
import { expect } from '@open-wc/testing';
import { encodeColumns } from '../../src/core/columnar-encode';
import type { ResponseEvent } from '../../src/core/event';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { IterableSource } from '../../src/store/sources/index';
import type { EventConflict } from '../../src/store/store-events';
import { BASE_TIME } from '../support/events';
import { leaderAndFollower } from '../support/store';
import { until } from '../support/until';

let made = 0;

/** An Opened event of its own recipient, and a copy of it that says Hard Bounce instead. */
function pair(): { first: ResponseEvent; changed: ResponseEvent } {
  const first: ResponseEvent = {
    id: `x${++made}`,
    emailId: 'm1',
    recipientId: `r${made}`,
    response: 'opened',
    at: BASE_TIME + 1000,
  };
  return { first, changed: { ...first, response: 'hard-bounce', reason: '550 no such user' } };
}

function listen(store: ResponseStore): EventConflict[] {
  const heard: EventConflict[] = [];
  store.addEventListener('event-conflict', (e) => heard.push(e.detail));
  return heard;
}

describe('ingest counts a changed redelivery as a conflict, not a duplicate', () => {
  it('across batches, while the settling code loads: conflicts 1, duplicates 0, and event-conflict fires', async () => {
    const store = createResponseStore();
    const heard = listen(store);
    const { first, changed } = pair();
    await store.ingest([first]);
    expect(await store.ingest([changed])).to.deep.equal({ accepted: 0, duplicates: 0, conflicts: 1, rejected: [] });
    expect(heard.map((c) => c.id)).to.deep.equal([first.id]);
    await store.close();
  });

  it('in one batch: conflicts 1, duplicates 0, and event-conflict fires', async () => {
    const store = createResponseStore();
    const heard = listen(store);
    const { first, changed } = pair();
    expect(await store.ingest([first, changed])).to.deep.equal({
      accepted: 1,
      duplicates: 0,
      conflicts: 1,
      rejected: [],
    });
    expect(heard.map((c) => c.id)).to.deep.equal([first.id]);
    await store.close();
  });

  it('an identical redelivery stays a duplicate, in one batch and across batches', async () => {
    const store = createResponseStore();
    const heard = listen(store);
    const { first } = pair();
    expect(await store.ingest([first, { ...first }])).to.deep.equal({
      accepted: 1,
      duplicates: 1,
      conflicts: 0,
      rejected: [],
    });
    expect(await store.ingest([{ ...first }])).to.deep.equal({
      accepted: 0,
      duplicates: 1,
      conflicts: 0,
      rejected: [],
    });
    expect(heard).to.deep.equal([]);
    await store.close();
  });

  it('one batch with both: each counted where it belongs', async () => {
    const store = createResponseStore();
    const heard = listen(store);
    const a = pair();
    const b = pair();
    await store.ingest([a.first, b.first]);
    expect(await store.ingest([{ ...a.first }, b.changed])).to.deep.equal({
      accepted: 0,
      duplicates: 1,
      conflicts: 1,
      rejected: [],
    });
    expect(heard.map((c) => c.id)).to.deep.equal([b.first.id]);
    await store.close();
  });

  it('a copy met again after its conflict was reported is a conflict again, reported once', async () => {
    const store = createResponseStore();
    const heard = listen(store);
    const { first, changed } = pair();
    await store.ingest([first, changed]);
    // Whichever copy the store kept, one of the two differs from it.
    expect(await store.ingest([first, changed])).to.deep.equal({
      accepted: 0,
      duplicates: 1,
      conflicts: 1,
      rejected: [],
    });
    expect(heard, 'the pair is reported once').to.have.length(1);
    await store.close();
  });

  it('a columnar batch counts the same: its rows are compared from its columns', async () => {
    const store = createResponseStore();
    const heard = listen(store);
    const a = pair();
    const b = pair();
    await store.ingest([encodeColumns([a.first, b.first])]);
    expect(await store.ingest([encodeColumns([{ ...a.first }, b.changed])])).to.deep.equal({
      accepted: 0,
      duplicates: 1,
      conflicts: 1,
      rejected: [],
    });
    expect(heard.map((c) => c.id)).to.deep.equal([b.first.id]);
    await store.close();
  });

  it('across two tabs: a follower counts a changed copy of what the leader applied as a conflict', async () => {
    const tabs = `conflict-count-${Math.random()}`;
    const stores: ResponseStore[] = [];
    try {
      const { leader, follower } = await leaderAndFollower(tabs, stores);
      const heard = listen(follower);
      const { first, changed } = pair();
      await leader.ingest([first]);
      await until(() => follower.state.eventCount === 1, 'the follower to hear the leader’s event');
      expect(await follower.ingest([{ ...first }])).to.deep.equal({
        accepted: 0,
        duplicates: 1,
        conflicts: 0,
        rejected: [],
      });
      expect(await follower.ingest([changed])).to.deep.equal({
        accepted: 0,
        duplicates: 0,
        conflicts: 1,
        rejected: [],
      });
      expect(heard.map((c) => c.id)).to.deep.equal([first.id]);
    } finally {
      for (const store of stores) await store.close();
    }
  });
});

describe('the store tallies what it applied, from every way in', () => {
  it('counts a source’s events and redeliveries, which no ingest result reports', async () => {
    const store = createResponseStore();
    try {
      const { first, changed } = pair();
      const other = pair().first;
      await store.ingest([first]);
      const before = store.tally;
      // A stream that repeats itself, as a replaying server does: once as it was, once changed.
      store.connect(
        new IterableSource(
          async function* () {
            yield [{ ...first }, other];
            yield [{ ...other }, changed];
          },
          { reconnectOnEnd: false },
        ),
      );
      await until(() => store.connection.state === 'closed', 'the source to end');
      await until(() => store.tally.conflicts === 1, 'the changed copy to be counted');
      expect(store.tally).to.deep.equal({ accepted: 2, duplicates: 2, conflicts: 1 });
      // What a host read is a copy: it neither moved since, nor moves the store's when changed.
      expect(before).to.deep.equal({ accepted: 1, duplicates: 0, conflicts: 0 });
      before.accepted = 99;
      expect(store.tally.accepted).to.equal(2);
    } finally {
      await store.close();
    }
  });
});
