// Issue 15, item 10: a tab that joins gets the leader's log on its own channel, in slices. Before,
// the answer went to every tab on the shared channel: each cloned the whole log (a follower froze
// close to a second at 200,000 events) only to drop it as addressed to another tab.
import { expect } from '@open-wc/testing';
import { SYNC_SLICE_EVENTS, TabRelay, type TabMessage } from '../../src/store/tab-relay';

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

interface Heard {
  events: unknown[];
  cursors: [string, string][];
}

function relay(name: string, log: unknown[] = [], cursors: [string, string][] = []) {
  const heard: Heard[] = [];
  let led = false;
  const tab = new TabRelay(name, {
    lead: () => (led = true),
    receive: (events, c) => heard.push({ events, cursors: c }),
    snapshot: () => ({ events: log, cursors }),
  });
  return {
    tab,
    heard,
    get led() {
      return led;
    },
  };
}

describe('a tab that joins', () => {
  const started: TabRelay[] = [];
  const channels: BroadcastChannel[] = [];
  afterEach(() => {
    for (const tab of started.splice(0)) tab.stop();
    for (const channel of channels.splice(0)) channel.close();
  });

  it('gets the leader’s whole log alone, in slices, with the cursors in the last one', async () => {
    const name = `join-${Math.random()}`;
    const log = Array.from({ length: 5 * SYNC_SLICE_EVENTS + 17 }, (_, i) => ({ id: `e${i}` }));
    const leader = relay(name, log, [['sse', '42']]);
    leader.tab.start();
    started.push(leader.tab);
    await until(() => leader.led, 'the first tab to lead');
    const bystander = relay(name);
    bystander.tab.start();
    started.push(bystander.tab);
    // Every message on the shared channel, as any other tab would have to receive it.
    const shared: TabMessage[] = [];
    const eavesdropper = new BroadcastChannel(`email-responses:${name}`);
    eavesdropper.onmessage = (message: MessageEvent<TabMessage>) => shared.push(message.data);
    channels.push(eavesdropper);
    // The bystander joined too: its own answer (the whole log, in slices) must be over before the test listens.
    await until(() => bystander.heard.some((h) => h.cursors.length > 0), 'the bystander’s own last slice');
    bystander.heard.length = 0;

    const joiner = relay(name);
    joiner.tab.start();
    started.push(joiner.tab);
    await until(() => joiner.heard.some((h) => h.cursors.length > 0), 'the last slice');

    expect(joiner.heard.flatMap((h) => h.events)).to.deep.equal(log);
    expect(joiner.heard).to.have.length(6);
    for (const h of joiner.heard) expect(h.events.length).to.be.at.most(SYNC_SLICE_EVENTS);
    expect(joiner.heard.map((h) => h.cursors)).to.deep.equal([[], [], [], [], [], [['sse', '42']]]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bystander.heard, 'the other follower receives nothing').to.deep.equal([]);
    expect(
      shared.filter((m) => m.type !== 'hello'),
      'nothing but the hello on the shared channel',
    ).to.deep.equal([]);
  });

  it('an empty log is one answer with the cursors', async () => {
    const name = `join-empty-${Math.random()}`;
    const leader = relay(name, [], [['poll', 'c1']]);
    leader.tab.start();
    started.push(leader.tab);
    await until(() => leader.led, 'the first tab to lead');
    const joiner = relay(name);
    joiner.tab.start();
    started.push(joiner.tab);
    await until(() => joiner.heard.length > 0, 'the answer');
    expect(joiner.heard).to.deep.equal([{ events: [], cursors: [['poll', 'c1']] }]);
  });
});
