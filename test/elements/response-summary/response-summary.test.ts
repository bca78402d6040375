// One email's figures as a marketer reads them: counts and rates on the spec's denominators,
// machine opens apart, Not sent by reason, the chart and the table agreeing, the choice of a
// figure, live changes, states, languages and data that stays text.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { summarizeEmail } from '../../../src/core/index';
import type { FilterRequestEvent } from '../../../src/elements/response-summary/define';
import { ResponseSummaryElement } from '../../../src/elements/response-summary/response-summary';
import { runViewConformance } from '../view-conformance';
import '../../../src/elements/email-responses/define';
import { registerMessages } from '../../../src/elements/shared/messages';
import type { ResponseStore } from '../../../src/store/response-store';
import { chartBars, mountSummary, notices, stepButton, tableRows, text, varied } from './summary-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

describe('<response-summary>', () => {
  it('shows every figure with its count and its rate on the spec denominator, as summarizeEmail gives them', async () => {
    const store = await storeWith(varied());
    const el = await mountSummary(store);
    const s = summarizeEmail(store.state, 'e1')!;
    expect([s.recipients, s.sent, s.delivered.count]).to.deep.equal([14, 11, 7]);
    const rows = tableRows(el);
    const figure = (f: { count: number; rate: number | null; of: string; denominator: number }) => [
      String(f.count),
      percent.format(f.rate!),
      `of ${f.denominator} ${f.of}`,
    ];
    expect(rows.get('delivered')).to.deep.equal(['Delivered', ...figure(s.delivered)]);
    expect(rows.get('opened')).to.deep.equal(['Opened', ...figure(s.opened)]);
    expect(rows.get('clicked')).to.deep.equal(['Clicked', ...figure(s.clicked)]);
    expect(rows.get('machine-opened')).to.deep.equal(['Opened by machines only', ...figure(s.machineOpened)]);
    expect(rows.get('unsubscribed')).to.deep.equal(['Unsubscribed', ...figure(s.unsubscribed)]);
    expect(rows.get('spam-complaint')).to.deep.equal(['Spam complaint', ...figure(s.spamComplaint)]);
    expect(rows.get('soft-bounce')).to.deep.equal(['Soft Bounce', ...figure(s.softBounce)]);
    expect(rows.get('hard-bounce')).to.deep.equal(['Hard Bounce', ...figure(s.hardBounce)]);
    // The spec's words: Opened 6 of 7 delivered (the bounced opener counts, but not as
    // delivered), Hard Bounce 2 of 11 sent.
    expect(rows.get('opened')).to.deep.equal(['Opened', '6', '85.7%', 'of 7 delivered']);
    expect(rows.get('hard-bounce')).to.deep.equal(['Hard Bounce', '2', '18.2%', 'of 11 sent']);
    expect(rows.get('machine-opened')).to.deep.equal(['Opened by machines only', '1', '14.3%', 'of 7 delivered']);
    expect(text(el.shadowRoot!.querySelector('[part="totals"]'))).to.equal('14 recipients, 11 sent');
  });

  it('lists Not sent with its reasons in catalogue order, each with its count and no rate', async () => {
    const store = await storeWith(varied());
    const el = await mountSummary(store);
    const s = summarizeEmail(store.state, 'e1')!;
    const rows = [...tableRows(el)].filter(([key]) => key.startsWith('not-sent'));
    expect(rows).to.deep.equal([
      ['not-sent', ['Not sent', String(s.notSent.count), '—', '']],
      ['not-sent:sent-to-provider', ['Sent to provider', '1', '—', '']],
      ['not-sent:soft-bounce', ['Soft Bounce', '1', '—', '']],
      ['not-sent:hard-bounce', ['Hard Bounce', '2', '—', '']],
      ['not-sent:canceled-no-email', ['Canceled (email not provided)', '1', '—', '']],
      ['not-sent:canceled-duplicate', ['Canceled (duplicated email)', '2', '—', '']],
    ]);
    expect(s.notSent.count).to.equal(7);
  });

  it('shows "—" for every rate whose denominator is 0', async () => {
    const el = await mountSummary(await storeWith([ev('canceled-no-email', 'a'), ev('planned', 'b')]));
    const rows = tableRows(el);
    expect(rows.get('delivered')).to.deep.equal(['Delivered', '0', '—', 'of 0 sent']);
    expect(rows.get('opened')).to.deep.equal(['Opened', '0', '—', 'of 0 delivered']);
    expect(chartBars(el).get('delivered')).to.deep.include({
      width: 0,
      value: '0 · —',
      title: 'Delivered: 0, — of 0 sent',
    });
  });

  it('draws the same figures in the SVG as in the table, bars as long as their rates', async () => {
    const store = await storeWith(varied());
    const el = await mountSummary(store);
    const rows = tableRows(el);
    const bars = chartBars(el);
    expect([...bars.keys()]).to.deep.equal([...rows.keys()]);
    const s = summarizeEmail(store.state, 'e1')!;
    for (const [key, [label, count, rate, of]] of rows) {
      const bar = bars.get(key)!;
      expect(bar.label, key).to.equal(label);
      expect(bar.value, key).to.equal(`${count} · ${rate}`);
      expect(bar.title, key).to.equal(of ? `${label}: ${count}, ${rate} ${of}` : `${label}: ${count}`);
    }
    expect(bars.get('opened')!.width).to.be.closeTo(400 * s.opened.rate!, 1e-9);
    expect(bars.get('delivered')!.width).to.be.closeTo(400 * s.delivered.rate!, 1e-9);
    // Not sent has no rate; its bar is its share of all recipients.
    expect(bars.get('not-sent')!.width).to.be.closeTo(400 * (7 / 14), 1e-9);
    const [funnel, outcomes] = [...el.shadowRoot!.querySelectorAll('svg')];
    expect(funnel!.getAttribute('role')).to.equal('img');
    expect(funnel!.getAttribute('aria-label')).to.equal(
      `Funnel: ${['delivered', 'opened', 'clicked', 'machine-opened'].map((k) => bars.get(k)!.title).join('; ')}`,
    );
    expect(outcomes!.getAttribute('aria-label')).to.contain('Hard Bounce: 2, 18.2% of 11 sent');
    expect(text(el.shadowRoot!.querySelector('figcaption'))).to.equal('Responses to e1');
    expect(text(el.shadowRoot!.querySelector('caption'))).to.equal('Responses to e1');
  });

  it('fires filter-request when a figure is chosen by click, on its bar, or with Enter, and clears on a second choice', async () => {
    const el = await mountSummary(await storeWith(varied()));
    setTimeout(() => stepButton(el, 'opened').click());
    const opened = (await oneEvent(el, 'filter-request')) as FilterRequestEvent;
    expect(opened.detail).to.deep.equal({
      emailId: 'e1',
      step: 'opened',
      responses: [],
      groups: [],
      engagement: 'opened',
    });
    expect([opened.bubbles, opened.composed]).to.deep.equal([true, true]);
    await el.updateComplete;
    expect(stepButton(el, 'opened').getAttribute('aria-pressed')).to.equal('true');
    expect(el.selected).to.equal('opened');
    const heard: FilterRequestEvent[] = [];
    el.addEventListener('filter-request', (event) => heard.push(event));
    el.shadowRoot!.querySelector('svg g[data-key="not-sent:canceled-duplicate"]')!.dispatchEvent(
      new MouseEvent('click', { bubbles: true }),
    );
    stepButton(el, 'delivered').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    stepButton(el, 'delivered').focus();
    await sendKeys({ press: ' ' }); // the space bar: both browsers' drivers know it by its character
    expect(heard.map((e) => e.detail)).to.deep.equal([
      { emailId: 'e1', step: 'not-sent', reason: 'canceled-duplicate', responses: ['canceled-duplicate'], groups: [] },
      { emailId: 'e1', step: 'delivered', responses: [], groups: ['sent'] },
      { emailId: 'e1', step: null, responses: [], groups: [] },
    ]);
    await el.updateComplete;
    expect(el.selected).to.equal(null);
  });

  it('asks for each outcome by its response and for Not sent by its group', async () => {
    const el = await mountSummary(await storeWith(varied()));
    const heard: FilterRequestEvent['detail'][] = [];
    el.addEventListener('filter-request', (event) => heard.push(event.detail));
    for (const key of [
      'clicked',
      'machine-opened',
      'unsubscribed',
      'spam-complaint',
      'soft-bounce',
      'hard-bounce',
      'not-sent',
    ])
      stepButton(el, key).click();
    expect(heard.map(({ step, responses, groups, engagement }) => [step, responses, groups, engagement])).to.deep.equal(
      [
        ['clicked', [], [], 'clicked'],
        ['machine-opened', [], [], 'machine-opened'],
        ['unsubscribed', ['unsubscribed'], [], undefined],
        ['spam-complaint', ['spam-complaint'], [], undefined],
        ['soft-bounce', ['soft-bounce'], [], undefined],
        ['hard-bounce', ['hard-bounce'], [], undefined],
        ['not-sent', [], ['not-sent'], undefined],
      ],
    );
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
    const s = summarizeEmail(store.state, 'e1')!;
    expect(tableRows(el).get('clicked')).to.deep.equal(['Clicked', '3', '37.5%', 'of 8 delivered']);
    expect(el.summary).to.deep.equal(s);
  });

  it('renders an email id and registered words that look like markup as text', async () => {
    const id = '<img src=x onerror="window.__pwnedSummary=1">';
    registerMessages('xx', { summary: { figures: { delivered: '<b>Delivered</b>' } } });
    const el = await mountSummary(await storeWith([ev('delivered', 'a', { emailId: id })]), id);
    el.locale = 'xx';
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('figcaption'))).to.equal(`Responses to ${id}`);
    expect(tableRows(el).get('delivered')![0]).to.equal('<b>Delivered</b>');
    expect(chartBars(el).get('delivered')!.label).to.equal('<b>Delivered</b>');
    expect(el.shadowRoot!.querySelectorAll('img, b')).to.have.length(0);
    expect((window as { __pwnedSummary?: number }).__pwnedSummary).to.equal(undefined);
  });

  it('says when it has no store, no email, no recipients, or the stream is offline', async () => {
    expect(notices(await mountSummary(undefined))).to.deep.equal([
      'Waiting for data: put this element inside <email-responses> or set its store property.',
    ]);
    const store = await storeWith(varied());
    const el = await mountSummary(store, 'nothing-yet');
    expect(notices(el)).to.deep.equal(['No recipients for this email yet.']);
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    el.emailId = '';
    await el.updateComplete;
    expect(notices(el)).to.deep.equal(['No email chosen: set the email-id attribute.']);
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
    expect(el.shadowRoot!.querySelector('table')).to.not.equal(null);
  });

  it('takes words and number formats from its locale, nested sections merged word by word', async () => {
    registerMessages('de', {
      summary: { figures: { opened: 'Geöffnet' }, of: { delivered: (n: string) => `von ${n} zugestellt` } },
    });
    const store = await storeWith(varied());
    const el = await mountSummary(store);
    el.locale = 'de-DE';
    await el.updateComplete;
    const rate = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 })
      .format(6 / 7)
      .replace(/\s+/g, ' ');
    expect(tableRows(el).get('opened')).to.deep.equal(['Geöffnet', '6', rate, 'von 7 zugestellt']);
    expect(tableRows(el).get('delivered')![0]).to.equal('Delivered');
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
    expect(tableRows(el).get('delivered')![1]).to.equal('7');
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
