// The behaviour every source shares (order, cursors, backoff, transform), driven through the
// iterable source, which needs no network.
import { expect } from '@open-wc/testing';
import { IterableSource, createSource } from '../../../src/store/sources/index';
import { fast, gate, recordingSink, sleep, until } from './recording-sink';
import { ev, replay } from './script';

describe('iterable source: delivery, resume and backoff', () => {
  it('delivers events, arrays and envelopes with their cursors, in order', async () => {
    const values = [ev('a'), [ev('b'), ev('c')], { cursor: 'k3', events: [ev('d')] }];
    const source = new IterableSource(
      async function* () {
        yield* values;
      },
      { reconnectOnEnd: false },
    );
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.states.includes('closed'), 'the end');
    expect(sink.batches).to.deep.equal([
      { items: [ev('a')], cursor: undefined },
      { items: [ev('b'), ev('c')], cursor: undefined },
      { items: [ev('d')], cursor: 'k3' },
    ]);
    expect(sink.states).to.deep.equal(['connecting', 'live', 'closed']);
    expect(source.status).to.include({ state: 'closed', cursor: 'k3' });
  });

  it('awaits each delivery: never two at once, the cursor committed only after it', async () => {
    const held = gate();
    let inFlight = 0;
    let maxInFlight = 0;
    const sink = recordingSink(async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (sink.batches.length === 1) await held.promise;
      await sleep(1);
      inFlight -= 1;
    });
    const { factory } = replay([1, 2, 3].map((n) => ({ cursor: `c${n}`, events: [ev(`e${n}`)] })));
    const source = new IterableSource(factory, fast);
    source.start(sink, 'c0');
    await until(() => sink.batches.length === 1, 'the first batch');
    await sleep(20);
    expect(sink.batches).to.have.length(1);
    expect(source.status.cursor).to.equal('c0');
    held.open();
    await until(() => source.status.cursor === 'c3', 'the last cursor');
    expect(maxInFlight).to.equal(1);
    expect(sink.ids).to.deep.equal(['e1', 'e2', 'e3']);
    source.stop();
  });

  it('after a throw, backs off and resumes from the committed cursor: nothing twice, nothing lost', async () => {
    const script = [1, 2, 3, 4].map((n) => ({ cursor: `c${n}`, events: [ev(`e${n}`)] }));
    const { factory, asked } = replay(script, 2);
    const source = new IterableSource(factory, fast);
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.ids.length === 4, 'four events');
    expect(asked).to.deep.equal([undefined, 'c2']);
    expect(sink.ids).to.deep.equal(['e1', 'e2', 'e3', 'e4']);
    expect(sink.states).to.deep.equal(['connecting', 'live', 'retrying', 'connecting', 'live']);
    expect(sink.statuses[2]).to.deep.include({ attempt: 1, retryInMs: 10, cursor: 'c2' });
    expect(sink.statuses[2]?.error).to.contain('connection reset');
    source.stop();
  });

  it('grows the delay with each failure by the jittered schedule, and resets once live', async () => {
    let calls = 0;
    const source = new IterableSource(
      () => {
        calls += 1;
        if (calls <= 3) throw new Error(`refused ${calls}`);
        return (async function* () {
          yield ev('x');
          await new Promise(() => {});
        })();
      },
      { backoff: { initialMs: 8, factor: 2, jitter: 0.5 }, random: () => 0.5 },
    );
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.ids.length === 1, 'the event after three failures');
    const retries = sink.statuses.filter((s) => s.state === 'retrying');
    expect(retries.map((s) => [s.attempt, s.retryInMs])).to.deep.equal([
      [1, 6],
      [2, 12],
      [3, 24],
    ]);
    expect(source.status).to.include({ state: 'live', attempt: 0 });
    source.stop();
  });

  it('a batch the sink rejects is offered again from the previous cursor, and later ones wait for it', async () => {
    let failOnce = true;
    const sink = recordingSink(async (batch) => {
      if (batch.cursor === 'c2' && failOnce) {
        failOnce = false;
        throw new Error('quota');
      }
    });
    const { factory, asked } = replay([1, 2, 3].map((n) => ({ cursor: `c${n}`, events: [ev(`e${n}`)] })));
    const source = new IterableSource(factory, fast);
    source.start(sink);
    await until(() => source.status.cursor === 'c3', 'the last cursor');
    expect(asked).to.deep.equal([undefined, 'c1']);
    expect(sink.batches.map((b) => b.cursor)).to.deep.equal(['c1', 'c2', 'c2', 'c3']);
    expect(sink.statuses.find((s) => s.state === 'retrying')?.error).to.contain('quota');
    source.stop();
  });

  it('transform: each raw item becomes its events; an item it throws on is reported and skipped', async () => {
    const source = new IterableSource(
      async function* () {
        yield [{ batch: [ev('a'), ev('b')] }, { broken: true }, { batch: [ev('c')] }];
      },
      {
        reconnectOnEnd: false,
        transform: (item) => {
          const batch = (item as { batch?: unknown[] }).batch;
          if (!batch) throw new Error('not a webhook body');
          return batch;
        },
      },
    );
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.states.includes('closed'), 'the end');
    expect(sink.ids).to.deep.equal(['a', 'b', 'c']);
    expect(sink.malformedReports).to.deep.equal([
      { raw: '{"broken":true}', reason: 'transform failed: not a webhook body' },
    ]);
  });

  it('createSource builds each kind and names the mistake in a bad spec', () => {
    const kinds = ['sse', 'websocket', 'poll', 'ndjson'] as const;
    for (const kind of kinds) {
      const source = createSource({ kind, url: '/x' });
      expect(source.kind).to.equal(kind);
      expect(source.status).to.deep.equal({ state: 'idle', attempt: 0, cursor: undefined });
    }
    expect(createSource({ kind: 'iterable', factory: async function* () {} }).kind).to.equal('iterable');
    expect(() => createSource({ kind: 'carrier-pigeon', url: '/x' } as never)).to.throw(
      TypeError,
      /unknown source kind/,
    );
    expect(() => createSource({ kind: 'poll' } as never)).to.throw(TypeError, /needs a `url`/);
  });
});
