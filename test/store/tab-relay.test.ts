import { expect } from '@open-wc/testing';
import { foldEvents } from '../../src/core/index';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { ManualSource } from '../support/manual-source';
import { snapshot } from '../core/state-snapshot';
import { event } from '../support/events';

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('several tabs sharing one stream', () => {
  let stores: ResponseStore[] = [];
  afterEach(() => {
    for (const store of stores) store.close();
    stores = [];
  });
  const tab = (name: string, source: ManualSource) => {
    const store = createResponseStore({ tabs: name, source });
    stores.push(store);
    return store;
  };

  it('one tab leads and runs the source; the other hears what it applies', async () => {
    const name = `relay-${Math.random()}`;
    const first = new ManualSource();
    const second = new ManualSource();
    const leader = tab(name, first);
    // Leading comes first, the source once the cache is read: both before the test sends.
    await until(() => leader.tabRole === 'leader' && first.sink !== undefined, 'the first tab to lead');
    const follower = tab(name, second);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(follower.tabRole).to.equal('follower');
    expect(second.started).to.equal(0);
    await first.sink!.deliver([event('delivered', { recipientId: 'a' }), event('opened', { recipientId: 'a' })], 'c2');
    await until(() => follower.state.recipient('e1', 'a')?.response === 'opened', 'the follower to hear the events');
    expect(follower.cursor('manual')).to.equal('c2');
  });

  it('when the leader closes, the other takes over from the newest cursor, with no gap and no double count', async () => {
    const name = `handover-${Math.random()}`;
    const first = new ManualSource();
    const second = new ManualSource();
    const leader = tab(name, first);
    // Leading comes first, the source once the cache is read: both before the test sends.
    await until(() => leader.tabRole === 'leader' && first.sink !== undefined, 'the first tab to lead');
    const follower = tab(name, second);
    const sent = [event('delivered', { recipientId: 'a', id: 'd' }), event('opened', { recipientId: 'a', id: 'o1' })];
    await first.sink!.deliver(sent, 'c2');
    await until(() => follower.state.eventCount === 2, 'the follower to hear two events');
    leader.close();
    await until(() => follower.tabRole === 'leader' && second.sink !== undefined, 'the follower to take the lead');
    expect(second.started).to.equal(1);
    expect(second.startedFrom).to.equal('c2');
    // The server replays from an older cursor: the overlap counts once.
    const more = [event('opened', { recipientId: 'a', id: 'o2' })];
    await second.sink!.deliver([...sent, ...more], 'c3');
    expect(follower.state.recipient('e1', 'a')!.opens).to.equal(2);
    expect(snapshot(follower.state)).to.deep.equal(snapshot(foldEvents([...sent, ...more])));
  });

  it('a tab that joins late gets what the leader applied before it came', async () => {
    const name = `late-${Math.random()}`;
    const first = new ManualSource();
    const leader = tab(name, first);
    // Leading comes first, the source once the cache is read: both before the test sends.
    await until(() => leader.tabRole === 'leader' && first.sink !== undefined, 'the first tab to lead');
    await first.sink!.deliver([event('clicked', { recipientId: 'b' })], 'c1');
    const late = tab(name, new ManualSource());
    await until(() => late.state.recipient('e1', 'b')?.response === 'clicked', 'the late tab to catch up');
    expect(late.cursor('manual')).to.equal('c1');
  });
});
