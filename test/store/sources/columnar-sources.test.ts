// Every way events reach the store accepts a columnar batch (docs/wire-format.md) beside plain
// events: SSE and WebSocket messages, NDJSON lines, poll pages, iterables, `ingest`, and snapshot
// pages as rows in columns. Each backend here sends three rows, one of them bad: the good two
// apply, the bad one is reported with its row index, and the cursor moves on.
import { expect } from '@open-wc/testing';
import { http, HttpResponse, sse, ws } from 'msw';
import { setupWorker } from 'msw/browser';
import { SNAPSHOT_COLUMNS, encodeColumns, type ColumnarBatch, type EventRejection } from '../../../src/core/index';
import { createResponseStore, type ResponseStore } from '../../../src/store/response-store';
import {
  IterableSource,
  NdjsonSource,
  PollSource,
  SseSource,
  WebSocketSource,
  type ResponseSource,
} from '../../../src/store/sources/index';
import { BASE_TIME } from '../../support/events';
import { ndjson } from './backends';
import { fast, until } from './recording-sink';

const worker = setupWorker();

before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

/** Three events of email e1 as columns; row 1's response is not in the rules. */
function batch(tag: string): ColumnarBatch {
  return encodeColumns([
    { id: `${tag}-0`, emailId: 'e1', recipientId: `${tag}-a`, response: 'opened', at: BASE_TIME },
    { id: `${tag}-1`, emailId: 'e1', recipientId: `${tag}-b`, response: 'teleported', at: BASE_TIME },
    {
      id: `${tag}-2`,
      emailId: 'e1',
      recipientId: `${tag}-c`,
      response: 'clicked',
      at: BASE_TIME,
      url: 'https://x.example',
    },
  ]);
}

/** A store that keeps what it rejected. */
function listeningStore(): { store: ResponseStore; rejected: EventRejection[] } {
  const store = createResponseStore();
  const rejected: EventRejection[] = [];
  store.addEventListener('events-rejected', (e) => rejected.push(...e.detail.rejected));
  return { store, rejected };
}

/** Connects the source and waits for the batches tagged `tags` to be applied, each with its bad row rejected. */
async function appliedThrough(source: ResponseSource, ...tags: string[]) {
  const { store, rejected } = listeningStore();
  await store.ready;
  store.connect(source);
  for (const tag of tags) await until(() => store.state.recipient('e1', `${tag}-c`) !== undefined, `the ${tag} batch`);
  store.disconnect();
  for (const tag of tags) {
    expect(store.state.recipient('e1', `${tag}-a`)?.response).to.equal('opened');
    expect(store.state.recipient('e1', `${tag}-b`)).to.equal(undefined);
    expect(store.state.recipient('e1', `${tag}-c`)?.response).to.equal('clicked');
  }
  expect(rejected).to.have.length(tags.length);
  for (const rejection of rejected) {
    expect(rejection).to.deep.include({ code: 'unknown-response', field: 'response', row: 1 });
    expect(rejection.reason).to.match(/^row 1: "teleported" is not a response/);
  }
  return store;
}

