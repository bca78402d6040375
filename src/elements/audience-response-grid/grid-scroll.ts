import {
  followScroll,
  moveTo,
  offsetAt,
  restingPosition,
  revealRow,
  type ScrollLayout,
  type ScrollPosition,
} from './virtualizer';

/**
 * The grid's scroll position as the virtualizer sees it: the scroller's scroll top, the base that
 * makes it a virtual offset, and a scroll the element still has to apply to the DOM.
 * No DOM here: the element reads and writes `scrollTop` and reports scroll events.
 */
export class GridScroll implements ScrollPosition {
  scrollTop = 0;
  base = 0;
  /** A scroll top to set on the scroller after the next render, with the offset it is for. */
  #wanted: { top: number; offset: number } | undefined;
  /** The scroll top the element set last, to tell its own scroll events from the user's. */
  #set = -1;

  /** The scroller moved: one to one for a step, the home map for a jump, a rebase near the ends. */
  scrolled(layout: ScrollLayout, top: number): void {
    if (top === this.#set) {
      this.#set = -1;
      this.scrollTop = top;
      return;
    }
    this.#set = -1;
    const next = followScroll(layout, this, top);
    if (next.scrollTop !== top) this.#go(layout, next);
    else [this.scrollTop, this.base] = [top, next.base];
  }

  /**
   * Scrolling stopped: the scroll top goes home, so the scrollbar thumb tells the position.
   * Whether the rows moved: most rests (a short list, the one-to-one ends) move nothing, and
   * the element renders again only when they did.
   */
  rested(layout: ScrollLayout): boolean {
    const next = restingPosition(layout, this);
    if (Math.abs(next.scrollTop - this.scrollTop) >= 1) {
      this.#go(layout, next);
      return true;
    }
    const base = next.base + (next.scrollTop - this.scrollTop);
    if (base === this.base) return false;
    this.base = base;
    return true;
  }

  /** Brings a row fully into view (moving as little as possible). */
  reveal(layout: ScrollLayout, index: number): void {
    const target = revealRow(layout, index, this);
    if (target.scrollTop !== this.scrollTop || target.base !== this.base) this.#go(layout, target);
  }

  /** Jumps to an offset (the top after a new sort or filter). */
  reset(layout: ScrollLayout, offset = 0): void {
    this.#go(layout, moveTo(layout, { scrollTop: 0, base: 0 }, offset));
  }

  /** Writes a wanted scroll to the scroller; `apply` reads back what the browser really did. */
  apply(write: (top: number) => number): void {
    const wanted = this.#wanted;
    if (!wanted) return;
    this.#wanted = undefined;
    const actual = write(wanted.top);
    this.#set = actual;
    if (actual !== wanted.top) {
      // Clamped or rounded: keep the row asked for in place with the base.
      this.base = wanted.offset - actual;
      this.scrollTop = actual;
    }
  }

  #go(layout: ScrollLayout, to: ScrollPosition): void {
    this.scrollTop = to.scrollTop;
    this.base = to.base;
    this.#wanted = { top: to.scrollTop, offset: offsetAt(layout, to.scrollTop, to.base) };
  }
}
