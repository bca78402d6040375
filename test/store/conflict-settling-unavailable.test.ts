// Issue 14: the code that settles id conflicts loads on a store's first conflict. When it does not
// load (offline, a file missing from the deploy), the copy applied first stays, nothing hangs, and
// it is not asked for again with every later batch: only a later conflict asks again, and then
// every conflict waiting is settled, in the order its batch came. Its own file: the settling code
// must not be in this page's module map before.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { ResponseEvent } from '../../src/core/event';
import { copyOf, keeps } from '../../src/store/event-conflicts';
import { createResponseStore } from '../../src/store/response-store';
import type { EventConflict } from '../../src/store/store-events';
import { BASE_TIME } from '../support/events';

const opened: ResponseEvent = { id: 'x1', emailId: 'm1', recipientId: 'r1', response: 'opened', at: BASE_TIME + 1000 };
const bounced: ResponseEvent = { ...opened, response: 'hard-bounce', reason: '550 no such user' };
/** Two copies of one event that differ, as [the copy kept, the other]. */
function pair(a: ResponseEvent, b: ResponseEvent): [ResponseEvent, ResponseEvent] {
  return keeps(copyOf(a, Number(a.at)), copyOf(b, Number(b.at))) ? [a, b] : [b, a];
}
const [winner, loser] = pair(opened, bounced);
const [winner2, loser2] = pair({ ...opened, id: 'x2', recipientId: 'r2' }, { ...bounced, id: 'x2', recipientId: 'r2' });

describe('settling id conflicts when its code does not load', () => {
  let asked = 0;
  let available = false;
  const worker = setupWorker(
    http.get(/\/src\/store\/conflict-settling\.ts/, () => {
      asked++;
      return available ? undefined : HttpResponse.error();
    }),
  );
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  it('keeps the first copy, asks again only with a later conflict, then settles both in order', async () => {
    const store = createResponseStore();
    const heard: EventConflict[] = [];
    store.addEventListener('event-conflict', (event) => heard.push(event.detail));
    const warn = console.warn;
    let warnings = 0;
    console.warn = () => warnings++;
    try {
      await store.ingest([loser]);
      await store.ingest([winner]);
      expect([asked, warnings]).to.deep.equal([1, 1]);
      expect(store.state.recipient('m1', 'r1')!.response, 'the copy applied first stays').to.equal(loser.response);
      expect(heard).to.deep.equal([]);

      await store.ingest([{ ...opened, id: 'x9', recipientId: 'r9' }]);
      await store.ingest([loser2]);
      expect([asked, warnings], 'a batch with no new conflict does not ask again').to.deep.equal([1, 1]);

      available = true;
      await store.ingest([winner2]);
      if (asked === 2) {
        // Fetched again (Chromium): every conflict waiting is settled, in the order of its batch.
        expect(heard.map((c) => c.id)).to.deep.equal(['x1', 'x2']);
        expect(store.state.recipient('m1', 'r1')!.response).to.equal(winner.response);
        expect(store.state.recipient('m1', 'r2')!.response).to.equal(winner2.response);
      } else {
        // Firefox keeps a failed module fetch for the page's life: asked again, it fails again
        // at once, and both conflicts keep waiting (a reload loads the code).
        expect([asked, warnings]).to.deep.equal([1, 2]);
        expect(heard).to.deep.equal([]);
        expect(store.state.recipient('m1', 'r2')!.response).to.equal(loser2.response);
      }
      await store.close();
    } finally {
      console.warn = warn;
    }
  });
});
