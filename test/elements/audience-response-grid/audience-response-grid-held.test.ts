// Held updates say so in the toolbar, never over the rows, and the count and the sort indicator
// say what the rows on screen are while the order is paused.
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { mountGrid, rows, scroller, settled } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

const shadow = (grid: AudienceResponseGridElement) => grid.shadowRoot!;
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const held = (grid: AudienceResponseGridElement) => shadow(grid).querySelector<HTMLElement>('[part~="held-updates"]');

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

const people = () => [
  ev('delivered', 'a', { contactName: 'Cara', at: 1 }),
  ev('opened', 'b', { contactName: 'Ann', at: 2 }),
  ev('clicked', 'c', { contactName: 'Bob', at: 3 }),
  ev('hard-bounce', 'd', { contactName: 'Dora', at: 5 }),
];

describe('<audience-response-grid> held updates', () => {
  it('says "Paused while you read · N updates · Show" in the toolbar, and the count and sort say what is shown', async () => {
    const store = await storeWith(people());
    const grid = await mountGrid(store);
    grid.sortBy = 'opens';
    grid.sortDirection = 'descending';
    await settled(grid);
    expect(held(grid)).to.equal(null);
    expect(text(shadow(grid).querySelector('[part~="row-count"]'))).to.equal('4 recipients');
    const box = rows(grid)[1]!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + 20), Math.round(box.top + box.height / 2)] });
    try {
      await store.ingest([
        ev('opened', 'a', { at: 9 }),
        ev('opened', 'a', { at: 10 }),
        ev('delivered', 'e', { contactName: 'Ed', at: 11 }),
      ]);
      store.flush();
      await settled(grid);
      expect(grid.pendingUpdates).to.equal(2);
      const notice = held(grid)!;
      expect(text(notice)).to.equal('Paused while you read · 2 updates · Show');
      // In the toolbar, and over no row nor the grid.
      expect(notice.closest('[part~="toolbar"]')).to.not.equal(null);
      expect(overlaps(notice.getBoundingClientRect(), scroller(grid).getBoundingClientRect())).to.equal(false);
      // The count says the rows are as of the pause (Ed waits), the sort says it is paused.
      expect(text(shadow(grid).querySelector('[part~="row-count"]'))).to.equal(
        '4 of 5 recipients shown, as of the pause',
      );
      const sorted = shadow(grid).querySelector('[aria-sort]')!;
      expect(text(sorted)).to.contain('paused');
      notice.querySelector('button')!.click();
      await settled(grid);
      expect(held(grid)).to.equal(null);
      expect(text(shadow(grid).querySelector('[part~="row-count"]'))).to.equal('5 recipients');
      expect(text(shadow(grid).querySelector('[aria-sort]'))).to.not.contain('paused');
    } finally {
      await resetMouse();
    }
  });
});
