// The virtualizer's arithmetic, with no DOM: a million and ten million rows under the height cap,
// one-to-one steps, home-map jumps, rebases near the ends, and every row reachable.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  MAX_PHYSICAL_HEIGHT,
  createLayout,
  endZone,
  followScroll,
  home,
  homeOffset,
  homeScrollTop,
  jumpDistance,
  moveTo,
  offsetAt,
  pageSize,
  restingPosition,
  revealRow,
  rowTop,
  rowWindow,
  type ScrollLayout,
  type ScrollPosition,
} from '../../../src/elements/audience-response-grid/virtualizer';

const ROW = 36;
const VIEWPORT = 364;
const at = (scrollTop: number, base = 0): ScrollPosition => ({ scrollTop, base });

/** Whether row `index` is wholly inside the viewport at this position. */
function fullyVisible(layout: ScrollLayout, index: number, position: ScrollPosition): boolean {
  const offset = offsetAt(layout, position.scrollTop, position.base);
  const top = rowTop(layout, index, position.scrollTop, offset) - position.scrollTop;
  return top >= 0 && top + layout.rowHeight <= layout.viewportHeight + 1e-6;
}

describe('virtualizer arithmetic', () => {
  for (const count of [1_000_000, 10_000_000]) {
    const layout = createLayout(count, ROW, VIEWPORT);
    const name = count.toLocaleString('en');
    const targets = { first: 0, middle: Math.floor(count / 2), 'second-last': count - 2, last: count - 1 };

    it(`keeps ${name} rows under the height cap, exact at both ends`, () => {
      expect(layout.virtualHeight).to.equal(count * ROW);
      expect(layout.physicalHeight).to.equal(MAX_PHYSICAL_HEIGHT);
      const top = rowWindow(layout, 0);
      expect([top.firstVisible, top.offset]).to.deep.equal([0, 0]);
      const bottom = rowWindow(layout, layout.maxScrollTop);
      expect(bottom.endVisible).to.equal(count);
      expect(bottom.offset).to.equal(count * ROW - VIEWPORT);
      expect(rowTop(layout, count - 1, layout.maxScrollTop, bottom.offset) + ROW).to.equal(layout.physicalHeight);
    });

    for (const [which, index] of Object.entries(targets)) {
      it(`reaches the ${which} of ${name} rows by a scrollbar drag and by keyboard`, () => {
        // A drag lands on the home map: the integer scroll top at or just above the row shows it.
        const wanted = Math.min(layout.maxOffset, index * ROW);
        let drag = homeScrollTop(layout, wanted);
        if (homeOffset(layout, drag) > wanted) drag -= 1;
        const dragged = followScroll(layout, at(drag > layout.maxScrollTop / 2 ? 0 : layout.maxScrollTop), drag);
        expect(Number.isInteger(dragged.scrollTop)).to.equal(true);
        expect(fullyVisible(layout, index, dragged), 'by a drag').to.equal(true);
        for (const from of [
          at(0),
          home(layout, layout.maxOffset / 3),
          at(layout.maxScrollTop, layout.maxOffset - layout.maxScrollTop),
        ]) {
          const target = revealRow(layout, index, from);
          expect(Number.isInteger(target.scrollTop)).to.equal(true);
          expect(fullyVisible(layout, index, target), `by keyboard from ${from.scrollTop}`).to.equal(true);
          const start = revealRow(layout, index, from, 'start');
          expect(offsetAt(layout, start.scrollTop, start.base)).to.equal(Math.min(index * ROW, layout.maxOffset));
        }
      });
    }

    it(`moves ${name} rows one to one for a wheel step, so drawn rows keep their place`, () => {
      const from = home(layout, 17_000_000);
      const before = offsetAt(layout, from.scrollTop, from.base);
      const after = followScroll(layout, from, from.scrollTop + 100);
      expect(after).to.deep.equal({ scrollTop: from.scrollTop + 100, base: from.base });
      expect(offsetAt(layout, after.scrollTop, after.base) - before).to.equal(100);
      // Row 472,300's place in the scroller's body is the same before and after.
      const row = 472_300;
      expect(rowTop(layout, row, after.scrollTop, before + 100)).to.equal(rowTop(layout, row, from.scrollTop, before));
    });

    it(`takes the home map for a jump of ${name} rows (a scrollbar drag)`, () => {
      const from = home(layout, 1_000_000);
      const top = from.scrollTop + jumpDistance(layout) + 1;
      expect(followScroll(layout, from, top)).to.deep.equal({ scrollTop: top, base: homeOffset(layout, top) - top });
    });

    it(`rebases ${name} rows near an end the offset is not near, without moving a row`, () => {
      const from = at(endZone(layout) + 10, 5_000_000);
      const offset = offsetAt(layout, from.scrollTop, from.base);
      const next = followScroll(layout, from, from.scrollTop - 20);
      expect(next.scrollTop).to.equal(homeScrollTop(layout, offset - 20));
      expect(next.scrollTop).to.be.above(endZone(layout));
      expect(offsetAt(layout, next.scrollTop, next.base)).to.equal(offset - 20);
      const low = followScroll(
        layout,
        at(layout.maxScrollTop - endZone(layout) + 5, -1_000_000),
        layout.maxScrollTop - endZone(layout) + 50,
      );
      expect(low.scrollTop).to.be.below(layout.maxScrollTop - endZone(layout));
    });

    it(`goes home when ${name} rows stop scrolling, showing the same offset`, () => {
      const moved = at(2_000_000, 6_000_000);
      const rest = restingPosition(layout, moved);
      expect(offsetAt(layout, rest.scrollTop, rest.base)).to.equal(8_000_000);
      expect(rest).to.deep.equal(home(layout, 8_000_000));
      expect(restingPosition(layout, rest)).to.deep.equal(rest);
    });
  }

  it('steps from what is shown after the rows grew, not from a base kept from before', () => {
    const small = createLayout(500_000, ROW, VIEWPORT);
    const big = createLayout(1_000_000, ROW, VIEWPORT);
    // At the end of 500,000 rows, then the list doubles: the end shows the last of 1,000,000.
    const end = at(small.maxScrollTop, small.maxOffset - small.maxScrollTop);
    expect(offsetAt(big, end.scrollTop, end.base)).to.equal(big.maxOffset);
    const up = followScroll(big, end, end.scrollTop - 100);
    expect(offsetAt(big, up.scrollTop, up.base)).to.equal(big.maxOffset - 100);
  });

  it('never moves the rows against a big scroll (a fling that skipped frames)', () => {
    const layout = createLayout(1_000_000, ROW, VIEWPORT);
    // Wheel-scrolled one to one far past home: the home map at the new scroll top lies behind.
    const from = at(1_000_000, 20_000_000);
    const shown = offsetAt(layout, from.scrollTop, from.base);
    const next = followScroll(layout, from, from.scrollTop + 3_000);
    expect(homeOffset(layout, from.scrollTop + 3_000)).to.be.below(shown);
    expect(offsetAt(layout, next.scrollTop, next.base)).to.equal(shown + 3_000);
  });

  it('rebases a wheel step that reaches an end of the scroller the rows are far from', () => {
    const layout = createLayout(1_000_000, ROW, VIEWPORT);
    const near = at(layout.maxScrollTop - 50, 5_000_000);
    const shown = offsetAt(layout, near.scrollTop, near.base);
    const next = followScroll(layout, near, layout.maxScrollTop);
    expect(offsetAt(layout, next.scrollTop, next.base)).to.equal(shown + 50);
    expect(next.scrollTop).to.be.below(layout.maxScrollTop - endZone(layout));
    // A key press near an end goes home too, so a wheel step after it cannot jump.
    const key = moveTo(layout, at(38, 89_386), 89_386 + 38 + ROW);
    expect(key).to.deep.equal(home(layout, 89_386 + 38 + ROW));
  });

  it('is one to one at each end of the home map and exact at both ends', () => {
    const layout = createLayout(1_000_000, ROW, VIEWPORT);
    const zone = endZone(layout);
    expect(zone).to.equal(100_000);
    for (const top of [1, 500, zone]) expect(homeOffset(layout, top)).to.equal(top);
    for (const back of [1, 500, zone])
      expect(homeOffset(layout, layout.maxScrollTop - back)).to.equal(layout.maxOffset - back);
    expect(homeOffset(layout, 0)).to.equal(0);
    expect(homeOffset(layout, layout.maxScrollTop)).to.equal(layout.maxOffset);
    expect(homeScrollTop(layout, 1)).to.equal(1);
    expect(homeScrollTop(layout, layout.maxOffset - 1)).to.equal(layout.maxScrollTop - 1);
  });

  it('keeps every scroll exact at the ends and inside the list, and steps one to one (property)', () => {
    // Each case scrolls one kind of list whose row count changes now and then (live rows, a hydrate).
    const kinds = fc.constantFrom(
      [ROW, VIEWPORT, [1_000_000, 500_000, 2_000_000]],
      [30, 600, [10_000_000, 9_000_000, 120_000]],
      [ROW, 200, [120_000, 1_000_000, 3_000]],
    );
    const move = fc.oneof(
      fc.integer({ min: -400, max: 400 }).map((step) => ({ kind: 'step' as const, value: step })),
      fc.double({ min: 0, max: 1, noNaN: true }).map((where) => ({ kind: 'drag' as const, value: where })),
      fc.constantFrom({ kind: 'rest' as const, value: 0 }),
      fc.integer({ min: 0, max: 2 }).map((which) => ({ kind: 'rows' as const, value: which })),
    );
    fc.assert(
      fc.property(kinds, fc.array(move, { maxLength: 60 }), ([rowHeight, viewport, counts], moves) => {
        let layout = createLayout(counts[0]!, rowHeight, viewport);
        let position: ScrollPosition = at(0);
        for (const m of moves) {
          if (m.kind === 'rows') {
            layout = createLayout(counts[m.value]!, rowHeight, viewport);
            // The browser clamps the scroll top to the new height; the rows shown are what offsetAt says.
            position = { ...position, scrollTop: Math.min(position.scrollTop, layout.maxScrollTop) };
            continue;
          }
          const before = offsetAt(layout, position.scrollTop, position.base);
          if (m.kind === 'rest') {
            const rest = restingPosition(layout, position);
            expect(offsetAt(layout, rest.scrollTop, rest.base)).to.equal(before);
            position = rest;
            continue;
          }
          const top =
            m.kind === 'step'
              ? Math.min(layout.maxScrollTop, Math.max(0, position.scrollTop + m.value))
              : Math.round(m.value * layout.maxScrollTop);
          const next = followScroll(layout, position, top);
          const offset = offsetAt(layout, next.scrollTop, next.base);
          expect(offset).to.be.within(0, layout.maxOffset);
          expect(next.scrollTop).to.be.within(0, layout.maxScrollTop);
          if (next.scrollTop === 0) expect(offset).to.equal(0);
          if (next.scrollTop === layout.maxScrollTop) expect(offset).to.equal(layout.maxOffset);
          if (offset === 0) expect(next.scrollTop).to.equal(0);
          if (offset === layout.maxOffset) expect(next.scrollTop).to.equal(layout.maxScrollTop);
          // A step moves the rows by the step (a rebase moves only the scroll top), unless it reached an end.
          if (m.kind === 'step' && top > 0 && top < layout.maxScrollTop && offset > 0 && offset < layout.maxOffset)
            expect(offset - before).to.equal(top - position.scrollTop);
          position = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('maps small lists one to one and pages by the rows that fit', () => {
    const layout = createLayout(100, ROW, VIEWPORT);
    expect(layout.physicalHeight).to.equal(3600);
    expect(offsetAt(layout, 500)).to.equal(500);
    // A base left from a million rows, before a filter, does not shift a short list.
    expect(offsetAt(layout, 500, 7_000_000)).to.equal(500);
    expect(followScroll(layout, at(0), 500)).to.deep.equal(at(500));
    expect(revealRow(layout, 50, at(0))).to.deep.equal(at(51 * ROW - VIEWPORT));
    expect(pageSize(layout)).to.equal(10);
    expect(rowWindow(createLayout(0, ROW, VIEWPORT), 0)).to.deep.include({ first: 0, end: 0 });
  });
});
