// Issue 14: a store loads its ingest code (validation and the fold, src/store/ingest-code.ts) as it
// is made, beside its cache and its source, so a grid's entry paints without it. When that code
// cannot load (offline, a file missing from the deploy), no event is lost in silence: each is
// refused with the code `not-loaded` and the reason, through the result and `events-rejected`, and
// a source's deliveries are refused the same way. Its own file: the module must not be in this
// page's module map before (a failed import stays failed for the page).
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { EventRejection } from '../../src/core/event';
import { createResponseStore } from '../../src/store/response-store';
import { event } from '../support/events';
import { ManualSource } from '../support/manual-source';

describe('a store whose ingest code does not load', () => {
  const worker = setupWorker(http.get(/\/src\/store\/ingest-code\.ts/, () => HttpResponse.error()));
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  it('refuses what it is given and what its source delivers, each with the reason; applies nothing', async () => {
    const store = createResponseStore();
    const heard: EventRejection[] = [];
    store.addEventListener('events-rejected', (e) => heard.push(...e.detail.rejected));
    const source = new ManualSource();
    store.connect(source);
    try {
      const given = event('opened', { recipientId: 'a' });
      const result = await store.ingest([given]);
      expect(result.accepted).to.equal(0);
      expect(result.rejected).to.have.length(1);
      expect(result.rejected[0]!.event).to.equal(given);
      expect(result.rejected[0]!.code).to.equal('not-loaded');
      expect(result.rejected[0]!.reason).to.match(/the code that applies events did not load: /);

      const delivered = event('clicked', { recipientId: 'b' });
      await source.sink!.deliver([delivered], 'c1');
      expect(store.state.recipients.size, 'nothing applied').to.equal(0);
      expect(heard.map((r) => [r.event, r.code])).to.deep.equal([
        [given, 'not-loaded'],
        [delivered, 'not-loaded'],
      ]);
    } finally {
      await store.close();
    }
  });
});
