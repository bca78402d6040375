// What a support person sees of one contact: its emails newest first, the current response of
// each, every event with why it counted or not, the contact's flags, the filters, the choice
// of an email, live changes and data that stays text.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ContactResponseTimelineElement } from '../../../src/elements/contact-response-timeline/contact-response-timeline';
import { runViewConformance } from '../view-conformance';
import type { EmailSelectEvent } from '../../../src/elements/contact-response-timeline/define';
import '../../../src/elements/email-responses/define';
import { registerMessages } from '../../../src/elements/shared/messages';
import type { ResponseStore } from '../../../src/store/response-store';
import { emailIds, emailItem, eventLines, mountTimeline, notices, shadow, text } from './timeline-fixtures';
import { contactEvent as tev } from '../../support/events';
import { storeWith } from '../../support/store';

/**
 * c1 in three emails. e1: delivered twice, opened, clicked, opened again, unsubscribed, clicked
 * after it. e2: canceled for its type. e3: a machine open, then a human one.
 */
const story = () => [
  tev('delivered', 'e1', { at: 0, emailKind: 'bulk', emailType: 'newsletter', address: 'ann@example.com' }),
  tev('delivered', 'e1', { at: 5 }),
  tev('opened', 'e1', { at: 10 }),
  tev('clicked', 'e1', { at: 20, url: 'https://example.com/offer' }),
  tev('opened', 'e1', { at: 30 }),
  tev('unsubscribed', 'e1', { at: 40 }),
  tev('clicked', 'e1', { at: 50 }),
  tev('canceled-unsubscribed-type', 'e2', { at: 2000, emailKind: 'trigger', emailType: 'promo' }),
  tev('delivered', 'e3', { at: 3000, emailKind: 'bulk' }),
  tev('opened-machine', 'e3', { at: 3001 }),
  tev('opened-machine', 'e3', { at: 3002 }),
  tev('opened', 'e3', { at: 3010 }),
];

const flag = (el: ContactResponseTimelineElement, name: string) =>
  shadow(el).querySelector<HTMLElement>(`[data-flag="${name}"]`)!;
const select = (el: ContactResponseTimelineElement) =>
  shadow(el).querySelector<HTMLSelectElement>('select[part="filter"]')!;
const toggle = (el: ContactResponseTimelineElement) =>
  shadow(el).querySelector<HTMLInputElement>('input[part="machine-toggle"]')!;

