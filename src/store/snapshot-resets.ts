/**
 * The snapshot rows a store applied, kept so they last. A snapshot replaces a recipient's state
 * with the server's; a refold (new rules) rebuilds every row from the events, which would bring
 * back the optimistic rows it corrected and drop recipients only the snapshot knew. After a
 * refold each kept row is reset again, with the recipient's events the snapshot did not cover
 * applied on top, under the new rules.
 *
 * A million-row snapshot keeps a million rows, by email. A good page whose recipients were all
 * new (most of a first snapshot) is kept as its columns (snapshot-kept-page.ts), its rows made as
 * plain data only when asked for; any other row is kept as the plain data it is sent and saved as
 * (never copied, never changed once kept). A row whose recipient had no events yet covers none,
 * and shares one empty `covered` list.
 */
import type { ResponseEvent } from '../core/event';
import type { ResponseState, SavedRecipient } from '../core/fold';
import type { KeptPage } from './snapshot-kept-page';

/** A kept snapshot row as plain data: what the cache saves and tabs send each other. */
export interface KeptSnapshotRow {
  saved: SavedRecipient;
  /** Ids of the recipient's events the server's state already stands for (before its cursor). */
  covered: string[];
}

/** The `covered` of a row that covers no event: shared, so it is never changed. */
export const NOTHING_COVERED: string[] = [];
Object.freeze(NOTHING_COVERED);

/** Past this many covered ids a lookup goes through a Set rather than down the list. */
const LIST_LOOKUP = 16;

/** Rows kept one at a time, as plain data: undefined where a later row of the recipient replaced one. */
class KeptList {
  readonly rows: (KeptSnapshotRow | undefined)[] = [];

  get count(): number {
    return this.rows.length;
  }

  recipientId(i: number): string {
    return this.rows[i]!.saved.recipientId;
  }

  row(i: number): KeptSnapshotRow | undefined {
    return this.rows[i];
  }

  replace(i: number): void {
    this.rows[i] = undefined;
  }

  collect(out: KeptSnapshotRow[]): void {
    for (const row of this.rows) if (row) out.push(row);
  }
}

/** Kept rows one after the other: a list of single rows, or a page kept as its columns. */
type Block = KeptList | KeptPage;

/**
 * An email's kept rows in the order kept, in blocks. A row kept for a recipient the state did not
 * have (most of a first snapshot) is only appended: the index by recipient is brought up to date
 * when a lookup needs it, so a million new rows cost no million map inserts while they load.
 */
class EmailResets {
  readonly #blocks: Block[] = [];
  /** The position of each block's first row among all the email's rows. */
  readonly #starts: number[] = [];
  /** Recipient to position, for the rows before `indexed`. */
  readonly #index = new Map<string, number>();
  #indexed = 0;

  /** Appends a row whose recipient has no kept row, as far as the caller knows (see `rows`). */
  append(kept: KeptSnapshotRow): void {
    const last = this.#blocks.at(-1);
    if (last instanceof KeptList) last.rows.push(kept);
    else this.#add(new KeptList()).rows.push(kept);
  }

  /** Appends a page of rows whose recipients have no kept row (see `append`). */
  appendPage(page: KeptPage): void {
    this.#add(page);
  }

  /** Keeps a row, replacing the recipient's earlier one. */
  set(kept: KeptSnapshotRow): void {
    this.append(kept);
    this.#catchUp();
  }

  get(recipientId: string): KeptSnapshotRow | undefined {
    this.#catchUp();
    const position = this.#index.get(recipientId);
    if (position === undefined) return undefined;
    const b = this.#blockAt(position);
    return this.#blocks[b]!.row(position - this.#starts[b]!);
  }

  /** The rows that stand, in the order kept, onto `out`. */
  collect(out: KeptSnapshotRow[]): void {
    for (const block of this.#blocks) block.collect(out);
  }

  /** Each row that stands, in the order kept. */
  forEach(each: (row: KeptSnapshotRow) => void): void {
    for (const block of this.#blocks)
      for (let i = 0; i < block.count; i++) {
        const row = block.row(i);
        if (row) each(row);
      }
  }

  #add<T extends Block>(block: T): T {
    const last = this.#blocks.length - 1;
    this.#starts.push(last < 0 ? 0 : this.#starts[last]! + this.#blocks[last]!.count);
    this.#blocks.push(block);
    return block;
  }

  /** The block holding the row at `position`. */
  #blockAt(position: number): number {
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Indexes the rows appended since the last lookup; a later row of a recipient replaces its earlier one. */
  #catchUp(): void {
    const blocks = this.#blocks;
    const index = this.#index;
    let position = this.#indexed;
    for (let b = blocks.length === 0 ? 0 : this.#blockAt(position); b < blocks.length; b++) {
      const block = blocks[b]!;
      for (let i = position - this.#starts[b]!; i < block.count; i++, position++) {
        const recipientId = block.recipientId(i);
        const earlier = index.get(recipientId);
        if (earlier !== undefined) {
          const e = this.#blockAt(earlier);
          blocks[e]!.replace(earlier - this.#starts[e]!);
        }
        index.set(recipientId, position);
      }
    }
    this.#indexed = position;
  }
}

export class SnapshotResets {
  /** Kept rows by email. */
  readonly #resets = new Map<string, EmailResets>();

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
    this.#of(saved.emailId).set(kept);
    return kept;
  }

  /**
   * A snapshot row of a recipient the state did not have (so with no events, and no kept row but
   * one whose reset failed): it covers nothing, and is appended without a lookup.
   */
  addNew(saved: SavedRecipient): KeptSnapshotRow {
    const kept = { saved, covered: NOTHING_COVERED };
    this.#of(saved.emailId).append(kept);
    return kept;
  }

  /** A page of such rows (see `addNew`), kept as its columns. */
  addPage(page: KeptPage): void {
    this.#of(page.emailId).appendPage(page);
  }

  /** Rows kept elsewhere (the cache, another tab): kept here too, replacing older ones. */
  restore(rows: readonly KeptSnapshotRow[]): void {
    for (const row of rows) this.#of(row.saved.emailId).set(row);
  }

  /**
   * The kept rows of these emails (every email when none is given), as plain data, in the order
   * kept. A recipient may come twice only where a row was appended after one whose reset had
   * failed: the later stands, as it does for whoever applies the rows in order.
   */
  rows(emailIds?: ReadonlySet<string>): KeptSnapshotRow[] {
    const out: KeptSnapshotRow[] = [];
    for (const [emailId, kept] of this.#resets) if (!emailIds || emailIds.has(emailId)) kept.collect(out);
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
    for (const kept of this.#resets.values())
      kept.forEach(({ saved, covered }) => {
        const existing = state.rowOf(saved.emailId, saved.recipientId);
        const later = existing < 0 ? [] : uncovered(eventsOf(existing), covered);
        const set = state.resetRecipient(saved, later);
        if (set >= 0) rows.push(set);
      });
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
