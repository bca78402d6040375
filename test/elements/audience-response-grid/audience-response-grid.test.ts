// What a marketer and a host page see: columns, sorting, chips, search, live changes, states,
// theming, and data that stays text.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendMouse, resetMouse } from '@web/test-runner-commands';
import { DEFAULT_RULES } from '../../../src/core/index';
import '../../../src/elements/email-responses/define';
import { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { runViewConformance } from '../view-conformance';
import type { FilterRequest } from '../../../src/elements/shared/filter-request';
import type { AudienceGroup } from '../../../src/store/audience/audience-query';
import { ThrottledAnnouncer } from '../../../src/elements/audience-response-grid/grid-live';
import type { RecipientSelectEvent } from '../../../src/elements/audience-response-grid/define';
import { registerMessages } from '../../../src/elements/shared/messages';
import { sentToProviderWait } from '../../../src/elements/shared/time-format';
import { ResponseStore } from '../../../src/store/response-store';
import type { CacheStatus } from '../../../src/store/store-events';
import { cellTexts, mountGrid, rows, scroller, settled } from './grid-fixtures';
import { BASE_TIME, BASE_TIME as BASE, recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';
import { ManualSource } from '../../support/manual-source';

const HOUR = 3_600_000;
const shadow = (grid: AudienceResponseGridElement) => grid.shadowRoot!;
const headers = (grid: AudienceResponseGridElement) =>
  [...shadow(grid).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.replace(/[▲▼]/g, '').trim());
const ids = (grid: AudienceResponseGridElement) => rows(grid).map((row) => cellTexts(row)[0]);
const chip = (grid: AudienceResponseGridElement, name: string) =>
  shadow(grid).querySelector<HTMLButtonElement>(`[data-chip="${name}"]`)!;
const notices = (grid: AudienceResponseGridElement) =>
  [...shadow(grid).querySelectorAll('[role="status"] p')].map((p) => p.textContent!.trim());
const updatesButton = (grid: AudienceResponseGridElement) =>
  shadow(grid).querySelector<HTMLButtonElement>('[part~="updates-button"]');

const people = () => [
  ev('delivered', 'a', { contactName: 'Cara', address: 'cara@example.com', provider: 'ses', at: 1 }),
  ev('opened', 'b', { contactName: 'Ann', address: 'ann@example.com', at: 2 }),
  ev('clicked', 'c', { contactName: 'Bob', address: 'bob@example.org', at: 3 }),
  ev('clicked', 'c', { at: 4 }),
  ev('hard-bounce', 'd', { contactName: 'Dora', address: 'dora@example.net', reason: '550 5.1.1 user unknown', at: 5 }),
];

class TestStore extends ResponseStore {
  setCache(status: CacheStatus) {
    this.setCacheStatus(status);
  }
}

describe('<audience-response-grid>', () => {
  it('shows the English headers and every column of each recipient', async () => {
    const grid = await mountGrid(await storeWith(people()));
    expect(headers(grid)).to.deep.equal(['Contact', 'Email address', 'Response', 'Opens', 'Clicks', 'Last response']);
    expect(rows(grid).map(cellTexts)).to.deep.equal([
      ['Cara', 'cara@example.com', 'Delivered', '0', '0', 'Jan 1, 2026, 12:01 AM'],
      ['Ann', 'ann@example.com', 'Opened', '1', '0', 'Jan 1, 2026, 12:02 AM'],
      ['Bob', 'bob@example.org', 'Clicked', '1', '2', 'Jan 1, 2026, 12:04 AM'],
      ['Dora', 'dora@example.net', 'Hard Bounce final 550 5.1.1 user unknown', '0', '0', 'Jan 1, 2026, 12:05 AM'],
    ]);
    const time = rows(grid)[0]!.querySelector('time')!;
    expect(time.title).to.equal('2026-01-01 00:01:00 UTC');
    expect(time.dateTime).to.equal('2026-01-01T00:01:00.000Z');
  });

  it('gives every row the same height, the row-height attribute', async () => {
    const grid = await mountGrid(await storeWith(people()));
    grid.rowHeight = 50;
    await settled(grid);
    const [first, second] = rows(grid).map((row) => row.getBoundingClientRect());
    // To 1/100 px: where the rows start at a fractional offset, Firefox's layout units make the
    // difference of two tops 50.00001525878906.
    const px = (n: number) => Math.round(n * 100) / 100;
    expect([px(first!.height), px(second!.top - first!.top)]).to.deep.equal([50, 50]);
  });

  it('adds the optional Provider and Email type columns', async () => {
    const grid = await mountGrid(
      await storeWith([...people(), ev('opened', 'a', { emailType: 'newsletter', at: 6 })]),
      'e1',
      { columns: 'provider email-type' },
    );
    expect(headers(grid)).to.deep.equal([
      'Contact',
      'Email address',
      'Response',
      'Opens',
      'Clicks',
      'Last response',
      'Provider',
      'Email type',
    ]);
    expect(cellTexts(rows(grid)[0]!).slice(6)).to.deep.equal(['Amazon SES', 'Newsletter']);
  });

  it('shows times in the time-zone asked for, relative while recent, UTC on hover', async () => {
    const now = Date.now();
    const store = await storeWith([
      ev('opened', 'old', { contactName: 'Old' }),
      { ...ev('opened', 'minutes'), at: now - 5 * 60_000 },
      { ...ev('opened', 'hours'), at: now - 90 * 60_000 },
    ]);
    const grid = await mountGrid(store, 'e1', { timeZone: 'Asia/Tokyo' });
    const [old, minutes, hours] = rows(grid).map((row) => row.querySelector('time')!);
    expect(old!.textContent).to.equal('Jan 1, 2026, 9:00 AM');
    expect(old!.title).to.equal('2026-01-01 00:00:00 UTC');
    const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
    expect(minutes!.textContent).to.equal(relative.format(-5, 'minute'));
    expect(hours!.textContent).to.equal(relative.format(-1, 'hour'));
  });

  it("reads the Sent to provider wait from the store's clock: waiting, then overdue after a jump", async () => {
    const store = await storeWith([
      { ...ev('sent-to-provider', 'waiting'), at: BASE },
      { ...ev('sent-to-provider', 'late'), at: BASE - 38 * HOUR },
    ]);
    // A host's clock (the demo's simulated time): the wall clock is years away from BASE.
    store.setClock(() => BASE + 12 * HOUR + 60_000);
    expect(store.now()).to.equal(BASE + 12 * HOUR + 60_000);
    const grid = await mountGrid(store);
    const wait = () => rows(grid).map((row) => row.querySelector('[part~="wait"]')!);
    expect(wait()[0]!.textContent).to.equal('waiting 12 h of 48 h');
    expect(wait()[0]!.getAttribute('part')).to.equal('wait');
    expect(wait()[1]!.textContent).to.equal('overdue: waited 50 h of 48 h');
    expect(wait()[1]!.getAttribute('part')).to.equal('wait overdue');
    // The clock jumps past 48 hours with no event: the view follows the store's clock at once.
    let now = BASE + 49 * HOUR;
    store.setClock(() => now);
    await settled(grid);
    expect(wait()[0]!.textContent).to.equal('overdue: waited 49 h of 48 h');
    now += HOUR;
    store.setClock(undefined);
    await settled(grid);
    expect(store.now()).to.be.closeTo(Date.now(), 1000);
  });

  it('sorts by a header click, stably, toggles the direction and sets aria-sort', async () => {
    const grid = await mountGrid(await storeWith(people()));
    const button = (name: string) =>
      [...shadow(grid).querySelectorAll<HTMLButtonElement>('button.sort')].find((b) => b.textContent!.includes(name))!;
    button('Opens').click();
    await settled(grid);
    expect(ids(grid)).to.deep.equal(['Ann', 'Bob', 'Cara', 'Dora']);
    expect(button('Opens').parentElement!.getAttribute('aria-sort')).to.equal('descending');
    button('Opens').click();
    await settled(grid);
    expect(ids(grid)).to.deep.equal(['Cara', 'Dora', 'Ann', 'Bob']);
    expect(button('Opens').parentElement!.getAttribute('aria-sort')).to.equal('ascending');
    button('Contact').click();
    await settled(grid);
    expect(ids(grid)).to.deep.equal(['Ann', 'Bob', 'Cara', 'Dora']);
    expect(shadow(grid).querySelectorAll('[aria-sort]')).to.have.length(1);
    expect(grid.sortBy).to.equal('contact');
  });

  it('counts every chip over the rows the grid shows, and a chosen chip shows exactly that many', async () => {
    const grid = await mountGrid(await storeWith(people()));
    const count = (name: string) => Number(chip(grid, name).querySelector('.chip-count')!.textContent);
    expect([
      count('all'),
      count('sent'),
      count('delivered'),
      count('not-delivered'),
      count('not-sent'),
      count('final'),
      count('awaiting-final'),
      count('clicked'),
    ]).to.deep.equal([4, 4, 3, 1, 0, 1, 3, 1]);
    expect(chip(grid, 'opened-machine')).to.equal(null);
    for (const name of ['sent', 'delivered', 'not-delivered', 'final', 'awaiting-final', 'opened', 'hard-bounce']) {
      const expected = count(name);
      chip(grid, 'all').click();
      chip(grid, name).click();
      await settled(grid);
      expect(rows(grid), name).to.have.length(expected);
      expect(chip(grid, name).getAttribute('aria-pressed')).to.equal('true');
      expect(scroller(grid).getAttribute('aria-rowcount')).to.equal(String(expected + 1));
    }
    chip(grid, 'opened').click();
    await settled(grid);
    expect(ids(grid)).to.deep.equal(['Ann', 'Dora']);
  });

  it('applies a filter a host forwards from the summary, and searches by name or address', async () => {
    const grid = await mountGrid(await storeWith(people()));
    grid.applyFilter({ groups: ['delivered'] });
    await settled(grid);
    expect(ids(grid)).to.deep.equal(['Cara', 'Ann', 'Bob']);
    grid.applyFilter({ responses: ['hard-bounce', 'opened'] });
    await settled(grid);
    expect(ids(grid)).to.deep.equal(['Ann', 'Dora']);
    grid.applyFilter({});
    grid.search = 'EXAMPLE.COM';
    await settled(grid);
    expect(ids(grid)).to.deep.equal(['Cara', 'Ann']);
    expect(Number(chip(grid, 'all').querySelector('.chip-count')!.textContent)).to.equal(2);
    const input = shadow(grid).querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = 'bob';
    input.dispatchEvent(new Event('change'));
    await settled(grid);
    expect(ids(grid)).to.deep.equal(['Bob']);
    expect(shadow(grid).querySelector('[part="row-count"]')!.textContent).to.equal('1 of 4 recipients');
  });

  it('warns once about a filter field or a group it does not know, and leaves it out', async () => {
    const grid = await mountGrid(await storeWith(people()));
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      // What a host written for an older version might still pass.
      grid.applyFilter({ group: 'sent' } as FilterRequest);
      grid.applyFilter({ groups: ['sent', 'bounced' as AudienceGroup] });
      grid.applyFilter({ groups: ['bounced' as AudienceGroup] });
      await settled(grid);
    } finally {
      console.warn = original;
    }
    expect(grid.filter).to.deep.equal({ responses: [], groups: [] });
    expect(ids(grid)).to.deep.equal(['Cara', 'Ann', 'Bob', 'Dora']);
    expect(warnings).to.deep.equal([
      `email-responses: <audience-response-grid> filter: no field "group"; use groups: ['sent'].`,
      'email-responses: <audience-response-grid> has no group "bounced"; use sent, scheduled, not-sent, awaiting-provider, not-delivered, delivered, final, awaiting-final.',
    ]);
  });

  it('updates a changed row in place, flashes it, and announces the change politely', async () => {
    const store = await storeWith(people());
    const grid = await mountGrid(store);
    const row = rows(grid)[0]!;
    await store.ingest([ev('opened', 'a', { at: 7 })]);
    store.flush();
    await grid.updateComplete;
    expect(rows(grid)[0]).to.equal(row);
    expect(cellTexts(row).slice(2, 4)).to.deep.equal(['Opened', '1']);
    expect(row.hasAttribute('data-flash')).to.equal(true);
    const live = shadow(grid).querySelector('[aria-live="polite"]')!;
    expect(live.textContent).to.equal('1 recipient changed. 4 rows shown.');
    // Throttled: a second change within the interval is not announced yet.
    await store.ingest([ev('clicked', 'a', { at: 8 })]);
    store.flush();
    await grid.updateComplete;
    expect(live.textContent).to.equal('1 recipient changed. 4 rows shown.');
  });

  it('holds re-sorting while the user scrolls: the row updates in place until "N updates, show"', async () => {
    const events = Array.from({ length: 200 }, (_, i) =>
      ev('delivered', `r${i}`, { contactName: `Person ${i}`, at: i }),
    );
    const store = await storeWith(events);
    const grid = await mountGrid(store);
    grid.sortBy = 'clicks';
    grid.sortDirection = 'descending';
    await settled(grid);
    scroller(grid).scrollTop = 36 * 100;
    await settled(grid);
    const target = rows(grid).find((row) => cellTexts(row)[0] === 'Person 104')!;
    const index = target.getAttribute('aria-rowindex');
    await store.ingest([ev('clicked', 'r104', { at: 300 })]);
    store.flush();
    await grid.updateComplete;
    expect(target.isConnected).to.equal(true);
    expect(target.getAttribute('aria-rowindex')).to.equal(index);
    expect(cellTexts(target).slice(2, 5)).to.deep.equal(['Clicked', '1', '1']);
    expect(updatesButton(grid)!.textContent!.trim()).to.equal('Show');
    expect(shadow(grid).querySelector('[part~="held-updates"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Paused while you read · 1 update · Show',
    );
    expect(grid.pendingUpdates).to.equal(1);
    updatesButton(grid)!.click();
    await settled(grid);
    expect(updatesButton(grid)).to.equal(null);
    expect(rows(grid).some((row) => cellTexts(row)[0] === 'Person 104')).to.equal(false);
    scroller(grid).scrollTop = 0;
    await settled(grid);
    expect(cellTexts(rows(grid)[0]!)[0]).to.equal('Person 104');
  });

  it('holds re-sorting while the pointer is over the rows', async () => {
    const store = await storeWith(people());
    const grid = await mountGrid(store);
    grid.sortBy = 'opens';
    grid.sortDirection = 'descending';
    await settled(grid);
    const box = rows(grid)[2]!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + 20), Math.round(box.top + box.height / 2)] });
    try {
      await store.ingest([ev('opened', 'a', { at: 9 }), ev('opened', 'a', { at: 10 })]);
      store.flush();
      await settled(grid);
      expect(ids(grid)).to.deep.equal(['Ann', 'Bob', 'Cara', 'Dora']);
      expect(grid.pendingUpdates).to.equal(1);
    } finally {
      // Off the rows, to the page's corner, explicitly: resetting the mouse only releases its
      // buttons under WebDriver BiDi (Firefox), where Chromium's driver also moves it there.
      await sendMouse({ type: 'move', position: [0, 0] });
      await resetMouse();
    }
    // The next change while nobody points, scrolls or has focus in the grid applies what waited.
    await store.ingest([ev('delivered', 'd2', { contactName: 'Ed', at: 11 })]);
    store.flush();
    await settled(grid);
    expect(ids(grid)).to.deep.equal(['Cara', 'Ann', 'Bob', 'Dora', 'Ed']);
  });

  it('announces at most once per interval, adding up what came between', async () => {
    const said: string[] = [];
    const announcer = new ThrottledAnnouncer((text) => said.push(text), 40);
    announcer.note(1, (n) => `${n} changed`);
    announcer.note(2, (n) => `${n} changed`);
    announcer.note(4, (n) => `${n} changed`);
    expect(said).to.deep.equal(['1 changed']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(said).to.deep.equal(['1 changed', '6 changed']);
  });

  it('tells a steady stream no more than every ten seconds, so a screen reader is not kept talking', () => {
    expect(new ThrottledAnnouncer(() => undefined).intervalMs).to.equal(10_000);
  });

  it('marks Sent to provider overdue only past the limit', () => {
    const at = BASE_TIME;
    expect(sentToProviderWait(at, at + 48 * HOUR, 48)).to.deep.equal({ hours: 48, limitHours: 48, overdue: false });
    expect(sentToProviderWait(at, at + 48 * HOUR + 1, 48).overdue).to.equal(true);
    expect(sentToProviderWait(at, at - HOUR, 48)).to.deep.equal({ hours: 0, limitHours: 48, overdue: false });
  });

  it('is registered with its tag and typed events', async () => {
    const grid = document.createElement('audience-response-grid');
    let heard: RecipientSelectEvent | undefined;
    // Compiled by tsc: the event map types the detail.
    grid.addEventListener('recipient-select', (event) => (heard = event));
    grid.dispatchEvent(
      new CustomEvent('recipient-select', { detail: { emailId: 'e', recipientId: 'r', contactId: undefined } }),
    );
    expect(grid.constructor.name).to.equal('AudienceResponseGridElement');
    expect(heard!.detail.recipientId).to.equal('r');
  });

  it('fires recipient-select with the ids on a click', async () => {
    const store = await storeWith([ev('opened', 'b', { contactName: 'Ann', contactId: 'c-9' })]);
    const grid = await mountGrid(store);
    setTimeout(() => rows(grid)[0]!.querySelector<HTMLElement>('[role="gridcell"]')!.click());
    const event = await oneEvent(grid, 'recipient-select');
    expect(event.detail).to.deep.equal({ emailId: 'e1', recipientId: 'b', contactId: 'c-9' });
    expect(event.composed).to.equal(true);
  });

  it('renders names and addresses that look like markup as text', async () => {
    const name = '<img src=x onerror="window.__pwned=1">';
    const address = '<b>bold</b>@example.com';
    const reason = '<script>alert(1)</script>';
    const grid = await mountGrid(
      await storeWith([ev('hard-bounce', 'x', { contactName: name, address, reason, provider: '<i>p</i>' })]),
      'e1',
      { columns: 'provider' },
    );
    const cells = rows(grid)[0]!.querySelectorAll('[role="gridcell"]');
    expect(cells[0]!.textContent).to.equal(name);
    expect(cells[1]!.textContent).to.equal(address);
    expect(cells[2]!.querySelector('[part="reason"]')!.textContent).to.equal(reason);
    expect(cells[6]!.textContent).to.equal('<i>p</i>');
    expect(shadow(grid).querySelectorAll('img, b, i, script')).to.have.length(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('reads the store of the enclosing <email-responses>', async () => {
    const root = await fixture(
      html`<email-responses><audience-response-grid email-id="e1" time-zone="UTC"></audience-response-grid></email-responses>`,
    );
    const grid = root.querySelector('audience-response-grid')!;
    const store = (root as HTMLElement & { store: ResponseStore }).store;
    await store.ingest(people());
    store.flush();
    await settled(grid);
    expect(ids(grid)).to.deep.equal(['Cara', 'Ann', 'Bob', 'Dora']);
  });

  it('starts over when the store refolds under new rules', async () => {
    const store = await storeWith(people());
    const grid = await mountGrid(store);
    const rules = structuredClone(DEFAULT_RULES);
    rules.version = 'relabelled';
    rules.responses.find((r) => r.id === 'opened')!.label = 'Opened it';
    store.setRules(rules);
    store.flush();
    await settled(grid);
    expect(cellTexts(rows(grid)[1]!)[2]).to.equal('Opened it');
  });

  it('says in words when it has no store, no email, no recipients or no match', async () => {
    const lonely = await fixture<AudienceResponseGridElement>(
      html`<audience-response-grid email-id="e1"></audience-response-grid>`,
    );
    expect(notices(lonely)).to.deep.equal(['Loading responses…']);
    const grid = await mountGrid(await storeWith([]), 'e1');
    expect(notices(grid)).to.deep.equal(['No recipients for this email yet.']);
    grid.store = await storeWith(people());
    grid.search = 'nobody';
    await settled(grid);
    expect(notices(grid)).to.deep.equal(['No recipient matches the search and filters.']);
    grid.emailId = '';
    await settled(grid);
    expect(notices(grid)).to.deep.equal(['No email to show yet.']);
  });

  it('says when the cache is loading, the connection retries, or the page is offline', async () => {
    const store = new TestStore();
    const grid = await mountGrid(store);
    store.setCache({ state: 'opening' });
    await settled(grid);
    expect(notices(grid)).to.deep.equal(['Loading the saved responses…']);
    store.setCache({ state: 'ready' });
    const source = new ManualSource();
    store.connect(source);
    source.sink!.status({ state: 'retrying', attempt: 2, retryInMs: 4000, error: 'the server closed the stream' });
    await settled(grid);
    expect(notices(grid)[0]).to.equal(
      'Live updates interrupted. Trying again in 4 seconds. The responses shown may be out of date. Retry now',
    );
    expect(shadow(grid).querySelector('[role="status"] p')!.getAttribute('data-kind')).to.equal('error');
    source.sink!.status({ state: 'offline', attempt: 0 });
    await settled(grid);
    expect(notices(grid)[0]).to.equal(
      'You are offline. The responses shown are the ones received so far; live updates resume when the connection returns.',
    );
  });

  it('takes labels from a registered language, falling back to English', async () => {
    registerMessages('de', {
      headers: { contact: 'Kontakt', response: 'Reaktion' },
      responses: { opened: 'Geöffnet' },
    });
    const grid = await mountGrid(await storeWith(people()));
    grid.locale = 'de-AT';
    await settled(grid);
    expect(headers(grid).slice(0, 3)).to.deep.equal(['Kontakt', 'Email address', 'Reaktion']);
    expect(cellTexts(rows(grid)[1]!)[2]).to.equal('Geöffnet');
    expect(chip(grid, 'opened').textContent).to.contain('Geöffnet');
  });

  it('mirrors for right-to-left pages and follows the theme properties and the colour scheme', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl"></div>`);
    const store = await storeWith(people());
    const grid = await mountGrid(store);
    wrapper.append(grid);
    await settled(grid);
    const [first, second] = [...shadow(grid).querySelectorAll('[role="columnheader"]')].map((h) =>
      h.getBoundingClientRect(),
    );
    expect(first!.left).to.be.greaterThan(second!.left);
    grid.style.setProperty('--email-responses-background', 'rgb(1, 2, 3)');
    expect(getComputedStyle(rows(grid)[0]!).backgroundColor).to.equal('rgb(1, 2, 3)');
    grid.style.removeProperty('--email-responses-background');
    await emulateMedia({ colorScheme: 'dark' });
    wrapper.style.colorScheme = 'light dark';
    try {
      expect(getComputedStyle(grid).backgroundColor).to.equal('rgb(29, 31, 35)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
    expect(getComputedStyle(grid).backgroundColor).to.equal('rgb(255, 255, 255)');
  });
});

runViewConformance({
  tag: 'audience-response-grid',
  element: AudienceResponseGridElement,
  attributes: { 'email-id': 'e-conf', 'time-zone': 'UTC' },
  showsEvents: (grid, count) => grid.rowCount === count,
});
