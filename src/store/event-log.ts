import type { RowCopy } from '../core/columnar-listeners';
import type { ResponseEvent } from '../core/event';
import { RowChains, PAGE_SIZE } from './event-log-rows';
import { loadEventPages } from './load-event-pages';

/** Redeliveries kept per recipient: enough to show that they came, bounded for bots and replays. */
const DUPLICATES_KEPT = 20;

/** Events of a row looked through one by one for an id; a row with more gets an id index. */
const ROW_SCAN = 16;

/**
 * Where the log keeps its events: as objects (below), or as columns (event-log-pages.ts). `add`'s
 * `copy`: `event` is a scratch object (a columnar batch's row, columnar-listeners.ts), readable
 * only during the call; what is kept as an object is `copy.copy()`.
 */
export interface EventStorage {
  readonly length: number;
  add(event: ResponseEvent, row: number, at: number, copy?: RowCopy): void;
  replace(position: number, event: ResponseEvent, at: number): void;
  at(position: number): ResponseEvent;
  idAt(position: number): string;
  rowAt(position: number): number;
  timeAt(position: number): number;
  clear(): void;
}

/** The events as they came, until the columns' code is here. */
class EventObjects implements EventStorage {
  list: { event: ResponseEvent; row: number; at: number }[] = [];

  get length(): number {
    return this.list.length;
  }

  add(event: ResponseEvent, row: number, at: number, copy?: RowCopy): void {
    this.list.push({ event: copy === undefined ? event : copy.copy(), row, at });
  }

  replace(position: number, event: ResponseEvent, at: number): void {
    this.list[position] = { event, row: this.list[position]!.row, at };
  }

  at(position: number): ResponseEvent {
    return this.list[position]!.event;
  }

  idAt(position: number): string {
    return this.at(position).id;
  }

  rowAt(position: number): number {
    return this.list[position]!.row;
  }

  timeAt(position: number): number {
    return this.list[position]!.at;
  }

  clear(): void {
    this.list = [];
  }
}

/** The columns' class once loaded (shared by every log on the page), and its load once asked for. */
let Columns: (new () => EventStorage) | undefined;
let columnsLoading: Promise<new () => EventStorage> | undefined;

/**
 * Loads the columns' code now (a log asks for it itself once it holds a page of events): a log
 * made after keeps columns from its first event. For benchmarks and tests of the columns.
 */
export function loadEventColumns(): Promise<new () => EventStorage> {
  columnsLoading ??= loadEventPages().then(
    (module) => (Columns = module.EventPages),
    (error: unknown) => {
      // Not loaded (the page went offline): asked for again a page of events later.
      columnsLoading = undefined;
      throw error;
    },
  );
  return columnsLoading;
}

/**
 * Every event the store applied, in the order it applied them, with its recipient row: the
 * timeline reads a recipient's events from it, a rules change refolds it, and the cache writes
 * its tail. Events are kept as they came (already validated), field for field.
 *
 * A large log keeps them in columns (event-log-pages.ts; a third of the memory of objects at a
 * million recipients), where each read builds a new event object. That code loads once a log
 * holds a page of events, which most pages never do; until it is here the log keeps the objects,
 * and then moves them into the columns, in order, in one task. Adding and reading never wait.
 */
export class EventLog {
  #events: EventStorage = Columns ? new Columns() : new EventObjects();
  /** Redeliveries per row (the first few), for the timeline to show as counted once. */
  readonly #duplicates = new Map<number, { event: ResponseEvent; at: number }[]>();
  /** Each row's positions, built on first request and kept up to date after. */
  #byRow: RowChains | undefined;
  /** Id to position, for the rows with more than ROW_SCAN events whose ids were looked up. */
  readonly #idIndex = new Map<number, Map<string, number>>();

  get length(): number {
    return this.#events.length;
  }

