import type { TimelineKey } from './timeline-model';

/** Indexes `[start, end)` of the sorted list that the window shows. */
export interface WindowRange {
  start: number;
  end: number;
}

/**
 * Which slice of a long sorted list is in the DOM, held as keys rather than offsets: the window
 * starts after one key and runs through another, so live changes above or below it (a new email,
 * a response that changed) never shift what the reader is looking at. It never holds more than
 * `maxPages` pages: showing more drops the newest ones, which "show newer" brings back.
 */
export class KeysetWindow {
  private after: TimelineKey | null = null;
  private through: TimelineKey | null = null;

  constructor(
    private readonly compare: (a: TimelineKey, b: TimelineKey) => number,
    public pageSize = 50,
    public maxPages = 4,
  ) {}

  /** The most rows the window ever shows. */
  get limit(): number {
    return this.pageSize * this.maxPages;
  }

  /** Back to the first page (a new contact or filter). */
  reset(): void {
    this.after = null;
    this.through = null;
  }

  range(list: readonly TimelineKey[]): WindowRange {
    let start = this.after === null ? 0 : this.firstAfter(list, this.after);
    // What the window started after is gone past the end (fewer rows now): show the last page.
    if (start >= list.length) start = Math.max(0, list.length - this.pageSize);
    let end = this.through === null ? start + this.pageSize : this.firstAfter(list, this.through);
    if (end <= start) end = start + this.pageSize;
    return { start, end: Math.min(list.length, end, start + this.limit) };
  }

  /** Extends the window by a page after its last key; false when nothing follows. */
  showMore(list: readonly TimelineKey[]): boolean {
    const { start, end } = this.range(list);
    const next = Math.min(list.length, end + this.pageSize);
    if (next === end) return false;
    this.through = keyOf(list[next - 1]!);
    if (next - start > this.limit) this.after = keyOf(list[next - this.limit - 1]!);
    else if (start > 0) this.after = keyOf(list[start - 1]!);
    return true;
  }

  /** Extends the window by a page before its first key; false when it starts at the top. */
  showNewer(list: readonly TimelineKey[]): boolean {
    const { start, end } = this.range(list);
    if (start === 0) return false;
    const first = Math.max(0, start - this.pageSize);
    this.after = first === 0 ? null : keyOf(list[first - 1]!);
    this.through = keyOf(list[Math.min(end, first + this.limit) - 1]!);
    return true;
  }

  /** The first index whose key sorts after `key` (binary search: the list is sorted). */
  private firstAfter(list: readonly TimelineKey[], key: TimelineKey): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(list[mid]!, key) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** A copy of the key alone, so the window does not keep an email's recipients alive. */
function keyOf(key: TimelineKey): TimelineKey {
  return { at: key.at, emailId: key.emailId };
}
