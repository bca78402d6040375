/**
 * The snapshot rows a store applied, kept so they last. A snapshot replaces a recipient's state
 * with the server's; a refold (new rules) rebuilds every row from the events, which would bring
 * back the optimistic rows it corrected and drop recipients only the snapshot knew. After a
 * refold each kept row is reset again, with the recipient's events the snapshot did not cover
 * applied on top, under the new rules.
 *
 * A million-row snapshot keeps a million rows, by email. A good page whose recipients were all
 * new (most of a first snapshot) is kept as its columns (`KeptRows`: snapshot-kept.ts), its
 * rows made as plain data when they are asked for, and for good once a lookup needs them; any
 * other row is kept as the plain data it is sent and saved as (never copied, never changed once
 * kept). A row whose recipient had no events yet covers none, and shares one empty `covered` list.
 */
import type { ResponseEvent } from '../core/event';
import type { ResponseState, SavedRecipient } from '../core/fold';

/** A kept snapshot row as plain data: what the cache saves and tabs send each other. */
export interface KeptSnapshotRow {
  saved: SavedRecipient;
  /** Ids of the recipient's events the server's state already stands for (before its cursor). */
  covered: string[];
}

/**
 * Rows kept together, as a page's columns (snapshot-kept.ts, loaded with the backend reads):
 * what this file asks of them.
 */
export interface KeptRows {
  readonly emailId: string;
  /** Every row, as plain data: made on the first call, the same objects after. */
  rows(): KeptSnapshotRow[];
  /** Each row, made as plain data for the call only. */
  each(row: (kept: KeptSnapshotRow) => void): void;
}

/** Past this many covered ids a lookup goes through a Set rather than down the list. */
const LIST_LOOKUP = 16;

/**
 * An email's kept rows in the order kept. A row kept for a recipient the state did not have (most
 * of a first snapshot) is only appended: the index by recipient is brought up to date when a
 * lookup needs it, so a million new rows cost no million map inserts while they load.
 */
class EmailResets {
  /** Kept rows, and rows kept together; undefined where a later row of the same recipient replaced one. */
  list: (KeptSnapshotRow | KeptRows | undefined)[] = [];
  /** Recipient to position in `list`, for the rows before `indexed`. */
  readonly #index = new Map<string, number>();
  #indexed = 0;
  /** Whether `list` holds rows kept together. */
  #together = false;

  /** Appends a row (or rows) whose recipient has no kept row, as far as the caller knows (see `rows`). */
  append(kept: KeptSnapshotRow | KeptRows): void {
    this.list.push(kept);
    if ('each' in kept) this.#together = true;
  }

  get(recipientId: string): KeptSnapshotRow | undefined {
    this.catchUp();
    const position = this.#index.get(recipientId);
    return position === undefined ? undefined : (this.list[position] as KeptSnapshotRow);
  }

  /** Indexes the rows appended since the last lookup; a later row of a recipient replaces its earlier one. */
  catchUp(): void {
    // Rows kept together become rows of the list once a lookup needs them (a conflict, another snapshot).
    if (this.#together) this.list = this.list.flatMap((kept) => (kept && 'each' in kept ? kept.rows() : [kept]));
    this.#together = false;
    const list = this.list;
    const index = this.#index;
    for (let position = this.#indexed; position < list.length; position++) {
      const recipientId = (list[position] as KeptSnapshotRow).saved.recipientId;
      const earlier = index.get(recipientId);
      if (earlier !== undefined) list[earlier] = undefined;
      index.set(recipientId, position);
    }
    this.#indexed = list.length;
  }
}

export class SnapshotResets {
  /** Kept rows by email. */
  readonly #resets = new Map<string, EmailResets>();

  /**
   * Keeps rows a snapshot applied (snapshot-kept.ts makes them). `replacing`: the recipient may
   * have a kept row, which this one replaces; otherwise (a recipient the state did not have, so
   * with no events, and no kept row but one whose reset failed) the row, or a page of such rows,
   * is appended without a lookup.
   */
  keep(emailId: string, kept: KeptSnapshotRow | KeptRows, replacing?: boolean): void {
    const email = this.#of(emailId);
    email.append(kept);
    if (replacing) email.catchUp();
  }

  /** Rows kept elsewhere (the cache, another tab): kept here too, replacing older ones. */
  restore(rows: readonly KeptSnapshotRow[]): void {
    for (const row of rows) this.keep(row.saved.emailId, row, true);
  }

  /**
   * The kept rows of these emails (every email when none is given), as plain data, in the order
   * kept. A recipient may come twice only where a row was appended after one whose reset had
   * failed: the later stands, as it does for whoever applies the rows in order.
   */
  rows(emailIds?: ReadonlySet<string>): KeptSnapshotRow[] {
    const out: KeptSnapshotRow[] = [];
    for (const [emailId, kept] of this.#resets) {
      if (emailIds && !emailIds.has(emailId)) continue;
      for (const row of kept.list)
        if (row && 'each' in row) for (const each of row.rows()) out.push(each);
        else if (row) out.push(row);
    }
    return out;
  }

  /**
   * Resets one kept row in `state` (its events changed: an id conflict chose another copy), or
   * returns -1 when the recipient has no kept snapshot row.
   */
  reapplyOne(state: ResponseState, emailId: string, recipientId: string, events: readonly ResponseEvent[]): number {
    const kept = this.#resets.get(emailId)?.get(recipientId);
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
    const reset = ({ saved, covered }: KeptSnapshotRow) => {
      const existing = state.rowOf(saved.emailId, saved.recipientId);
      const later = existing < 0 ? [] : uncovered(eventsOf(existing), covered);
      const set = state.resetRecipient(saved, later);
      if (set >= 0) rows.push(set);
    };
    for (const kept of this.#resets.values())
      for (const row of kept.list)
        if (row && 'each' in row) row.each(reset);
        else if (row) reset(row);
    return rows;
  }

  clear(): void {
    this.#resets.clear();
  }

  #of(emailId: string): EmailResets {
    let kept = this.#resets.get(emailId);
    if (!kept) this.#resets.set(emailId, (kept = new EmailResets()));
    return kept;
  }
}

/** The events the server's state does not stand for. */
function uncovered(events: readonly ResponseEvent[], covered: readonly string[]): readonly ResponseEvent[] {
  if (covered.length === 0 || events.length === 0) return events;
  if (covered.length <= LIST_LOOKUP) return events.filter((event) => !covered.includes(event.id));
  const ids = new Set(covered);
  return events.filter((event) => !ids.has(event.id));
}
