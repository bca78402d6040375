// Issue 15, items 8, 9 and 11: hostile or broken streams. A line that never ends is capped and
// reported, never held or downloaded forever; a server that accepts and drops at once, or pages
// through nothing, is met with a growing delay; a named SSE event and an unknown stream kind are
// applied or reported, never lost in silence.
import { expect } from '@open-wc/testing';
import { http, HttpResponse, sse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createResponseStore } from '../../../src/store/response-store';
import {
  MAX_OVERSIZED_REPEATS,
  NdjsonSource,
  PollSource,
  SseSource,
  createSourceOrReport,
  type ConnectionStatus,
} from '../../../src/store/sources/index';
import { ev, line } from './backends';
import { chunkedBody } from './chunked-body';
import { recordingSink, sleep, until } from './recording-sink';

const worker = setupWorker();

before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

/** A valid event whose JSON is about `chars` long: only the cap makes it wrong. */
const longEvent = (id: string, chars: number) => ({ ...ev(id), contactName: 'x'.repeat(chars) });

/** Splits text into pieces of `size`, as a network would. */
const pieces = (text: string, size: number) => {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out;
};

const ndjsonBody = (chunks: string[], end: 'close' | 'error' | 'open') =>
  new HttpResponse(chunkedBody(chunks, end, 1), { headers: { 'content-type': 'application/x-ndjson' } });

describe('NDJSON: a line longer than maxMessageChars', () => {
  it('is reported with its length and skipped, the lines after it are read and move the cursor', async () => {
    const text = line(ev('a')) + line(longEvent('big', 50_000)) + line(ev('b'));
    worker.use(http.get('/hard/ndjson-long', () => ndjsonBody(pieces(text, 4096), 'open')));
    const source = new NdjsonSource('/hard/ndjson-long', { maxMessageChars: 1000, watchNetwork: false });
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.ids.includes('b'), 'the line after the long one');
    source.stop();
    expect(sink.ids).to.deep.equal(['a', 'b']);
    expect(sink.malformedReports).to.have.length(1);
    expect(sink.malformedReports[0]!.reason).to.match(/more than 1,000 characters.*maxMessageChars \(1,000\)/);
    expect(sink.malformedReports[0]!.raw.length).to.be.below(300);
    expect(source.status.cursor).to.equal('b');
  });

  it('is not downloaded forever: a stream that breaks inside it every time stops after a few connections and says why', async () => {
    const asked: (string | null)[] = [];
    worker.use(
      http.get('/hard/ndjson-endless', ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('cursor'));
        // One good line, then a line that never ends before the connection resets.
        return ndjsonBody([line(ev('a')), ...pieces(`{"id":"x","contactName":"${'y'.repeat(20_000)}`, 2048)], 'error');
      }),
    );
    const source = new NdjsonSource('/hard/ndjson-endless', {
      maxMessageChars: 1000,
      watchNetwork: false,
      backoff: { initialMs: 5, maxMs: 20, jitter: 0 },
    });
    const sink = recordingSink();
    source.start(sink);
    await until(() => source.status.state === 'closed', 'the source to give up');
    await sleep(50);
    expect(asked).to.deep.equal([null, 'a', 'a'].slice(0, MAX_OVERSIZED_REPEATS));
    expect(sink.malformedReports, 'reported once, not once per connection').to.have.length(1);
    expect(source.status.error).to.match(/longer than maxMessageChars .* after cursor a on 3 connections/);
    expect(sink.ids).to.deep.equal(['a', 'a', 'a']);
  });

  it('without a cap option uses the documented default (4 Mi characters)', async () => {
    const text = line(longEvent('fits', 100_000)) + line(ev('b'));
    worker.use(http.get('/hard/ndjson-default', () => ndjsonBody(pieces(text, 16_384), 'open')));
    const source = new NdjsonSource('/hard/ndjson-default', { watchNetwork: false });
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.ids.includes('b'), 'both lines');
    source.stop();
    expect(sink.ids).to.deep.equal(['fits', 'b']);
    expect(sink.malformedReports).to.deep.equal([]);
  });
});

