// The ARIA grid pattern and axe-core, in the states a user meets: full, filtered, empty, busy
// with held updates, focused, dark.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { mountGrid, rows, scroller, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

const HOUR = 3_600_000;

function variedEvents() {
  const now = Date.now();
  return [
    ev('delivered', 'a', {
      contactName: 'Cara',
      address: 'cara@example.com',
      provider: 'ses',
      emailType: 'news',
      at: 1,
    }),
    ev('opened', 'b', { contactName: 'Ann', address: 'ann@example.com', at: 2 }),
    ev('clicked', 'c', { contactName: 'Bob', address: 'bob@example.org', at: 3 }),
    ev('hard-bounce', 'd', { address: 'dora@example.net', reason: '550 user unknown', at: 5 }),
    ev('soft-bounce', 'e', { contactName: 'Eve', reason: 'mailbox full', at: 6 }),
    { ...ev('sent-to-provider', 'f', { contactName: 'Finn' }), at: now - 60 * HOUR },
    { ...ev('sent-to-provider', 'g', { contactName: 'Gus' }), at: now - 2 * HOUR },
  ];
}

const grid = (el: AudienceResponseGridElement) => scroller(el);

describe('<audience-response-grid> accessibility', () => {
  it('has no axe violations with every kind of cell, optional columns and a sorted column', async () => {
    const el = await mountGrid(await storeWith(variedEvents()), 'e1', { columns: 'provider email-type' });
    el.sortBy = 'contact';
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('has no axe violations when empty, without a store, or with no match', async () => {
    const empty = await mountGrid(await storeWith([]));
    await expect(empty).to.be.accessible();
    const lonely = await fixture<AudienceResponseGridElement>(
      html`<audience-response-grid email-id="e1"></audience-response-grid>`,
    );
    await expect(lonely).to.be.accessible();
    const filtered = await mountGrid(await storeWith(variedEvents()));
    filtered.search = 'nobody at all';
    await settled(filtered);
    await expect(filtered).to.be.accessible();
  });

  it('has no axe violations with a chip chosen, focus in a cell and updates held', async () => {
    const store = await storeWith(variedEvents());
    const el = await mountGrid(store);
    el.applyFilter({ groups: ['awaiting-final'] });
    el.sortBy = 'clicks';
    await settled(el);
    rows(el)[0]!.querySelector<HTMLElement>('[role="gridcell"]')!.focus();
    await store.ingest([ev('clicked', 'g', { at: 9 })]);
    store.flush();
    await settled(el);
    expect(el.pendingUpdates).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('has no axe violations in dark mode (contrast included)', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await mountGrid(await storeWith(variedEvents()));
      el.theme = 'dark';
      el.applyFilter({ groups: ['sent'] });
      await settled(el);
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(29, 31, 35)');
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('counts every matching row in aria-rowcount, plus the header, and indexes the rendered ones', async () => {
    const events = Array.from({ length: 300 }, (_, i) =>
      ev(i % 3 === 0 ? 'opened' : 'delivered', `r${i}`, { contactName: `P${i}` }),
    );
    const el = await mountGrid(await storeWith(events));
    expect(grid(el).getAttribute('aria-rowcount')).to.equal('301');
    expect(grid(el).getAttribute('aria-colcount')).to.equal('6');
    const rendered = rows(el);
    expect(rendered.length).to.be.below(30);
    rendered.forEach((row, i) => {
      expect(row.getAttribute('aria-rowindex')).to.equal(String(i + 2));
      expect(row.querySelectorAll('[role="gridcell"]')).to.have.length(6);
    });
    const header = el.shadowRoot!.querySelector('[role="row"][aria-rowindex="1"]')!;
    expect(header.querySelectorAll('[role="columnheader"]')).to.have.length(6);
    el.applyFilter({ responses: ['opened'] });
    await settled(el);
    expect(grid(el).getAttribute('aria-rowcount')).to.equal('101');
  });

  it('puts aria-sort on the sorted header only, and has exactly one tab stop in the grid', async () => {
    const el = await mountGrid(await storeWith(variedEvents()));
    expect(el.shadowRoot!.querySelectorAll('[aria-sort]')).to.have.length(0);
    el.sortBy = 'last-response';
    el.sortDirection = 'descending';
    await settled(el);
    const sorted = el.shadowRoot!.querySelectorAll('[aria-sort]');
    expect(sorted).to.have.length(1);
    expect(sorted[0]!.getAttribute('role')).to.equal('columnheader');
    expect(sorted[0]!.getAttribute('aria-sort')).to.equal('descending');
    expect(sorted[0]!.textContent).to.contain('Last response');
    const stops = grid(el).querySelectorAll('[tabindex="0"]');
    expect(stops).to.have.length(1);
    expect(stops[0]!.closest('[role="columnheader"]')).to.not.equal(null);
  });

  it('has a polite live region for summaries and a status region for states', async () => {
    const el = await mountGrid(await storeWith([]));
    const live = el.shadowRoot!.querySelector('[aria-live]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain(
      'No recipients for this email yet.',
    );
  });
});