describe('columnar batches through every source', () => {
  it('SSE: a message whose data is a columnar batch', async () => {
    worker.use(sse('/col/sse', ({ client }) => client.send({ id: '7', data: batch('sse') })));
    const store = await appliedThrough(new SseSource('/col/sse', fast), 'sse');
    expect(store.cursor('sse')).to.equal('7');
  });

  it('WebSocket: an envelope whose events are a columnar batch', async () => {
    const link = ws.link('ws://localhost/col/ws');
    worker.use(
      link.addEventListener('connection', ({ client }) =>
        client.send(JSON.stringify({ cursor: 'w1', events: batch('ws') })),
      ),
    );
    const store = await appliedThrough(new WebSocketSource('ws://localhost/col/ws', fast), 'ws');
    expect(store.cursor('websocket')).to.equal('w1');
  });

  it('NDJSON: a line holding a columnar batch in an envelope, and a bare one', async () => {
    worker.use(
      http.get('/col/ndjson', () =>
        ndjson(
          [`${JSON.stringify({ cursor: 'n1', events: batch('nd') })}\n`, `${JSON.stringify(batch('nd2'))}\n`],
          'open',
        ),
      ),
    );
    // Both lines apply, whichever way the stream cuts them; the bare one carries no cursor.
    const store = await appliedThrough(new NdjsonSource('/col/ndjson', fast), 'nd', 'nd2');
    expect(store.cursor('ndjson')).to.equal('n1');
  });

  it('poll: a page whose events are a columnar batch', async () => {
    worker.use(http.get('/col/poll', () => HttpResponse.json({ events: batch('poll'), cursor: 'p1' })));
    const store = await appliedThrough(new PollSource('/col/poll', { ...fast, intervalMs: 60_000 }), 'poll');
    expect(store.cursor('poll')).to.equal('p1');
  });

  it('iterable: a columnar batch as a value, even with a transform (it passes untransformed)', async () => {
    const source = new IterableSource(
      async function* () {
        yield { cursor: 'i1', events: batch('it') };
        await new Promise(() => {});
      },
      { ...fast, transform: () => [] },
    );
    const store = await appliedThrough(source, 'it');
    expect(store.cursor('iterable')).to.equal('i1');
  });

  it('ingest: columnar batches beside plain events; a malformed batch is rejected whole', async () => {
    const { store, rejected } = listeningStore();
    const plain = { id: 'p', emailId: 'e1', recipientId: 'plain', response: 'delivered', at: BASE_TIME };
    const broken = { ...batch('bad'), version: 9 };
    const result = await store.ingest([plain, batch('in'), broken]);
    expect(result.accepted).to.equal(3);
    expect(result.rejected.map((r) => r.reason)).to.have.members([
      result.rejected.find((r) => r.event === broken)!.reason,
      'row 1: "teleported" is not a response in rules spec-1',
    ]);
    expect(result.rejected.find((r) => r.event === broken)!.reason).to.match(/version 9 is not supported/);
    expect(rejected).to.have.length(2);
    expect(store.state.recipient('e1', 'plain')?.response).to.equal('delivered');
    expect(store.state.recipient('e1', 'in-c')?.response).to.equal('clicked');
    expect(store.state.recipient('e1', 'bad-a')).to.equal(undefined);
  });

  it('snapshot: a page whose recipients are columns makes the server state win; a bad row names its index', async () => {
    const recipients = encodeColumns(
      [
        { recipientId: 'r1', response: 'clicked', at: BASE_TIME, opens: 2, clicks: 1, contactId: 'c1' },
        { recipientId: 'r2', response: 'delivered', at: BASE_TIME, opens: -1 },
        { recipientId: 'r3', response: 'hard-bounce', at: BASE_TIME, reason: '550 gone' },
      ],
      SNAPSHOT_COLUMNS,
      { plain: ['recipientId'] },
    );
    worker.use(
      http.get('/col/snapshot', () =>
        HttpResponse.json({ emailId: 'e1', cursor: '0', next: null, total: 3, recipients }),
      ),
    );
    const { store, rejected } = listeningStore();
    await store.ready;
    const result = await store.loadSnapshot('/col/snapshot', 'e1');
    expect(result.recipients).to.equal(2);
    expect(store.state.recipient('e1', 'r1')).to.deep.include({
      response: 'clicked',
      opens: 2,
      clicks: 1,
      contactId: 'c1',
    });
    expect(store.state.recipient('e1', 'r3')).to.deep.include({ response: 'hard-bounce', reason: '550 gone' });
    expect(store.state.recipient('e1', 'r2')).to.equal(undefined);
    expect(rejected).to.have.length(1);
    expect(rejected[0]).to.deep.include({ field: 'opens', row: 1 });
    expect(rejected[0]!.reason).to.equal('row 1: recipient r2: opens must be a whole number of at least 0, not -1');
    expect(store.audienceSize('e1')).to.equal(3);
  });
});
