/**
 * The store's side of id conflicts (see event-conflicts.ts): every redelivery is compared with
 * the copy in the event log; when they differ, the copy with the lower content hash is kept (the
 * log's copy replaced if need be and the recipient's row folded again from its events), and the
 * pair is reported once. Settled conflicts are kept in the cache, so a reload, which reads the
 * copies back in the order they were written, keeps the same one.
 *
 * Only the comparison, which every redelivery costs, is here. Settling is rare (two copies that
 * differ), so its code loads on demand, on the first conflict (conflict-settling.ts): until it
 * is here, what was heard waits (the store settles it once it is, response-store.ts).
 */
import { OPTIONAL_EVENT_FIELDS, type ResponseEvent } from '../core/event';
import { ResponseState } from '../core/fold';
import type { ConflictSettling, HeardConflict, Settled } from './conflict-settling';
import type { SettledConflict } from './event-conflicts';
import type { EventLog } from './event-log';
import { loadConflictSettling, type ConflictSettlingModule } from './load-conflict-settling';
import type { SnapshotResets } from './snapshot-resets';

export type { HeardConflict, Settled } from './conflict-settling';

const same = (a: unknown, b: unknown) => a === b || (a == null && b == null);

/**
 * Whether two copies mean the same, compared field by field (no text built): what every
 * redelivery costs. Equal to comparing their `canonicalContent` (event-conflicts.ts).
 */
export function sameContent(a: ResponseEvent, atA: number, b: ResponseEvent, atB: number): boolean {
  if (a === b && atA === atB) return true;
  if (atA !== atB) return false;
  if (a.response !== b.response && a.response.toLowerCase() !== b.response.toLowerCase()) return false;
  for (const field of OPTIONAL_EVENT_FIELDS) if (!same(a[field], b[field])) return false;
  return true;
}

/** The settling code, once a store loaded it: the stores after it settle at once. */
let code: ConflictSettlingModule | undefined;
let loading: Promise<boolean> | undefined;

export class ConflictSettler {
  #pending: HeardConflict[] = [];
  /** This store's settling (the pairs it reported), made once the code is here. */
  #settling: ConflictSettling | undefined;

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
   * Returns whether it was found to differ now: false for a copy not compared yet (`logWhole` false).
   */
  heard(event: ResponseEvent, row: number, at: number, logWhole = true): boolean {
    if (logWhole) {
      const position = this.#log.positionOf(row, event.id);
      if (position < 0 || sameContent(this.#log.at(position), this.#log.timeAt(position), event, at)) return false;
    }
    this.#pending.push({ event, at });
    return logWhole;
  }

  /** Redeliveries heard since the last `settle` or `take`, which differed from the log's copy. */
  get pending(): boolean {
    return this.#pending.length > 0;
  }

  /** Whether `settle` can run now: its code is here. */
  get loaded(): boolean {
    return code !== undefined;
  }

  /** Takes what was heard so far, to settle later (`load`, then `settle`), in order with other batches. */
  take(): HeardConflict[] {
    const pending = this.#pending;
    this.#pending = [];
    return pending;
  }

  /**
   * Loads the settling code: resolves with whether it is here. When it did not load (offline, a
   * missing file), the copy applied first stays for now, and the next call tries again.
   */
  load(): Promise<boolean> {
    loading ??= loadConflictSettling().then(
      (module) => Boolean((code = module)),
      (error: unknown) => {
        loading = undefined;
        console.warn('email-responses: could not load the code that settles id conflicts', error);
        return false;
      },
    );
    return loading;
  }

  #code(): ConflictSettling {
    return (this.#settling ??= new code!.ConflictSettling(this.#log, this.#snapshots, ResponseState));
  }

  /**
   * Settles `pending` (from `take`) in `state`, where their batches were applied. Only once
   * `loaded`.
   */
  settle(state: ResponseState, pending: readonly HeardConflict[]): Settled {
    return this.#code().settle(state, pending);
  }

  /**
   * Conflicts settled on an earlier visit (read from the cache), after the cache was read into
   * `state`: the copy kept then is kept again, and the pair is not reported again.
   */
  async restore(state: ResponseState, settled: readonly SettledConflict[]): Promise<void> {
    if (settled.length > 0 && (await this.load())) this.#code().restore(state, settled);
  }
}