  /**
   * Logs an applied event. With `copy`, `event` is a columnar row's scratch event: the columns
   * keep its fields and make no object (an object store keeps `copy.copy()`).
   */
  add(event: ResponseEvent, row: number, at: number, copy?: RowCopy): void {
    const position = this.#events.length;
    this.#events.add(event, row, at, copy);
    this.#byRow?.add(position, row);
    // Most logs never index ids: a lookup per event in the empty Map cost ~10 % of logging a row.
    const ids = this.#idIndex.size === 0 ? undefined : this.#idIndex.get(row);
    if (ids !== undefined && !ids.has(event.id)) ids.set(event.id, position);
    // At each page filled: a load that failed (the page was offline) is tried again a page later.
    if ((position & (PAGE_SIZE - 1)) === PAGE_SIZE - 1 && this.#events instanceof EventObjects) this.#toColumns();
  }

  /** Loads the columns' code, then moves the events kept so far into them. */
  #toColumns(): void {
    loadEventColumns().then(
      (Loaded) => {
        const objects = this.#events;
        if (!(objects instanceof EventObjects)) return;
        const columns = new Loaded();
        for (const { event, row, at } of objects.list) columns.add(event, row, at);
        this.#events = columns;
      },
      // The log keeps objects meanwhile: they cost memory, never an event.
      () => undefined,
    );
  }

  /** Notes a redelivery of an event the row has; a row keeps its first `DUPLICATES_KEPT`. */
  addDuplicate(event: ResponseEvent, row: number, at: number): void {
    const list = this.#duplicates.get(row);
    if (!list) this.#duplicates.set(row, [{ event, at }]);
    else if (list.length < DUPLICATES_KEPT) list.push({ event, at });
  }

  duplicatesOf(row: number): readonly { event: ResponseEvent; at: number }[] {
    return this.#duplicates.get(row) ?? [];
  }

  at(position: number): ResponseEvent {
    return this.#events.at(position);
  }

  /** The time (epoch ms) of the event at `position`. */
  timeAt(position: number): number {
    return this.#events.timeAt(position);
  }

  /**
   * Where the row's event with this id is in the log, or -1. A redelivery is looked up here to
   * compare its content with the copy applied (see event-conflicts.ts); rows with many events get
   * an id index of their own, so a flood of ids for one recipient stays linear.
   */
  positionOf(row: number, id: string): number {
    const byRow = this.#index();
    let ids = this.#idIndex.get(row);
    if (ids === undefined) {
      if (!byRow.longer(row, ROW_SCAN)) {
        for (const position of byRow.positions(row)) if (this.#events.idAt(position) === id) return position;
        return -1;
      }
      ids = new Map();
      for (const position of byRow.positions(row)) {
        const logged = this.#events.idAt(position);
        if (!ids.has(logged)) ids.set(logged, position);
      }
      this.#idIndex.set(row, ids);
    }
    return ids.get(id) ?? -1;
  }

  /**
   * Puts another copy of the event at `position` in its place (same row and id: the copy an
   * id conflict chose), so timelines, refolds and tabs that join see the chosen copy only.
   */
  replace(position: number, event: ResponseEvent, at: number): void {
    this.#events.replace(position, event, at);
  }

  /** Events from `start` on (the tail a cache flush writes, the events after a snapshot). */
  since(start: number): readonly ResponseEvent[] {
    const out: ResponseEvent[] = [];
    for (let position = start; position < this.#events.length; position++) out.push(this.#events.at(position));
    return out;
  }

  /** Events from `start` (up to `end`) with their rows and times (what a cache records). */
  entries(start: number, end = this.#events.length): { event: ResponseEvent; row: number; at: number }[] {
    const out: { event: ResponseEvent; row: number; at: number }[] = [];
    for (let position = start; position < end; position++) {
      out.push({
        event: this.#events.at(position),
        row: this.#events.rowAt(position),
        at: this.#events.timeAt(position),
      });
    }
    return out;
  }

  all(): readonly ResponseEvent[] {
    return this.since(0);
  }

  /** A recipient's events applied at or after log position `start`, in the order applied. */
  forRowSince(row: number, start: number): ResponseEvent[] {
    return this.#index()
      .positions(row, start)
      .map((position) => this.#events.at(position));
  }

  /** A recipient's events in time order (ties: by id), each with its time in epoch ms. */
  forRow(row: number): { event: ResponseEvent; at: number }[] {
    return this.#index()
      .positions(row)
      .map((position) => ({ event: this.#events.at(position), at: this.#events.timeAt(position) }))
      .sort((a, b) => a.at - b.at || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  }

  #index(): RowChains {
    if (this.#byRow) return this.#byRow;
    const byRow = new RowChains();
    for (let position = 0; position < this.#events.length; position++)
      byRow.add(position, this.#events.rowAt(position));
    return (this.#byRow = byRow);
  }

  clear(): void {
    this.#events.clear();
    this.#duplicates.clear();
    this.#byRow = undefined;
    this.#idIndex.clear();
  }
}
