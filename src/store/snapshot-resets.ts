/**
 * The snapshot rows a store applied, kept so they last. A snapshot replaces a recipient's state
 * with the server's; a refold (new rules) rebuilds every row from the events, which would bring
 * back the optimistic rows it corrected and drop recipients only the snapshot knew. After a
 * refold each kept row is reset again, with the recipient's events the snapshot did not cover
 * applied on top, under the new rules.
 */
import type { ResponseEvent } from '../core/event';
import type { ResponseState, SavedRecipient } from '../core/fold';

interface Reset {
  saved: SavedRecipient;
  /** Ids of the recipient's events the server's state already stands for (before its cursor). */
  covered: Set<string>;
}

/** A kept snapshot row as plain data: what the cache saves and tabs send each other. */
export interface KeptSnapshotRow {
  saved: SavedRecipient;
  covered: string[];
}

export class SnapshotResets {
  private readonly resets = new Map<string, Reset>();

  get size(): number {
    return this.resets.size;
  }

  /**
   * A snapshot row was applied: `events` are the recipient's events so far, `later` those of them
   * after the snapshot's cursor (applied on top); the others the server's state stands for.
   */
  add(saved: SavedRecipient, events: readonly ResponseEvent[], later: readonly ResponseEvent[]): KeptSnapshotRow {
    const after = new Set(later.map((event) => event.id));
    const covered = new Set(events.map((event) => event.id).filter((id) => !after.has(id)));
    this.resets.set(key(saved.emailId, saved.recipientId), { saved, covered });
    return { saved, covered: [...covered] };
  }

  /** Rows kept elsewhere (the cache, another tab): kept here too, replacing older ones. */
  restore(rows: readonly KeptSnapshotRow[]): void {
    for (const { saved, covered } of rows)
      this.resets.set(key(saved.emailId, saved.recipientId), { saved, covered: new Set(covered) });
  }

  /** The kept rows of these emails (every email when none is given), as plain data. */
  rows(emailIds?: ReadonlySet<string>): KeptSnapshotRow[] {
    const out: KeptSnapshotRow[] = [];
    for (const { saved, covered } of this.resets.values())
      if (!emailIds || emailIds.has(saved.emailId)) out.push({ saved, covered: [...covered] });
    return out;
  }

  /**
   * Resets one kept row in `state` (its events changed: an id conflict chose another copy), or
   * returns -1 when the recipient has no kept snapshot row.
   */
  reapplyOne(state: ResponseState, emailId: string, recipientId: string, events: readonly ResponseEvent[]): number {
    const reset = this.resets.get(key(emailId, recipientId));
    if (!reset) return -1;
    return state.resetRecipient(
      reset.saved,
      events.filter((event) => !reset.covered.has(event.id)),
    );
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
    for (const { saved, covered } of this.resets.values()) {
      const existing = state.rowOf(saved.emailId, saved.recipientId);
      const later = existing < 0 ? [] : eventsOf(existing).filter((event) => !covered.has(event.id));
      const row = state.resetRecipient(saved, later);
      if (row >= 0) rows.push(row);
    }
    return rows;
  }

  clear(): void {
    this.resets.clear();
  }
}

const key = (emailId: string, recipientId: string) => `${emailId}\u0000${recipientId}`;
