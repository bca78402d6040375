// Issue 14 (on-demand conflict settling) and issue 15 item 6: a follower ingests one copy of an
// event while the leader has the other, and the leader settles it late (the page's first
// conflict, its code still loading). The copy kept goes to the other tabs, never back to the
// follower that ingested it: it has it, and heard back it would show there as one more
// redelivery than the leader's timeline shows (the eager settle skips that follower too). Its own
// file: the settling code loads once per page, and this is the page's first conflict.
import { expect } from '@open-wc/testing';
import type { ResponseEvent } from '../../src/core/event';
import { copyOf, keeps } from '../../src/store/event-conflicts';
import type { ResponseStore } from '../../src/store/response-store';
import { snapshot } from '../core/state-snapshot';
import { BASE_TIME } from '../support/events';
import { leaderAndFollower } from '../support/store';
import { until } from '../support/until';

const SETTLING = /\/src\/store\/conflict-settling\.ts$/;

const opened: ResponseEvent = { id: 'y1', emailId: 'm1', recipientId: 'r1', response: 'opened', at: BASE_TIME + 1000 };
const bounced: ResponseEvent = { ...opened, response: 'hard-bounce', reason: '550 no such user' };
const winner = keeps(copyOf(opened, Number(opened.at)), copyOf(bounced, Number(bounced.at))) ? opened : bounced;
const loser = winner === opened ? bounced : opened;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a follower’s ingest settled late by the leader', () => {
  it('the copy kept does not come back to the follower that ingested it', async () => {
    const tabs = `late-ingest-${Math.random()}`;
    const stores: ResponseStore[] = [];
    try {
      const { leader, follower } = await leaderAndFollower(tabs, stores);
      await sleep(50);
      expect(performance.getEntriesByType('resource').filter((e) => SETTLING.test(e.name))).to.have.length(0);
      // In one task: neither tab has heard the other's copy yet, so the leader hears the
      // follower's copy as a conflict of its own, settled once the code is here.
      const ingests = [leader.ingest([loser]), follower.ingest([winner])];
      await Promise.all(ingests);
      await until(
        () =>
          leader.state.recipient('m1', 'r1')?.response === winner.response &&
          follower.state.recipient('m1', 'r1')?.response === winner.response,
        'both tabs to keep the same copy',
      );
      // Long enough for a copy relayed back to the follower to arrive.
      await sleep(200);
      expect(snapshot(follower.state)).to.deep.equal(snapshot(leader.state));
      // Each tab heard the other's copy once: one redelivery on each timeline, none more.
      expect(leader.recipientDuplicates('m1', 'r1').map((d) => d.event.response)).to.deep.equal([winner.response]);
      expect(follower.recipientDuplicates('m1', 'r1').map((d) => d.event.response)).to.deep.equal([loser.response]);
    } finally {
      for (const store of stores) await store.close();
    }
  });
});
