// A contact with thousands of emails: a page at a time in the DOM, "show older emails" going on
// after the last key shown, never more than four pages at once, live changes above the window
// not shifting what comes next.
import { expect } from '@open-wc/testing';
import { KeysetWindow } from '../../../src/elements/contact-response-timeline/keyset-window';
import { compareKeys, type TimelineKey } from '../../../src/elements/contact-response-timeline/timeline-model';
import { button, emailIds, history, mountTimeline, shadow, text } from './timeline-fixtures';
import { BASE_TIME, contactEvent as tev } from '../../support/events';
import { storeWith } from '../../support/store';

const ids = (from: number, to: number) => {
  const out: string[] = [];
  for (let i = from; i >= to; i--) out.push(`m${i}`);
  return out;
};

async function more(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  button(el as never, 'more-button')!.click();
  await el.updateComplete;
}

describe('<contact-response-timeline> with 5,000 emails', () => {
  let store: Awaited<ReturnType<typeof storeWith>>;

  before(async () => {
    store = await storeWith(history(5000));
  });

  it('renders one page, newest first, and says where it is', async () => {
    const el = await mountTimeline(store, 'big');
    expect(el.emailCount).to.equal(5000);
    expect(el.renderedCount).to.equal(50);
    expect(shadow(el).querySelectorAll('li.email')).to.have.length(50);
    expect(emailIds(el)).to.deep.equal(ids(4999, 4950));
    expect(text(shadow(el).querySelector('[part="range"]'))).to.equal('Emails 1–50 of 5,000');
    expect(text(button(el, 'more-button'))).to.equal('Show 50 older emails');
    expect(button(el, 'newer-button')).to.equal(null);
  });

  it('continues after the last key shown, and keeps at most four pages in the DOM', async () => {
    const el = await mountTimeline(store, 'big');
    await more(el);
    expect(emailIds(el)).to.deep.equal(ids(4999, 4900));
    // The keyboard carries on from the first email the page brought in.
    expect((shadow(el).activeElement as HTMLElement).closest<HTMLElement>('li.email')!.dataset['emailId']).to.equal(
      'm4949',
    );
    await more(el);
    await more(el);
    expect(emailIds(el)).to.deep.equal(ids(4999, 4800));
    await more(el);
    expect(el.renderedCount).to.equal(200);
    expect(emailIds(el)).to.deep.equal(ids(4949, 4750));
    expect(text(button(el, 'newer-button'))).to.equal('Show 50 newer emails');
    expect(text(shadow(el).querySelector('[part="range"]'))).to.equal('Emails 51–250 of 5,000');
    button(el, 'newer-button')!.click();
    await el.updateComplete;
    expect(emailIds(el)).to.deep.equal(ids(4999, 4800));
    expect(button(el, 'newer-button')).to.equal(null);
  });

  it('reaches the oldest email, and then offers no more', async () => {
    const el = await mountTimeline(store, 'big', { pageSize: 500 });
    for (let page = 0; page < 9; page++) expect(el.showMore()).to.equal(true);
    await el.updateComplete;
    expect(el.renderedCount).to.equal(2000);
    expect(emailIds(el).at(-1)).to.equal('m0');
    expect(button(el, 'more-button')).to.equal(null);
    expect(el.showMore()).to.equal(false);
  });

  it('pages within the response filter', async () => {
    const el = await mountTimeline(store, 'big');
    el.response = 'hard-bounce';
    await el.updateComplete;
    expect(el.emailCount).to.equal(1000);
    expect(emailIds(el).slice(0, 3)).to.deep.equal(['m4995', 'm4990', 'm4985']);
    await more(el);
    expect(emailIds(el).slice(49, 52)).to.deep.equal(['m4750', 'm4745', 'm4740']);
    expect(el.renderedCount).to.equal(100);
  });

  it('keeps its place when emails arrive above and inside the window: the next page follows the last key', async () => {
    const live = await storeWith(history(400, 'live'));
    const el = await mountTimeline(live, 'live');
    await more(el);
    expect(emailIds(el).at(-1)).to.equal('m300');
    const between = BASE_TIME + 350.5 * 60_000;
    await live.ingest([
      {
        id: 'top',
        emailId: 'newest',
        recipientId: 'newest-live',
        contactId: 'live',
        response: 'delivered',
        at: BASE_TIME + 10_000 * 60_000,
      },
      {
        id: 'mid',
        emailId: 'middle',
        recipientId: 'middle-live',
        contactId: 'live',
        response: 'delivered',
        at: between,
      },
    ]);
    live.flush();
    await el.updateComplete;
    const shown = emailIds(el);
    expect(shown[0]).to.equal('newest');
    expect(shown.indexOf('middle')).to.equal(shown.indexOf('m351') + 1);
    expect(shown.at(-1)).to.equal('m300');
    expect(shown).to.have.length(102);
    await more(el);
    expect(emailIds(el).slice(101, 103)).to.deep.equal(['m300', 'm299']);
    expect(emailIds(el).at(-1)).to.equal('m250');
  });

  it('orders emails of the same moment by id, and pages through them without skipping or repeating', async () => {
    const same = await storeWith(['b', 'd', 'a', 'c', 'e'].map((id) => tev('delivered', id, { at: 7 })));
    const el = await mountTimeline(same, 'c1', { pageSize: 2 });
    expect(emailIds(el)).to.deep.equal(['a', 'b']);
    await more(el);
    await more(el);
    expect(emailIds(el)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('the keyset window', () => {
  const keys = (n: number): TimelineKey[] => Array.from({ length: n }, (_, i) => ({ at: n - i, emailId: `k${i}` }));

  it('pages forward and back by key, within its limit', () => {
    const list = keys(23);
    const window = new KeysetWindow(compareKeys, 5, 2);
    expect(window.range(list)).to.deep.equal({ start: 0, end: 5 });
    window.showMore(list);
    expect(window.range(list)).to.deep.equal({ start: 0, end: 10 });
    window.showMore(list);
    expect(window.range(list)).to.deep.equal({ start: 5, end: 15 });
    window.showMore(list);
    window.showMore(list);
    expect(window.range(list)).to.deep.equal({ start: 13, end: 23 });
    expect(window.showMore(list)).to.equal(false);
    window.showNewer(list);
    expect(window.range(list)).to.deep.equal({ start: 8, end: 18 });
    window.reset();
    expect(window.showNewer(list)).to.equal(false);
  });

  it('holds its keys, not offsets, when the list changes around it', () => {
    const list = keys(20);
    const window = new KeysetWindow(compareKeys, 5, 2);
    window.showMore(list);
    window.showMore(list);
    expect(window.range(list)).to.deep.equal({ start: 5, end: 15 });
    const grown = [{ at: 100, emailId: 'new' }, ...list];
    expect(window.range(grown)).to.deep.equal({ start: 6, end: 16 });
    const shrunk = list.slice(0, 3);
    expect(window.range(shrunk)).to.deep.equal({ start: 0, end: 3 });
  });
});
