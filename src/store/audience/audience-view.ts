import type { EmailEntry } from '../../core/email-table';
import type { RecipientState, ResponseState } from '../../core/fold';
import { RowColumns } from './audience-columns';
import {
  AUDIENCE_GROUPS,
  allowedResponses,
  engaged,
  foldText,
  inGroup,
  normalizeQuery,
  textMatcher,
  type AudienceGroup,
  type AudienceQuery,
  type NormalizedQuery,
} from './audience-query';
import { indexOfSeq, insertionIndex, numberCompare, sortByNumber, textCompare, type SeqCompare } from './audience-sort';
import type { StoreChange } from '../store-events';
import type { EmailEngagement, EngagementSource } from '../email-engagement';

export type {
  AudienceEngagement,
  AudienceGroup,
  AudienceQuery,
  AudienceSort,
  SortColumn,
  SortDirection,
} from './audience-query';

/**
 * Chip counts, over the rows that match the search (and the engagement, when one is set): a
 * chip's count is the rows it would show.
 */
export interface AudienceCounts {
  /** Rows matching the search and engagement, whatever the chips. */
  all: number;
  /** Per catalogue id, zeros included. */
  byResponse: Record<string, number>;
  groups: Record<AudienceGroup, number>;
}

/** What one `update` did, for the element to repaint and flash. */
export interface AudienceViewUpdate {
  /** State rows of this email whose recipient changed, shown or not (none after a reset). */
  readonly changed: readonly number[];
  /** True when rows were added, removed or moved: indexes no longer mean what they did. */
  readonly moved: boolean;
}

const ABSENT = -1;
/** Above this many moves in one batch, one merge pass beats a splice per row. */
const SPLICE_LIMIT = 32;

/**
 * The Audience view's rows for one email: the state rows that match a query, stably sorted, with
 * chip counts from the same rows. DOM-free; the grid element adapts it.
 *
 * Rows are kept as their position in the email's first-appearance order ("seq"), which is also
 * every sort's tie-break. Each seq's response, search hit and sort key are cached as the view
 * last placed it ("settled"): the list is always the filter and sort of the settled values, and
 * the counts count them, so the two cannot disagree. A batch settles each changed row; one
 * whose place changes is taken out by binary search on its old key and put back by binary
 * search on its new one, so no batch re-sorts. While `hold` is set, changes that would move a
 * row wait (the row still shows its new values in place) until `applyPending`.
 */
export class AudienceView {
  #columns: RowColumns;
  #entry: EmailEntry | undefined;
  #q: NormalizedQuery;
  #needle = '';
  #search: (text: string) => boolean = () => true;
  #allowed: Uint8Array = new Uint8Array(0);
  #known = 0;
  #settled = new Int16Array(0);
  #hit = new Uint8Array(0);
  #numberKeys = new Float64Array(0);
  #textKeys: string[] = [];
  #compare: SeqCompare = (a, b) => a - b;
  #list = new Int32Array(0);
  #size = 0;
  #perResponse = new Int32Array(0);
  readonly #pending = new Set<number>();
  #seqByRow: Map<number, number> | undefined;
  /** While true, changes that would move rows wait for `applyPending` (the user is reading). */
  hold = false;

  /**
   * `source` is the store whose state this is: with it the engagement columns (first open, last
   * open, last click, clicked link) sort by the store's events; without it they are empty.
   * `providerText`: the name the view shows for a provider id, which the Provider column sorts by.
   */
  constructor(
    state: ResponseState,
    readonly emailId: string,
    query: AudienceQuery = {},
    private readonly source?: EngagementSource,
    providerText?: (id: string) => string,
  ) {
    this.#columns = new RowColumns(state, emailId, source, providerText);
    this.#q = normalizeQuery(query);
    this.#rebuild();
  }

  get state(): ResponseState {
    return this.#columns.state;
  }

  get query(): NormalizedQuery {
    return this.#q;
  }

  /**
   * The email's engagement per row (first and last open, last click and link), up to date with
   * the store's log; undefined without a store, or when the store has moved to a newer state.
   */
  engagement(): EmailEngagement | undefined {
    return this.#columns.refresh();
  }

  /** Rows shown. */
  get length(): number {
    return this.#size;
  }

  /** Changes held back by `hold` that would add, remove or move a row. */
  get pendingMoves(): number {
    return this.#pending.size;
  }

  /** The state row shown at `index`. */
  rowAt(index: number): number {
    return this.#entry!.order[this.#list[index]!]!;
  }

