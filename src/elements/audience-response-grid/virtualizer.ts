/**
 * Index and offset arithmetic for a fixed-row-height list of any length, with no DOM.
 *
 * Browsers cap an element's height (Chromium near 33,554,400 px, Firefox near 17,895,697 px), and
 * float precision in the compositor degrades well before that. So the scrollable height is capped
 * (`MAX_PHYSICAL_HEIGHT`), and past the cap a scroll top stands for a virtual offset (px from the
 * first row's top) through a `base`: offset = scroll top + base. This is the technique of
 * Vaadin's virtualizer:
 *
 * - small scrolls (a wheel tick, a key, a touch move) keep the base, so rows move one to one
 *   with the scroller and a row the browser already drew stays where it is;
 * - a large jump (a scrollbar drag) takes the *home* map, which spreads the virtual height over
 *   the scroll height and is one to one within `endZone` of either end;
 * - when scrolling one to one has carried the scroll top near an end the offset is not near, or
 *   when scrolling stops, the scroll top is moved to the offset's home without moving the rows
 *   (a rebase), so the ends stay reachable and the scrollbar thumb tells the true position.
 *
 * The ends are exact: scroll top 0 is the first row at the top, the largest scroll top is the
 * last row at the bottom.
 */

/** Well under every browser's limit, and low enough that positions keep sub-pixel precision. */
export const MAX_PHYSICAL_HEIGHT = 4_000_000;

/** Virtual px at either end that the home map keeps one to one (less on short scrollers). */
export const END_ZONE = 100_000;

export interface ScrollLayout {
  readonly rowCount: number;
  readonly rowHeight: number;
  /** Height of the area rows show in (the scroller's height without the sticky header). */
  readonly viewportHeight: number;
  /** rowCount × rowHeight. */
  readonly virtualHeight: number;
  /** The height the scroller really gets. */
  readonly physicalHeight: number;
  /** Largest virtual offset: the last row's bottom at the viewport's bottom. */
  readonly maxOffset: number;
  /** Largest scroll top. */
  readonly maxScrollTop: number;
}

/** Where the viewport is: the scroller's scroll top and the base that makes it an offset. */
export interface ScrollPosition {
  scrollTop: number;
  base: number;
}

export function createLayout(
  rowCount: number,
  rowHeight: number,
  viewportHeight: number,
  maxPhysicalHeight = MAX_PHYSICAL_HEIGHT,
): ScrollLayout {
  const rows = Math.max(0, Math.floor(rowCount));
  const height = Math.max(1, Math.round(rowHeight));
  const viewport = Math.max(0, viewportHeight);
  const virtualHeight = rows * height;
  const physicalHeight = Math.min(virtualHeight, Math.max(Math.round(maxPhysicalHeight), Math.ceil(viewport) + height));
  return {
    rowCount: rows,
    rowHeight: height,
    viewportHeight: viewport,
    virtualHeight,
    physicalHeight,
    maxOffset: Math.max(0, virtualHeight - viewport),
    maxScrollTop: Math.max(0, physicalHeight - viewport),
  };
}

/** Whether the scroll height is a scaled-down stand-in for the virtual height. */
export function isScaled(layout: ScrollLayout): boolean {
  return layout.maxOffset > layout.maxScrollTop;
}

/** The one-to-one stretch at each end of the home map. */
export function endZone(layout: ScrollLayout): number {
  return isScaled(layout) ? Math.min(END_ZONE, Math.floor(layout.maxScrollTop / 4)) : 0;
}

/** A scroll of more than this is a jump (it takes the home map), not a step (one to one). */
export function jumpDistance(layout: ScrollLayout): number {
  return Math.max(1000, 2 * layout.viewportHeight);
}

/**
 * The home map from scroll top to offset: one to one within `endZone` of either end, linear in
 * between, exact at both ends. What a scrollbar drag shows.
 */
