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

export class SnapshotResets {
  private readonly resets = new Map<string, Reset>();

  get size(): number {
    return this.resets.size;
  }

  /**
   * A snapshot row was applied: `events` are the recipient's events so far, `later` those of them
   * after the snapshot's cursor (applied on top); the others the server's state stands for.
   */
  add(saved: SavedRecipient, events: readonly ResponseEvent[], later: readonly ResponseEvent[]): void {
    const after = new Set(later.map((event) => event.id));
    const covered = new Set(events.map((event) => event.id).filter((id) => !after.has(id)));
    this.resets.set(key(saved.emailId, saved.recipientId), { saved, covered });
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
