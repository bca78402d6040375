/**
 * Work that no one is waiting to see: the cached events, read once every row shows (issue 16).
 * They run in the page's idle time, a slice at a time, so sorting or filtering the rows just
 * painted is not queued behind them. A page that never goes idle still gets them: each wait is
 * bounded. Outside a page (Node, a worker without idle callbacks) a plain yield.
 */
import { SLICE_MS, yieldToPage } from '../yield-to-page';

/**
 * Longest wait for an idle period: a page kept busy (a scroll that never ends) still reads its
 * events, a little later, so a timeline and the dedupe of new events are never put off for long.
 */
export const IDLE_TIMEOUT_MS = 50;

/**
 * Resolves in the page's next idle period (at most `IDLE_TIMEOUT_MS` from now). A hidden page
 * (opened in a background tab) yields instead: its timers, the idle callback's timeout among
 * them, are throttled to one a second or less, which would stretch a million rows' events over
 * minutes, and there is nothing on screen to keep smooth.
 */
export function whenIdle(): Promise<void> {
  const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
  if (typeof requestIdleCallback !== 'function' || hidden) return yieldToPage();
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS }));
}

/** Waits for idle time when the slice that began at `since` has run its course; returns the new slice start. */
export async function idleIfDue(since: number): Promise<number> {
  if (performance.now() - since < SLICE_MS) return since;
  await whenIdle();
  return performance.now();
}
