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

const HOUR = 3_600_000;
const DELIVERED = STAGES.indexOf('delivered');

/**
 * One email's engagement over time and by link, read from the store's event log: each
 * recipient's first human open and first click, and who clicked which URL. It reads only the
 * events added since its last read (the log only grows until a reset or a refold, which start it
 * over). Figures are taken over Delivered recipients, like the report's headline figures.
 */
export class EmailEngagement {
  private read = 0;
  private readFrom: ResponseState | undefined;
  private readonly firstOpen = new Map<number, number>();
  private readonly firstClick = new Map<number, number>();
  /** Per URL, clicks per row. */
  private readonly byUrl = new Map<string, Map<number, number>>();
  /** The earliest hand-over to the provider (or any event), when the host gives no send time. */
  firstSentAt = Infinity;

  constructor(readonly emailId: string) {}

  /** Reads the events applied since the last call. */
  update(state: ResponseState, events: readonly ResponseEvent[]): void {
    if (state !== this.readFrom || events.length < this.read) this.reset(state);
    const rules = state.rules;
    for (let position = this.read; position < events.length; position++) {
      const event = events[position]!;
      if (event.emailId !== this.emailId) continue;
      const response = rules.lookup.get(event.response) ?? rules.lookup.get(event.response.toLowerCase());
      if (response === undefined) continue;
      const row = state.rowOf(this.emailId, event.recipientId);
      if (row < 0) continue;
      const at = eventTime(event.at);
      if (rules.handedToProvider[response] && at < this.firstSentAt) this.firstSentAt = at;
      const counter = rules.counter[response];
      if (counter === COUNTER_OPENS || counter === COUNTER_CLICKS) earliest(this.firstOpen, row, at);
      if (counter !== COUNTER_CLICKS) continue;
      earliest(this.firstClick, row, at);
      if (event.url) {
        let link = this.byUrl.get(event.url);
        if (!link) this.byUrl.set(event.url, (link = new Map()));
        link.set(row, (link.get(row) ?? 0) + 1);
      }
    }
    this.read = events.length;
  }

  /**
   * Unique opens and clicks per hour from `start`, over `hours` hours (null: up to the last one),
   * counting Delivered recipients only, so the hours add up to the report's unique figures.
   */
  series(state: ResponseState, start: number, hours: number | null): EngagementSeries {
    const delivered = (row: number) => state.rules.stage[state.recipients.response(row)] === DELIVERED;
    const firstOpens: number[] = [];
    let last = 0;
    for (const [row, at] of this.firstOpen) {
      if (!delivered(row)) continue;
      firstOpens.push(at - start);
      last = Math.max(last, Math.floor((at - start) / HOUR));
    }
    for (const [row, at] of this.firstClick) if (delivered(row)) last = Math.max(last, Math.floor((at - start) / HOUR));
    const length = hours ?? last + 1;
    const opens = new Array<number>(length).fill(0);
    const clicks = new Array<number>(length).fill(0);
    const bucket = (list: number[], at: number) => {
      const hour = Math.max(0, Math.floor((at - start) / HOUR));
      if (hour < length) list[hour]!++;
    };
    for (const [row, at] of this.firstOpen) if (delivered(row)) bucket(opens, at);
    for (const [row, at] of this.firstClick) if (delivered(row)) bucket(clicks, at);
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
    for (const [url, link] of this.byUrl) {
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

  private reset(state: ResponseState): void {
    this.readFrom = state;
    this.read = 0;
    this.firstOpen.clear();
    this.firstClick.clear();
    this.byUrl.clear();
    this.firstSentAt = Infinity;
  }
}

function earliest(map: Map<number, number>, row: number, at: number): void {
  const before = map.get(row);
  if (before === undefined || at < before) map.set(row, at);
}
