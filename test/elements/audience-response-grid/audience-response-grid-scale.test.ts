// A million rows mount and scroll, and the first, middle, second-last and last rows are
// reachable by scrolling and by keyboard; ten million in the arithmetic's tests (virtualizer.test.ts).
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { MAX_PHYSICAL_HEIGHT } from '../../../src/elements/audience-response-grid/virtualizer';
import type { ResponseStore } from '../../../src/store/response-store';
import { bigStore, cellTexts, mountGrid, rowIndexes, rows, scroller, settled, visibleRows } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';

const ROW = 36;

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

  /** Each shown row's element and its top on screen, relative to the scroller. */
  function screenTops(): Map<HTMLElement, number> {
    const origin = scroller(grid).getBoundingClientRect().top;
    return new Map(visibleRows(grid).map((row) => [row, row.getBoundingClientRect().top - origin]));
  }
  /** Scrolls and waits for the scroll to end (the grid then moves the scroll top home). */
  async function scrollAndRest(top: number) {
    const s = scroller(grid);
    const ended = new Promise<boolean>((resolve) => {
      s.addEventListener('scrollend', () => resolve(true), { once: true });
      setTimeout(() => resolve(false), 2000);
    });
    s.scrollTop = top;
    expect(await ended, 'scrollend').to.equal(true);
    await settled(grid);
  }

  it('moves rows one to one for a wheel-sized scroll in the middle, keeping the drawn rows', async () => {
    const max = scroller(grid).scrollHeight - scroller(grid).clientHeight;
    await scrollAndRest(Math.round(max / 2));
    const before = screenTops();
    const first = rowIndexes([...before.keys()])[0]!;
    await scrollTo(scroller(grid).scrollTop + 100);
    const after = screenTops();
    const kept = [...before.keys()].filter((row) => after.has(row));
    expect(kept.length, 'rows drawn before and after').to.be.at.least(6);
    for (const row of kept) expect(after.get(row)! - before.get(row)!).to.be.closeTo(-100, 0.5);
    // 100 px is 2.8 rows of 36 px: the first shown row moved by 2 or 3, not by the 25 a linear map moves.
    expect(rowIndexes(visibleRows(grid))[0]! - first).to.be.within(2, 3);
  });

  it('goes home when scrolling stops: the scroll top moves, the rows do not', async () => {
    const max = scroller(grid).scrollHeight - scroller(grid).clientHeight;
    await scrollAndRest(Math.round(max / 3));
    const home = scroller(grid).scrollTop;
    for (let i = 0; i < 5; i++) await scrollTo(scroller(grid).scrollTop + 300);
    const moved = screenTops();
    const texts = visibleRows(grid).map((row) => cellTexts(row)[0]);
    await scrollAndRest(scroller(grid).scrollTop + 1);
    // 1,501 px one to one is about 160 px on the scrollbar's scale.
    expect(scroller(grid).scrollTop - home).to.be.within(120, 200);
    // The same rows stay in view; moving 1 px may let one row in at the bottom edge or out at the top.
    const restedTexts = visibleRows(grid).map((row) => cellTexts(row)[0]);
    const kept = texts.filter((text) => restedTexts.includes(text));
    expect(kept.length, 'rows still in view after the rest').to.be.at.least(texts.length - 1);
    expect(restedTexts.filter((text) => texts.includes(text))).to.deep.equal(kept);
    const rested = screenTops();
    expect([...rested.values()][0]).to.be.closeTo([...moved.values()][0]! - 1, 0.5);
  });

  it('reaches the last row scrolling down in small steps, and the first scrolling up', async () => {
    const max = scroller(grid).scrollHeight - scroller(grid).clientHeight;
    await scrollAndRest(max - 2000);
    for (let top = max - 2000; top < max; top = Math.min(max, top + 250)) await scrollTo(Math.min(max, top + 250));
    expect(rowIndexes(visibleRows(grid)).slice(-2)).to.deep.equal([COUNT, COUNT + 1]);
    expect(cellTexts(visibleRows(grid).at(-1)!)[0]).to.equal(`Person ${COUNT - 1}`);
    await scrollAndRest(2000);
    for (let top = 2000; top > 0; top = Math.max(0, top - 250)) await scrollTo(Math.max(0, top - 250));
    expect(rowIndexes(visibleRows(grid))[0]).to.equal(2);
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
    const focusedRow = () =>
      Number(grid.shadowRoot!.activeElement!.closest('[role="row"]')!.getAttribute('aria-rowindex'));
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
    expect(cellTexts(grid.shadowRoot!.activeElement!.closest('[role="row"]') as HTMLElement)[0]).to.equal(
      `Person ${COUNT / 2}`,
    );
    expect(shownIndexes()).to.include(COUNT / 2 + 2);
    await press('Home', 'Control');
    expect(focusedRow()).to.equal(2);
    expect(shownIndexes()[0]).to.equal(2);
  });

  it('redraws a frame at the bottom from the window of rows alone, and updates a row live there', async () => {
    const max = scroller(grid).scrollHeight - scroller(grid).clientHeight;
    await scrollTo(max - 7);
    // The work of a frame is the window, not the million: the same few row elements, kept.
    const before = rows(grid);
    grid.requestUpdate();
    await grid.updateComplete;
    const after = rows(grid);
    expect(after.length).to.be.within(10, 24);
    expect(after).to.deep.equal(before);
    expect(visibleRows(grid).length).to.be.greaterThan(0);
    await store.ingest([ev('clicked', `r${COUNT - 3}`, { emailId: 'big', at: 2_000_000 })]);
    store.flush();
    await settled(grid);
    const row = visibleRows(grid).find((r) => cellTexts(r)[0] === `Person ${COUNT - 3}`)!;
    expect(cellTexts(row).slice(2, 5)).to.deep.equal(['Clicked', '1', '1']);
  });
});
