/**
 * Which row pages a compaction writes, read from the live state. A recipient's slot is its place
 * in its email's `order` (the order of first appearance), which never changes, so a page once
 * written only ever needs rewriting when one of its own rows changed.
 */
import type { EmailEntry } from '../../core/email-table';
import { EventIdSet } from '../../core/event-id-set';
import { saveEventIds } from '../../core/saved-event-ids';
import type { ResponseState } from '../../core/fold';
import type { EmailRecord } from './cache-schema';
import { pageOf, pageStart } from './page-layout';
import { packStateRows } from './pack-state-rows';
import type { RowPage } from './row-pages';

export interface RowSnapshot {
  pages: RowPage[];
  emails: EmailRecord[];
}

/** Every page of every email: after a rules change, a new state, or a damaged page. */
export function snapshotAllRows(state: ResponseState, pageSize: number): RowSnapshot {
  const pages: RowPage[] = [];
  const emails: EmailRecord[] = [];
  for (const id of state.emails.ids()) {
    const entry = state.emails.get(id)!;
    emails.push(emailRecord(entry));
    for (let page = 0; pageStart(page, pageSize) < entry.order.length; page++)
      pages.push(savePage(state, entry, page, pageSize));
  }
  return { pages, emails };
}

/**
 * The pages holding these rows, and their emails. Costs one pass over each touched email's
 * `order` (a million rows: about a millisecond) plus saving the pages themselves.
 */
export function snapshotRows(state: ResponseState, rows: Iterable<number>, pageSize: number): RowSnapshot {
  const byEmail = new Map<number, Set<number>>();
  for (const row of rows) {
    if (row < 0 || row >= state.recipients.size) continue;
    const email = state.recipients.email[row]!;
    let set = byEmail.get(email);
    if (!set) byEmail.set(email, (set = new Set()));
    set.add(row);
  }
  const pages: RowPage[] = [];
  const emails: EmailRecord[] = [];
  for (const [index, dirty] of byEmail) {
    const entry = state.emails.at(index);
    emails.push(emailRecord(entry));
    const touched = new Set<number>();
    const order = entry.order;
    for (let slot = 0; slot < order.length; slot++) if (dirty.has(order[slot]!)) touched.add(pageOf(slot, pageSize));
    for (const page of touched) pages.push(savePage(state, entry, page, pageSize));
  }
  return { pages, emails };
}

function savePage(state: ResponseState, entry: EmailEntry, page: number, pageSize: number): RowPage {
  const rows = entry.order.slice(pageStart(page, pageSize), pageStart(page + 1, pageSize));
  const packed = packStateRows(state, entry.id, page, rows);
  const set = EventIdSet.of(state.recipients);
  const ids = set && saveEventIds(set, rows);
  if (ids) {
    packed.idCounts = ids.counts;
    packed.idHashes = ids.hashes;
  }
  return packed;
}

export function emailRecord(entry: EmailEntry): EmailRecord {
  return {
    id: entry.id,
    order: entry.index,
    kind: entry.kind ?? null,
    kindAt: entry.kindAt,
    type: entry.type ?? null,
    typeAt: entry.typeAt,
  };
}
