// Issue 15, item 8 (the rest): a line that never ends on a connection that stays open. The source
// must not say `live` while it reads and throws the line away: it says `skipping`, with the
// characters dropped so far (the grid's status line shows it), and past `maxSkippedChars` it
// drops the connection; the same line met on every connection stops the source, so it is never
// downloaded forever.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { storeNotices } from '../../../src/elements/shared/store-status';
import { ENGLISH } from '../../../src/elements/shared/messages';
import { createResponseStore } from '../../../src/store/response-store';
import { MAX_OVERSIZED_REPEATS, NdjsonSource, type ConnectionStatus } from '../../../src/store/sources/index';
import { ev, line } from './backends';
import { recordingSink, until } from './recording-sink';

const worker = setupWorker();

before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

const encoder = new TextEncoder();

/** One good line, then a line that never ends: `y` forever, 1,000 characters a chunk. */
function endlessBody(served: { chars: number }) {
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const text = first ? `${line(ev('a'))}{"id":"x","contactName":"` : 'y'.repeat(1000);
      first = false;
      served.chars += text.length;
      controller.enqueue(encoder.encode(text));
    },
  });
}

describe('NDJSON: a line that never ends on an open connection', () => {
  it('says skipping (with the characters dropped) instead of live, reconnects past maxSkippedChars, then stops', async () => {
    const served = { chars: 0 };
    const asked: (string | null)[] = [];
    worker.use(
      http.get('/endless/ndjson', ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('cursor'));
        return new HttpResponse(endlessBody(served), { headers: { 'content-type': 'application/x-ndjson' } });
      }),
    );
    const source = new NdjsonSource('/endless/ndjson', {
      maxMessageChars: 1000,
      maxSkippedChars: 5000,
      watchNetwork: false,
      backoff: { initialMs: 5, maxMs: 20, jitter: 0 },
    });
    const sink = recordingSink();
    source.start(sink);
    await until(() => source.status.state === 'closed', 'the source to give up', 10_000);
    const skipping = sink.statuses.filter((s): s is ConnectionStatus => s.state === 'skipping');
    expect(skipping.length, 'the status said skipping').to.be.at.least(1);
    expect(skipping.every((s) => (s.skippedChars ?? 0) > 0)).to.equal(true);
    // Never more than the limit dropped on one connection before it is dropped.
    expect(Math.max(...skipping.map((s) => s.skippedChars ?? 0))).to.be.at.most(5000 + 1000);
    // The first connection was dropped for the endless line, then retried from the same cursor.
    const retry = sink.statuses.find((s) => s.state === 'retrying')!;
    expect(retry.error).to.match(/has not ended after more than 5,000 characters/);
    expect(asked).to.deep.equal([null, 'a', 'a'].slice(0, MAX_OVERSIZED_REPEATS));
    expect(source.status.error).to.match(/longer than maxMessageChars .* after cursor a on 3 connections/);
    expect(sink.malformedReports, 'reported once').to.have.length(1);
    // Bounded download: at most the cap and the skip limit per connection, plus what the mock
    // service worker and the browser's stream buffers pulled ahead before the cancel reached
    // them (a few 1,000-character chunks; Firefox under load pulled 25,291 in all, and 39,291
    // on a machine at half speed). An endless body that was never cancelled would not stop.
    expect(served.chars).to.be.below(MAX_OVERSIZED_REPEATS * (1000 + 5000 + 10_000));
  });

  it('goes back to live once the line ends, and the next lines are read', async () => {
    const chunks = [
      line(ev('a')),
      `{"id":"x","n":"`,
      ...Array.from({ length: 5 }, () => 'y'.repeat(1000)),
      '"}\n',
      line(ev('b')),
    ];
    const sink = recordingSink();
    worker.use(
      http.get('/endless/ends', () => {
        let i = 0;
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            await new Promise((resolve) => setTimeout(resolve, 2));
            // The line ends only once the source has said it skips: a loaded browser may hand
            // the source the whole line in one read otherwise, with nothing to skip meanwhile.
            if (chunks[i] === '"}\n') await until(() => sink.states.includes('skipping'), 'skipping');
            if (i < chunks.length) controller.enqueue(encoder.encode(chunks[i++]));
            else await new Promise(() => {});
          },
        });
        return new HttpResponse(body, { headers: { 'content-type': 'application/x-ndjson' } });
      }),
    );
    const source = new NdjsonSource('/endless/ends', { maxMessageChars: 1000, watchNetwork: false });
    source.start(sink);
    await until(() => sink.ids.includes('b'), 'the line after the long one');
    source.stop();
    expect(sink.states).to.include('skipping');
    const states = sink.states.filter((s) => s !== 'closed');
    expect(states.at(-1), 'live again after the line ended').to.equal('live');
    expect(sink.ids).to.deep.equal(['a', 'b']);
  });

  it('is shown to the user by the status line, with the characters dropped so far', () => {
    const store = createResponseStore();
    Object.defineProperty(store, 'connection', {
      value: { state: 'skipping', attempt: 0, skippedChars: 12_345_678 } satisfies ConnectionStatus,
    });
    const notices = storeNotices(store, ENGLISH, true);
    expect(notices.map((n) => n.kind)).to.deep.equal(['error']);
    expect(notices[0]!.text).to.match(/12,345,678 characters/);
    void store.close();
  });
});
