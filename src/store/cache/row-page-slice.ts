/**
 * Part of a row page, as a page of its own: a cold start restores and paints the first rows of a
 * 65,536-row page before the rest of it (issue 16). Typed arrays are views, not copies.
 */
import { META_FIELDS } from '../../core/recipient-table';
import type { RowPage } from './row-pages';

/** Slots `from` to `to - 1` of the page (its saved ids too). */
export function slicePage(page: RowPage, from: number, to: number): RowPage {
  const part: RowPage = {
    ...page,
    recipientIds: page.recipientIds.slice(from, to),
    nonFinal: page.nonFinal.subarray(from, to),
    nonFinalAt: page.nonFinalAt.subarray(from, to),
    final: page.final.subarray(from, to),
    finalAt: page.finalAt.subarray(from, to),
    opens: page.opens.subarray(from, to),
    clicks: page.clicks.subarray(from, to),
    machineOpens: page.machineOpens.subarray(from, to),
    firstAt: page.firstAt.subarray(from, to),
    lastAt: page.lastAt.subarray(from, to),
    meta: {},
  };
  if (page.nonFinalReason) part.nonFinalReason = page.nonFinalReason.slice(from, to);
  if (page.finalReason) part.finalReason = page.finalReason.slice(from, to);
  if (page.finalScope) part.finalScope = page.finalScope.slice(from, to);
  if (page.sentAt) part.sentAt = page.sentAt.subarray(from, to);
  for (const field of META_FIELDS) {
    const column = page.meta[field];
    if (column) part.meta[field] = { values: column.values.slice(from, to), at: column.at.subarray(from, to) };
  }
  const { idCounts, idHashes } = page;
  if (idCounts && idHashes) {
    // Two hashes an id, the rows one after the other.
    let start = 0;
    for (let slot = 0; slot < from; slot++) start += idCounts[slot]!;
    let end = start;
    for (let slot = from; slot < to; slot++) end += idCounts[slot]!;
    part.idCounts = idCounts.subarray(from, to);
    part.idHashes = idHashes.subarray(start * 2, end * 2);
  }
  return part;
}
