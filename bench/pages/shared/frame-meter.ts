// Frame times, long tasks and "when was this painted", measured the same way for every grid.
//
// - Frame time: the delta between consecutive requestAnimationFrame timestamps. A frame the main
//   thread could not produce in time shows as a delta of 33 ms, 50 ms...
// - Long tasks: PerformanceObserver entries of type 'longtask' (main-thread tasks of 50 ms or more).
// - End of a frame's main-thread rendering: a 1 px marker changes width in every rAF callback,
//   so a ResizeObserver on it fires in every frame's rendering steps after style and layout,
//   i.e. after every rAF callback and microtask of that frame (wherever a grid renders: in a task,
//   in a rAF callback or a microtask after one). A message posted from that callback runs as the
//   next task, after the frame's paint step: that is the "painted" moment.
import { percentile } from './stats';

export interface FrameStats {
  /** rAF deltas inside the window, ms. */
  deltas: number[];
  p50: number;
  p95: number;
  max: number;
  longTasks: { count: number; maxMs: number; totalMs: number };
  /** Window length, ms. */
  durationMs: number;
}

type FrameListener = (now: number) => void;

export class FrameMeter {
  private readonly marker: HTMLElement;
  private readonly resize: ResizeObserver;
  private readonly channel = new MessageChannel();
  private readonly longTasks: PerformanceEntry[] = [];
  private readonly observer: PerformanceObserver;
  private running = false;
  private wide = false;
  private frameTimes: number[] = [];
  private recording = false;
  private windowStart = 0;
  private windowEnd = 0;
  /** Called in each rAF callback (the scroll driver moves the scroller here). */
  readonly onFrame = new Set<FrameListener>();
  /** Called at the end of each frame's rendering steps, before its paint. */
  readonly onRendered = new Set<FrameListener>();
  /** Called in the first task after each frame's paint (the update stream applies batches here). */
  readonly onPainted = new Set<FrameListener>();

  constructor() {
    this.marker = document.createElement('div');
    // Out of the way and isolated, so toggling it costs a tiny layout of its own.
    this.marker.style.cssText =
      'position:fixed;left:0;top:0;width:1px;height:1px;contain:strict;pointer-events:none;opacity:0';
    document.body.append(this.marker);
    this.resize = new ResizeObserver(() => {
      const now = performance.now();
      for (const listener of this.onRendered) listener(now);
      this.channel.port2.postMessage(0);
    });
    this.channel.port1.onmessage = () => {
      const now = performance.now();
      for (const listener of this.onPainted) listener(now);
    };
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) this.longTasks.push(entry);
    });
    this.observer.observe({ type: 'longtask', buffered: false });
  }

  /** Starts the rAF loop and the marker; frames are recorded only between `begin` and `end`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.resize.observe(this.marker);
    const frame = (time: number) => {
      if (!this.running) return;
      if (this.recording) this.frameTimes.push(time);
      this.wide = !this.wide;
      this.marker.style.width = this.wide ? '2px' : '1px';
      for (const listener of this.onFrame) listener(time);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  stop(): void {
    this.running = false;
    this.resize.disconnect();
  }

  /** Opens the measuring window. */
  begin(): void {
    this.frameTimes = [];
    this.longTasks.length = 0;
    this.recording = true;
    this.windowStart = performance.now();
  }

  /** Closes the window and sums it up. */
  end(): FrameStats {
    this.recording = false;
    this.windowEnd = performance.now();
    // Entries are delivered a little late: take those that started inside the window.
    for (const entry of this.observer.takeRecords()) this.longTasks.push(entry);
    const tasks = this.longTasks.filter(
      (t) => t.startTime + t.duration >= this.windowStart && t.startTime <= this.windowEnd,
    );
    const deltas: number[] = [];
    for (let i = 1; i < this.frameTimes.length; i++) deltas.push(this.frameTimes[i]! - this.frameTimes[i - 1]!);
    return {
      deltas,
      p50: percentile(deltas, 50),
      p95: percentile(deltas, 95),
      max: deltas.length ? Math.max(...deltas) : NaN,
      longTasks: {
        count: tasks.length,
        maxMs: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
        totalMs: tasks.reduce((sum, t) => sum + t.duration, 0),
      },
      durationMs: this.windowEnd - this.windowStart,
    };
  }
}

/** Resolves after `count` frames (rAF callbacks). */
export function frames(count = 1): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  });
}

/** Resolves after `ms` of wall time. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when `ready()` holds, checked every frame; rejects after `timeoutMs`. */
export async function until(ready: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = performance.now();
  while (!ready()) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`bench: timed out after ${timeoutMs} ms waiting for ${what}`);
    await frames(1);
  }
}
