// Faults on the two transports the stream faults do not use: a WebSocket that the server drops
// mid-stream and that replays from an older cursor, and a polling backend that fails, answers
// junk and repeats pages. Each ends in the fault table like every other fault.
import { expect } from '@open-wc/testing';
import { http, HttpResponse, ws } from 'msw';
import { setupWorker } from 'msw/browser';
import { createResponseStore } from '../../src/store/response-store';
import { PollSource, WebSocketSource } from '../../src/store/sources/index';
import { FAST, account, expectClean, inMessages, makeEvents, rejectionCounter, until } from './fault-harness';

const worker = setupWorker();

describe('faults on WebSocket and polling transports', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  it('WebSocket: the server drops the socket twice mid-stream and replays from an older cursor', async () => {
    const messages = inMessages(makeEvents({ recipients: 60, events: 900, seed: 21, idPrefix: 'ws' }), 30);
    const sent: unknown[] = [];
    const asked: (string | null)[] = [];
    const link = ws.link('ws://faults.test/ws-drop');
    worker.use(
      link.addEventListener('connection', ({ client }) => {
        const cursor = client.url.searchParams.get('cursor');
        const connection = asked.push(cursor) - 1;
        // Connection 1 sends 10 messages and drops; 2 goes back 4 messages (an older snapshot),
        // sends 8 and drops; 3 resumes where asked and sends the rest.
        const from = cursor === null ? 0 : connection === 1 ? Number(cursor) - 4 : Number(cursor);
        const to = connection === 0 ? 10 : connection === 1 ? from + 8 : messages.length;
        for (let i = from; i < to; i++) {
          sent.push(...messages[i]!);
          client.send(JSON.stringify({ cursor: String(i + 1), events: messages[i] }));
        }
        if (connection < 2) setTimeout(() => client.close(1011, 'server going away'), 20);
      }),
    );
    const store = createResponseStore();
    const rejected = rejectionCounter(store);
    store.connect(new WebSocketSource('ws://faults.test/ws-drop', FAST));
    await until(() => store.cursor('websocket') === String(messages.length), 'the whole WebSocket stream');
    store.close();
    expect(asked).to.deep.equal([null, '10', '14']);
    const result = account('WebSocket dropped twice, replaying from an older cursor', {
      sent,
      state: store.state,
      rejected: rejected.count,
    });
    expect(result.row.duplicates).to.equal(4 * 30);
    expectClean(result);
  });

  it('polling: HTTP 500, junk JSON, a page without events and repeated pages between good ones', async () => {
    const messages = inMessages(makeEvents({ recipients: 50, events: 600, seed: 22, idPrefix: 'poll' }), 40);
    const sent: unknown[] = [];
    const asked: (string | null)[] = [];
    const junk = (text: string) => {
      sent.push(text);
      return new HttpResponse(text, { headers: { 'content-type': 'application/json' } });
    };
    worker.use(
      http.get('/faults/poll', ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        const n = asked.push(cursor);
        // An error status carries no items; a junk answer and one without events are one item
        // each, which the store must report.
        if (n === 3) return new HttpResponse('overloaded', { status: 500 });
        if (n === 5) return junk('{"events": [1, 2');
        if (n === 7) return junk(JSON.stringify({ cursor: 'none', more: true }));
        // Every fourth good answer repeats the page before the one asked for (a lagging replica).
        const at = cursor === null ? 0 : Number(cursor);
        const from = n % 4 === 0 && at > 0 ? at - 1 : at;
        if (from >= messages.length) return HttpResponse.json({ events: [], cursor: String(messages.length) });
        sent.push(...messages[from]!);
        return HttpResponse.json({ events: messages[from], cursor: String(from + 1), more: true });
      }),
    );
    const store = createResponseStore();
    const rejected = rejectionCounter(store);
    store.connect(new PollSource('/faults/poll', { intervalMs: 10, ...FAST }));
    await until(() => store.cursor('poll') === String(messages.length), 'every page polled');
    store.close();
    expect(rejected.codes).to.deep.equal(['not-json', 'not-json']);
    const result = account('polling through HTTP 500, junk JSON, an answer without events and repeated pages', {
      sent,
      state: store.state,
      rejected: rejected.count,
    });
    expect(result.row.duplicates, 'the repeated pages counted once').to.be.above(0);
    expectClean(result);
  });
  // Issue 15, item 9 (rel15b): a backend that walks an empty range one cursor at a time.
  it('polling: runs of empty pages that say more with a new cursor, between pages of events', async () => {
    const messages = inMessages(makeEvents({ recipients: 30, events: 240, seed: 33, idPrefix: 'empty' }), 40);
    const sent: unknown[] = [];
    let asked = 0;
    worker.use(
      http.get('/faults/poll-empty', ({ request }) => {
        asked++;
        // Cursor "i" (or "i.k" inside a run of empty pages): each page of events is preceded by
        // four empty pages that say more, each with a new cursor.
        const cursor = new URL(request.url).searchParams.get('cursor') ?? '0';
        const [page, step] = cursor.split('.').map(Number) as [number, number | undefined];
        if (page >= messages.length) return HttpResponse.json({ events: [], cursor });
        const k = step ?? 0;
        if (k < 4) return HttpResponse.json({ events: [], cursor: `${page}.${k + 1}`, more: true });
        sent.push(...messages[page]!);
        return HttpResponse.json({ events: messages[page], cursor: String(page + 1), more: true });
      }),
    );
    const store = createResponseStore();
    const rejected = rejectionCounter(store);
    store.connect(new PollSource('/faults/poll-empty', { intervalMs: 10, ...FAST }));
    await until(() => store.cursor('poll') === String(messages.length), 'every page polled');
    store.close();
    expect(asked, 'five requests a page, and a few idle polls').to.be.below(messages.length * 5 + 20);
    expectClean(
      account('polling through runs of empty pages that say more', {
        sent,
        state: store.state,
        rejected: rejected.count,
      }),
    );
  });
});
