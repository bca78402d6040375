import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createResponseStore } from '../../src/store/response-store';
import { ManualSource } from '../support/manual-source';
import type { ReconcileConflict } from '../../src/store/store-events';
import type { SnapshotPage } from '../../src/store/snapshot-page';
import { event, minutes } from '../support/events';

describe('snapshots and optimistic reconciliation', () => {
  const worker = setupWorker();
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  /** Serves the pages in order, by page token. */
  const serve = (pages: SnapshotPage[]) =>
    worker.use(
      http.get('/api/snapshot', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page') ?? 0);
        return HttpResponse.json({ ...pages[page], next: page + 1 < pages.length ? String(page + 1) : null });
      }),
    );

  it("the server's state wins for what it covers, events after its cursor go on top, and every disagreement is reported", async () => {
    const store = createResponseStore();
    const source = new ManualSource();
    store.connect(source);
    // Optimistic: the client saw a delivery and a click for a, a delivery for b.
    await source.sink!.deliver(
      [
        event('delivered', { recipientId: 'a', at: 1 }),
        event('clicked', { recipientId: 'a', at: 2 }),
        event('delivered', { recipientId: 'b', at: 1 }),
      ],
      'c3',
    );
    // After the snapshot's cursor: one more open for a.
    await source.sink!.deliver([event('opened', { recipientId: 'a', at: 5 })], 'c4');
    serve([
      {
        emailId: 'e1',
        cursor: 'c3',
        recipients: [{ recipientId: 'a', response: 'spam-complaint', at: minutes(3), opens: 1, clicks: 1 }],
      },
      {
        emailId: 'e1',
        cursor: 'c3',
        recipients: [
          { recipientId: 'b', response: 'delivered', at: minutes(1) },
          { recipientId: 'new', response: 'planned', at: minutes(0) },
        ],
      },
    ]);
    const conflicts: ReconcileConflict[] = [];
    store.addEventListener('reconcile-conflict', (e) => conflicts.push(e.detail));
    const result = await store.loadSnapshot('/api/snapshot', 'e1');
    expect(result).to.deep.equal({ recipients: 3, conflicts: 1, problems: [] });
    // a: the server's spam complaint (a final the client missed) with the later open on top.
    expect(store.state.recipient('e1', 'a')).to.include({
      response: 'spam-complaint',
      final: true,
      opens: 2,
      clicks: 1,
    });
    expect(conflicts).to.have.length(1);
    expect(conflicts[0]!.recipientId).to.equal('a');
    expect(conflicts[0]!.optimistic).to.include({ response: 'clicked', final: false });
    expect(conflicts[0]!.server).to.include({ response: 'spam-complaint' });
    // b agreed; the new recipient is news, not a conflict.
    expect(store.state.recipient('e1', 'b')!.response).to.equal('delivered');
    expect(store.state.recipient('e1', 'new')!.response).to.equal('planned');
  });

  it('a replay of events the snapshot covered counts once after it', async () => {
    const store = createResponseStore();
    const source = new ManualSource();
    store.connect(source);
    const open = event('opened', { recipientId: 'a', at: 1 });
    await source.sink!.deliver([open], 'c1');
    serve([
      { emailId: 'e1', cursor: 'c1', recipients: [{ recipientId: 'a', response: 'opened', at: minutes(1), opens: 1 }] },
    ]);
    await store.loadSnapshot('/api/snapshot', 'e1');
    await source.sink!.deliver([open], 'c1');
    expect(store.state.recipient('e1', 'a')!.opens).to.equal(1);
  });

  it('says what it could not read, and keeps the optimistic state', async () => {
    const store = createResponseStore();
    await store.ingest([event('delivered', { recipientId: 'a' })]);
    serve([{ emailId: 'e1', recipients: [{ recipientId: 'a', response: 'teleported', at: minutes(1) }] }]);
    const result = await store.loadSnapshot('/api/snapshot', 'e1');
    expect(result.problems).to.deep.equal(['"teleported" is not a response in rules spec-1']);
    expect(store.state.recipient('e1', 'a')!.response).to.equal('delivered');
    worker.use(http.get('/api/snapshot', () => new HttpResponse(null, { status: 500 })));
    expect((await store.loadSnapshot('/api/snapshot', 'e1')).problems).to.deep.equal([
      'the snapshot at /api/snapshot could not be read: HTTP 500',
    ]);
  });
});
