// The grid page's side of the benchmark, the same code for the three grids: each page supplies an
// adapter (how to build its grid, where its scroller is, how to hand it updates) and this module
// measures mount, the update stream and scrolling the same way for all of them.
import type { GridName, MountInfo, ScrollOptions, ScrollStats, UpdateOptions, UpdateStats } from './bench-api';
import { FrameMeter, frames, sleep, type FrameStats } from './frame-meter';
import { PaintWatch } from './paint-watch';
import { percentile } from './stats';
import { makeProbes, makeUpdates, type Update } from './update-stream';

export interface GridAdapter<Prepared> {
  readonly name: GridName;
  /** Builds the data and the grid in `host`; resolves once rows are in the DOM. */
  mount(rows: number, host: HTMLElement): Promise<void>;
  /** The element whose scrollTop moves the rows. */
  scroller(): HTMLElement;
  /** Roots whose subtrees hold the rendered cells, for the MutationObserver. */
  cellRoots(): Node[];
  /** The probe row's Opens as the DOM shows it; NaN when it is not rendered. */
  probeOpens(): number;
  /** Data rows in the DOM now, and the height of one (px). */
  domRows(): number;
  rowHeight(): number;
  /** Index of the first row at least partly visible. */
  firstVisibleRow(): number;
  /** Turns updates into what the grid's API takes (outside the measuring window). */
  prepare(rows: number, updates: readonly Update[], probes: readonly Update[], runId: string): Prepared;
  /** Applies updates [start, end) and probe update `probe`, as one batch. */
  apply(prepared: Prepared, start: number, end: number, probe: number): void;
}

const SEED = 8;
/** Probe updates made ready per second of window: one per frame at 60 fps, with room to spare. */
const PROBES_PER_SECOND = 120;

function summary(stats: FrameStats): Omit<FrameStats, 'deltas'> {
  const { deltas: _deltas, ...rest } = stats;
  return rest;
}

