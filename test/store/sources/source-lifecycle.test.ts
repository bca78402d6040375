// Stopping, going offline and misbehaving sinks, through the iterable source (no network).
import { expect } from '@open-wc/testing';
import { IterableSource, type ConnectionStatus } from '../../../src/store/sources/index';
import { fast, gate, recordingSink, sleep, until } from './recording-sink';
import { ev, replay } from './script';

describe('source lifecycle: stop, offline, sink errors', () => {
  it('stop() during a pending delivery: closed, no later deliveries or statuses, the iterator returned', async () => {
    const held = gate();
    let finished = false;
    const sink = recordingSink(() => held.promise);
    const source = new IterableSource(async function* () {
      try {
        for (let n = 0; ; n++) {
          yield ev(`e${n}`);
          await sleep(1);
        }
      } finally {
        finished = true;
      }
    }, fast);
    source.start(sink);
    await until(() => sink.batches.length === 1, 'the first batch');
    source.stop();
    held.open();
    await sleep(40);
    expect(sink.batches).to.have.length(1);
    expect(sink.states.at(-1)).to.equal('closed');
    expect(sink.states.filter((s) => s === 'closed')).to.have.length(1);
    expect(source.status.cursor).to.equal(undefined);
    expect(finished).to.equal(true);
  });

  it('stop() during a backoff cancels the timer: the factory is not called again', async () => {
    let calls = 0;
    const source = new IterableSource(
      () => {
        calls += 1;
        throw new Error('down');
      },
      { backoff: { initialMs: 20, jitter: 0 } },
    );
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.states.includes('retrying'), 'a retry');
    source.stop();
    await sleep(60);
    expect(calls).to.equal(1);
    expect(sink.states).to.deep.equal(['connecting', 'retrying', 'closed']);
  });

  it('offline: waits for the online event instead of spending retries, then reconnects at once', async () => {
    const { factory, asked } = replay([{ cursor: 'c1', events: [ev('e1')] }]);
    const source = new IterableSource(factory, fast);
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.ids.length === 1, 'the first event');
    window.dispatchEvent(new Event('offline'));
    await sleep(40);
    expect(source.status).to.include({ state: 'offline' });
    expect(asked).to.have.length(1);
    window.dispatchEvent(new Event('online'));
    await until(() => asked.length > 1, 'the reconnect');
    expect(asked).to.deep.equal([undefined, 'c1']);
    expect(sink.states).to.deep.equal(['connecting', 'live', 'offline', 'connecting']);
    source.stop();
    window.dispatchEvent(new Event('online'));
    await sleep(20);
    expect(asked).to.have.length(2);
  });

  it('a sink that throws from status() or malformed() does not break the source', async () => {
    const sink = recordingSink();
    const statuses: ConnectionStatus[] = [];
    sink.status = (s) => {
      statuses.push(s);
      throw new Error('host bug');
    };
    const source = new IterableSource(
      async function* () {
        yield ev('a');
      },
      { reconnectOnEnd: false },
    );
    source.start(sink);
    await until(() => statuses.some((s) => s.state === 'closed'), 'the end');
    expect(sink.ids).to.deep.equal(['a']);
  });
});
