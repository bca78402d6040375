// A million rows mount and scroll, and the first, middle, second-last and last rows are
// reachable by scrolling and by keyboard; ten million in a size-only test of the arithmetic.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import {
  MAX_PHYSICAL_HEIGHT,
  createLayout,
  offsetAt,
  pageSize,
  revealRow,
  rowTop,
  rowWindow,
  type ScrollLayout,
} from '../../../src/elements/audience-response-grid/virtualizer';
import type { ResponseStore } from '../../../src/store/response-store';
import { bigStore, cellTexts, ev, mountGrid, rowIndexes, scroller, settled, visibleRows } from './grid-fixtures';

const ROW = 36;

/** Whether row `index` is wholly inside the viewport at this scroll position. */
function fullyVisible(layout: ScrollLayout, index: number, scrollTop: number, adjust: number): boolean {
  const offset = offsetAt(layout, scrollTop, adjust);
  const top = rowTop(layout, index, scrollTop, offset) - scrollTop;
  return top >= 0 && top + layout.rowHeight <= layout.viewportHeight + 1e-6;
}

/** The integer scroll top a scrollbar drag can reach that shows the row, with no adjust. */
function scrollTopShowing(layout: ScrollLayout, index: number): number {
  const { maxOffset, maxScrollTop } = layout;
  const target = Math.min(maxOffset, index * layout.rowHeight);
  return Math.min(maxScrollTop, Math.floor((target * maxScrollTop) / maxOffset));
}

describe('virtualizer arithmetic', () => {
  for (const count of [1_000_000, 10_000_000]) {
    const layout = createLayout(count, ROW, 364);
    const targets = { first: 0, middle: Math.floor(count / 2), 'second-last': count - 2, last: count - 1 };

    it(`keeps ${count.toLocaleString('en')} rows under the height cap, exact at both ends`, () => {
      expect(layout.virtualHeight).to.equal(count * ROW);
      expect(layout.physicalHeight).to.equal(MAX_PHYSICAL_HEIGHT);
      const top = rowWindow(layout, 0);
      expect([top.firstVisible, top.offset]).to.deep.equal([0, 0]);
      const bottom = rowWindow(layout, layout.maxScrollTop);
      expect(bottom.endVisible).to.equal(count);
      expect(bottom.offset).to.equal(count * ROW - 364);
      expect(rowTop(layout, count - 1, layout.maxScrollTop, bottom.offset) + ROW).to.equal(layout.physicalHeight);
    });

    for (const [name, index] of Object.entries(targets)) {
      it(`reaches the ${name} of ${count.toLocaleString('en')} rows by scrolling and by keyboard`, () => {
        const top = scrollTopShowing(layout, index);
        expect(Number.isInteger(top)).to.equal(true);
        expect(fullyVisible(layout, index, top, 0), 'by scrolling').to.equal(true);
        for (const from of [0, Math.floor(layout.maxScrollTop / 3), layout.maxScrollTop]) {
          const target = revealRow(layout, index, from, 0);
          expect(Number.isInteger(target.scrollTop)).to.equal(true);
          expect(fullyVisible(layout, index, target.scrollTop, target.adjust), `by keyboard from ${from}`).to.equal(true);
          const start = revealRow(layout, index, from, 0, 'start');
          expect(offsetAt(layout, start.scrollTop, start.adjust)).to.equal(Math.min(index * ROW, layout.maxOffset));
        }
      });
    }
  }

  it('maps small lists one to one and pages by the rows that fit', () => {
    const layout = createLayout(100, ROW, 364);
    expect(layout.physicalHeight).to.equal(3600);
    expect(offsetAt(layout, 500)).to.equal(500);
    expect(revealRow(layout, 50, 0)).to.deep.equal({ scrollTop: 51 * ROW - 364, adjust: 0 });
    expect(pageSize(layout)).to.equal(10);
    expect(rowWindow(createLayout(0, ROW, 364), 0)).to.deep.include({ first: 0, end: 0 });
  });
});