describe('damping a server that gives nothing', () => {
  it('SSE that opens and closes at once: the backoff keeps growing, since reaching live is not health', async () => {
    let connections = 0;
    worker.use(
      sse('/hard/sse-flap', ({ client }) => {
        connections++;
        setTimeout(() => client.close(), 1);
      }),
    );
    const source = new SseSource('/hard/sse-flap', {
      backoff: { initialMs: 10, maxMs: 10_000, factor: 2, jitter: 0 },
      watchNetwork: false,
    });
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.statuses.filter((s) => s.state === 'retrying').length >= 5, 'five retries', 10_000);
    source.stop();
    const retries = sink.statuses.filter((s): s is ConnectionStatus => s.state === 'retrying').slice(0, 5);
    expect(sink.states).to.include('live');
    expect(retries.map((s) => s.attempt)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(retries.map((s) => s.retryInMs)).to.deep.equal([10, 20, 40, 80, 160]);
    expect(connections).to.be.at.least(5);
  });

  it('SSE that delivers an event is healthy: the next drop starts the backoff over', async () => {
    let n = 0;
    worker.use(
      sse('/hard/sse-deliver', ({ client }) => {
        n++;
        client.send({ id: String(n), data: ev(`e${n}`) });
        setTimeout(() => client.close(), 5);
      }),
    );
    const source = new SseSource('/hard/sse-deliver', {
      backoff: { initialMs: 10, maxMs: 10_000, factor: 2, jitter: 0 },
      watchNetwork: false,
    });
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.statuses.filter((s) => s.state === 'retrying').length >= 3, 'three retries', 10_000);
    source.stop();
    const attempts = sink.statuses.filter((s) => s.state === 'retrying').map((s) => s.attempt);
    expect(attempts.slice(0, 3)).to.deep.equal([1, 1, 1]);
  });

  it('polling: empty pages that say more with a new cursor wait by the backoff, not ask hundreds of times', async () => {
    let asked = 0;
    worker.use(
      http.get('/hard/poll-empty', () => {
        asked++;
        return HttpResponse.json({ events: [], cursor: `c${asked}`, more: true });
      }),
    );
    const source = new PollSource('/hard/poll-empty', {
      intervalMs: 10_000,
      backoff: { initialMs: 50, maxMs: 5000, factor: 2, jitter: 0 },
      watchNetwork: false,
    });
    const sink = recordingSink();
    source.start(sink);
    await until(() => asked >= 3, 'a few polls');
    await sleep(700);
    source.stop();
    // 50 + 100 + 200 + 400 ms of waiting: at most 6 requests in the first 700 ms or so.
    expect(asked).to.be.at.most(7);
    expect(source.status.cursor).to.match(/^c\d+$/);
  });

  it('polling: a page with events goes on at once, and resets the damping', async () => {
    let asked = 0;
    worker.use(
      http.get('/hard/poll-mixed', () => {
        asked++;
        if (asked <= 20) return HttpResponse.json({ events: [ev(`p${asked}`)], cursor: `c${asked}`, more: true });
        return HttpResponse.json({ events: [], cursor: `c${asked}`, more: false });
      }),
    );
    const source = new PollSource('/hard/poll-mixed', {
      intervalMs: 10_000,
      backoff: { initialMs: 5000, maxMs: 5000, jitter: 0 },
      watchNetwork: false,
    });
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.ids.length === 20, 'twenty pages with events, no wait between them');
    source.stop();
  });
});

describe('named SSE events and unknown stream kinds', () => {
  it('applies an `event: response` message without any option', async () => {
    worker.use(
      sse('/hard/sse-named', ({ client }) => {
        client.send({ id: '1', event: 'response', data: ev('named') } as never);
        client.send({ id: '2', data: ev('plain') });
      }),
    );
    const source = new SseSource('/hard/sse-named', { watchNetwork: false });
    const sink = recordingSink();
    source.start(sink);
    await until(() => sink.ids.length === 2, 'both events');
    source.stop();
    expect(sink.ids).to.deep.equal(['named', 'plain']);
  });

  it('an unknown stream kind is a closed connection with the reason, seen by the host and the views', () => {
    const store = createResponseStore();
    const heard: ConnectionStatus[] = [];
    store.addEventListener('connection-change', (event) => heard.push(event.detail));
    store.connect(createSourceOrReport({ kind: 'SSE' as never, url: '/x' }));
    expect(store.connection.state).to.equal('closed');
    expect(store.connection.error).to.match(/unknown source kind "SSE"; use one of sse, websocket, poll, ndjson/);
    expect(heard.at(-1)?.error).to.equal(store.connection.error);
    store.close();
  });

  it('createSourceOrReport builds a known kind as createSource does, its class loaded as it starts', async () => {
    worker.use(
      sse('/hard/sse-lazy', ({ client }) => {
        client.send({ id: '1', event: 'response', data: ev('named') } as never);
        client.send({ id: '2', data: ev('plain') });
      }),
    );
    const source = createSourceOrReport({ kind: 'sse', url: '/hard/sse-lazy', watchNetwork: false });
    expect(source.kind).to.equal('sse');
    const sink = recordingSink();
    source.start(sink);
    expect(source.status.state, 'while the SSE code loads').to.equal('connecting');
    await until(() => sink.ids.length === 2, 'both events');
    source.stop();
    expect(sink.ids).to.deep.equal(['named', 'plain']);
  });
});
