/**
 * The store's side of id conflicts (see event-conflicts.ts): every redelivery is compared with
 * the copy in the event log; when they differ, the copy with the lower content hash is kept (the
 * log's copy replaced if need be and the recipient's row folded again from its events), and the
 * pair is reported once. Settled conflicts are kept in the cache, so a reload, which reads the
 * copies back in the order they were written, keeps the same one.
 */
import type { ResponseEvent } from '../core/event';
import { ResponseState } from '../core/fold';
import {
  ConflictReports,
  copyOf,
  keeps,
  sameContent,
  type EventConflict,
  type SettledConflict,
} from './event-conflicts';
import type { EventLog } from './event-log';
import type { SnapshotResets } from './snapshot-resets';

/** What one settle did. */
export interface Settled {
  /** Conflicts seen for the first time: to report. */
  conflicts: EventConflict[];
  /** Copies that replaced the log's copy: other tabs and the cache's writer must hear them. */
  replaced: ResponseEvent[];
  /** Rows folded again. */
  rows: number[];
  /** Every conflict settled, to keep in the cache. */
  settled: SettledConflict[];
}

export class ConflictSettler {
  readonly #reports = new ConflictReports();
  #pending: { event: ResponseEvent; row: number; at: number }[] = [];

  readonly #log: EventLog;
  readonly #snapshots: SnapshotResets;

  constructor(log: EventLog, snapshots: SnapshotResets) {
    this.#log = log;
    this.#snapshots = snapshots;
  }

  /**
   * A redelivery heard while applying: compared now, settled after the batch (`settle`).
   * `logWhole: false` while the cached events are still being read into the log (between the
   * store's `ready` and `eventsReady`): the copy it had may not be in the log yet, so the
   * redelivery is kept for `settle` to compare, once the store settles again with the log whole.
   */
  heard(event: ResponseEvent, row: number, at: number, logWhole = true): void {
    if (!logWhole) {
      this.#pending.push({ event, row, at });
      return;
    }
    const position = this.#log.positionOf(row, event.id);
    if (position < 0 || sameContent(this.#log.at(position), this.#log.timeAt(position), event, at)) return;
    this.#pending.push({ event, row, at });
  }

  /** Settles the conflicts heard since the last call, in `state` (where the batch was applied). */
  settle(state: ResponseState): Settled {
    const out: Settled = { conflicts: [], replaced: [], rows: [], settled: [] };
    if (this.#pending.length === 0) return out;
    const pending = this.#pending;
    this.#pending = [];
    const rows = new Set<number>();
    for (const { event, row, at } of pending) {
      const position = this.#log.positionOf(row, event.id);
      if (position < 0) continue;
      const logged = copyOf(this.#log.at(position), this.#log.timeAt(position));
      const incoming = copyOf(event, at);
      if (logged.text === incoming.text) continue;
      const newKept = keeps(incoming, logged);
      const [kept, dropped] = newKept ? [incoming, logged] : [logged, incoming];
      if (this.#reports.first(event, kept.hash, dropped.hash)) {
        out.conflicts.push({
          emailId: event.emailId,
          recipientId: event.recipientId,
          id: event.id,
          kept: { event: kept.event, at: kept.at, hash: kept.hash },
          dropped: { event: dropped.event, at: dropped.at, hash: dropped.hash },
        });
        out.settled.push({ event: kept.event, at: kept.at, pair: [kept.hash, dropped.hash] });
      }
      if (newKept) {
        this.#log.replace(position, event, at);
        out.replaced.push(event);
        rows.add(row);
      }
    }
    out.rows = this.#refold(state, rows);
    return out;
  }

  /**
   * Conflicts settled on an earlier visit (read from the cache), after the cache was read into
   * `state`: the copy kept then is kept again, and the pair is not reported again. Returns the
   * rows folded again.
   */
  restore(state: ResponseState, settled: readonly SettledConflict[]): number[] {
    const rows = new Set<number>();
    for (const record of settled) {
      this.#reports.remember(record);
      const { event, at } = record;
      const row = state.rowOf(event.emailId, event.recipientId);
      const position = row < 0 ? -1 : this.#log.positionOf(row, event.id);
      if (position < 0) continue;
      const logged = copyOf(this.#log.at(position), this.#log.timeAt(position));
      const chosen = copyOf(event, at);
      if (logged.text !== chosen.text && keeps(chosen, logged)) {
        this.#log.replace(position, event, at);
        rows.add(row);
      }
    }
    return this.#refold(state, rows);
  }

  /**
   * Folds these rows again from their events in the log: in a scratch state, whose saved rows
   * then replace them (a kept snapshot row is reset with its later events instead).
   */
  #refold(state: ResponseState, rows: ReadonlySet<number>): number[] {
    if (rows.size === 0) return [];
    const scratch = new ResponseState(state.rules);
    const out: number[] = [];
    for (const row of rows) {
      const { emailId, recipientId } = state.recipientAt(row);
      const events = this.#log.forRowSince(row, 0);
      if (this.#snapshots.reapplyOne(state, emailId, recipientId, events) >= 0) {
        out.push(row);
        continue;
      }
      scratch.apply(events);
      const folded = scratch.rowOf(emailId, recipientId);
      if (folded >= 0 && state.resetRecipient(scratch.saveRecipient(folded)) >= 0) out.push(row);
    }
    return out;
  }
}