  /** Every shown state row, in order (an export reads all of them, not only the rendered ones). */
  *rows(): IterableIterator<number> {
    const order = this.#entry?.order ?? [];
    for (let i = 0; i < this.#size; i++) yield order[this.#list[i]!]!;
  }

  /** Every state row of the email with this response now, in first-appearance order, whatever the query. */
  rowsWith(responseId: string): number[] {
    const index = this.state.rules.lookup.get(responseId);
    const out: number[] = [];
    if (index === undefined) return out;
    const entry = this.#entry ?? this.state.emails.get(this.emailId);
    for (const row of entry?.order ?? []) if (this.#columns.response(row) === index) out.push(row);
    return out;
  }

  /** Where a recipient is shown, or -1. */
  indexOf(recipientId: string): number {
    const row = this.state.rowOf(this.emailId, recipientId);
    const seq = row < 0 ? -1 : this.#seqOf(row);
    return seq < 0 || !this.#shown(seq) ? -1 : indexOfSeq(this.#list, this.#size, seq, this.#compare);
  }

  counts(): AudienceCounts {
    const rules = this.state.rules;
    const byResponse: Record<string, number> = {};
    const groups = Object.fromEntries(AUDIENCE_GROUPS.map((group) => [group, 0])) as Record<AudienceGroup, number>;
    let all = 0;
    rules.responses.forEach((response, index) => {
      const count = this.#perResponse[index] ?? 0;
      byResponse[response.id] = count;
      all += count;
      for (const group of AUDIENCE_GROUPS) if (inGroup(rules, index, group)) groups[group] += count;
    });
    return { all, byResponse, groups };
  }

  /** A new query: the one full rebuild besides a reset. Held changes are applied with it. */
  setQuery(query: AudienceQuery): void {
    this.#q = normalizeQuery(query);
    this.#rebuild();
  }

  /** A new state (the store refolded): start over. */
  setState(state: ResponseState): void {
    this.#columns = new RowColumns(state, this.emailId, this.source);
    this.#rebuild();
  }

  /** Follows one store notification. */
  update(change: Pick<StoreChange, 'rows' | 'reset'>): AudienceViewUpdate {
    if (change.reset) {
      this.#rebuild();
      // Everything is new: nothing to flash.
      return { changed: [], moved: true };
    }
    this.#entry ??= this.state.emails.get(this.emailId);
    if (!this.#entry) return { changed: [], moved: false };
    this.#refreshEngagement();
    // The seqs the email gained are a range, settled as one; a Set of them (and a look-up of
    // each one's row among the change's) cost most of a million-row snapshot's view update.
    const from = this.#grow();
    const order = this.#entry.order;
    // Rows are numbered as they are added: one from the first new seq's row on is new (or another email's).
    const firstNew = this.#seqByRow || from === this.#known ? Infinity : order[from]!;
    const seqs = new Set<number>();
    for (const row of change.rows) {
      if (row >= firstNew) continue;
      const seq = this.#seqOf(row);
      if (seq >= 0 && seq < from) seqs.add(seq);
    }
    const changed = order.slice(from, this.#known);
    for (const seq of seqs) changed.push(order[seq]!);
    return { changed, moved: this.#settle(seqs, this.hold, from) };
  }

  /** Applies every held change: the "N updates, show" action. */
  applyPending(): boolean {
    if (this.#pending.size === 0) return false;
    const seqs = new Set(this.#pending);
    this.#pending.clear();
    this.#refreshEngagement();
    return this.#settle(seqs, false);
  }

  /**
   * Reads the store's new opens and clicks when the sort needs them. Only then: the per-row
   * engagement costs a log scan and maps over every engaged row, which a grid that neither shows
   * nor sorts by those columns should not pay (the cells ask through `engagement()` themselves).
   */
  #refreshEngagement(): void {
    const sort = this.#q.sort;
    if (sort && RowColumns.fromEvents(sort.column)) this.#columns.refresh();
  }

  #shown(seq: number): boolean {
    const response = this.#settled[seq]!;
    return response !== ABSENT && this.#hit[seq] === 1 && this.#allowed[response] === 1;
  }

  /**
   * A row's seq, or -1 for a row of another email. Rows are numbered as they are added, so
   * `entry.order` is ascending and a binary search finds a row; `grow` checks that and, were it
   * ever not so, keeps a map instead.
   */
  #seqOf(row: number): number {
    if (this.#seqByRow) return this.#seqByRow.get(row) ?? -1;
    const order = this.#entry!.order;
    let low = 0;
    let high = this.#known - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = order[mid]!;
      if (at === row) return mid;
      if (at < row) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** Makes room for seqs the email gained; returns the first new one. */
  #grow(): number {
    const from = this.#known;
    const total = this.#entry?.order.length ?? 0;
    if (total > this.#settled.length) {
      const capacity = Math.max(total, this.#settled.length * 2, 64);
      const settled = new Int16Array(capacity).fill(ABSENT);
      settled.set(this.#settled.subarray(0, from));
      const hit = new Uint8Array(capacity);
      hit.set(this.#hit.subarray(0, from));
      // Numeric sort keys only under a numeric sort: 8 MB a million rows that no other query reads.
      const sort = this.#q.sort;
      const keys = new Float64Array(sort && RowColumns.numeric(sort.column) ? capacity : 0);
      keys.set(this.#numberKeys.subarray(0, Math.min(from, keys.length)));
      this.#settled = settled;
      this.#hit = hit;
      this.#numberKeys = keys;
      this.#refreshCompare();
    }
    const order = this.#entry?.order ?? [];
    for (let seq = from; seq < total; seq++) {
      this.#settled[seq] = ABSENT;
      if (!this.#seqByRow && seq > 0 && order[seq]! <= order[seq - 1]!)
        this.#seqByRow = new Map(order.slice(0, seq).map((row, at) => [row, at]));
      this.#seqByRow?.set(order[seq]!, seq);
    }
    this.#known = total;
    return from;
  }

  #refreshCompare(): void {
    const sort = this.#q.sort;
    const descending = sort?.direction === 'descending';
    if (!sort) this.#compare = (a, b) => a - b;
    else if (RowColumns.numeric(sort.column)) this.#compare = numberCompare(this.#numberKeys, descending);
    else this.#compare = textCompare(this.#textKeys, descending);
  }

  /** Whether placing a row needs more than its response (then it is read once, whole). */
  get #readsRows(): boolean {
    return this.#needle !== '' || this.#q.sort !== null || this.#q.engagement !== null || this.#q.recipients !== null;
  }

  /**
   * The search and the engagement: what a row must match before the chips choose. Kept as the
   * settled `hit`, so counters that change without the response move the row in and out too.
   */
  #matches(r: RecipientState | undefined): boolean {
    const engagement = this.#q.engagement;
    if (engagement !== null && !engaged(r!, engagement, this.state.rules)) return false;
    if (this.#q.recipients !== null && !this.#q.recipients.has(r!.recipientId)) return false;
    return this.#needle === '' || RowColumns.matches(r!, this.#search);
  }

  /** Stores a seq's settled values, keeping the counts. `r` is the row read, when it was. */
  #settleOne(seq: number, response: number, r: RecipientState | undefined): void {
    const before = this.#settled[seq]!;
    if (before !== ABSENT && this.#hit[seq] === 1) this.#perResponse[before]!--;
    const hit = this.#matches(r) ? 1 : 0;
    this.#settled[seq] = response;
    this.#hit[seq] = hit;
    if (hit === 1) this.#perResponse[response]!++;
    const sort = this.#q.sort;
    if (!sort) return;
    const row = this.#entry!.order[seq]!;
    if (RowColumns.numeric(sort.column))
      this.#numberKeys[seq] = this.#columns.numberKey(r!, sort.column, row, sort.direction === 'descending');
    else this.#textKeys[seq] = this.#columns.textKey(r!, sort.column, row);
  }

  /** Settles changed seqs, and every seq from `fresh` on (new ones); returns whether the list changed. */
  #settle(seqs: Set<number>, hold: boolean, fresh = this.#known): boolean {
    const moves = new Moves(hold, this.#readsRows);
    for (const seq of seqs) this.#settleSeq(seq, moves);
    for (let seq = fresh; seq < this.#known; seq++) this.#settleSeq(seq, moves);
    const movers = moves.seqs;
    if (movers.length === 0) return false;
    // Out by the old keys, settled, back in by the new ones.
    this.#remove(moves.removals);
    for (let m = 0; m < movers.length; m++) this.#settleOne(movers[m]!, moves.responses[m]!, moves.reads[m]);
    this.#insert(moves.inserts);
    return true;
  }

  /** Settles one seq where it is, or holds it, or lists it in `moves` to be moved. */
  #settleSeq(seq: number, moves: Moves): void {
    const row = this.#entry!.order[seq]!;
    const sort = this.#q.sort;
    const response = this.#columns.response(row);
    const r = moves.readsRows ? this.#columns.read(row) : undefined;
    const wasShown = this.#shown(seq);
    const nowShown = this.#allowed[response] === 1 && this.#matches(r);
    let sameKey = true;
    if (sort && wasShown && nowShown) {
      sameKey = RowColumns.numeric(sort.column)
        ? Object.is(
            this.#numberKeys[seq],
            this.#columns.numberKey(r!, sort.column, row, sort.direction === 'descending'),
          )
        : this.#textKeys[seq] === this.#columns.textKey(r!, sort.column, row);
    }
    const pending = this.#pending;
    if (wasShown === nowShown && sameKey) {
      // Stays where it is (or stays out): safe to settle before the list is searched, since
      // a shown row's key is unchanged.
      if (pending.size > 0) pending.delete(seq);
      this.#settleOne(seq, response, r);
    } else if (moves.hold) {
      pending.add(seq);
    } else {
      if (pending.size > 0) pending.delete(seq);
      moves.seqs.push(seq);
      moves.responses.push(response);
      moves.reads.push(r);
      if (wasShown) moves.removals.push(seq);
      if (nowShown) moves.inserts.push(seq);
    }
  }

  #remove(seqs: number[]): void {
    if (seqs.length === 0) return;
    if (seqs.length <= SPLICE_LIMIT) {
      for (const seq of seqs) {
        const at = indexOfSeq(this.#list, this.#size, seq, this.#compare);
        if (at < 0) continue;
        this.#list.copyWithin(at, at + 1, this.#size);
        this.#size--;
      }
      return;
    }
    const gone = new Set(seqs);
    let out = 0;
    for (let i = 0; i < this.#size; i++) {
      const seq = this.#list[i]!;
      if (!gone.has(seq)) this.#list[out++] = seq;
    }
    this.#size = out;
  }

  #insert(seqs: number[]): void {
    if (seqs.length === 0) return;
    const needed = this.#size + seqs.length;
    if (needed > this.#list.length) {
      const list = new Int32Array(Math.max(needed, this.#list.length * 2, 64));
      list.set(this.#list.subarray(0, this.#size));
      this.#list = list;
    }
    const compare = this.#compare;
    if (seqs.length <= SPLICE_LIMIT) {
      for (const seq of seqs) {
        const at = insertionIndex(this.#list, this.#size, seq, compare);
        this.#list.copyWithin(at + 1, at, this.#size);
        this.#list[at] = seq;
        this.#size++;
      }
      return;
    }
    // Merge from the back, in place: the list's tail is free space.
    seqs.sort(compare);
    let i = this.#size - 1;
    let j = seqs.length - 1;
    for (let out = needed - 1; j >= 0; out--) {
      if (i >= 0 && compare(this.#list[i]!, seqs[j]!) > 0) this.#list[out] = this.#list[i--]!;
      else this.#list[out] = seqs[j--]!;
    }
    this.#size = needed;
  }

  /** Filters and sorts the email's rows from scratch (a new query or state). */
  #rebuild(): void {
    const rules = this.state.rules;
    this.#entry = this.state.emails.get(this.emailId);
    this.#refreshEngagement();
    this.#needle = foldText(this.#q.search.trim());
    this.#search = textMatcher(this.#needle);
    this.#allowed = allowedResponses(rules, this.#q);
    this.#perResponse = new Int32Array(rules.responses.length);
    this.#pending.clear();
    this.#known = 0;
    this.#settled = new Int16Array(0);
    this.#hit = new Uint8Array(0);
    this.#numberKeys = new Float64Array(0);
    this.#textKeys = [];
    this.#size = 0;
    this.#seqByRow = undefined;
    this.#grow();
    const order = this.#entry?.order ?? [];
    const list = new Int32Array(Math.max(this.#known, 64));
    let size = 0;
    const reads = this.#readsRows;
    for (let seq = 0; seq < this.#known; seq++) {
      const row = order[seq]!;
      this.#settleOne(seq, this.#columns.response(row), reads ? this.#columns.read(row) : undefined);
      if (this.#shown(seq)) list[size++] = seq;
    }
    this.#refreshCompare();
    const sort = this.#q.sort;
    const shown = list.subarray(0, size);
    if (sort && RowColumns.numeric(sort.column)) sortByNumber(shown, this.#numberKeys, sort.direction === 'descending');
    else if (sort) shown.sort(this.#compare);
    this.#list = list;
    this.#size = size;
  }
}

/**
 * One settle: whether it holds moves back and reads whole rows (worked out once, not a row), and
 * the seqs it moves with what it read of each (parallel lists, not a tuple a row).
 */
class Moves {
  constructor(
    readonly hold: boolean,
    readonly readsRows: boolean,
  ) {}

  readonly seqs: number[] = [];
  readonly responses: number[] = [];
  readonly reads: (RecipientState | undefined)[] = [];
  readonly removals: number[] = [];
  readonly inserts: number[] = [];
}
