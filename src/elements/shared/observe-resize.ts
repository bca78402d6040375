/**
 * A ResizeObserver where the engine has one. Without it (jsdom, happy-dom, old engines: a host's
 * unit tests) there is nothing to observe with: undefined, and the caller keeps its default sizes
 * instead of throwing `ResizeObserver is not defined` as the element is mounted.
 */
export function resizeObserver(callback: ResizeObserverCallback): ResizeObserver | undefined {
  return typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(callback);
}