describe('<audience-response-grid> at a million rows', function () {
  this.timeout(60_000);
  let store: ResponseStore;
  let grid: AudienceResponseGridElement;
  const COUNT = 1_000_000;

  before(() => {
    store = bigStore(COUNT);
  });

  beforeEach(async () => {
    grid = await mountGrid(store, 'big');
  });

  const shownIndexes = () => rowIndexes(visibleRows(grid));
  async function scrollTo(top: number) {
    scroller(grid).scrollTop = top;
    await settled(grid);
  }

  it('mounts with every row counted and only a window of them in the DOM', async () => {
    const s = scroller(grid);
    expect(s.getAttribute('aria-rowcount')).to.equal(String(COUNT + 1));
    expect(grid.shadowRoot!.querySelectorAll('[role="row"][data-index]').length).to.be.within(10, 24);
    expect(s.scrollHeight).to.equal(MAX_PHYSICAL_HEIGHT + ROW);
    expect(shownIndexes()[0]).to.equal(2);
  });

  it('reaches the first, middle, second-last and last rows by scrolling', async () => {
    const max = scroller(grid).scrollHeight - scroller(grid).clientHeight;
    await scrollTo(max);
    expect(shownIndexes().slice(-2)).to.deep.equal([COUNT, COUNT + 1]);
    // The header stays on top (sticky), exactly one row high.
    const header = grid.shadowRoot!.querySelector('.header-group')!.getBoundingClientRect();
    expect(header.top - scroller(grid).getBoundingClientRect().top).to.be.closeTo(1, 1);
    expect(header.height).to.equal(ROW);
    expect(cellTexts(visibleRows(grid).at(-1)!)[0]).to.equal(`Person ${COUNT - 1}`);
    await scrollTo(Math.round(max / 2));
    const middle = shownIndexes();
    expect(middle[0]).to.be.at.most(COUNT / 2 + 1);
    expect(middle.at(-1)).to.be.at.least(COUNT / 2 + 1);
    await scrollTo(0);
    expect(shownIndexes()[0]).to.equal(2);
    expect(cellTexts(visibleRows(grid)[0]!)[0]).to.equal('Person 0');
  });

  it('reaches the first, middle, second-last and last rows by keyboard', async () => {
    scroller(grid).querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    const press = async (key: string, modifier?: string) => {
      if (modifier) await sendKeys({ down: modifier });
      await sendKeys({ press: key });
      if (modifier) await sendKeys({ up: modifier });
      await settled(grid);
    };
    const focusedRow = () => Number(grid.shadowRoot!.activeElement!.closest('[role="row"]')!.getAttribute('aria-rowindex'));
    await press('End', 'Control');
    expect(focusedRow()).to.equal(COUNT + 1);
    expect(shownIndexes()).to.include(COUNT + 1);
    await press('ArrowUp');
    expect(focusedRow()).to.equal(COUNT);
    expect(shownIndexes()).to.include(COUNT);
    expect(grid.revealRecipient(`r${COUNT / 2 - 1}`)).to.equal(true);
    await settled(grid);
    await press('ArrowDown');
    // Row index COUNT / 2, after the header: aria-rowindex COUNT / 2 + 2.
    expect(focusedRow()).to.equal(COUNT / 2 + 2);
    expect(cellTexts(grid.shadowRoot!.activeElement!.closest('[role="row"]') as HTMLElement)[0]).to.equal(`Person ${COUNT / 2}`);
    expect(shownIndexes()).to.include(COUNT / 2 + 2);
    await press('Home', 'Control');
    expect(focusedRow()).to.equal(2);
    expect(shownIndexes()[0]).to.equal(2);
  });

  it('renders a scroll frame in well under a long task, and updates a row live at the bottom', async () => {
    const max = scroller(grid).scrollHeight - scroller(grid).clientHeight;
    await scrollTo(max - 7);
    const started = performance.now();
    grid.requestUpdate();
    await grid.updateComplete;
    expect(performance.now() - started).to.be.below(50);
    await store.ingest([ev('clicked', `r${COUNT - 3}`, { emailId: 'big', at: 2_000_000 })]);
    store.flush();
    await settled(grid);
    const row = visibleRows(grid).find((r) => cellTexts(r)[0] === `Person ${COUNT - 3}`)!;
    expect(cellTexts(row).slice(2, 5)).to.deep.equal(['Clicked', '1', '1']);
  });
});
