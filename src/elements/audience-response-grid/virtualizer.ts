/**
 * Index and offset arithmetic for a fixed-row-height list of any length, with no DOM.
 *
 * Browsers cap an element's height (Chromium near 33,554,400 px, Firefox near 17,895,697 px), and
 * float precision in the compositor degrades well before that. So the scrollable height is capped
 * (`MAX_PHYSICAL_HEIGHT`) and, past the cap, the scroll position maps linearly onto the list's
 * virtual height, the technique of Vaadin's virtualizer. The map is exact at both ends: scroll
 * top 0 shows the first row at the top, the largest scroll top shows the last row at the bottom.
 *
 * Past the cap one pixel of scroll moves several rows, so a scroll top alone cannot put every
 * row at every place. Keyboard moves reveal a row exactly with an `adjust`: virtual pixels
 * added to the mapped offset. It survives the user's scrolling (so nothing jumps) and is dropped
 * at either end (so the ends stay exact).
 */

/** Well under every browser's limit, and low enough that positions keep sub-pixel precision. */
export const MAX_PHYSICAL_HEIGHT = 4_000_000;

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

export function createLayout(rowCount: number, rowHeight: number, viewportHeight: number, maxPhysicalHeight = MAX_PHYSICAL_HEIGHT): ScrollLayout {
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
  return layout.physicalHeight < layout.virtualHeight;
}

/** The virtual offset (px from the first row's top) at the viewport's top. */
export function offsetAt(layout: ScrollLayout, scrollTop: number, adjust = 0): number {
  const { maxOffset, maxScrollTop } = layout;
  if (scrollTop <= 0 || maxScrollTop <= 0) return 0;
  if (scrollTop >= maxScrollTop) return maxOffset;
  const mapped = isScaled(layout) ? (scrollTop * maxOffset) / maxScrollTop : scrollTop;
  return clamp(mapped + adjust, 0, maxOffset);
}

/** The scroll top whose mapped offset is nearest `offset` (no adjust). */
export function scrollTopFor(layout: ScrollLayout, offset: number): number {
  const { maxOffset, maxScrollTop } = layout;
  if (offset <= 0 || maxOffset <= 0) return 0;
  if (offset >= maxOffset) return maxScrollTop;
  return Math.round(isScaled(layout) ? (offset * maxScrollTop) / maxOffset : offset);
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
export function rowWindow(layout: ScrollLayout, scrollTop: number, adjust = 0, overscan = 3): RowWindow {
  const { rowCount, rowHeight, viewportHeight } = layout;
  const offset = offsetAt(layout, scrollTop, adjust);
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
 * is at `scrollTop` and shows virtual `offset`: rows stay put while the browser scrolls, and
 * the next frame corrects the small drift a scaled map causes.
 */
export function rowTop(layout: ScrollLayout, index: number, scrollTop: number, offset: number): number {
  return scrollTop + index * layout.rowHeight - offset;
}

/** Rows fully in a viewport: what PageUp and PageDown move by. */
export function pageSize(layout: ScrollLayout): number {
  return Math.max(1, Math.floor(layout.viewportHeight / layout.rowHeight));
}

export interface ScrollTarget {
  scrollTop: number;
  adjust: number;
}

/**
 * The scroll top and adjust that bring row `index` fully into view, moving as little as
 * possible (`nearest`) or putting it at the top, centre or bottom. Exact for any row count.
 */
export function revealRow(
  layout: ScrollLayout,
  index: number,
  scrollTop: number,
  adjust = 0,
  align: 'nearest' | 'start' | 'center' | 'end' = 'nearest',
): ScrollTarget {
  const { rowHeight, viewportHeight, rowCount } = layout;
  if (rowCount === 0) return { scrollTop: 0, adjust: 0 };
  const row = clamp(Math.floor(index), 0, rowCount - 1);
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  const current = offsetAt(layout, scrollTop, adjust);
  let target = current;
  if (align === 'start') target = top;
  else if (align === 'end') target = bottom - viewportHeight;
  else if (align === 'center') target = top - (viewportHeight - rowHeight) / 2;
  else if (top < current) target = top;
  else if (bottom > current + viewportHeight) target = bottom - viewportHeight;
  else return { scrollTop, adjust };
  return settle(layout, clamp(Math.round(target), 0, layout.maxOffset));
}

/**
 * The integer scroll top nearest a virtual offset, and the adjust that makes it exact. The two
 * ends mean exactly the first and the last offset, so an offset just inside them takes the
 * scroll top next to the end instead.
 */
export function settle(layout: ScrollLayout, offset: number): ScrollTarget {
  const { maxOffset, maxScrollTop } = layout;
  let scrollTop = scrollTopFor(layout, offset);
  if (maxScrollTop >= 2) {
    if (scrollTop <= 0 && offset > 0) scrollTop = 1;
    else if (scrollTop >= maxScrollTop && offset < maxOffset) scrollTop = maxScrollTop - 1;
  }
  if (scrollTop <= 0 || scrollTop >= maxScrollTop) return { scrollTop, adjust: 0 };
  return { scrollTop, adjust: offset - offsetAt(layout, scrollTop, 0) };
}

/**
 * What a scroll the user made does to the adjust: kept (nothing jumps) except at either end,
 * where the first and last rows must be exactly in place.
 */
export function adjustAfterScroll(layout: ScrollLayout, scrollTop: number, adjust: number): number {
  return scrollTop <= 0 || scrollTop >= layout.maxScrollTop ? 0 : adjust;
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