/** Installs `window.gridBench` for a grid page. */
export function installGridBench<P>(adapter: GridAdapter<P>): void {
  const host = document.getElementById('grid-host')!;
  let meter: FrameMeter | undefined;
  let rowCount = 0;

  const mount = async (rows: number): Promise<MountInfo> => {
    const started = performance.now();
    await adapter.mount(rows, host);
    await frames(2);
    const mountMs = performance.now() - started;
    rowCount = rows;
    meter = new FrameMeter();
    meter.start();
    // Let late layout work (observers, fonts, the peers' own deferred renders) settle.
    await frames(30);
    const scroller = adapter.scroller();
    return {
      grid: adapter.name,
      rows,
      mountMs,
      domRows: adapter.domRows(),
      rowHeight: adapter.rowHeight(),
      viewportHeight: scroller.clientHeight,
    };
  };

  // Making the stream and calibrating the scroll step happen in `prepare…`, the window in `run…`:
  // the harness reads the main thread's busy time around the `run…` call alone.
  let nextUpdates: (() => Promise<UpdateStats>) | undefined;
  let nextScroll: (() => Promise<ScrollStats>) | undefined;

  const prepareUpdates = async (options: UpdateOptions): Promise<void> => {
    if (!meter) throw new Error('bench: mount first');
    const total = Math.ceil(options.rate * options.seconds * 1.05) + 1;
    const probeCount = Math.ceil(options.seconds * PROBES_PER_SECOND) + 60;
    const prepared = adapter.prepare(
      rowCount,
      makeUpdates(total, rowCount, SEED + options.rate),
      makeProbes(probeCount),
      options.runId,
    );
    await frames(10);
    nextUpdates = () => runUpdates(meter!, options, prepared, total, probeCount);
  };

  const runUpdates = async (
    m: FrameMeter,
    options: UpdateOptions,
    prepared: P,
    total: number,
    probeCount: number,
  ): Promise<UpdateStats> => {
    nextUpdates = undefined;
    const base = adapter.probeOpens();
    if (!Number.isFinite(base)) throw new Error(`bench: ${adapter.name} does not show the probe row`);
    const watch = new PaintWatch(m, adapter.cellRoots(), () => adapter.probeOpens());
    const applyTimes: number[] = [];
    let sent = 0;
    let probe = 0;
    let open = true;
    let lastApply = NaN;
    const start = performance.now();
    const apply = (now: number) => {
      if (!open) return;
      const elapsed = now - start;
      if (elapsed > options.seconds * 1000 || probe >= probeCount) {
        open = false;
        return;
      }
      const due = Math.min(total, Math.floor((options.rate * elapsed) / 1000));
      const t0 = performance.now();
      adapter.apply(prepared, sent, due, probe);
      applyTimes.push(performance.now() - t0);
      lastApply = t0;
      probe++;
      watch.expect(base + probe, t0);
      sent = due;
    };
    m.begin();
    m.onPainted.add(apply);
    await sleep(options.seconds * 1000);
    open = false;
    m.onPainted.delete(apply);
    const frameStats = m.end();
    const drainUntil = performance.now() + options.drainMs;
    while (watch.pending > 0 && performance.now() < drainUntil) await frames(1);
    const unpainted = watch.pending;
    watch.stop();
    return {
      rate: options.rate,
      applied: sent,
      // Up to the last batch: the frame after it would have brought the rest of the window's due.
      achievedRate: sent / ((lastApply - start) / 1000),
      batches: probe,
      unpainted,
      paintP50: percentile(watch.paint, 50),
      paintP95: percentile(watch.paint, 95),
      paintMax: watch.paint.length ? Math.max(...watch.paint) : NaN,
      domP50: percentile(watch.dom, 50),
      domP95: percentile(watch.dom, 95),
      applyP95: percentile(applyTimes, 95),
      frames: summary(frameStats),
    };
  };

  const prepareScroll = async (options: ScrollOptions): Promise<void> => {
    if (!meter) throw new Error('bench: mount first');
    const scroller = adapter.scroller();
    scroller.scrollTop = 0;
    await frames(10);
    // Equal rows: how many rows this grid passes per pixel of a step this size, measured by
    // stepping down for a few frames (grids that map a capped scroll height onto their rows differ:
    // one scales every pixel, another keeps small moves 1:1), then the step that passes as many
    // rows per frame as `step` px of rows would.
    let stepPx = options.step;
    if (options.match === 'rows') {
      const before = adapter.firstVisibleRow();
      for (let i = 0; i < 10; i++) {
        scroller.scrollTop += options.step;
        await frames(1);
      }
      await frames(5);
      const rowsPerPx = (adapter.firstVisibleRow() - before) / (scroller.scrollTop || 1);
      const wanted = options.step / adapter.rowHeight();
      if (rowsPerPx > 0) stepPx = Math.min(options.step * 20, wanted / rowsPerPx);
      scroller.scrollTop = 0;
      await frames(10);
    }
    nextScroll = () => runScroll(meter!, options, scroller, stepPx);
  };

  const runScroll = async (
    m: FrameMeter,
    options: ScrollOptions,
    scroller: HTMLElement,
    stepPx: number,
  ): Promise<ScrollStats> => {
    nextScroll = undefined;
    let direction = 1;
    let rowsPassed = 0;
    let last = adapter.firstVisibleRow();
    let moves = 0;
    const step = () => {
      const max = scroller.scrollHeight - scroller.clientHeight;
      let top = scroller.scrollTop + direction * stepPx;
      if (top >= max || top <= 0) {
        direction = -direction;
        top = Math.max(0, Math.min(max, top));
      }
      scroller.scrollTop = top;
      // Rows passed, read every 30 frames only: reading costs layout in some grids.
      if (++moves % 30 === 0) {
        const first = adapter.firstVisibleRow();
        rowsPassed += Math.abs(first - last);
        last = first;
      }
    };
    m.begin();
    m.onFrame.add(step);
    await sleep(options.seconds * 1000);
    m.onFrame.delete(step);
    const frameStats = m.end();
    await frames(2);
    rowsPassed += Math.abs(adapter.firstVisibleRow() - last);
    return {
      match: options.match,
      step: stepPx,
      rowsPassed,
      rowsPerSecond: rowsPassed / (frameStats.durationMs / 1000),
      frames: summary(frameStats),
    };
  };

  const take = <T>(next: (() => T) | undefined, what: string): T => {
    if (!next) throw new Error(`bench: call prepare${what} first`);
    return next();
  };
  window.gridBench = {
    grid: adapter.name,
    mount,
    prepareUpdates,
    runUpdates: () => take(nextUpdates, 'Updates'),
    prepareScroll,
    runScroll: () => take(nextScroll, 'Scroll'),
  };
}
