import type { ResponseEvent } from '../core/event';
import { EventPages } from './event-log-pages';
import { RowChains } from './event-log-rows';

/** Redeliveries kept per recipient: enough to show that they came, bounded for bots and replays. */
const DUPLICATES_KEPT = 20;

/** Events of a row looked through one by one for an id; a row with more gets an id index. */
const ROW_SCAN = 16;

/**
 * Every event the store applied, in the order it applied them, with its recipient row: the
 * timeline reads a recipient's events from it, a rules change refolds it, and the cache writes
 * its tail. Events are kept as they came (already validated), field for field, in columns
 * (event-log-pages.ts): each read builds a new event object.
 */
export class EventLog {
  private readonly events = new EventPages();
  /** Redeliveries per row (the first few), for the timeline to show as counted once. */
  private readonly duplicates = new Map<number, { event: ResponseEvent; at: number }[]>();
  /** Each row's positions, built on first request and kept up to date after. */
  private byRow: RowChains | undefined;
  /** Id to position, for the rows with more than ROW_SCAN events whose ids were looked up. */
  private readonly idIndex = new Map<number, Map<string, number>>();

  get length(): number {
    return this.events.length;
  }

  add(event: ResponseEvent, row: number, at: number): void {
    const position = this.events.length;
    this.events.add(event, row, at);
    this.byRow?.add(position, row);
    const ids = this.idIndex.get(row);
    if (ids !== undefined && !ids.has(event.id)) ids.set(event.id, position);
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
    return this.events.at(position);
  }

  /** The time (epoch ms) of the event at `position`. */
  timeAt(position: number): number {
    return this.events.timeAt(position);
  }

  /**
   * Where the row's event with this id is in the log, or -1. A redelivery is looked up here to
   * compare its content with the copy applied (see event-conflicts.ts); rows with many events get
   * an id index of their own, so a flood of ids for one recipient stays linear.
   */
  positionOf(row: number, id: string): number {
    const byRow = this.index();
    let ids = this.idIndex.get(row);
    if (ids === undefined) {
      if (!byRow.longer(row, ROW_SCAN)) {
        for (const position of byRow.positions(row)) if (this.events.idAt(position) === id) return position;
        return -1;
      }
      ids = new Map();
      for (const position of byRow.positions(row)) {
        const logged = this.events.idAt(position);
        if (!ids.has(logged)) ids.set(logged, position);
      }
      this.idIndex.set(row, ids);
    }
    return ids.get(id) ?? -1;
  }

  /**
   * Puts another copy of the event at `position` in its place (same row and id: the copy an
   * id conflict chose), so timelines, refolds and tabs that join see the chosen copy only.
   */
  replace(position: number, event: ResponseEvent, at: number): void {
    this.events.replace(position, event, at);
  }

  /** Events from `start` on (the tail a cache flush writes, the events after a snapshot). */
  since(start: number): readonly ResponseEvent[] {
    const out: ResponseEvent[] = [];
    for (let position = start; position < this.events.length; position++) out.push(this.events.at(position));
    return out;
  }

  /** Events from `start` on with their rows and times (what a cache records). */
  entries(start: number): { event: ResponseEvent; row: number; at: number }[] {
    const out: { event: ResponseEvent; row: number; at: number }[] = [];
    for (let position = start; position < this.events.length; position++) {
      out.push({ event: this.events.at(position), row: this.events.rowAt(position), at: this.events.timeAt(position) });
    }
    return out;
  }

  all(): readonly ResponseEvent[] {
    return this.since(0);
  }

  /** A recipient's events applied at or after log position `start`, in the order applied. */
  forRowSince(row: number, start: number): ResponseEvent[] {
    return this.index()
      .positions(row, start)
      .map((position) => this.events.at(position));
  }

  /** A recipient's events in time order (ties: by id), each with its time in epoch ms. */
  forRow(row: number): { event: ResponseEvent; at: number }[] {
    return this.index()
      .positions(row)
      .map((position) => ({ event: this.events.at(position), at: this.events.timeAt(position) }))
      .sort((a, b) => a.at - b.at || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  }

  private index(): RowChains {
    if (this.byRow) return this.byRow;
    const byRow = new RowChains();
    for (let position = 0; position < this.events.length; position++) byRow.add(position, this.events.rowAt(position));
    return (this.byRow = byRow);
  }

  clear(): void {
    this.events.clear();
    this.duplicates.clear();
    this.byRow = undefined;
    this.idIndex.clear();
  }
}
