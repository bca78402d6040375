// One email's report as a marketer reads it: headline cards with one-decimal rates on the spec's
// bases, machine opens and opens before a bounce apart, the stages the cards do not tell, each
// once, the header and its live line, the choice of a figure, live changes, states, languages
// and data that stays text.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { reportEmail } from '../../../src/core/index';
import type { FilterRequestEvent } from '../../../src/elements/response-summary/define';
import { ResponseSummaryElement } from '../../../src/elements/response-summary/response-summary';
import { runViewConformance } from '../view-conformance';
import '../../../src/elements/email-responses/define';
import { registerMessages } from '../../../src/elements/shared/messages';
import type { ResponseStore } from '../../../src/store/response-store';
import { cards, figureButtons, mountSummary, notices, openStages, stepButton, text, varied } from './summary-fixtures';
import { minutes, recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

describe('<response-summary>', () => {
  it('shows the headline cards with counts and one-decimal rates on the spec bases', async () => {
    const el = await mountSummary(await storeWith(varied()));
    // 14 recipients; Sent 11 (7 Delivered, 3 Not delivered, 1 Awaiting provider); 3 Not sent.
    expect([...cards(el)]).to.deep.equal([
      ['sent', ['Sent', '11', '78.6% of 14 recipients', '', '']],
      ['delivered', ['Delivered', '7', '63.6% delivery rate', 'of 11 sent', '']],
      // The bounced opener is not among the Delivered recipients, so not in the open rate.
      ['unique-opens', ['Unique opens', '5', '71.4% open rate', 'of 7 delivered', '6 total opens']],
      ['unique-clicks', ['Unique clicks', '2', '28.6% click rate', 'of 7 delivered', '2 total clicks']],
      ['click-to-open', ['Click-to-open', '40.0%', '2 clickers of 5 openers', '', '']],
      ['unsubscribed', ['Unsubscribed', '1', '14.3% unsubscribe rate', 'of 7 delivered', '']],
      ['spam-complaint', ['Spam complaint', '1', '14.3% complaint rate', 'of 7 delivered', '']],
      ['not-delivered', ['Not delivered', '3', '27.3% bounce rate', 'of 11 sent', '']],
    ]);
  });

  it('says one of a thing in the singular', async () => {
    const el = await mountSummary(await storeWith([ev('clicked', 'only')]));
    const shown = cards(el);
    expect(shown.get('sent')![2]).to.equal('100.0% of 1 recipient');
    expect(shown.get('unique-opens')![4]).to.equal('1 total open');
    expect(shown.get('unique-clicks')![4]).to.equal('1 total click');
    expect(shown.get('click-to-open')![2]).to.equal('1 clicker of 1 opener');
  });

  it('keeps machine opens and opens before a bounce report apart, with a note', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const buttons = figureButtons(el);
    expect(buttons.get('machine-opened')).to.equal(
      'Machine opens only: 1 (14.3% of delivered), mostly mail-privacy proxies and security scanners, not counted as opens.',
    );
    expect(buttons.get('opened-not-delivered')).to.equal('1 opened before a bounce report, not counted as opens.');
    expect(stepButton(el, 'unique-opens').title).to.contain('Opens before a later bounce report are not counted here');
  });

  it('lists the stages the cards do not tell once each, collapsed, with their responses; in flight is not a failure', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const stages = [...el.shadowRoot!.querySelectorAll<HTMLDetailsElement>('details[data-stage]')];
    expect(
      stages.map((d) => [d.dataset['stage'], d.dataset['tone'], text(d.querySelector('summary')), d.open]),
    ).to.deep.equal([
      ['not-delivered', 'problem', 'Not delivered3', false],
      ['awaiting-provider', 'pending', 'Awaiting provider1', false],
      ['not-sent', 'problem', 'Not sent3', false],
    ]);
    await openStages(el);
    const buttons = [...figureButtons(el)].filter(([key]) => key.startsWith('stage:') || key.startsWith('response:'));
    expect(buttons).to.deep.equal([
      ['stage:not-delivered', 'All 3 Not delivered'],
      ['response:soft-bounce', 'Soft Bounce'],
      ['response:hard-bounce', 'Hard Bounce'],
      ['stage:awaiting-provider', 'All 1 Awaiting provider'],
      ['response:sent-to-provider', 'Sent to provider'],
      ['stage:not-sent', 'All 3 Not sent'],
      ['response:canceled-no-email', 'Canceled (email not provided)'],
      ['response:canceled-duplicate', 'Canceled (duplicated email)'],
    ]);
    // Nothing twice: each response in one list only.
    const keys = [...el.shadowRoot!.querySelectorAll('button[data-figure]')].map(
      (b) => (b as HTMLElement).dataset['figure'],
    );
    expect(new Set(keys).size).to.equal(keys.length);
    expect(text(el.shadowRoot!.querySelector('[data-figure="response:hard-bounce"]')!.nextElementSibling)).to.equal(
      '2',
    );
  });

  it('shows "—" for every rate whose base is 0', async () => {
    const el = await mountSummary(await storeWith([ev('canceled-no-email', 'a'), ev('planned', 'b')]));
    expect(cards(el).get('delivered')).to.deep.equal(['Delivered', '0', '— delivery rate', 'of 0 sent', '']);
    expect(cards(el).get('click-to-open')![1]).to.equal('—');
  });

  it('fires filter-request when a figure is chosen by click or with Enter, and clears on a second choice', async () => {
    const el = await mountSummary(await storeWith(varied()));
    setTimeout(() => stepButton(el, 'unique-opens').click());
    const opened = (await oneEvent(el, 'filter-request')) as FilterRequestEvent;
    expect(opened.detail).to.deep.equal({
      emailId: 'e1',
      step: 'unique-opens',
      responses: [],
      groups: [],
      engagement: 'opened',
    });
    expect([opened.bubbles, opened.composed]).to.deep.equal([true, true]);
    await el.updateComplete;
    expect(stepButton(el, 'unique-opens').getAttribute('aria-pressed')).to.equal('true');
    expect(el.selected).to.equal('unique-opens');
    const heard: FilterRequestEvent[] = [];
    el.addEventListener('filter-request', (event) => heard.push(event));
    await openStages(el);
    stepButton(el, 'response:canceled-duplicate').click();
    stepButton(el, 'delivered').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    stepButton(el, 'delivered').focus();
    await sendKeys({ press: ' ' }); // the space bar: both browsers' drivers know it by its character
    expect(heard.map((e) => e.detail)).to.deep.equal([
      { emailId: 'e1', step: 'response:canceled-duplicate', responses: ['canceled-duplicate'], groups: [] },
      { emailId: 'e1', step: 'delivered', responses: [], groups: ['delivered'] },
      { emailId: 'e1', step: null, responses: [], groups: [] },
    ]);
    await el.updateComplete;
    expect(el.selected).to.equal(null);
  });

  it('asks for each figure by its stage, response or engagement', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const heard: FilterRequestEvent['detail'][] = [];
    el.addEventListener('filter-request', (event) => heard.push(event.detail));
    await openStages(el);
    for (const key of [
      'sent',
      'unique-clicks',
      'click-to-open',
      'machine-opened',
      'opened-not-delivered',
      'unsubscribed',
      'not-delivered',
      'stage:not-sent',
    ]) {
      stepButton(el, key).click();
      await el.updateComplete;
    }
    expect(heard.map(({ step, responses, groups, engagement }) => [step, responses, groups, engagement])).to.deep.equal(
      [
        ['sent', [], ['sent'], undefined],
        ['unique-clicks', [], [], 'clicked'],
        ['click-to-open', [], [], 'clicked'],
        ['machine-opened', [], [], 'machine-opened'],
        ['opened-not-delivered', [], [], 'opened-not-delivered'],
        ['unsubscribed', ['unsubscribed'], [], undefined],
        ['not-delivered', [], ['not-delivered'], undefined],
        ['stage:not-sent', [], ['not-sent'], undefined],
      ],
    );
  });

  it('draws unique opens and clicks per hour since the send, with the median first open and a table behind', async () => {
    const T = 60; // ev's `at` is in minutes after its base time
    const store = await storeWith([
      ev('sent-to-provider', 'a', { at: 0 }),
      ev('opened', 'a', { at: 30 }),
      ev('clicked', 'b', { at: 70 }),
      ev('opened', 'c', { at: 5 * T + 1 }),
      ev('opened', 'd', { at: 30 * T }),
      ev('hard-bounce', 'e', { at: 1 }),
      ev('opened', 'e', { at: 40 }),
    ]);
    const el = await mountSummary(store);
    const root = el.shadowRoot!;
    const chart = root.querySelector('svg[part="chart"]')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.equal(
      'Unique opens and clicks per hour since the send, First 24 h: 3 opens, 1 clicks',
    );
    expect(chart.querySelectorAll('polyline')).to.have.length(2);
    expect(text(root.querySelector('[part="median"]'))).to.equal('Median time to first open: 3 h 6 min');
    const rows = () => [...root.querySelectorAll('[part="over-time-table"] tbody tr')].map((tr) => text(tr));
    expect(rows()).to.deep.equal(['0–1 h10', '1–2 h11', '5–6 h10']);
    root.querySelector<HTMLButtonElement>('[data-range="all"]')!.click();
    await el.updateComplete;
    expect(root.querySelector('[data-range="all"]')!.getAttribute('aria-pressed')).to.equal('true');
    // All: the 30th hour's opener too, so the hours add up to the unique opens card.
    expect(rows().at(-1)).to.equal('30–31 h10');
    expect(chart.getAttribute('aria-label')).to.contain(`All: ${cards(el).get('unique-opens')![1]} opens`);
  });

  it('draws the hours up to now only: those still to come are not zero', async () => {
    const store = await storeWith([
      ev('sent-to-provider', 'a', { at: 0 }),
      ev('opened', 'a', { at: 30 }),
      ev('opened', 'b', { at: 100 }),
    ]);
    // Two and a half hours after the send: hours 0, 1 and the one running (2) are drawn.
    store.setClock(() => minutes(150));
    const el = await mountSummary(store);
    const points = () =>
      [...el.shadowRoot!.querySelectorAll('svg[part="chart"] polyline')].map(
        (line) => line.getAttribute('points')!.split(' ').filter(Boolean).length,
      );
    expect(points()).to.deep.equal([3, 3]);
    const dots = () =>
      [...el.shadowRoot!.querySelectorAll('svg[part="chart"] circle.now')].map((dot) => dot.getAttribute('class'));
    expect(dots(), 'where the lines end now').to.deep.equal(['opens now', 'clicks now']);
    // Ten minutes after the send: one hour running, a point each, which only the dot shows.
    store.setClock(() => minutes(10));
    await el.updateComplete;
    expect(points()).to.deep.equal([1, 1]);
    expect(dots()).to.have.length(2);
    store.setClock(() => minutes(30 * 60));
    await el.updateComplete;
    expect(points(), 'a day on: the whole first 24 h').to.deep.equal([24, 24]);
    expect(dots(), 'now is past the range: no dot at its end').to.deep.equal([]);
  });

  it('lists the clicked links by unique clickers, the top ten shown and all of them in the CSV', async () => {
    const events = [];
    for (let link = 0; link < 12; link++) {
      for (let r = 0; r <= link; r++)
        events.push(ev('clicked', `r${r}`, { at: link * 10 + r, url: `https://shop.example/p${link}` }));
    }
    events.push(ev('clicked', 'r0', { at: 500, url: 'https://shop.example/p0' }));
    const el = await mountSummary(await storeWith(events));
    const rows = [...el.shadowRoot!.querySelectorAll('[part="links-table"] tbody tr')].map((tr) =>
      [...tr.children].map((c) => text(c)),
    );
    expect(rows).to.have.length(10);
    expect(rows[0]).to.deep.equal(['https://shop.example/p11', '12', '12']);
    expect(rows[9]).to.deep.equal(['https://shop.example/p2', '3', '3']);
    const csv = el.linksCsv().split('\r\n');
    expect(csv[0]).to.equal('Link,Unique clicks,Total clicks');
    expect(csv).to.have.length(1 + 12 + 1);
    expect(csv.at(-2)).to.equal('https://shop.example/p0,1,2');
    expect(text(el.shadowRoot!.querySelector('[part="links-download"]'))).to.equal('Download all 12 (CSV)');
  });

  it('follows the store live, and only for its own email', async () => {
    const store = await storeWith(varied());
    const el = await mountSummary(store);
    await store.ingest([ev('opened', 'x', { emailId: 'e2' })]);
    store.flush();
    expect(el.isUpdatePending).to.equal(false);
    await store.ingest([ev('clicked', 'plain', { at: 9 }), ev('delivered', 'new-one', { at: 9 })]);
    store.flush();
    expect(el.isUpdatePending).to.equal(true);
    await el.updateComplete;
    expect(cards(el).get('unique-clicks')!.slice(0, 3)).to.deep.equal(['Unique clicks', '3', '37.5% click rate']);
    expect(el.summary).to.deep.equal(reportEmail(store.state, 'e1'));
  });

  it('titles the report with the email id, or the name, subject, sender and send time the host gives', async () => {
    const el = await mountSummary(await storeWith(varied()));
    expect(text(el.shadowRoot!.querySelector('[part="title"]'))).to.equal('Email e1');
    expect(el.shadowRoot!.querySelector('[part="email-meta"]')).to.equal(null);
    el.emailInfo = {
      name: 'Spring sale',
      subject: 'Save 20 % this week',
      sender: 'Shop <news@example.com>',
      sentAt: Date.UTC(2026, 2, 2, 9, 0),
    };
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part="title"]'))).to.equal('Spring sale');
    const meta = [...el.shadowRoot!.querySelectorAll('[part="email-meta"] span')].map((s) => text(s));
    expect(meta.slice(0, 2)).to.deep.equal(['Subject: Save 20 % this week', 'From Shop <news@example.com>']);
    expect(meta[2]).to.match(/^Sent Mar 2, 2026, \d{1,2}:00/);
  });

  it('says in its live line how complete and how fresh the figures are', async () => {
    const store = await storeWith(varied());
    const el = await mountSummary(store);
    const live = () => text(el.shadowRoot!.querySelector('[part="live"]'));
    el.emailInfo = { audience: 100_000 };
    await el.updateComplete;
    expect(live()).to.match(/^loading 14 of 100,000/);
    const sink = { status: (_: unknown) => {} };
    store.connect({
      kind: 'manual',
      status: { state: 'live', attempt: 0 },
      start: (s) => Object.assign(sink, s),
      stop: () => {},
    });
    sink.status({ state: 'live', attempt: 0 });
    el.emailInfo = { audience: 14 };
    await el.updateComplete;
    expect(live()).to.match(/^live · updated (now|\d+ ?s(ec)?\.? ago)$/);
    sink.status({ state: 'offline', attempt: 0 });
    await el.updateComplete;
    expect(live()).to.match(/^offline since \d\d:\d\d/);
  });

  it('renders an email id, host texts and registered words that look like markup as text', async () => {
    const id = '<img src=x onerror="window.__pwnedSummary=1">';
    registerMessages('xx', { engagement: { opened: '<b>Opens</b>' } });
    const el = await mountSummary(await storeWith([ev('opened', 'a', { emailId: id })]), id);
    el.locale = 'xx';
    el.emailInfo = { subject: '<i>hi</i>', sender: '<script>x</script>' };
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part="title"]'))).to.equal('<i>hi</i>');
    expect(cards(el).get('unique-opens')![0]).to.equal('<b>Opens</b>');
    expect(el.shadowRoot!.querySelectorAll('img, b, i, script')).to.have.length(0);
    expect((window as { __pwnedSummary?: number }).__pwnedSummary).to.equal(undefined);
  });

  it('says when it has no store, no email, no recipients, or the stream is offline', async () => {
    expect(notices(await mountSummary(undefined))).to.deep.equal(['Loading responses…']);
    const store = await storeWith(varied());
    const el = await mountSummary(store, 'nothing-yet');
    expect(notices(el)).to.deep.equal(['No recipients for this email yet.']);
    expect(el.shadowRoot!.querySelector('.cards')).to.equal(null);
    el.emailId = '';
    await el.updateComplete;
    expect(notices(el)).to.deep.equal(['No email to show yet.']);
    el.emailId = 'e1';
    store.connect({
      kind: 'manual',
      status: { state: 'offline', attempt: 0 },
      start: (sink) => sink.status({ state: 'offline', attempt: 0 }),
      stop: () => {},
    });
    await el.updateComplete;
    expect(notices(el)[0]).to.equal(
      'You are offline. The responses shown are the ones received so far; live updates resume when the connection returns.',
    );
    expect(el.shadowRoot!.querySelector('.cards')).to.not.equal(null);
  });

  it('takes words and number formats from its locale, nested sections merged word by word', async () => {
    registerMessages('de', {
      engagement: { opened: 'Eindeutige Öffnungen' },
      summary: { rates: { open: (rate: string) => `${rate} Öffnungsrate` } },
    });
    const el = await mountSummary(await storeWith(varied()));
    el.locale = 'de-DE';
    await el.updateComplete;
    const rate = new Intl.NumberFormat('de-DE', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    })
      .format(5 / 7)
      .replace(/\s+/g, ' ');
    expect(cards(el).get('unique-opens')!.slice(0, 3)).to.deep.equal([
      'Eindeutige Öffnungen',
      '5',
      `${rate} Öffnungsrate`,
    ]);
    expect(cards(el).get('delivered')![0]).to.equal('Delivered');
  });

  it('reads the store of the enclosing <email-responses>, and is registered with a typed event map', async () => {
    const root = await fixture(
      html`<email-responses><response-summary email-id="e1"></response-summary></email-responses>`,
    );
    const el = root.querySelector('response-summary')! as ResponseSummaryElement;
    const store = (root as HTMLElement & { store: ResponseStore }).store;
    await store.ingest(varied());
    store.flush();
    await el.updateComplete;
    expect(cards(el).get('delivered')![1]).to.equal('7');
    let heard: FilterRequestEvent | undefined;
    // Compiled by tsc: the event map types the detail.
    el.addEventListener('filter-request', (event) => (heard = event));
    el.dispatchEvent(
      new CustomEvent('filter-request', { detail: { emailId: 'e', step: null, responses: [], groups: [] } }),
    );
    expect(heard!.detail.step).to.equal(null);
    expect(document.createElement('response-summary').constructor.name).to.equal('ResponseSummaryElement');
  });
});

runViewConformance({
  tag: 'response-summary',
  element: ResponseSummaryElement,
  attributes: { 'email-id': 'e-conf' },
  showsEvents: (summary, count) => summary.summary?.recipients === count,
});
