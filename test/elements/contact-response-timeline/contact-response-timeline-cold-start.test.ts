// Issue 16: on a cold start the rows show before the cached events are read. A timeline opened in
// between shows the contact's responses at once, and every event behind them once they are in.
import { expect } from '@open-wc/testing';
import { createResponseState, type ResponseEvent } from '../../../src/core/index';
import { openResponseCache } from '../../../src/store/cache/index';
import { createResponseStore, type ResponseStore } from '../../../src/store/response-store';
import '../../../src/elements/contact-response-timeline/define';
import type { ContactResponseTimelineElement } from '../../../src/elements/contact-response-timeline/contact-response-timeline';
import { EventLog, deleteDatabase, ingest, makeEvents, uniqueName } from '../../store/cache/cache-helpers';
import { BASE_TIME } from '../../support/events';
import { emailItem, eventLines } from './timeline-fixtures';

/** Contact `watched` on one email: sent, delivered, opened, clicked. */
const watched: ResponseEvent[] = ['sent-to-provider', 'delivered', 'opened', 'clicked'].map((response, i) => ({
  id: `w-${i}`,
  emailId: 'watched-email',
  recipientId: 'w',
  contactId: 'watched',
  response,
  at: BASE_TIME + i * 60_000,
}));

describe('a timeline opened while a cold start reads the cached events (issue 16)', () => {
  let name = '';
  let store: ResponseStore | undefined;
  let el: ContactResponseTimelineElement | undefined;
  beforeEach(async () => {
    name = uniqueName();
    // The contact's events among many others, in many records, all compacted into row pages.
    const cache = await openResponseCache({ name, eventPageSize: 100 });
    const state = createResponseState();
    const log = new EventLog();
    ingest(state, log, cache, makeEvents({ recipients: 300, events: 3_000, seed: 3 }));
    ingest(state, log, cache, watched);
    await cache.compact(state);
    await cache.close();
  });
  afterEach(async () => {
    el?.remove();
    await store?.close();
    await deleteDatabase(name);
  });

  it('shows every event of the contact once they are in', async () => {
    store = createResponseStore({ cacheName: name });
    await store.rowsReady;
    expect(store.state.recipient('watched-email', 'w')?.response, 'the row shows').to.equal('clicked');
    expect(store.appliedEvents().length, 'the events are still to be read').to.equal(0);
    el = document.createElement('contact-response-timeline');
    el.contactId = 'watched';
    el.timeZone = 'UTC';
    el.store = store;
    document.body.append(el);
    // Ready comes with the rows' event ids; the events themselves reach the log after.
    await store.eventsReady;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await el.updateComplete;
    const shown = eventLines(emailItem(el, 'watched-email')).map(([response]) => response);
    expect(shown.sort()).to.deep.equal(watched.map((e) => e.response).sort());
  });
});
