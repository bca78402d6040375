// SSE, WebSocket, polling and NDJSON sources against the msw backends in ./backends.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { NdjsonSource, PollSource, SseSource, WebSocketSource } from '../../../src/store/sources/index';
import * as backend from './backends';
import { ev, line, ndjson } from './backends';
import { spyOnEventSources, spyOnFetchSignals } from './platform-spies';
import { fast, recordingSink, sleep, until } from './recording-sink';

const worker = setupWorker();

before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

describe('SseSource', () => {
  it('delivers events and arrays with lastEventId as the cursor; reads named events; reports junk and goes on', async () => {
    worker.use(backend.sseMixed('/sse/basic'));
    const source = new SseSource('/sse/basic', { events: ['response'], ...fast });
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.ids.includes('e'), 'the last event');
    expect(sink.batches.map((b) => [b.items.length, b.cursor])).to.deep.equal([
      [1, '1'],
      [2, '2'],
      [1, '4'],
      [1, '5'],
    ]);
    expect(sink.ids).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(sink.malformedReports).to.have.length(1);
    expect(sink.malformedReports[0]?.raw).to.equal('{not json');
    expect(sink.malformedReports[0]?.reason).to.match(/^not valid JSON/);
    expect(sink.states).to.deep.equal(['connecting', 'live']);
    source.stop();
  });

  it('after the stream is cut, reopens after the backoff with ?lastEventId=: nothing twice, nothing lost', async () => {
    const feed = backend.numberedSse('/sse/resume', 5, 2);
    worker.use(feed.handler);
    const source = new SseSource('/sse/resume', fast);
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.ids.length === 5, 'five events');
    expect(feed.asked).to.deep.equal([null, '2']);
    expect(sink.ids).to.deep.equal(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(sink.states).to.deep.equal(['connecting', 'live', 'retrying', 'connecting', 'live']);
    expect(sink.statuses[2]).to.deep.include({ attempt: 1, retryInMs: 10, cursor: '2' });
    source.stop();
    expect(sink.states.at(-1)).to.equal('closed');
  });

  it('an HTTP error (EventSource gives up) is retried with backoff from the starting cursor', async () => {
    const feed = backend.flakySse('/sse/flaky');
    worker.use(...feed.handlers);
    const source = new SseSource('/sse/flaky', fast);
    const sink = recordingSink();
    source.start(sink, '7');
    await until(() => sink.ids.length === 1, 'the event after the retry');
    expect(feed.state.refused).to.equal(2);
    expect(feed.asked).to.deep.equal(['7']);
    expect(sink.states).to.deep.equal(['connecting', 'retrying', 'connecting', 'live']);
    expect(sink.statuses[1]?.error).to.contain('refused');
    expect(source.status.cursor).to.equal('8');
    source.stop();
  });

  it('stop() closes the EventSource: no deliveries after it', async () => {
    const spy = spyOnEventSources();
    worker.use(backend.endlessSse('/sse/endless', () => spy.sources.at(-1)?.readyState === EventSource.CLOSED));
    try {
      const source = new SseSource('/sse/endless', fast);
      const sink = recordingSink();
      source.start(sink);
      await until(() => sink.batches.length >= 2, 'two events');
      source.stop();
      const count = sink.batches.length;
      await sleep(40);
      expect(sink.batches.length).to.equal(count);
      expect(sink.states.at(-1)).to.equal('closed');
      expect(spy.sources.map((s) => s.readyState)).to.deep.equal([EventSource.CLOSED]);
    } finally {
      spy.restore();
    }
  });
});

describe('WebSocketSource', () => {
  it('delivers envelopes, events and arrays, reports junk, and resumes with ?cursor= after a close', async () => {
    const feed = backend.wsFeed('ws://feed.test/responses');
    worker.use(feed.handler);
    const source = new WebSocketSource('ws://feed.test/responses', fast);
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.ids.includes('c'), 'the event after the reconnect');
    expect(feed.asked).to.deep.equal([null, 'c1']);
    expect(sink.ids).to.deep.equal(['a', 'b', 'x', 'y', 'c']);
    expect(sink.batches.map((b) => b.cursor)).to.deep.equal(['c1', undefined, undefined, 'c2']);
    expect(sink.malformedReports.map((m) => m.raw)).to.deep.equal(['not json']);
    expect(sink.states).to.deep.equal(['connecting', 'live', 'retrying', 'connecting', 'live']);
    expect(sink.statuses[2]?.error).to.contain('closed');
    source.stop();
    await until(() => feed.closedByClient.length === 2, 'the server to see the close');
  });
});

