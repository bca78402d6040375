/**
 * Hands the main thread back to the page for a moment: long work (hydrating a million rows) runs
 * in slices so frames paint and input is handled in between. A message task, not
 * `scheduler.yield()`: its continuations outrank rendering, and measured here a page hydrating
 * through them painted nothing for five seconds. Not a timer either: nested timers wait 4 ms.
 * Outside a page (Node) a timer.
 */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'function' && typeof window !== 'undefined') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Slices of work between yields: a frame's worth leaves the page room to paint at 60 Hz. */
export const SLICE_MS = 8;

/** Yields when the slice that began at `since` has run its course; returns the new slice start. */
export async function yieldIfDue(since: number): Promise<number> {
  if (performance.now() - since < SLICE_MS) return since;
  await yieldToPage();
  return performance.now();
}

/**
 * Resolves after the page has had a chance to paint what changed: the next animation frame, then
 * a task. A hidden page gets no frames, so it waits at most `maxMs`.
 */
export function afterPaint(maxMs = 100): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return yieldToPage();
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, maxMs);
    requestAnimationFrame(() => void yieldToPage().then(finish));
  });
}
