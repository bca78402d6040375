// The grid with a real keyboard (sendKeys drives Chromium's own input): every key of the ARIA
// grid pattern, and a focus that stays on its recipient through scrolling and live updates.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { GridKeyboardController } from '../../../src/elements/audience-response-grid/grid-keyboard';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { cellTexts, mountGrid, rows, scroller, settled, visibleRows } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

/** The focused element's row index (1 = header) and column (0-based). */
function focused(grid: AudienceResponseGridElement): { row: number; col: number; text: string } {
  const active = grid.shadowRoot!.activeElement as HTMLElement;
  const cell = active.closest('[role="gridcell"], [role="columnheader"]')!;
  const row = cell.closest('[role="row"]')!;
  const col = [...row.children].indexOf(cell);
  return { row: Number(row.getAttribute('aria-rowindex')), col, text: cell.textContent!.trim() };
}

/** One key, or a chord written `Control+End`, pressed on the real keyboard. */
async function key(grid: AudienceResponseGridElement, press: string): Promise<void> {
  const keys = press.split('+');
  const last = keys.pop()!;
  for (const modifier of keys) await sendKeys({ down: modifier });
  await sendKeys({ press: last });
  for (const modifier of keys.reverse()) await sendKeys({ up: modifier });
  await settled(grid);
}

function people(count: number) {
  return Array.from({ length: count }, (_, i) =>
    ev('delivered', `r${i}`, { contactName: `Person ${i}`, contactId: `c${i}`, at: i }),
  );
}

async function focusFirstCell(grid: AudienceResponseGridElement): Promise<void> {
  scroller(grid).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
  await key(grid, 'ArrowDown');
}

