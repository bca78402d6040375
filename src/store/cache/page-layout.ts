/**
 * Which slots of an email (its recipients in order of first appearance) each row page holds. The
 * first page is small and the others large: a cold start paints the first page's rows before it
 * reads the rest (issue 16), and reads a million rows as 16 records. With a page size of at most
 * `FIRST_PAGE_ROWS` every page holds `pageSize` slots, as before pages were large.
 */
import type { FoldRecord } from './cache-schema';

/**
 * Slots of an email's first page (at most): a few screenfuls, read and painted first. Its rows are
 * checked and restored before the first paint, on code that runs for the first time: 2,000 of them
 * took 30 to 50 ms of a cold start's first rows at a million rows (issue 16).
 */
export const FIRST_PAGE_ROWS = 256;

export function firstPageRows(pageSize: number): number {
  return Math.min(FIRST_PAGE_ROWS, pageSize);
}

/** The page that holds `slot`. */
export function pageOf(slot: number, pageSize: number): number {
  const first = firstPageRows(pageSize);
  return slot < first ? 0 : 1 + Math.floor((slot - first) / pageSize);
}

/** The first slot of `page`; its last is one before the next page's first. */
export function pageStart(page: number, pageSize: number): number {
  return page === 0 ? 0 : firstPageRows(pageSize) + (page - 1) * pageSize;
}

/** Whether pages written under the fold record hold the slots pages of `pageSize` would. */
export function sameLayout(fold: FoldRecord, pageSize: number): boolean {
  // A record without `firstPage` was written before the first page was small: all pages alike.
  return fold.pageSize === pageSize && (fold.firstPage ?? fold.pageSize) === firstPageRows(pageSize);
}