describe('<contact-response-timeline>', () => {
  it('lists every email of the contact newest first, with kind, type, response, final marker, opens and clicks', async () => {
    const el = await mountTimeline(await storeWith([...story(), tev('opened', 'other', { contactId: 'c9' })]));
    expect(emailIds(el)).to.deep.equal(['e3', 'e2', 'e1']);
    const e1 = emailItem(el, 'e1');
    expect(text(e1.querySelector('[part="email-kind"]'))).to.equal('Bulk email');
    expect(text(e1.querySelector('[part="email-type"]'))).to.equal('type: Newsletter');
    expect(text(e1.querySelector('[part~="response-label"]'))).to.equal('Unsubscribed');
    expect(e1.querySelector('[part~="response-label"]')!.getAttribute('part')).to.equal(
      'response-label response-unsubscribed',
    );
    expect(text(e1.querySelector('[part="final-marker"]'))).to.equal('final');
    expect(text(e1.querySelector('[part="counts"]'))).to.equal('2 opens · 2 clicks');
    expect(text(e1.querySelector('[part="address"]'))).to.equal('ann@example.com');
    const time = e1.querySelector('[part="email-time"]') as HTMLTimeElement;
    expect([time.textContent, time.dateTime, time.title]).to.deep.equal([
      'Jan 1, 2026, 12:00 AM',
      '2026-01-01T00:00:00.000Z',
      '2026-01-01 00:00:00 UTC',
    ]);
    const e2 = emailItem(el, 'e2');
    expect([
      text(e2.querySelector('[part="email-kind"]')),
      text(e2.querySelector('[part~="response-label"]')),
    ]).to.deep.equal(['Trigger email', 'Canceled (unsubscribed by email type)']);
    const e3 = emailItem(el, 'e3');
    expect(e3.querySelector('[part="final-marker"]')).to.equal(null);
    expect(text(e3.querySelector('[part="counts"]'))).to.equal('1 open · 0 clicks');
  });

  it('explains every event in time order: which changed the response, which did not and why', async () => {
    const el = await mountTimeline(await storeWith(story()));
    expect(eventLines(emailItem(el, 'e1'))).to.deep.equal([
      ['delivered', 'changed', '', ''],
      ['delivered', 'same-response', 'no change: already Delivered', ''],
      ['opened', 'changed', '', '+1 open'],
      ['clicked', 'changed', '', '+1 click'],
      ['opened', 'lower-priority', 'no change: lower priority than Clicked', '+1 open'],
      ['unsubscribed', 'changed', '', ''],
      ['clicked', 'after-final', 'no change: Unsubscribed is final', '+1 click'],
    ]);
    const item = emailItem(el, 'e1');
    expect(item.querySelectorAll('[part~="event-changed"]')).to.have.length(4);
    expect(text(item.querySelector('[part="url"]'))).to.equal('https://example.com/offer');
    expect(item.querySelector('ol[part="events"]')!.getAttribute('aria-label')).to.equal('Events of e1');
  });

  it('lists a redelivered event as a duplicate, counted once', async () => {
    const open = tev('opened', 'e1', { at: 10 });
    const store = await storeWith([tev('delivered', 'e1', { at: 0 }), open]);
    const el = await mountTimeline(store);
    await store.ingest([{ ...open }]);
    store.flush();
    await el.updateComplete;
    expect(eventLines(emailItem(el, 'e1')).map((line) => line[1])).to.deep.equal(['changed', 'changed', 'duplicate']);
    expect(text(emailItem(el, 'e1').querySelector('[part="counts"]'))).to.equal('1 open · 0 clicks');
  });

  it('shows the contact flags: Do not use email with its cause, Valid, and the types it unsubscribed from', async () => {
    const el = await mountTimeline(await storeWith(story()));
    expect(flag(el, 'do-not-use-email').dataset['value']).to.equal('yes');
    expect(text(flag(el, 'do-not-use-email'))).to.equal(
      'Do not use email yes (Unsubscribed in e1, Jan 1, 2026, 12:40 AM)',
    );
    expect(text(flag(el, 'valid'))).to.equal('Valid yes');
    expect(text(flag(el, 'unsubscribed-types'))).to.equal('Unsubscribed from promo');
    expect(shadow(el).querySelector('[part="warning"]')).to.equal(null);
  });

  it('clears Valid on a Hard Bounce and warns when the address soft-bounced in 3 emails in a row', async () => {
    const address = { address: 'bob@example.com' };
    const el = await mountTimeline(
      await storeWith([
        tev('hard-bounce', 's0', { at: 0, ...address }),
        tev('soft-bounce', 's1', { at: 10, ...address }),
        tev('soft-bounce', 's2', { at: 20, ...address }),
        tev('soft-bounce', 's3', { at: 30, ...address }),
      ]),
    );
    expect(text(flag(el, 'do-not-use-email'))).to.equal(
      'Do not use email yes (Hard Bounce in s0, Jan 1, 2026, 12:00 AM)',
    );
    expect(text(flag(el, 'valid'))).to.equal('Valid no (Hard Bounce in s0, Jan 1, 2026, 12:00 AM)');
    expect(text(flag(el, 'unsubscribed-types'))).to.equal('Unsubscribed from none');
    expect(text(shadow(el).querySelector('[part="warning"]'))).to.equal(
      'bob@example.com soft-bounced in 3 emails in a row: it may no longer be in use.',
    );
  });

  it('filters by response with counted options, from the select or the response attribute', async () => {
    const el = await mountTimeline(await storeWith(story()));
    const options = [...select(el).options].map((o) => [o.value, o.textContent!.trim()]);
    expect(options).to.deep.equal([
      ['', 'All responses'],
      ['opened', 'Opened (1)'],
      ['unsubscribed', 'Unsubscribed (1)'],
      ['canceled-unsubscribed-type', 'Canceled (unsubscribed by email type) (1)'],
    ]);
    select(el).value = 'unsubscribed';
    select(el).dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.response).to.equal('unsubscribed');
    expect(emailIds(el)).to.deep.equal(['e1']);
    expect(text(shadow(el).querySelector('[part="range"]'))).to.equal('1 email');
    el.response = 'hard-bounce';
    await el.updateComplete;
    expect(emailIds(el)).to.deep.equal([]);
    expect(select(el).value).to.equal('hard-bounce');
    expect(notices(el)).to.deep.equal(['No email of this contact has this response.']);
    el.setAttribute('response', '');
    await el.updateComplete;
    expect(emailIds(el)).to.deep.equal(['e3', 'e2', 'e1']);
  });

  it('hides machine opens until asked, and says how many it hides', async () => {
    const el = await mountTimeline(await storeWith(story()));
    const e3 = () => emailItem(el, 'e3');
    expect(eventLines(e3()).map((l) => l[0])).to.deep.equal(['delivered', 'opened']);
    expect(text(e3().querySelector('[part="hidden-count"]'))).to.equal('2 machine opens hidden');
    expect(toggle(el).checked).to.equal(false);
    toggle(el).click();
    await el.updateComplete;
    expect(el.showMachineOpens).to.equal(true);
    expect(eventLines(e3())).to.deep.equal([
      ['delivered', 'changed', '', ''],
      ['opened-machine', 'changed', '', '+1 machine open'],
      ['opened-machine', 'same-response', 'no change: already Opened (machine)', '+1 machine open'],
      ['opened', 'changed', '', '+1 open'],
    ]);
    expect(text(e3().querySelector('[part="counts"]'))).to.equal('1 open · 0 clicks · 2 machine opens');
    expect(e3().querySelector('[part="hidden-count"]')).to.equal(null);
  });

  it('fires email-select with the ids on a click and on Enter, so the host can open the grid there', async () => {
    const el = await mountTimeline(await storeWith(story()));
    const buttonOf = (emailId: string) =>
      emailItem(el, emailId).querySelector<HTMLButtonElement>('[part="email-button"]')!;
    setTimeout(() => buttonOf('e1').click());
    const clicked = (await oneEvent(el, 'email-select')) as EmailSelectEvent;
    expect(clicked.detail).to.deep.equal({ emailId: 'e1', recipientId: 'e1-c1', contactId: 'c1' });
    expect([clicked.bubbles, clicked.composed]).to.deep.equal([true, true]);
    buttonOf('e2').focus();
    const heard: EmailSelectEvent[] = [];
    el.addEventListener('email-select', (event) => heard.push(event));
    await sendKeys({ press: 'Enter' });
    expect(heard.map((e) => e.detail)).to.deep.equal([{ emailId: 'e2', recipientId: 'e2-c1', contactId: 'c1' }]);
  });

  it('gives a second recipient of the same email its own button, named by the email and send, its address beside it', async () => {
    const el = await mountTimeline(
      await storeWith([
        tev('delivered', 'dup', { at: 1, address: 'a@example.com' }),
        tev('opened', 'dup', { at: 2, recipientId: 'dup-second', address: 'b@example.com' }),
      ]),
    );
    expect(emailIds(el)).to.deep.equal(['dup']);
    const second = emailItem(el, 'dup').querySelector<HTMLButtonElement>('.recipient-button')!;
    expect(text(second)).to.equal('dup, send 2');
    expect(text(second.parentElement!.querySelector('[part~="address"]'))).to.equal('b@example.com');
    setTimeout(() => second.click());
    const event = (await oneEvent(el, 'email-select')) as EmailSelectEvent;
    expect(event.detail.recipientId).to.equal('dup-second');
  });

  it('renders ids, types, reasons and URLs that look like markup as text', async () => {
    const markup = '<img src=x onerror="window.__pwnedTimeline=1">';
    const el = await mountTimeline(
      await storeWith([
        tev('clicked', markup, {
          at: 1,
          emailType: '<b>type</b>',
          reason: '<script>alert(1)</script>',
          url: 'https://example.com/?q=<i>x</i>',
          address: '<u>a</u>@example.com',
        }),
      ]),
    );
    const item = emailItem(el, markup);
    expect(text(item.querySelector('[part="email-button"]'))).to.equal(markup);
    expect(text(item.querySelector('[part="email-type"]'))).to.equal('type: <b>type</b>');
    expect(text(item.querySelector('li.event [part="reason"]'))).to.equal('<script>alert(1)</script>');
    expect(text(item.querySelector('[part="url"]'))).to.equal('https://example.com/?q=<i>x</i>');
    expect(shadow(el).querySelectorAll('img, b, i, u, script')).to.have.length(0);
    expect((window as { __pwnedTimeline?: number }).__pwnedTimeline).to.equal(undefined);
  });

  it('follows the store live, and re-renders only for changes that touch this contact', async () => {
    const store = await storeWith(story());
    const el = await mountTimeline(store);
    await store.ingest([tev('opened', 'elsewhere', { contactId: 'c2', at: 9000 })]);
    store.flush();
    expect(el.isUpdatePending).to.equal(false);
    await store.ingest([tev('hard-bounce', 'e4', { at: 4000, emailKind: 'trigger' })]);
    store.flush();
    expect(el.isUpdatePending).to.equal(true);
    await el.updateComplete;
    expect(emailIds(el)).to.deep.equal(['e4', 'e3', 'e2', 'e1']);
    expect(text(flag(el, 'valid'))).to.equal('Valid no (Hard Bounce in e4, Jan 3, 2026, 6:40 PM)');
    await store.ingest([tev('clicked', 'e3', { at: 3020 })]);
    store.flush();
    await el.updateComplete;
    expect(text(emailItem(el, 'e3').querySelector('[part~="response-label"]'))).to.equal('Clicked');
  });

  it('hears a recipient that leaves the contact, and an email that changes its type', async () => {
    const store = await storeWith(story());
    const el = await mountTimeline(store);
    // A newer event names another contact for e2's recipient: it is not c1's any more.
    await store.ingest([tev('canceled-unsubscribed-type', 'e2', { at: 2500, recipientId: 'e2-c1', contactId: 'c7' })]);
    store.flush();
    expect(el.isUpdatePending).to.equal(true);
    await el.updateComplete;
    expect(emailIds(el)).to.deep.equal(['e3', 'e1']);
    // A newer type for e1, carried by another recipient's event.
    await store.ingest([
      tev('delivered', 'e1', { at: 60, recipientId: 'someone-else', contactId: 'c8', emailType: 'digest' }),
    ]);
    store.flush();
    await el.updateComplete;
    expect(text(emailItem(el, 'e1').querySelector('[part="email-type"]'))).to.equal('type: Digest');
  });

  it('says when it has no store, no contact, no emails, or the stream is offline', async () => {
    const lonely = await mountTimeline(undefined);
    expect(notices(lonely)).to.deep.equal(['Loading responses…']);
    const store = await storeWith(story());
    const el = await mountTimeline(store, 'nobody');
    expect(notices(el)).to.deep.equal(['No emails for this contact yet.']);
    expect(shadow(el).querySelector('[part="flags"]')).to.equal(null);
    el.contactId = '';
    await el.updateComplete;
    expect(notices(el)).to.deep.equal(['Choose a recipient to see their responses.']);
    el.contactId = 'c1';
    store.connect({
      kind: 'manual',
      status: { state: 'offline', attempt: 0 },
      start: (sink) => sink.status({ state: 'offline', attempt: 0 }),
      stop: () => {},
    });
    await el.updateComplete;
    expect(notices(el)).to.deep.equal([
      'You are offline. The responses shown are the ones received so far; live updates resume when the connection returns.',
    ]);
    expect(emailIds(el)).to.deep.equal(['e3', 'e2', 'e1']);
  });

  it('reads the store of the enclosing <email-responses>', async () => {
    const root = await fixture(
      html`<email-responses><contact-response-timeline contact-id="c1" time-zone="UTC"></contact-response-timeline></email-responses>`,
    );
    const el = root.querySelector('contact-response-timeline')!;
    const store = (root as HTMLElement & { store: ResponseStore }).store;
    await store.ingest(story());
    store.flush();
    await el.updateComplete;
    expect(emailIds(el)).to.deep.equal(['e3', 'e2', 'e1']);
  });

  it('takes words from a registered language, nested sections merged word by word, and times in its zone', async () => {
    registerMessages('fr', {
      timeline: { kinds: { bulk: 'Envoi groupé' }, changed: 'a changé la réponse' },
      responses: { delivered: 'Remis' },
    });
    const el = await mountTimeline(await storeWith(story()));
    el.locale = 'fr-CA';
    el.timeZone = 'Asia/Tokyo';
    await el.updateComplete;
    const e1 = emailItem(el, 'e1');
    expect(text(e1.querySelector('[part="email-kind"]'))).to.equal('Envoi groupé');
    expect(text(emailItem(el, 'e2').querySelector('[part="email-kind"]'))).to.equal('Trigger email');
    expect(eventLines(e1)[0]).to.deep.equal(['delivered', 'changed', 'a changé la réponse', '']);
    expect(text(e1.querySelector('li.event [part="event-response"]'))).to.equal('Remis');
    expect((e1.querySelector('[part="email-time"]') as HTMLTimeElement).textContent).to.equal(
      new Intl.DateTimeFormat('fr-CA', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(
        Date.UTC(2026, 0, 1),
      ),
    );
  });

  it('is registered with its tag and a typed event map', () => {
    const el = document.createElement('contact-response-timeline');
    let heard: EmailSelectEvent | undefined;
    // Compiled by tsc: the event map types the detail.
    el.addEventListener('email-select', (event) => (heard = event));
    el.dispatchEvent(new CustomEvent('email-select', { detail: { emailId: 'e', recipientId: 'r', contactId: 'c' } }));
    expect(el.constructor.name).to.equal('ContactResponseTimelineElement');
    expect(heard!.detail.contactId).to.equal('c');
  });
});

runViewConformance({
  tag: 'contact-response-timeline',
  element: ContactResponseTimelineElement,
  attributes: { 'contact-id': 'c-conf', 'time-zone': 'UTC' },
  showsEvents: (timeline, count) => timeline.emailCount === count,
});
