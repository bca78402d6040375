// A source whose class loads on demand (issue 14, bundle): it says `connecting` at once, the loaded
// source goes on from there without repeating it, a stop before the code is here starts nothing,
// and code that cannot load closes the source with the reason.
import { expect } from '@open-wc/testing';
import { LazySource } from '../../../src/store/sources/lazy-source';
import type { ConnectionStatus, ResponseSource, SourceSink } from '../../../src/store/sources/source';

function sink(): SourceSink & { states: ConnectionStatus[] } {
  const states: ConnectionStatus[] = [];
  return { states, deliver() {}, malformed() {}, status: (status) => states.push(status) };
}

/** A stand-in for a loaded source: reports `connecting`, then `live`, and notes its starts. */
function fakeSource(): ResponseSource & { starts: (string | undefined)[] } {
  const starts: (string | undefined)[] = [];
  return {
    kind: 'sse',
    starts,
    status: { state: 'live', attempt: 0 },
    start(given, cursor) {
      starts.push(cursor);
      given.status({ state: 'connecting', attempt: 0 });
      given.status({ state: 'live', attempt: 0 });
    },
    stop() {},
  };
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: Error): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

describe('LazySource', () => {
  it('is connecting while its code loads, then the loaded source goes on from the same cursor', async () => {
    const loading = deferred<ResponseSource>();
    const source = new LazySource('sse', () => loading.promise);
    const heard = sink();
    source.start(heard, 'c7');
    expect(source.status.state).to.equal('connecting');
    const loaded = fakeSource();
    loading.resolve(loaded);
    await loading.promise;
    await Promise.resolve();
    expect(loaded.starts).to.deep.equal(['c7']);
    expect(heard.states.map((s) => s.state)).to.deep.equal(['connecting', 'live']);
  });

  it('stopped before its code is here, starts nothing', async () => {
    const loading = deferred<ResponseSource>();
    const source = new LazySource('sse', () => loading.promise);
    source.start(sink());
    source.stop();
    const loaded = fakeSource();
    loading.resolve(loaded);
    await loading.promise;
    await Promise.resolve();
    expect(loaded.starts).to.deep.equal([]);
    expect(source.status.state).to.equal('closed');
  });

  it('code that cannot load closes it with the reason', async () => {
    const source = new LazySource('poll', () =>
      Promise.reject(new Error('Failed to fetch dynamically imported module')),
    );
    const heard = sink();
    source.start(heard);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(source.status.state).to.equal('closed');
    expect(source.status.error).to.match(/the poll source could not load: Failed to fetch/);
    expect(heard.states.at(-1)?.state).to.equal('closed');
  });
});
