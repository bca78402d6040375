// A tab that joins reads the shared cache, then hears the leader's whole log: the events its
// cache gave it come again. Those are echoes, not redeliveries: the provider sent each once, so
// the joining tab's tally counts no duplicate and no recipient's timeline lists a second delivery
// (a new user's review: a demo's second tab said "9,712 events applied, 9,712 repeats counted once").
import { expect } from '@open-wc/testing';
import { createResponseState } from '../../src/core/index';
import { openResponseCache } from '../../src/store/cache/index';
import { EventLog } from '../../src/store/event-log';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { deleteDatabase, ingest, uniqueName } from './cache/cache-helpers';
import { event } from '../support/events';
import { ManualSource } from '../support/manual-source';
import { until } from '../support/until';

describe('a tab that joins after reading the cache', () => {
  const stores: ResponseStore[] = [];
  let name = '';
  beforeEach(() => (name = uniqueName()));
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await deleteDatabase(name);
  });

  it("hears the leader's log as echoes: no duplicate in its tally, none on a timeline", async () => {
    const cached = [
      event('delivered', { recipientId: 'a', id: 'a1' }),
      event('opened', { recipientId: 'a', id: 'a2' }),
      event('hard-bounce', { recipientId: 'b', id: 'b1' }),
    ];
    // A cache an earlier page wrote.
    const earlier = await openResponseCache({ name });
    ingest(createResponseState(), new EventLog(), earlier, cached);
    await earlier.flush();
    earlier.close();

    const leaderSource = new ManualSource();
    const leader = createResponseStore({ cacheName: name, tabs: name, source: leaderSource });
    stores.push(leader);
    await until(() => leader.tabRole === 'leader' && leaderSource.sink !== undefined, 'the first tab to lead');
    // One event the cache does not have yet: the joining tab hears it from the leader only.
    await leaderSource.sink!.deliver([event('clicked', { recipientId: 'a', id: 'a3' })], 'c4');

    const joiner = createResponseStore({ cacheName: name, tabs: name, source: new ManualSource() });
    stores.push(joiner);
    await joiner.eventsReady;
    await until(() => joiner.state.eventCount === 4 && joiner.cursor('manual') === 'c4', 'the joining tab to catch up');
    expect(joiner.tabRole).to.equal('follower');
    expect(joiner.tally.duplicates, 'duplicates in the tally').to.equal(0);
    expect(joiner.recipientDuplicates('e1', 'a')).to.deep.equal([]);
    expect(joiner.recipientDuplicates('e1', 'b')).to.deep.equal([]);
    expect(joiner.state.recipient('e1', 'a')).to.include({ response: 'clicked', opens: 1, clicks: 1 });

    // A real redelivery through the leader's source still counts there, once, and shows.
    await leaderSource.sink!.deliver([event('opened', { recipientId: 'a', id: 'a2' })], 'c5');
    expect(leader.tally.duplicates).to.equal(1);
    expect(leader.recipientDuplicates('e1', 'a')).to.have.length(1);
  });
});
