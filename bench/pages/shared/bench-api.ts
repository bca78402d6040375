// What each bench page exposes on `window` for the harness (bench/harness) to call through
// Playwright, and what it answers. Shared by both sides so a change breaks the typecheck.
import type { FrameStats } from './frame-meter';

export type GridName = 'ours' | 'ag-grid' | 'vaadin';

export interface MountInfo {
  grid: GridName;
  rows: number;
  /** From starting to build the data to the first rows painted (informational: not comparable). */
  mountMs: number;
  /** Rows the grid keeps in the DOM, and the height of one. */
  domRows: number;
  rowHeight: number;
  /** The scroll container's visible height. */
  viewportHeight: number;
}

export interface UpdateOptions {
  /** Updates per second (recipients whose opens or clicks change). */
  rate: number;
  seconds: number;
  /** After the window, how long to wait for batches still unpainted. */
  drainMs: number;
  /** Distinguishes the event ids of two runs in one page. */
  runId: string;
}

/**
 * Where the renderer's main thread spent its time during a window, per second of wall time (CDP
 * Performance.getMetrics deltas, read by the harness around the `run…` call; task time is wall
 * time, so on a loaded machine it includes waiting for a core).
 */
export interface MainThread {
  taskMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
}

export interface UpdateStats {
  mainThread?: MainThread;
  rate: number;
  /** Updates applied in the window, and per second. */
  applied: number;
  achievedRate: number;
  /** One batch per frame: how many, and how many never reached the screen before the drain ended. */
  batches: number;
  unpainted: number;
  /** Batch applied → the frame that shows it painted, ms. */
  paintP50: number;
  paintP95: number;
  paintMax: number;
  /** Batch applied → its change in the DOM, ms. */
  domP50: number;
  domP95: number;
  /** Time spent inside the grid's update call per batch (synchronous part), ms. */
  applyP95: number;
  frames: Omit<FrameStats, 'deltas'>;
}

export interface ScrollOptions {
  seconds: number;
  /** Pixels added to (or, at the bottom, taken from) scrollTop in every rAF callback. */
  step: number;
  /**
   * `pixels`: every grid moves `step` px per frame, as a wheel or a thumb drag would. `rows`: each
   * grid's step is calibrated so it passes the rows `step` px of rows hold (step / row height) per
   * frame: a grid that maps a capped scroll height onto many rows then moves fewer pixels.
   */
  match: 'pixels' | 'rows';
}

export interface ScrollStats {
  mainThread?: MainThread;
  match: 'pixels' | 'rows';
  /** The step used, px per frame. */
  step: number;
  /** Rows the first visible row moved by in all, and per second. */
  rowsPassed: number;
  rowsPerSecond: number;
  frames: Omit<FrameStats, 'deltas'>;
}

export interface GridPageApi {
  grid: GridName;
  mount(rows: number): Promise<MountInfo>;
  /** Makes the stream (outside any window); `runUpdates` then applies it and measures. */
  prepareUpdates(options: UpdateOptions): Promise<void>;
  runUpdates(): Promise<UpdateStats>;
  /** Scrolls to the top and calibrates the step; `runScroll` then scrolls and measures. */
  prepareScroll(options: ScrollOptions): Promise<void>;
  runScroll(): Promise<ScrollStats>;
}

export interface IngestOptions {
  events: number;
  recipients: number;
  batch: number;
  /** IndexedDB database name, or undefined for a store in memory. */
  cache: string | undefined;
}

export interface IngestStats {
  events: number;
  cache: boolean;
  /** From the first ingest to the last ingest returning (applied in memory). */
  applyMs: number;
  /** From the first ingest to everything written to IndexedDB (the cache's flush resolved). */
  writtenMs: number;
  /** events / writtenMs: sustained events per second with write-through. */
  eventsPerSecond: number;
  /** events / applyMs. */
  applyEventsPerSecond: number;
  frames: Omit<FrameStats, 'deltas'>;
}

export interface StorePageApi {
  ingest(options: IngestOptions): Promise<IngestStats>;
}

export interface PopulateStats {
  rows: number;
  events: number;
  ms: number;
}

export interface ColdStats {
  rows: number;
  /** performance.now() (ms since navigation start) when the page's script began. */
  scriptAt: number;
  /** ms since navigation start when createResponseStore was called. */
  storeAt: number;
  /** From createResponseStore to the frame painting the first rows. */
  firstRowsMs: number;
  /** From createResponseStore to the first rows in the DOM (before that frame painted). */
  firstRowsDomMs: number;
  /** From createResponseStore to the frame painting the grid with every row in it. */
  allRowsMs: number;
  /** From createResponseStore to store.ready (every row, its event ids, the events past the last compaction). */
  readyMs: number;
  /** From createResponseStore to store.rowsReady (every cached row in the state, before the grid paints them). */
  rowsReadyMs?: number;
  /** From createResponseStore to store.eventsReady (every cached event in the log, for timelines and refolds). */
  eventsReadyMs?: number;
  /** Rows the grid counted at the end. */
  gridRows: number;
}

export interface HydrateStats {
  /** openResponseCache: opening the database and reading its header records. */
  openMs: number;
  rows: number;
  events: number;
  firstRowsMs: number;
  rowsMs: number;
  totalMs: number;
}

/**
 * The same cache read raw, as a floor for the cold start: open the database, `getAll` every
 * record in chunks of 8 (as hydrate reads them), every read asked for at once, structured clone
 * decoding included; nothing restored.
 */
export interface RawReadStats {
  /** Open plus every row page read and decoded. */
  rowsMs: number;
  /** Then every event record read and decoded too (from the same start). */
  allMs: number;
  rowRecords: number;
  eventRecords: number;
}

export interface ColdPageApi {
  populate(rows: number, db: string): Promise<PopulateStats>;
  hydrateOnly(db: string): Promise<HydrateStats>;
  rawRead(db: string): Promise<RawReadStats>;
  /** Set when the page was opened with ?measure: the cold start it ran at load. */
  coldStart: Promise<ColdStats> | undefined;
  /** The same store-and-grid start in an already loaded page (to profile it). */
  start(db: string, rows: number): Promise<ColdStats>;
}

declare global {
  interface Window {
    gridBench?: GridPageApi;
    storeBench?: StorePageApi;
    coldBench?: ColdPageApi;
  }
}
