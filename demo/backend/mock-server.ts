// Starts the demo's backend inside the page: msw's service worker answers /api/* from a simulated
// campaign, and a timer moves the campaign on every 100 ms. The returned controller is what the
// demo's switches call.
import { setupWorker } from 'msw/browser';
import { DemoBackend, type MockBackendStats } from './backend';
import type { DemoEmail } from './campaign';
import type { DemoSwitches } from './event-feed';
import { createHandlers } from './handlers';

export type { DemoEmail, DemoSwitches, MockBackendStats };

export interface MockBackendOptions {
  /** Bulk audience size, 100 … 1,000,000. */
  audience: number;
  /** Events per second. */
  rate: number;
  seed?: number;
  /** Simulated ms per real ms (default 60: a minute of campaign per second). */
  timeScale?: number;
  /**
   * Epoch ms the bulk send starts at. The default, the start of the current hour, makes a reload
   * within the hour replay the same campaign (the same events with the same ids and times), so a
   * page's cached state stays consistent with the new backend.
   */
  startTime?: number;
  switches?: Partial<DemoSwitches>;
}

export interface MockBackendController {
  /** Flip these at any time; the feed reads them on every batch. */
  readonly switches: DemoSwitches;
  readonly emails: readonly DemoEmail[];
  /** The backend itself, for read-outs and tests. */
  readonly backend: DemoBackend;
  setRate(eventsPerSecond: number): void;
  /** Moves the simulated clock on; the events of those hours then stream at the rate. */
  jump(hours: number): void;
  /** Jumps an hour past the trigger email's expiry. */
  jumpPastExpiry(): void;
  /**
   * A server restart: streams break and the next connection of each kind replays from some
   * hundreds of events before its cursor. Returns how many.
   */
  restart(): number;
  /** Breaks every open stream mid-way. */
  dropConnection(): void;
  setOffline(offline: boolean): void;
  /** The simulated time, epoch ms (ahead of Date.now() when timeScale > 1 or after a jump). */
  now(): number;
  stats(): MockBackendStats;
  stop(): Promise<void>;
}

const TICK_MS = 100;
const HOUR = 3_600_000;
/** A throttled background tab ticks rarely; a longer gap counts as this much. */
const MAX_TICK_MS = 1000;

export async function startMockBackend(options: MockBackendOptions): Promise<MockBackendController> {
  const backend = new DemoBackend({ ...options, startTime: options.startTime ?? Math.floor(Date.now() / HOUR) * HOUR });
  const worker = setupWorker(...createHandlers(backend));
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    backend.tick(Math.min(MAX_TICK_MS, now - last));
    last = now;
  }, TICK_MS);
  let stopped = false;
  return {
    switches: backend.switches,
    emails: backend.campaign.emails,
    backend,
    setRate: (rate) => {
      backend.feed.rate = rate;
    },
    jump: (hours) => backend.jump(hours),
    jumpPastExpiry: () => backend.jump(backend.hoursPastExpiry()),
    restart: () => backend.restart(),
    dropConnection: () => backend.dropConnection(),
    setOffline: (offline) => backend.setOffline(offline),
    now: () => backend.campaign.clock,
    stats: () => backend.stats(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      backend.streams.closeAll();
      worker.stop();
    },
  };
}
