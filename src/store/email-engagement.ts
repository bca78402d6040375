import type { ResponseEvent } from '../core/event';
import type { ResponseState } from '../core/fold';
import { COUNTER_CLICKS, COUNTER_OPENS } from '../core/rules';
import { STAGES } from '../core/stages';
import { eventTime } from '../core/time';

/** One clicked link: the recipients who clicked it and every click. */
export interface LinkClicks {
  url: string;
  /** State rows of the recipients who clicked it. */
  rows: ReadonlySet<number>;
  clicks: number;
}

/** Unique opens and clicks per hour since the send, for the chart and its table. */
export interface EngagementSeries {
  /** Epoch ms of hour 0. */
  start: number;
  /** Delivered recipients whose first open (a click counts) fell in each hour. */
  opens: number[];
  /** Delivered recipients whose first click fell in each hour. */
  clicks: number[];
  /** Median time from the send to a recipient's first open, in ms; null with no opens. */
  medianFirstOpenMs: number | null;
}

/**
 * One recipient's engagement times, read from its events: each field is absent until an event
 * gives it. A recipient known only from a snapshot or restored without its events (the backend
 * said "Opened, 2 opens" but no event came) has none: the grid leaves those cells empty rather
 * than guess a time.
 */
export interface RowEngagement {
  /** Epoch ms of the first human open; a click counts as an open (spec: a click implies one). */
  firstOpenAt?: number;
  /** Epoch ms of the newest human open or click. */
  lastOpenAt?: number;
  /** Epoch ms of the newest click. */
  lastClickAt?: number;
  /** The URL of the newest click that named one (at the same millisecond, the one first in code-unit order). */
  lastLink?: string;
}

/** The columns an `EmailEngagement` answers per row, as the grid and the Audience view name them. */
export type EngagementTimeColumn = 'first-open' | 'last-open' | 'last-click';

/** What `engagementFor` reads: a store (its state and its log). */
export interface EngagementSource {
  readonly state: ResponseState;
  appliedEvents(): readonly ResponseEvent[];
}

const HOUR = 3_600_000;
const DELIVERED = STAGES.indexOf('delivered');

/**
 * One email's engagement over time and by link, read from the store's event log: each
 * recipient's first and last human open, first and last click and the link of that last click,
 * and who clicked which URL. Opened (machine) is not an open (spec: "How a response changes",
 * rule 4). Every per-row value is a minimum or a maximum over the row's events (ties broken by
 * the URL's text), so it does not depend on the order events arrive in, and a redelivery, which
 * the log does not hold twice, changes nothing. It reads only the
 * events added since its last read (the log only grows until a reset or a refold, which start it
 * over). Figures are taken over Delivered recipients, like the report's headline figures.
 */
export class EmailEngagement {
  #read = 0;
  #readFrom: ResponseState | undefined;
  readonly #firstOpen = new Map<number, number>();
  readonly #firstClick = new Map<number, number>();
  readonly #lastOpen = new Map<number, number>();
  readonly #lastClick = new Map<number, number>();
  /** Per row, the newest click that named a URL. */
  readonly #lastLinkOf = new Map<number, { at: number; url: string }>();
  /** Per URL, clicks per row. */
  readonly #byUrl = new Map<string, Map<number, number>>();
  /** The earliest hand-over to the provider (or any event), when the host gives no send time. */
  firstSentAt = Infinity;

  /**
   * `perRow`: also keep each row's last open, last click and link (what `row` answers; the grid's
   * engagement columns). Off, as the summary needs only the first times, they cost no memory:
   * about 15 bytes a recipient on 200,000 recipients with half of them opening.
   */
  constructor(
    readonly emailId: string,
    readonly perRow = false,
  ) {}

