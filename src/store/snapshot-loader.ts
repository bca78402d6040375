/**
 * The store's side of the backend's snapshots (`loadSnapshot`): page by page, the server's state
 * wins for the recipients a page covers (reconcile.ts), with the events that came after the
 * snapshot's cursor applied again on top; the rows it reset are kept (snapshot-resets.ts) so a
 * refold, a reload and the other tabs keep them; the audience size a page states is remembered.
 */
import type { EventRejection } from '../core/event';
import type { ResponseState } from '../core/fold';
import { readSnapshotPages } from './backend-reads';
import type { EventLog } from './event-log';
import { reconcilePage, type PageResult } from './reconcile';
import { keptRow } from './snapshot-kept';
import type { KeptSnapshotRow, SnapshotResets } from './snapshot-resets';
import type { ReconcileConflict } from './store-events';

/** What a snapshot page does to the store beyond its state. */
export interface SnapshotLoaderHost {
  /** The store's state, where a page is reconciled. */
  state(): ResponseState;
  /** The log position at which a source cursor was reached, when it is recent. */
  positionOf(cursor: string): number | undefined;
  /** An email's audience size changed: views hear of it. */
  audienceChanged(emailId: string): void;
  /**
   * Snapshot rows a page kept for `emailId`: to the other stores, so they last there too. They
   * are made as plain data when `kept` is called (a store that shares with none need not).
   */
  kept(emailId: string, kept: () => KeptSnapshotRow[]): void;
  /** Every snapshot row kept for `emailId` to the cache, so they last past a reload. */
  save(emailId: string): void;
  /** Rows reset to the server's word: views hear of them, the cache records them. */
  reset(rows: number[]): void;
  /** A recipient where the optimistic state disagreed with the server's. */
  conflict(conflict: ReconcileConflict): void;
  /** Snapshot rows refused, as events would be. */
  reject(rejected: EventRejection[]): void;
}

export class SnapshotLoader {
  constructor(
    private readonly log: EventLog,
    private readonly snapshots: SnapshotResets,
    /** Audience sizes the backend stated, by email (a snapshot page's `total`): the store's. */
    private readonly audienceSizes: Map<string, number>,
    private readonly host: SnapshotLoaderHost,
  ) {}

  /** Reads the email's snapshot pages from `url` and reconciles each; see `ResponseStore.loadSnapshot`. */
  async load(
    url: string,
    emailId: string,
    init?: RequestInit,
  ): Promise<{ recipients: number; conflicts: number; problems: string[] }> {
    const problems: string[] = [];
    let recipients = 0;
    let conflicts = 0;
    let keptCount = 0;
    let savedCount = 0;
    let pages = 0;
    try {
      for await (const read of readSnapshotPages(url, emailId, init)) {
        if (!read.ok) {
          problems.push(read.reason);
          break;
        }
        const body = read.value;
        const badTotal = this.#takeAudienceSize(emailId, body.total);
        if (badTotal !== undefined) problems.push(badTotal);
        // The audience the first page states makes room for its rows at once, unless it was refused.
        const total =
          pages++ === 0 && badTotal === undefined && typeof body.total === 'number' ? body.total : undefined;
        if (total !== undefined) reserveRows(this.host.state(), emailId, total);
        const start = body.cursor === undefined ? undefined : this.host.positionOf(body.cursor);
        const result = reconcilePage(this.host.state(), body, (row) =>
          start === undefined ? [] : this.log.forRowSince(row, start),
        );
        if (total !== undefined) reserveIndex(this.host.state(), emailId, total);
        const kept = this.#keep(result, start);
        this.host.kept(emailId, kept);
        keptCount += result.rows.length;
        // All of the email's kept rows go to the cache as one record: saved when their number has
        // doubled since the last save and once at the end, not after every page (which copied and
        // wrote every row kept so far once a page: quadratic in the audience).
        if (result.rows.length > 0 && keptCount >= 2 * savedCount) {
          this.host.save(emailId);
          savedCount = keptCount;
        }
        this.host.reset(result.rows);
        for (const conflict of result.conflicts) this.host.conflict(conflict);
        // A snapshot row is refused as an event would be: the host hears it the same way.
        if (result.rejected.length > 0) this.host.reject(result.rejected);
        recipients += result.rows.length;
        conflicts += result.conflicts.length;
        problems.push(...result.problems);
      }
    } finally {
      if (keptCount > savedCount) this.host.save(emailId);
    }
    return { recipients, conflicts, problems };
  }

  /**
   * Keeps the page's rows (snapshot-resets.ts): a page of new rows as its columns, any other row
   * with the ids of the recipient's events before the cursor. Returns them as plain data, made
   * only if the caller asks.
   */
  #keep(result: PageResult, start: number | undefined): () => KeptSnapshotRow[] {
    const page = result.page;
    if (page) {
      this.snapshots.keep(page.emailId, page);
      return () => page.rows().slice();
    }
    // A recipient the state did not have has no events in the log: it covers none.
    const kept = result.rows.map((row, i) => {
      const saved = result.saved[i]!;
      const known = result.known[i]!;
      const events = known ? this.log.forRowSince(row, 0) : [];
      const kept = keptRow(saved, events, known && start !== undefined ? this.log.forRowSince(row, start) : []);
      this.snapshots.keep(saved.emailId, kept, known);
      return kept;
    });
    return () => kept;
  }

  /** Keeps a snapshot's `total` (views hear of a change), or answers why it cannot. */
  #takeAudienceSize(emailId: string, total: unknown): string | undefined {
    if (total === undefined || total === null) return undefined;
    if (typeof total !== 'number' || !Number.isInteger(total) || total < 0)
      return `the snapshot's total must be a whole number of at least 0, not ${JSON.stringify(total)}`;
    if (this.audienceSizes.get(emailId) === total) return undefined;
    this.audienceSizes.set(emailId, total);
    this.host.audienceChanged(emailId);
    return undefined;
  }
}

/**
 * The most rows a snapshot's stated total makes room for at once: what a million rows take when
 * the table grows by doubling. A larger audience grows as it comes; a total no pages follow costs
 * no more than that.
 */
const MAX_RESERVED = 1 << 20;

/**
 * Makes room in the state's table for the audience the first page states (`total`) before its
 * rows come: one allocation, where growing page by page copied the table at each doubling.
 */
function reserveRows(state: ResponseState, emailId: string, total: number): void {
  const known = state.emails.get(emailId)?.rows.size ?? 0;
  const fresh = total - known;
  if (fresh > 0 && fresh <= MAX_RESERVED) state.recipients.reserve(state.recipients.size + fresh);
}

/**
 * Makes room in the email's recipient index for the stated total once the first page has made
 * the email: grown page by page, a million recipients' index was doubled and rehashed some ten
 * times (144 ms of the mock backend's million-row snapshot in a profile).
 */
function reserveIndex(state: ResponseState, emailId: string, total: number): void {
  if (total <= MAX_RESERVED) state.emails.get(emailId)?.rows.reserve(total);
}
