import { adjustAfterScroll, offsetAt, revealRow, type ScrollLayout } from './virtualizer';

/**
 * The grid's scroll position as the virtualizer sees it: the scroller's scroll top, the adjust
 * that makes keyboard moves exact, and a scroll the element still has to apply to the DOM.
 * No DOM here: the element reads and writes `scrollTop` and reports scroll events.
 */
export class GridScroll {
  scrollTop = 0;
  adjust = 0;
  /** A scroll top to set on the scroller after the next render, with the offset it is for. */
  private wanted: { top: number; offset: number } | undefined;
  /** The scroll top the element set last, to tell its own scroll events from the user's. */
  private set = -1;

  /** The scroller moved: a user scroll keeps the adjust except at either end. */
  scrolled(layout: ScrollLayout, top: number): void {
    if (top !== this.set) this.adjust = adjustAfterScroll(layout, top, this.adjust);
    this.set = -1;
    this.scrollTop = top;
  }

  /** Brings a row fully into view (moving as little as possible). */
  reveal(layout: ScrollLayout, index: number): void {
    const target = revealRow(layout, index, this.scrollTop, this.adjust);
    if (target.scrollTop === this.scrollTop && target.adjust === this.adjust) return;
    this.moveTo(layout, target.scrollTop, target.adjust);
  }

  /** Jumps to a scroll top with no adjust (the top after a new sort or filter). */
  reset(layout: ScrollLayout, top = 0): void {
    this.moveTo(layout, top, 0);
  }

  /** Writes a wanted scroll to the scroller; `apply` reads back what the browser really did. */
  apply(layout: ScrollLayout, write: (top: number) => number): void {
    const wanted = this.wanted;
    if (!wanted) return;
    this.wanted = undefined;
    const actual = write(wanted.top);
    this.set = actual;
    if (actual !== wanted.top) {
      // Clamped or rounded: keep the row asked for in place with the adjust.
      this.adjust = wanted.offset - offsetAt(layout, actual, 0);
      this.scrollTop = actual;
    }
  }

  private moveTo(layout: ScrollLayout, top: number, adjust: number): void {
    this.scrollTop = top;
    this.adjust = adjust;
    this.wanted = { top, offset: offsetAt(layout, top, adjust) };
  }
}
