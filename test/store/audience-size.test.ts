// The audience size a backend states in its snapshot pages (`total`): the store keeps the latest
// per email, tells the views, and rejects a total that is not a count with a reason.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createResponseStore } from '../../src/store/response-store';
import type { StoreChange } from '../../src/store/store-events';
import { minutes } from '../support/events';

describe('the audience size from a snapshot', () => {
  const worker = setupWorker();
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  /** One page per email with the given total (a field left out when undefined). */
  const serve = (totals: Record<string, unknown>) =>
    worker.use(
      http.get('/api/snapshot', ({ request }) => {
        const emailId = new URL(request.url).searchParams.get('emailId')!;
        const total = totals[emailId];
        return HttpResponse.json({
          emailId,
          recipients: [{ recipientId: 'a', response: 'delivered', at: minutes(1) }],
          next: null,
          ...(total === undefined ? {} : { total }),
        });
      }),
    );

  it("keeps each email's stated total, and the latest one", async () => {
    const store = createResponseStore();
    serve({ e1: 100_000, e2: 7 });
    expect(store.audienceSize('e1')).to.equal(undefined);
    await store.loadSnapshot('/api/snapshot', 'e1');
    await store.loadSnapshot('/api/snapshot', 'e2');
    expect([store.audienceSize('e1'), store.audienceSize('e2'), store.audienceSize('e3')]).to.deep.equal([
      100_000,
      7,
      undefined,
    ]);
    serve({ e1: 100_250 });
    await store.loadSnapshot('/api/snapshot', 'e1');
    expect(store.audienceSize('e1')).to.equal(100_250);
  });

  it('tells the views that the email changed when its total changes', async () => {
    const store = createResponseStore();
    const changes: StoreChange[] = [];
    store.subscribe((change) => changes.push(change));
    // The rows are known already: only the total is news.
    serve({});
    await store.loadSnapshot('/api/snapshot', 'e1');
    store.flush();
    changes.length = 0;
    serve({ e1: 5000 });
    await store.loadSnapshot('/api/snapshot', 'e1');
    store.flush();
    expect(changes.some((c) => c.emails.has('e1'))).to.equal(true);
  });

  it('keeps no total from a snapshot without one, and rejects one that is not a count with a reason', async () => {
    const store = createResponseStore();
    serve({});
    expect((await store.loadSnapshot('/api/snapshot', 'e1')).problems).to.deep.equal([]);
    expect(store.audienceSize('e1')).to.equal(undefined);
    for (const bad of [-1, 2.5, '1000']) {
      serve({ e1: bad });
      expect((await store.loadSnapshot('/api/snapshot', 'e1')).problems).to.deep.equal([
        `the snapshot's total must be a whole number of at least 0, not ${JSON.stringify(bad)}`,
      ]);
    }
    expect(store.audienceSize('e1')).to.equal(undefined);
    // The rows of a page with a bad total still count.
    expect(store.state.recipient('e1', 'a')?.response).to.equal('delivered');
  });
});
