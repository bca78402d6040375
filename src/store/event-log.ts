import type { ResponseEvent } from '../core/event';

/** Redeliveries kept per recipient: enough to show that they came, bounded for bots and replays. */
const DUPLICATES_KEPT = 20;

/**
 * Every event the store applied, in the order it applied them, with its recipient row: the
 * timeline reads a recipient's events from it, a rules change refolds it, and the cache writes
 * its tail. Events are kept as they came (already validated).
 */
export class EventLog {
  private readonly events: ResponseEvent[] = [];
  private rows = new Int32Array(1024);
  private times = new Float64Array(1024);
  /** Redeliveries per row (the first few), for the timeline to show as counted once. */
  private readonly duplicates = new Map<number, { event: ResponseEvent; at: number }[]>();
  /** Row to the positions of its events, built on first request and kept up to date after. */
  private byRow: Map<number, number[]> | undefined;

  get length(): number {
    return this.events.length;
  }

  add(event: ResponseEvent, row: number, at: number): void {
    const position = this.events.length;
    if (position === this.rows.length) {
      const rows = new Int32Array(position * 2);
      rows.set(this.rows);
      this.rows = rows;
      const times = new Float64Array(position * 2);
      times.set(this.times);
      this.times = times;
    }
    this.events.push(event);
    this.rows[position] = row;
    this.times[position] = at;
    if (this.byRow) {
      const list = this.byRow.get(row);
      if (list) list.push(position);
      else this.byRow.set(row, [position]);
    }
  }

  /** Notes a redelivery of an event the row has; a row keeps its first `DUPLICATES_KEPT`. */
  addDuplicate(event: ResponseEvent, row: number, at: number): void {
    const list = this.duplicates.get(row);
    if (!list) this.duplicates.set(row, [{ event, at }]);
    else if (list.length < DUPLICATES_KEPT) list.push({ event, at });
  }

  duplicatesOf(row: number): readonly { event: ResponseEvent; at: number }[] {
    return this.duplicates.get(row) ?? [];
  }

  at(position: number): ResponseEvent {
    return this.events[position]!;
  }

  /** Events from `start` on (the tail a cache flush writes, the events after a snapshot). */
  since(start: number): readonly ResponseEvent[] {
    return this.events.slice(start);
  }

  /** Events from `start` on with their rows and times (what a cache records). */
  entries(start: number): { event: ResponseEvent; row: number; at: number }[] {
    const out: { event: ResponseEvent; row: number; at: number }[] = [];
    for (let position = start; position < this.events.length; position++) {
      out.push({ event: this.events[position]!, row: this.rows[position]!, at: this.times[position]! });
    }
    return out;
  }

  all(): readonly ResponseEvent[] {
    return this.events;
  }

  /** A recipient's events applied at or after log position `start`, in the order applied. */
  forRowSince(row: number, start: number): ResponseEvent[] {
    this.index();
    return (this.byRow!.get(row) ?? [])
      .filter((position) => position >= start)
      .map((position) => this.events[position]!);
  }

  /** A recipient's events in time order (ties: by id), each with its time in epoch ms. */
  forRow(row: number): { event: ResponseEvent; at: number }[] {
    this.index();
    return (this.byRow!.get(row) ?? [])
      .map((position) => ({ event: this.events[position]!, at: this.times[position]! }))
      .sort((a, b) => a.at - b.at || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  }

  private index(): void {
    if (this.byRow) return;
    this.byRow = new Map();
    for (let position = 0; position < this.events.length; position++) {
      const key = this.rows[position]!;
      const list = this.byRow.get(key);
      if (list) list.push(position);
      else this.byRow.set(key, [position]);
    }
  }

  clear(): void {
    this.events.length = 0;
    this.duplicates.clear();
    this.byRow = undefined;
  }
}
