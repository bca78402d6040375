// A closed store gets no updates, so the summary's live line stops speaking as if it did: beside
// the "Closed: no new responses arrive here…" notice it says when the email's figures last
// changed, as a time ("last updated 09:20"), or nothing when this view never saw them change.
// Before, it went on with "updated now" (or "updated 3 min. ago", counting on), and a summary
// that met the store already closed said "updated now" at once: the reset a view hears as it
// subscribes counted as an update.
//
// Date.now is the summary's clock for the live line; each test sets where it stands (`setNow`)
// and puts it back. It runs on from there in real time, so whatever else reads it still sees time
// pass; a test's few hundred ms stay inside the minute shown. Lines are checked by their text: a
// failed check naming an element (`to.equal(null)`) hung the runner as it serialised the element.
import { expect } from '@open-wc/testing';
import type { ResponseSummaryElement } from '../../../src/elements/response-summary/response-summary';
import { recipientEvent as ev } from '../../support/events';
import { ManualSource } from '../../support/manual-source';
import { storeWith } from '../../support/store';
import { mountSummary, text, varied } from './summary-fixtures';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 2, 9, 15);
const time = (at: number) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(at);
const dated = (at: number) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
const live = (el: ResponseSummaryElement) => text(el.shadowRoot!.querySelector('[part="live"]'));
const notices = (el: ResponseSummaryElement) =>
  [...el.shadowRoot!.querySelectorAll('[part="status"]')].map((n) => text(n));
const CLOSED = 'Closed: no new responses arrive here. The responses shown are the ones received before it closed.';

describe('<response-summary> of a closed store', () => {
  const wallClock = Date.now;
  let base = T0;
  let since = 0;
  const setNow = (at: number) => {
    base = at;
    since = wallClock();
  };
  beforeEach(() => {
    setNow(T0);
    Date.now = () => base + (wallClock() - since);
  });
  afterEach(() => {
    Date.now = wallClock;
  });

  /** Renders again at `at`, as the 30-second clock does. */
  const renderAt = async (el: ResponseSummaryElement, at: number) => {
    setNow(at);
    el.requestUpdate();
    await el.updateComplete;
  };

  it('says when the figures last changed, as a time that does not tick on', async () => {
    const store = await storeWith(varied());
    const source = new ManualSource();
    store.connect(source);
    source.sink!.status({ state: 'live', attempt: 0 });
    const el = await mountSummary(store);
    expect(live(el)).to.match(/^live · updated (now|1 sec\. ago)$/);
    setNow(T0 + 5 * MINUTE);
    await source.sink!.deliver([ev('opened', 'late-reader', { at: 9 })], 'c1');
    store.flush();
    await el.updateComplete;
    setNow(T0 + 7 * MINUTE);
    await store.close();
    await el.updateComplete;
    expect(notices(el)).to.deep.equal([CLOSED]);
    expect(live(el)).to.equal(`last updated ${time(T0 + 5 * MINUTE)}`);
    await renderAt(el, T0 + 40 * MINUTE);
    expect(live(el), 'half an hour on').to.equal(`last updated ${time(T0 + 5 * MINUTE)}`);
  });

  it('gives the date too once that change was on another day', async () => {
    const store = await storeWith(varied());
    const el = await mountSummary(store);
    await store.close();
    await renderAt(el, T0 + 2 * 24 * 60 * MINUTE);
    expect(live(el)).to.equal(`last updated ${dated(T0)}`);
  });

  it('no longer says it is loading the audience: nothing more arrives', async () => {
    const store = await storeWith(varied());
    const el = await mountSummary(store);
    el.emailInfo = { audience: 100_000 };
    await el.updateComplete;
    expect(live(el)).to.match(/^loading 14 of 100,000/);
    await store.close();
    await el.updateComplete;
    expect(live(el)).to.equal(`last updated ${time(T0)}`);
  });

  it('shown after the store was closed, it has no live line: it never saw the figures change', async () => {
    const store = await storeWith(varied());
    await store.close();
    const el = await mountSummary(store);
    expect(notices(el)).to.deep.equal([CLOSED]);
    expect(live(el), 'no live line').to.equal('');
  });

  it('given a closed store in place of a live one, it drops the live one’s time', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const closed = await storeWith(varied());
    await closed.close();
    setNow(T0 + 3 * MINUTE);
    el.store = closed;
    await el.updateComplete;
    expect(live(el), 'no live line').to.equal('');
  });

  it('moved in the page after the store closed, it keeps the time of the last change', async () => {
    const store = await storeWith(varied());
    const el = await mountSummary(store);
    await store.close();
    setNow(T0 + 3 * MINUTE);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(live(el)).to.equal(`last updated ${time(T0)}`);
  });
});
