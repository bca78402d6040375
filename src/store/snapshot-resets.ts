/**
 * The snapshot rows a store applied, kept so they last. A snapshot replaces a recipient's state
 * with the server's; a refold (new rules) rebuilds every row from the events, which would bring
 * back the optimistic rows it corrected and drop recipients only the snapshot knew. After a
 * refold each kept row is reset again, with the recipient's events the snapshot did not cover
 * applied on top, under the new rules.
 *
 * A million-row snapshot keeps a million rows: each is kept as the plain data it is sent and
 * saved as (never copied, never changed once kept), by email, and a row whose recipient had no
 * events yet (most of a first snapshot) shares one empty `covered` list.
 */
import type { ResponseEvent } from '../core/event';
import type { ResponseState, SavedRecipient } from '../core/fold';

/** A kept snapshot row as plain data: what the cache saves and tabs send each other. */
export interface KeptSnapshotRow {
  saved: SavedRecipient;
  /** Ids of the recipient's events the server's state already stands for (before its cursor). */
  covered: string[];
}

/** The `covered` of a row that covers no event: shared, so it is never changed. */
const NOTHING_COVERED: string[] = [];
Object.freeze(NOTHING_COVERED);

/** Past this many covered ids a lookup goes through a Set rather than down the list. */
const LIST_LOOKUP = 16;

export class SnapshotResets {
  /** Kept rows by email, then by recipient. */
  private readonly resets = new Map<string, Map<string, KeptSnapshotRow>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /**
   * A snapshot row was applied: `events` are the recipient's events so far, `later` those of them
   * after the snapshot's cursor (applied on top); the others the server's state stands for.
   */
  add(saved: SavedRecipient, events: readonly ResponseEvent[], later: readonly ResponseEvent[]): KeptSnapshotRow {
    let covered = NOTHING_COVERED;
    if (events.length > 0) {
      const after = new Set(later.map((event) => event.id));
      const ids = new Set(events.map((event) => event.id).filter((id) => !after.has(id)));
      if (ids.size > 0) covered = [...ids];
    }
    const kept = { saved, covered };
    this.keep(kept);
    return kept;
  }

  /** A snapshot row of a recipient that had no events: it covers none. */
  addNew(saved: SavedRecipient): KeptSnapshotRow {
    const kept = { saved, covered: NOTHING_COVERED };
    this.keep(kept);
    return kept;
  }

  /** Rows kept elsewhere (the cache, another tab): kept here too, replacing older ones. */
  restore(rows: readonly KeptSnapshotRow[]): void {
    for (const row of rows) this.keep(row);
  }

  /** The kept rows of these emails (every email when none is given), as plain data. */
  rows(emailIds?: ReadonlySet<string>): KeptSnapshotRow[] {
    const out: KeptSnapshotRow[] = [];
    for (const [emailId, kept] of this.resets) {
      if (emailIds && !emailIds.has(emailId)) continue;
      for (const row of kept.values()) out.push(row);
    }
    return out;
  }

  /**
   * Resets one kept row in `state` (its events changed: an id conflict chose another copy), or
   * returns -1 when the recipient has no kept snapshot row.
   */
  reapplyOne(state: ResponseState, emailId: string, recipientId: string, events: readonly ResponseEvent[]): number {
    const kept = this.resets.get(emailId)?.get(recipientId);
    if (!kept) return -1;
    return state.resetRecipient(kept.saved, uncovered(events, kept.covered));
  }

  /** Resets the given kept rows in `state` (heard from the cache or another tab). Returns the rows set. */
  reapplyRows(
    state: ResponseState,
    rows: readonly KeptSnapshotRow[],
    eventsOf: (row: number) => readonly ResponseEvent[],
  ): number[] {
    const out: number[] = [];
    for (const { saved } of rows) {
      const existing = state.rowOf(saved.emailId, saved.recipientId);
      const row = this.reapplyOne(state, saved.emailId, saved.recipientId, existing < 0 ? [] : eventsOf(existing));
      if (row >= 0) out.push(row);
    }
    return out;
  }

  /**
   * Resets every kept row in `state` (just refolded) and applies on top the events of the row
   * (`eventsOf`) the snapshot did not cover. Returns the rows it set.
   */
  reapply(state: ResponseState, eventsOf: (row: number) => readonly ResponseEvent[]): number[] {
    const rows: number[] = [];
    for (const kept of this.resets.values())
      for (const { saved, covered } of kept.values()) {
        const existing = state.rowOf(saved.emailId, saved.recipientId);
        const later = existing < 0 ? [] : uncovered(eventsOf(existing), covered);
        const row = state.resetRecipient(saved, later);
        if (row >= 0) rows.push(row);
      }
    return rows;
  }

  clear(): void {
    this.resets.clear();
    this.count = 0;
  }

  private keep(kept: KeptSnapshotRow): void {
    const { emailId, recipientId } = kept.saved;
    let ofEmail = this.resets.get(emailId);
    if (!ofEmail) this.resets.set(emailId, (ofEmail = new Map()));
    const before = ofEmail.size;
    ofEmail.set(recipientId, kept);
    this.count += ofEmail.size - before;
  }
}

/** The events the server's state does not stand for. */
function uncovered(events: readonly ResponseEvent[], covered: readonly string[]): readonly ResponseEvent[] {
  if (covered.length === 0 || events.length === 0) return events;
  if (covered.length <= LIST_LOOKUP) return events.filter((event) => !covered.includes(event.id));
  const ids = new Set(covered);
  return events.filter((event) => !ids.has(event.id));
}