describe('<audience-response-grid> keyboard', () => {
  it('moves one cell with the arrows and to the ends of a row with Home and End', async () => {
    const grid = await mountGrid(await storeWith(people(50)));
    await focusFirstCell(grid);
    expect(focused(grid)).to.deep.include({ row: 2, col: 0, text: 'Person 0' });
    await key(grid, 'ArrowRight');
    await key(grid, 'ArrowRight');
    expect(focused(grid)).to.deep.include({ row: 2, col: 2 });
    await key(grid, 'ArrowDown');
    expect(focused(grid)).to.deep.include({ row: 3, col: 2 });
    await key(grid, 'End');
    expect(focused(grid)).to.deep.include({ row: 3, col: 5 });
    await key(grid, 'ArrowRight');
    expect(focused(grid)).to.deep.include({ row: 3, col: 5 });
    await key(grid, 'Home');
    expect(focused(grid)).to.deep.include({ row: 3, col: 0, text: 'Person 1' });
    // Exactly one tab stop, and it moved with the focus.
    const stops = scroller(grid).querySelectorAll('[tabindex="0"]');
    expect(stops).to.have.length(1);
    expect(stops[0]).to.equal(grid.shadowRoot!.activeElement);
  });

  it('pages with PageDown and PageUp, and jumps with Ctrl+End and Ctrl+Home, keeping the row in view', async () => {
    const grid = await mountGrid(await storeWith(people(200)));
    await focusFirstCell(grid);
    const page = Math.floor((scroller(grid).clientHeight - 36) / 36);
    await key(grid, 'PageDown');
    expect(focused(grid).row).to.equal(2 + page);
    await key(grid, 'PageDown');
    expect(focused(grid).row).to.equal(2 + 2 * page);
    expect(visibleRows(grid).map((r) => Number(r.getAttribute('aria-rowindex')))).to.include(2 + 2 * page);
    await key(grid, 'PageUp');
    expect(focused(grid).row).to.equal(2 + page);
    await key(grid, 'Control+End');
    expect(focused(grid)).to.deep.include({ row: 201, col: 5 });
    expect(visibleRows(grid).at(-1)!.getAttribute('aria-rowindex')).to.equal('201');
    await key(grid, 'Control+Home');
    expect(focused(grid)).to.deep.include({ row: 2, col: 0, text: 'Person 0' });
    expect(scroller(grid).scrollTop).to.equal(0);
  });

  it('reaches the header with ArrowUp, where Enter sorts, and selects a recipient with Enter', async () => {
    const grid = await mountGrid(await storeWith(people(5)));
    await focusFirstCell(grid);
    await key(grid, 'ArrowDown');
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(grid, 'recipient-select');
    expect(event.detail).to.deep.equal({ emailId: 'e1', recipientId: 'r1', contactId: 'c1' });
    await key(grid, 'ArrowUp');
    await key(grid, 'ArrowUp');
    expect(focused(grid)).to.deep.include({ row: 1, col: 0 });
    await key(grid, 'ArrowUp');
    expect(focused(grid).row).to.equal(1);
    await key(grid, 'Enter');
    expect(grid.sortBy).to.equal('contact');
    await key(grid, 'Enter');
    expect(grid.sortDirection).to.equal('descending');
    expect(cellTexts(rows(grid)[0]!)[0]).to.equal('Person 4');
    expect(focused(grid).row).to.equal(1);
  });

  it('keeps the rows still on Space in a data cell, and sorts with Space on a header', async () => {
    const grid = await mountGrid(await storeWith(people(200)));
    await focusFirstCell(grid);
    await key(grid, ' ');
    expect(scroller(grid).scrollTop).to.equal(0);
    expect(focused(grid)).to.deep.include({ row: 2, col: 0, text: 'Person 0' });
    await key(grid, 'PageDown');
    const top = scroller(grid).scrollTop;
    const row = focused(grid).row;
    await key(grid, ' ');
    expect(scroller(grid).scrollTop).to.equal(top);
    expect(focused(grid).row).to.equal(row);
    await key(grid, 'Control+Home');
    await key(grid, 'ArrowUp');
    await key(grid, ' ');
    expect(grid.sortBy).to.equal('contact');
  });

  it('swaps left and right on a right-to-left page', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl"></div>`);
    const grid = await mountGrid(await storeWith(people(3)));
    wrapper.append(grid);
    await settled(grid);
    await focusFirstCell(grid);
    await key(grid, 'ArrowLeft');
    expect(focused(grid).col).to.equal(1);
    await key(grid, 'ArrowRight');
    expect(focused(grid).col).to.equal(0);
  });

  it('keeps focus on its recipient when live updates move rows', async () => {
    const store = await storeWith(people(30));
    const grid = await mountGrid(store);
    grid.sortBy = 'clicks';
    grid.sortDirection = 'descending';
    await settled(grid);
    await focusFirstCell(grid);
    for (let i = 0; i < 5; i++) await key(grid, 'ArrowDown');
    const cell = grid.shadowRoot!.activeElement;
    expect(focused(grid)).to.deep.include({ row: 7, text: 'Person 5' });
    await store.ingest([ev('clicked', 'r5', { at: 40 }), ev('opened', 'r20', { at: 41 })]);
    store.flush();
    await settled(grid);
    // Focus in the grid holds the move back; the row shows its new values where it is.
    expect(grid.shadowRoot!.activeElement).to.equal(cell);
    expect(focused(grid)).to.deep.include({ row: 7, text: 'Person 5' });
    expect(grid.pendingUpdates).to.equal(1);
    grid.showUpdates();
    await settled(grid);
    expect(grid.shadowRoot!.activeElement).to.equal(cell);
    expect(focused(grid)).to.deep.include({ row: 2, text: 'Person 5' });
    await key(grid, 'ArrowDown');
    expect(focused(grid)).to.deep.include({ row: 3, text: 'Person 0' });
  });

  it('keeps focus through virtual scrolling and comes back to it with the next key', async () => {
    const grid = await mountGrid(await storeWith(people(500)));
    await focusFirstCell(grid);
    const cell = grid.shadowRoot!.activeElement;
    scroller(grid).scrollTop = 36 * 300;
    await settled(grid);
    expect(grid.shadowRoot!.activeElement).to.equal(cell);
    expect(visibleRows(grid).map((r) => cellTexts(r)[0])).to.not.include('Person 0');
    await key(grid, 'ArrowDown');
    expect(focused(grid)).to.deep.include({ row: 3, text: 'Person 1' });
    expect(visibleRows(grid).map((r) => cellTexts(r)[0])).to.include('Person 1');
  });

  it('keeps focus in the grid when its recipient is filtered out', async () => {
    const grid = await mountGrid(await storeWith(people(10)));
    await focusFirstCell(grid);
    await key(grid, 'ArrowDown');
    grid.search = 'Person 7';
    await settled(grid);
    expect(focused(grid)).to.deep.include({ row: 2, text: 'Person 7' });
  });

  it('maps every key to its target cell, clamped at the edges', () => {
    const at = { row: 5, col: 2 };
    const t = (k: string, ctrl = false, rtl = false) => GridKeyboardController.target(k, ctrl, rtl, at, 10, 6, 4);
    expect(t('PageDown')).to.deep.equal({ row: 9, col: 2 });
    expect(t('PageUp')).to.deep.equal({ row: 1, col: 2 });
    expect(t('End', true)).to.deep.equal({ row: 9, col: 5 });
    expect(t('Home', true)).to.deep.equal({ row: 0, col: 0 });
    expect(t('ArrowLeft', false, true)).to.deep.equal({ row: 5, col: 3 });
    expect(t('x')).to.equal(undefined);
    expect(GridKeyboardController.target('ArrowDown', false, false, { row: -1, col: 0 }, 0, 6, 4)).to.deep.equal({
      row: -1,
      col: 0,
    });
  });
});
