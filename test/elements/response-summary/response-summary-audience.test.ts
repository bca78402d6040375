// The report's live line shows loading progress against the audience size the backend states:
// a snapshot's `total` (through the store) or the host's email info, until every row is here;
// meanwhile the Sent card's rate says it is of the rows loaded so far.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createResponseStore } from '../../../src/store/response-store';
import { minutes, recipientEvent as ev } from '../../support/events';
import { mountSummary, text } from './summary-fixtures';

describe('<response-summary> audience size', () => {
  const worker = setupWorker();
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  /** A snapshot of e1 with these recipients and this total. */
  const serve = (recipients: string[], total: number) =>
    worker.use(
      http.get('/api/snapshot', () =>
        HttpResponse.json({
          emailId: 'e1',
          recipients: recipients.map((recipientId) => ({ recipientId, response: 'delivered', at: minutes(1) })),
          next: null,
          total,
        }),
      ),
    );

  const live = (el: Element) => text(el.shadowRoot!.querySelector('[part="live"]'));
  const sentRate = (el: Element) => text(el.shadowRoot!.querySelector('[data-figure="sent"] [part="card-rate"]'));

  it("says how many of a snapshot's total are here, until all are", async () => {
    const store = createResponseStore();
    await store.ingest([ev('delivered', 'a'), ev('delivered', 'b')]);
    store.flush();
    const el = await mountSummary(store);
    expect(live(el)).to.not.contain('loading');
    serve(['a', 'b', 'c'], 2400);
    await store.loadSnapshot('/api/snapshot', 'e1');
    store.flush();
    await el.updateComplete;
    expect(live(el)).to.match(/^loading 3 of 2,400( · |$)/);
    // Sent is a share of the rows here so far, and says so: not "of 3 recipients" under "loading 3 of 2,400".
    expect(sentRate(el)).to.equal('100.0% of the 3 loaded so far');
    serve(['a', 'b', 'c'], 3);
    await store.loadSnapshot('/api/snapshot', 'e1');
    store.flush();
    await el.updateComplete;
    expect(live(el)).to.not.contain('loading');
    expect(sentRate(el)).to.equal('100.0% of 3 recipients');
  });

  it("takes the snapshot's total over the host's, and the host's when there is no snapshot", async () => {
    const store = createResponseStore();
    await store.ingest([ev('delivered', 'a')]);
    store.flush();
    const el = await mountSummary(store);
    el.emailInfo = { audience: 100_000 };
    await el.updateComplete;
    expect(live(el)).to.match(/^loading 1 of 100,000( · |$)/);
    serve(['a'], 5000);
    await store.loadSnapshot('/api/snapshot', 'e1');
    store.flush();
    await el.updateComplete;
    expect(live(el)).to.match(/^loading 1 of 5,000( · |$)/);
  });
});
