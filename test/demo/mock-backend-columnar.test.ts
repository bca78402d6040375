// The mock backend speaks columnar batches (docs/wire-format.md) when asked with `format=columns`
// or when its `columnar` switch is on: the same rows as its plain answers, and a store fed either
// way ends in the same state.
import { expect } from '@open-wc/testing';
import { EVENT_COLUMNS, SNAPSHOT_COLUMNS, decodeColumns, type ColumnSchema } from '../../src/core/index';
import { createResponseStore } from '../../src/store/response-store';
import { PollSource } from '../../src/store/sources/index';
import { startMockBackend, type MockBackendController } from '../../demo/backend/mock-server';
import { readEventSource, until } from './event-source-reader';

const START = Date.UTC(2026, 2, 2, 9);

/** The rows of a columnar batch, failing the test when it is not a good one. */
function rowsOf(batch: unknown, schema: ColumnSchema): unknown[] {
  const decoded = decodeColumns(batch, schema);
  if (!decoded.ok) throw new Error(decoded.rejection.reason);
  expect(decoded.rejected).to.deep.equal([]);
  return decoded.rows;
}

const json = async (url: string) => (await (await fetch(url)).json()) as Record<string, unknown>;

async function firstLine(url: string): Promise<{ cursor: string; events: unknown }> {
  const response = await fetch(url);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes('\n')) text += (await reader.read()).value ?? '';
  await reader.cancel();
  return JSON.parse(text.slice(0, text.indexOf('\n'))) as { cursor: string; events: unknown };
}

describe('the mock backend in columns', () => {
  let server: MockBackendController;

  before(async () => {
    server = await startMockBackend({ audience: 2000, rate: 20_000, seed: 11, startTime: START });
    server.jump(2);
    await until(() => server.stats().cursor >= 3000, 'the first 3,000 events');
    server.setRate(0);
  });

  after(async () => {
    await server?.stop();
  });

  it('answers poll pages, NDJSON lines and SSE messages with the same events as columns', async () => {
    const plain = await json('/api/events?cursor=100&limit=300');
    const columns = await json('/api/events?cursor=100&limit=300&format=columns');
    expect(columns.cursor).to.equal(plain.cursor);
    expect(rowsOf(columns.events, EVENT_COLUMNS)).to.deep.equal(plain.events);

    const line = await firstLine('/api/stream.ndjson?cursor=1000&format=columns');
    const expected = server.backend.feed.read(1000, Number(line.cursor) - 1000);
    expect(rowsOf(line.events, EVENT_COLUMNS)).to.deep.equal(JSON.parse(JSON.stringify(expected)));

    // An EventSource message's data is one batch (the reader expects a list, hence the cast).
    const sse = await readEventSource('/api/stream?lastEventId=0&format=columns', 1);
    const message = sse.messages[0]!;
    const batch = message.items as unknown as { count: number };
    expect(rowsOf(batch, EVENT_COLUMNS)).to.deep.equal(
      JSON.parse(JSON.stringify(server.backend.feed.read(0, batch.count))),
    );
    expect(message.cursor).to.equal(batch.count);
  });

  it('answers snapshot pages with the rows as columns, through the switch too', async () => {
    const plain = await json('/api/snapshot?emailId=spring-sale&page=0');
    const asked = await json('/api/snapshot?emailId=spring-sale&page=0&format=columns');
    server.switches.columnar = true;
    let switched: Record<string, unknown>;
    let forcedPlain: Record<string, unknown>;
    try {
      switched = await json('/api/snapshot?emailId=spring-sale&page=0');
      forcedPlain = await json('/api/snapshot?emailId=spring-sale&page=0&format=objects');
    } finally {
      server.switches.columnar = false;
    }
    const rows = plain.recipients as unknown[];
    expect(rows).to.have.length(2000);
    expect(rowsOf(asked.recipients, SNAPSHOT_COLUMNS)).to.deep.equal(rows);
    expect(rowsOf(switched.recipients, SNAPSHOT_COLUMNS)).to.deep.equal(rows);
    expect(forcedPlain.recipients).to.deep.equal(rows);
    expect({ ...asked, recipients: null }).to.deep.equal({ ...plain, recipients: null });
  });

  it('gives a store the same state from columns as from objects', async () => {
    const load = async (format: string) => {
      const store = createResponseStore();
      await store.ready;
      await store.loadSnapshot(`/api/snapshot?format=${format}`, 'spring-sale');
      store.connect(new PollSource(`/api/events?limit=5000&format=${format}`, { intervalMs: 60_000 }));
      await until(() => store.cursor('poll') === String(server.stats().cursor), 'the whole log');
      store.disconnect();
      const state = store.state;
      return Array.from({ length: state.recipients.size }, (_, row) => state.recipientAt(row));
    };
    const plain = await load('objects');
    expect(plain.length).to.be.greaterThan(1000);
    expect(await load('columns')).to.deep.equal(plain);
  });
});
