// A slim grid (a phone, a side panel, under 420 px): the 390 px screenshot showed two recipients,
// each a card of six lines. A row is three short lines (contact and response, address, then opens,
// clicks and time), so the default height shows five and more, and the virtual scroller's row
// height is the height each row really has: scrolling to a row, by key or by call, is exact.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import type { ResponseStore } from '../../../src/store/response-store';
import { bigStore, cellTexts, rows, scroller, settled, visibleRows } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

/** A grid at the given width and its default height (no height of its own, nor from the page). */
async function slimGrid(
  store: ResponseStore,
  width: number,
  columns = '',
  emailId = 'big',
): Promise<AudienceResponseGridElement> {
  const box = await fixture<HTMLElement>(html`<div style=${`width:${width}px`}>
    <audience-response-grid email-id=${emailId} time-zone="UTC" columns=${columns} .store=${store}></audience-response-grid>
  </div>`);
  const grid = box.querySelector<AudienceResponseGridElement>('audience-response-grid')!;
  await settled(grid);
  return grid;
}

const box = (el: Element) => el.getBoundingClientRect();
const HOUR = 3_600_000;

describe('<audience-response-grid> slim rows', () => {
  for (const width of [320, 390])
    it(`shows at least five whole rows at the default height, ${width} px`, async () => {
      const grid = await slimGrid(bigStore(200), width);
      expect(scroller(grid).classList.contains('slim')).to.equal(true);
      expect(visibleRows(grid).length).to.be.at.least(5);
      // Three lines: contact and response, the address, then opens, clicks and time.
      const row = visibleRows(grid)[0]!;
      const top = (column: string) => Math.round(box(row.querySelector(`[data-column="${column}"]`)!).top);
      expect(top('response')).to.equal(top('contact'));
      expect(top('address')).to.be.above(top('contact'));
      expect([top('clicks'), top('last-response')]).to.deep.equal([top('opens'), top('opens')]);
      expect(top('opens')).to.be.above(top('address'));
    });

  for (const columns of ['', 'provider email-type'])
    it(`draws each row as high as the virtual scroller counts it, its text whole (${columns || 'default columns'})`, async () => {
      const grid = await slimGrid(bigStore(200), 390, columns);
      const shown = rows(grid);
      const height = box(shown[0]!).height;
      // Rows follow each other at their own height, and the header is one of them high.
      for (let i = 1; i < shown.length; i++)
        expect(box(shown[i]!).top - box(shown[i - 1]!).top).to.be.closeTo(height, 0.01);
      expect(box(grid.shadowRoot!.querySelector('.header')!).height).to.be.closeTo(height, 0.01);
      const body = grid.shadowRoot!.querySelector<HTMLElement>('.body')!;
      expect(box(body).height).to.be.closeTo(200 * height, 0.5);
      // No line's text is cut at its top or bottom, and no cell leaves its row.
      for (const row of shown.slice(0, 5))
        for (const cell of row.querySelectorAll<HTMLElement>('[role="gridcell"]')) {
          expect(cell.scrollHeight, cellTexts(row).join(' | ')).to.be.at.most(cell.clientHeight + 1);
          expect(box(cell).bottom).to.be.at.most(box(row).bottom + 0.5);
        }
    });

  it('scrolls a revealed row exactly into view, and the arrow keys follow the focus down', async () => {
    const grid = await slimGrid(bigStore(1000), 390);
    const s = scroller(grid);
    expect(grid.revealRecipient('r500')).to.equal(true);
    await settled(grid);
    const last = visibleRows(grid).at(-1)!;
    expect(cellTexts(last)[0]).to.equal('Person 500');
    // Brought up from below, it ends exactly at the scroller's bottom edge.
    expect(box(last).bottom).to.be.closeTo(box(s).top + s.clientTop + s.clientHeight, 1);
    const cell = last.querySelector<HTMLElement>('[role="gridcell"]')!;
    cell.focus();
    for (let i = 0; i < 7; i++) await sendKeys({ press: 'ArrowDown' });
    await settled(grid);
    const focused = grid.shadowRoot!.activeElement!.closest<HTMLElement>('[role="row"]')!;
    expect(cellTexts(focused)[0]).to.equal('Person 507');
    expect(visibleRows(grid)).to.include(focused);
    expect(box(focused).bottom).to.be.closeTo(box(s).top + s.clientTop + s.clientHeight, 1);
  });

  // At 320 px the wait beside "Sent to provider" showed as "w", and the name beside it was cut.
  it("keeps a response to its name, an overdue one's in the warning colour, and the contact whole", async () => {
    const now = Date.UTC(2026, 5, 1);
    const store = await storeWith([
      { ...ev('sent-to-provider', 'a', { contactName: 'Viktor Nakamura', address: 'v@example.com' }), at: now - HOUR },
      { ...ev('sent-to-provider', 'b', { contactName: 'Finn', address: 'f@example.com' }), at: now - 60 * HOUR },
    ]);
    store.setClock(() => now);
    const grid = await slimGrid(store, 320, '', 'e1');
    const [waiting, late] = rows(grid).map((row) => row.querySelector<HTMLElement>('[data-column="response"]')!);
    for (const cell of [waiting!, late!]) {
      const wait = cell.querySelector<HTMLElement>('[part~="wait"]')!;
      expect(wait.getBoundingClientRect().width, wait.textContent!).to.equal(0);
      // The name whole: its text (a line of text in the cell, not a box of its own) inside the cell.
      const label = cell.querySelector<HTMLElement>('.label')!;
      const glyphs = document.createRange();
      glyphs.selectNodeContents(label);
      const [g, c] = [glyphs.getBoundingClientRect(), cell.getBoundingClientRect()];
      expect(g.left, label.textContent!).to.be.at.least(c.left - 0.5);
      expect(g.right, label.textContent!).to.be.at.most(c.right + 0.5);
      expect(g.bottom, label.textContent!).to.be.at.most(c.bottom + 0.5);
    }
    const color = (el: Element) => getComputedStyle(el).color;
    expect(color(late!.querySelector('.label')!)).to.not.equal(color(waiting!.querySelector('.label')!));
    expect(color(late!.querySelector('.label')!)).to.equal(color(late!.querySelector('.overdue')!));
    const name = rows(grid)[0]!.querySelector<HTMLElement>('[data-column="contact"] bdi')!;
    expect(name.scrollWidth, name.textContent!).to.be.at.most(name.clientWidth + 1);
  });

  for (const scheme of ['light', 'dark'] as const)
    it(`has no axe violations in slim rows, ${scheme}`, async () => {
      await emulateMedia({ colorScheme: scheme });
      try {
        const grid = await slimGrid(bigStore(50), 390, 'provider email-type');
        grid.sortBy = 'opens';
        await settled(grid);
        await expect(grid).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });
});