export function homeOffset(layout: ScrollLayout, scrollTop: number): number {
  const { maxOffset, maxScrollTop } = layout;
  if (scrollTop <= 0 || maxScrollTop <= 0) return 0;
  if (scrollTop >= maxScrollTop) return maxOffset;
  if (!isScaled(layout)) return scrollTop;
  const zone = endZone(layout);
  if (scrollTop <= zone) return scrollTop;
  if (scrollTop >= maxScrollTop - zone) return maxOffset - (maxScrollTop - scrollTop);
  return Math.round(zone + ((scrollTop - zone) * (maxOffset - 2 * zone)) / (maxScrollTop - 2 * zone));
}

/** The home map's inverse: the integer scroll top an offset belongs at, 0 and the largest only for the ends. */
export function homeScrollTop(layout: ScrollLayout, offset: number): number {
  const { maxOffset, maxScrollTop } = layout;
  if (offset <= 0 || maxOffset <= 0) return 0;
  if (offset >= maxOffset) return maxScrollTop;
  const zone = endZone(layout);
  let top: number;
  if (!isScaled(layout) || offset <= zone) top = offset;
  else if (offset >= maxOffset - zone) top = maxScrollTop - (maxOffset - offset);
  else top = zone + ((offset - zone) * (maxScrollTop - 2 * zone)) / (maxOffset - 2 * zone);
  return clamp(Math.round(top), Math.min(1, maxScrollTop), Math.max(0, maxScrollTop - 1));
}

/** The position an offset has at home. */
export function home(layout: ScrollLayout, offset: number): ScrollPosition {
  const target = clamp(offset, 0, layout.maxOffset);
  const scrollTop = homeScrollTop(layout, target);
  return { scrollTop, base: target - scrollTop };
}

/**
 * The virtual offset at the viewport's top. An unscaled list ignores the base: one left from
 * before its rows were filtered down must not shift it.
 */
export function offsetAt(layout: ScrollLayout, scrollTop: number, base = 0): number {
  const { maxOffset, maxScrollTop } = layout;
  if (scrollTop <= 0 || maxScrollTop <= 0) return 0;
  if (scrollTop >= maxScrollTop) return maxOffset;
  return clamp(scrollTop + (isScaled(layout) ? base : 0), 0, maxOffset);
}

/**
 * What a scroll the user made does: a step moves the rows as far as the scroller moved, a jump
 * takes the home map. The returned scroll top differs from `scrollTop` when the position needs a
 * rebase: near an end of the scroller that its offset is not near, the scroll top moves home and
 * the rows do not.
 */
export function followScroll(layout: ScrollLayout, from: ScrollPosition, scrollTop: number): ScrollPosition {
  const { maxOffset, maxScrollTop } = layout;
  if (!isScaled(layout)) return { scrollTop, base: 0 };
  const delta = scrollTop - from.scrollTop;
  // From what is shown, not from the base: a base kept from before the rows grew or shrank
  // would put a step somewhere else entirely.
  const shown = offsetAt(layout, from.scrollTop, from.base);
  if (Math.abs(delta) > jumpDistance(layout)) {
    const jumped = homeOffset(layout, scrollTop);
    // A fling that skipped frames looks like a jump; it must not move the rows backwards.
    if (Math.sign(jumped - shown) === Math.sign(delta)) return { scrollTop, base: jumped - scrollTop };
  }
  const target = clamp(shown + delta, 0, maxOffset);
  const zone = endZone(layout);
  if (target <= 0 || target >= maxOffset || scrollTop <= zone || scrollTop >= maxScrollTop - zone) {
    const there = home(layout, target);
    // Sub-pixel scroll tops (a zoomed page) are not worth a write.
    if (Math.abs(there.scrollTop - scrollTop) >= 1) return there;
  }
  return { scrollTop, base: target - scrollTop };
}