describe('PollSource', () => {
  it('polls at once while more is true, else after intervalMs; retries HTTP errors and bad JSON from the cursor', async () => {
    const feed = backend.pollFeed('/poll/feed');
    worker.use(feed.handler);
    // The pauses the source asks for, by how many polls the server had seen: timing is the
    // bench's business, the delay chosen is the behaviour.
    const scheduled: { afterPoll: number; delay: number }[] = [];
    const setTimeoutBefore = globalThis.setTimeout;
    globalThis.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
      scheduled.push({ afterPoll: feed.asked.length, delay: delay ?? 0 });
      return setTimeoutBefore(handler, delay, ...rest);
    }) as typeof setTimeout;
    const source = new PollSource('/poll/feed', { intervalMs: 150, ...fast });
    const sink = recordingSink();
    try {
      source.start(sink);
      await until(() => feed.asked.length >= 6, 'six polls');
    } finally {
      globalThis.setTimeout = setTimeoutBefore;
      source.stop();
    }
    expect(feed.asked.slice(0, 6).map((a) => a.cursor)).to.deep.equal([null, '1', '2', '2', '2', '3']);
    const pauses = (afterPoll: number) =>
      scheduled.filter((s) => s.afterPoll === afterPoll && (s.delay === 0 || s.delay === 150)).map((s) => s.delay);
    // After a page with more: at once. After a page without: the interval.
    expect(pauses(1)).to.include(0).and.not.include(150);
    expect(pauses(2)).to.include(150);
    expect(sink.ids).to.deep.equal(['a', 'b', 'c']);
    expect(sink.malformedReports.map((m) => m.raw)).to.deep.equal(['{"events": [']);
    expect(sink.states.slice(0, 7)).to.deep.equal([
      'connecting',
      'live',
      'retrying',
      'connecting',
      'retrying',
      'connecting',
      'live',
    ]);
    expect(sink.statuses[2]?.error).to.contain('503');
  });

  it('stop() between polls: no request after it, and the last one aborted', async () => {
    const feed = backend.pollFeed('/poll/quiet');
    worker.use(feed.handler);
    const spy = spyOnFetchSignals();
    try {
      const source = new PollSource('/poll/quiet', { intervalMs: 20, ...fast });
      source.start(recordingSink());
      await until(() => feed.asked.length === 2, 'the second poll');
      source.stop();
      await sleep(80);
      expect(feed.asked).to.have.length(2);
      expect(spy.signals.every((signal) => signal.aborted)).to.equal(true);
    } finally {
      spy.restore();
    }
  });

  it('passes each raw item through transform', async () => {
    worker.use(
      http.get('/poll/hooks', () => HttpResponse.json({ events: [{ hook: [ev('h1'), ev('h2')] }], cursor: 'h' })),
    );
    const source = new PollSource('/poll/hooks', {
      intervalMs: 1000,
      transform: (body) => (body as { hook: unknown[] }).hook,
    });
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.batches.length === 1, 'one batch');
    source.stop();
    expect(sink.batches).to.deep.equal([{ items: [ev('h1'), ev('h2')], cursor: 'h' }]);
  });
});

describe('NdjsonSource', () => {
  it('joins lines cut between chunks, reads a last line without newline, and resumes with ?cursor= when the stream ends', async () => {
    const b = line(ev('b'));
    const envelope = `{"cursor":"k2","events":[${JSON.stringify(ev('c'))}]}\r\n`;
    const feed = backend.ndjsonFeed('/ndjson/feed', (n) =>
      n === 1
        ? ndjson(
            [line(ev('a')) + b.slice(0, 9), b.slice(9) + envelope, 'not json\n', '\n', JSON.stringify(ev('d'))],
            'close',
          )
        : ndjson([line(ev('e'))], 'open'),
    );
    worker.use(feed.handler);
    const source = new NdjsonSource('/ndjson/feed', fast);
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.ids.includes('e'), 'the event after the reconnect');
    expect(feed.asked).to.deep.equal([null, 'd']);
    expect(sink.ids).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(sink.batches.map((x) => x.cursor)).to.deep.equal(['a', 'b', 'k2', 'd', 'e']);
    expect(sink.malformedReports.map((m) => m.raw)).to.deep.equal(['not json']);
    expect(sink.states).to.deep.equal(['connecting', 'live', 'retrying', 'connecting', 'live']);
    expect(sink.statuses[2]?.error).to.equal('the stream ended');
    source.stop();
  });

  it('a stream broken mid-batch drops the partial line and resumes after the last whole one', async () => {
    const batch = `${JSON.stringify({ cursor: 'k2', events: [ev('b'), ev('c')] })}\n`;
    const feed = backend.ndjsonFeed('/ndjson/cut', (n) =>
      n === 1 ? ndjson([line(ev('a')), batch.slice(0, 40)], 'error') : ndjson([batch], 'open'),
    );
    worker.use(feed.handler);
    const source = new NdjsonSource('/ndjson/cut', fast);
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.ids.length === 3, 'three events');
    expect(feed.asked).to.deep.equal([null, 'a']);
    expect(sink.ids).to.deep.equal(['a', 'b', 'c']);
    expect(sink.malformedReports).to.deep.equal([]);
    expect(sink.statuses.find((s) => s.state === 'retrying')?.error).to.contain('broke');
    source.stop();
  });

  it('retries an HTTP error, and stop() aborts the stream: nothing delivered after it', async () => {
    const endless = Array.from({ length: 200 }, (_, n) => line(ev(`e${n}`)));
    const feed = backend.ndjsonFeed('/ndjson/live', (n) =>
      n === 1 ? new HttpResponse('no', { status: 500 }) : ndjson(endless, 'open'),
    );
    worker.use(feed.handler);
    const spy = spyOnFetchSignals();
    try {
      const source = new NdjsonSource('/ndjson/live', fast);
      const sink = recordingSink();
      source.start(sink);
      await until(() => sink.batches.length >= 2, 'two events');
      source.stop();
      const count = sink.batches.length;
      await sleep(60);
      expect(sink.batches.length).to.equal(count);
      expect(sink.states).to.deep.equal(['connecting', 'retrying', 'connecting', 'live', 'closed']);
      expect(sink.statuses[1]?.error).to.contain('HTTP 500');
      expect(spy.signals.map((signal) => signal.aborted)).to.deep.equal([true, true]);
    } finally {
      spy.restore();
    }
  });
});