  /** Reads the events applied since the last call. */
  update(state: ResponseState, events: readonly ResponseEvent[]): void {
    if (state !== this.#readFrom || events.length < this.#read) this.#reset(state);
    const rules = state.rules;
    for (let position = this.#read; position < events.length; position++) {
      const event = events[position]!;
      if (event.emailId !== this.emailId) continue;
      const response = rules.lookup.get(event.response) ?? rules.lookup.get(event.response.toLowerCase());
      if (response === undefined) continue;
      const row = state.rowOf(this.emailId, event.recipientId);
      if (row < 0) continue;
      const at = eventTime(event.at);
      if (rules.handedToProvider[response] && at < this.firstSentAt) this.firstSentAt = at;
      const counter = rules.counter[response];
      if (counter === COUNTER_OPENS || counter === COUNTER_CLICKS) earliest(this.#firstOpen, row, at);
      if (this.perRow) this.#noteLatest(row, at, counter!, event.url);
      if (counter !== COUNTER_CLICKS) continue;
      earliest(this.#firstClick, row, at);
      if (event.url) {
        let link = this.#byUrl.get(event.url);
        if (!link) this.#byUrl.set(event.url, (link = new Map()));
        link.set(row, (link.get(row) ?? 0) + 1);
      }
    }
    this.#read = events.length;
  }

  /** The state this engagement was last read against (its rows are that state's rows). */
  get state(): ResponseState | undefined {
    return this.#readFrom;
  }

  /** A state row's engagement times: empty for a row with no open or click event. Needs `perRow`. */
  row(row: number): RowEngagement {
    const out: RowEngagement = {};
    const firstOpen = this.#firstOpen.get(row);
    if (firstOpen === undefined) return out;
    out.firstOpenAt = firstOpen;
    out.lastOpenAt = this.#lastOpen.get(row)!;
    const lastClick = this.#lastClick.get(row);
    if (lastClick !== undefined) out.lastClickAt = lastClick;
    const link = this.#lastLinkOf.get(row);
    if (link) out.lastLink = link.url;
    return out;
  }

  /** A recipient's engagement times (see `row`), by id. */
  recipient(recipientId: string): RowEngagement {
    const row = this.#readFrom ? this.#readFrom.rowOf(this.emailId, recipientId) : -1;
    return row < 0 ? {} : this.row(row);
  }

  /** One of a row's engagement times, or undefined (what a sort reads, with no object per row). */
  timeOf(row: number, column: EngagementTimeColumn): number | undefined {
    const map = column === 'first-open' ? this.#firstOpen : column === 'last-open' ? this.#lastOpen : this.#lastClick;
    return map.get(row);
  }

  /** The URL of a row's newest click that named one. */
  lastLink(row: number): string | undefined {
    return this.#lastLinkOf.get(row)?.url;
  }

  /**
   * Unique opens and clicks per hour from `start`, over `hours` hours (null: up to the last one),
   * counting Delivered recipients only, so the hours add up to the report's unique figures.
   */
  series(state: ResponseState, start: number, hours: number | null): EngagementSeries {
    const delivered = (row: number) => state.rules.stage[state.recipients.response(row)] === DELIVERED;
    const firstOpens: number[] = [];
    let last = 0;
    for (const [row, at] of this.#firstOpen) {
      if (!delivered(row)) continue;
      firstOpens.push(at - start);
      last = Math.max(last, Math.floor((at - start) / HOUR));
    }
    for (const [row, at] of this.#firstClick)
      if (delivered(row)) last = Math.max(last, Math.floor((at - start) / HOUR));
    const length = hours ?? last + 1;
    const opens = new Array<number>(length).fill(0);
    const clicks = new Array<number>(length).fill(0);
    const bucket = (list: number[], at: number) => {
      const hour = Math.max(0, Math.floor((at - start) / HOUR));
      if (hour < length) list[hour]!++;
    };
    for (const [row, at] of this.#firstOpen) if (delivered(row)) bucket(opens, at);
    for (const [row, at] of this.#firstClick) if (delivered(row)) bucket(clicks, at);
    firstOpens.sort((a, b) => a - b);
    const n = firstOpens.length;
    const median =
      n === 0 ? null : n % 2 === 1 ? firstOpens[(n - 1) / 2]! : (firstOpens[n / 2 - 1]! + firstOpens[n / 2]!) / 2;
    return { start, opens, clicks, medianFirstOpenMs: median === null ? null : Math.max(0, median) };
  }

  /** Every clicked URL with its Delivered clickers and their clicks, most clickers first. */
  links(state: ResponseState): LinkClicks[] {
    const delivered = (row: number) => state.rules.stage[state.recipients.response(row)] === DELIVERED;
    const out: LinkClicks[] = [];
    for (const [url, link] of this.#byUrl) {
      const rows = new Set<number>();
      let clicks = 0;
      for (const [row, count] of link) {
        if (!delivered(row)) continue;
        rows.add(row);
        clicks += count;
      }
      if (rows.size > 0) out.push({ url, rows, clicks });
    }
    return out.sort(
      (a, b) => b.rows.size - a.rows.size || b.clicks - a.clicks || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0),
    );
  }

  /** A row's newest open, click and clicked link; at the same millisecond the link first in code-unit order. */
  #noteLatest(row: number, at: number, counter: number, url: string | undefined): void {
    if (counter !== COUNTER_OPENS && counter !== COUNTER_CLICKS) return;
    latest(this.#lastOpen, row, at);
    if (counter !== COUNTER_CLICKS) return;
    latest(this.#lastClick, row, at);
    if (!url) return;
    const before = this.#lastLinkOf.get(row);
    if (!before || at > before.at || (at === before.at && url < before.url)) this.#lastLinkOf.set(row, { at, url });
  }

  #reset(state: ResponseState): void {
    this.#readFrom = state;
    this.#read = 0;
    this.#firstOpen.clear();
    this.#firstClick.clear();
    this.#lastOpen.clear();
    this.#lastClick.clear();
    this.#lastLinkOf.clear();
    this.#byUrl.clear();
    this.firstSentAt = Infinity;
  }
}

const shared = new WeakMap<EngagementSource, Map<string, EmailEngagement>>();

/**
 * The engagement of one email of a store, brought up to date with the store's log: one per store
 * and email, so the grid's cells, its sort and its CSV read the log once between them.
 */
export function engagementFor(source: EngagementSource, emailId: string): EmailEngagement {
  let byEmail = shared.get(source);
  if (!byEmail) shared.set(source, (byEmail = new Map()));
  let engagement = byEmail.get(emailId);
  if (!engagement) byEmail.set(emailId, (engagement = new EmailEngagement(emailId, true)));
  engagement.update(source.state, source.appliedEvents());
  return engagement;
}

function latest(map: Map<number, number>, row: number, at: number): void {
  const before = map.get(row);
  if (before === undefined || at > before) map.set(row, at);
}

function earliest(map: Map<number, number>, row: number, at: number): void {
  const before = map.get(row);
  if (before === undefined || at < before) map.set(row, at);
}