/** Where the scroll top belongs once scrolling stops: the offset's home, the rows unmoved. */
export function restingPosition(layout: ScrollLayout, at: ScrollPosition): ScrollPosition {
  if (!isScaled(layout)) return { scrollTop: at.scrollTop, base: 0 };
  return home(layout, offsetAt(layout, at.scrollTop, at.base));
}

/**
 * The position that shows `offset`: one to one from `from` when the move is a step that stays
 * clear of the scroller's ends, else the offset's home.
 */
export function moveTo(layout: ScrollLayout, from: ScrollPosition, offset: number): ScrollPosition {
  const { maxOffset, maxScrollTop } = layout;
  const target = clamp(offset, 0, maxOffset);
  if (!isScaled(layout)) return { scrollTop: target, base: 0 };
  const shown = offsetAt(layout, from.scrollTop, from.base);
  if (target > 0 && target < maxOffset && Math.abs(target - shown) <= jumpDistance(layout)) {
    const scrollTop = Math.round(target - (shown - from.scrollTop));
    const zone = endZone(layout);
    if (scrollTop > zone && scrollTop < maxScrollTop - zone) return { scrollTop, base: target - scrollTop };
  }
  return home(layout, target);
}

export interface RowWindow {
  /** First row to render (inclusive), overscan included. */
  readonly first: number;
  /** Row after the last one to render. */
  readonly end: number;
  /** First and after-last rows that are at least partly in the viewport. */
  readonly firstVisible: number;
  readonly endVisible: number;
  /** Virtual offset at the viewport's top. */
  readonly offset: number;
}

/** The rows to render at a scroll position, with `overscan` extra rows on each side. */
export function rowWindow(layout: ScrollLayout, scrollTop: number, base = 0, overscan = 3): RowWindow {
  const { rowCount, rowHeight, viewportHeight } = layout;
  const offset = offsetAt(layout, scrollTop, base);
  if (rowCount === 0) return { first: 0, end: 0, firstVisible: 0, endVisible: 0, offset: 0 };
  const firstVisible = Math.min(rowCount - 1, Math.floor(offset / rowHeight));
  const endVisible = Math.min(rowCount, Math.max(firstVisible + 1, Math.ceil((offset + viewportHeight) / rowHeight)));
  return {
    first: Math.max(0, firstVisible - overscan),
    end: Math.min(rowCount, endVisible + overscan),
    firstVisible,
    endVisible,
    offset,
  };
}

/**
 * Where row `index` goes inside the scroller's body (px from the body's top) when the viewport
 * is at `scrollTop` and shows virtual `offset`. While the base holds, a row's place does not
 * change, so the browser scrolls drawn rows without touching them.
 */
export function rowTop(layout: ScrollLayout, index: number, scrollTop: number, offset: number): number {
  return scrollTop + index * layout.rowHeight - offset;
}

/** Rows fully in a viewport: what PageUp and PageDown move by. */
export function pageSize(layout: ScrollLayout): number {
  return Math.max(1, Math.floor(layout.viewportHeight / layout.rowHeight));
}

/**
 * The position that brings row `index` fully into view, moving as little as possible
 * (`nearest`) or putting it at the top, centre or bottom. Exact for any row count.
 */
export function revealRow(
  layout: ScrollLayout,
  index: number,
  from: ScrollPosition,
  align: 'nearest' | 'start' | 'center' | 'end' = 'nearest',
): ScrollPosition {
  const { rowHeight, viewportHeight, rowCount } = layout;
  if (rowCount === 0) return { scrollTop: 0, base: 0 };
  const row = clamp(Math.floor(index), 0, rowCount - 1);
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  const current = offsetAt(layout, from.scrollTop, from.base);
  let target = current;
  if (align === 'start') target = top;
  else if (align === 'end') target = bottom - viewportHeight;
  else if (align === 'center') target = top - (viewportHeight - rowHeight) / 2;
  else if (top < current) target = top;
  else if (bottom > current + viewportHeight) target = bottom - viewportHeight;
  else return from;
  return moveTo(layout, from, Math.round(target));
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
