/**
 * Settling id conflicts (see event-conflicts.ts), the part of conflict-settler.ts that runs only
 * once a redelivery differs from the copy in the log: comparing the copies' content hashes,
 * replacing the log's copy, folding the recipient's row again and reporting the pair once. A page
 * whose redeliveries all match (nearly every page) never loads it (load-conflict-settling.ts).
 */
import type { ResponseEvent } from '../core/event';
import type { ResponseState } from '../core/fold';
import {
  ConflictReports,
  conflictKey,
  copyOf,
  keeps,
  type EventConflict,
  type SettledConflict,
} from './event-conflicts';
import type { EventLog } from './event-log';
import type { SnapshotResets } from './snapshot-resets';

/** A redelivery that differed from the log's copy when it was heard. */
export interface HeardConflict {
  event: ResponseEvent;
  at: number;
}

/** What one settle did. */
export interface Settled {
  /** Conflicts seen for the first time: to report. */
  conflicts: EventConflict[];
  /** Copies that replaced the log's copy: other tabs and the cache's writer must hear them. */
  replaced: ResponseEvent[];
  /** Rows folded again. */
  rows: number[];
  /** Every conflict settled, to keep in the cache, each with its key there. */
  settled: [key: string, record: SettledConflict][];
}

export class ConflictSettling {
  readonly #reports = new ConflictReports();
  readonly #log: EventLog;
  readonly #snapshots: SnapshotResets;
  /**
   * The core's state class, for the refold's scratch state: given by the store, not imported. A
   * chunk loaded on demand that imported core/fold.ts made the ES entries' bundler move part of
   * the core out of the entry into eager chunks of their own (the grid entry 0.6 kB heavier).
   */
  readonly #State: typeof ResponseState;

  constructor(log: EventLog, snapshots: SnapshotResets, State: typeof ResponseState) {
    this.#log = log;
    this.#snapshots = snapshots;
    this.#State = State;
  }

  /**
   * Settles these redeliveries in `state`, in the order heard. Each recipient's row is looked up
   * now, not when it was heard: new rules (a refold) may have renumbered the rows meanwhile.
   */
  settle(state: ResponseState, pending: readonly HeardConflict[]): Settled {
    const out: Settled = { conflicts: [], replaced: [], rows: [], settled: [] };
    const rows = new Set<number>();
    for (const { event, at } of pending) {
      const row = state.rowOf(event.emailId, event.recipientId);
      const position = row < 0 ? -1 : this.#log.positionOf(row, event.id);
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
        out.settled.push([conflictKey(event), { event: kept.event, at: kept.at, pair: [kept.hash, dropped.hash] }]);
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
    const scratch = new this.#State(state.rules);
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
