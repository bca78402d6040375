// Offline detection. While the browser says it is offline every connection attempt would fail,
// so sources wait for 'online' instead of spending their backoff schedule. Guarded so the
// modules import in Node and workers without a window.

interface NetworkTarget {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

const target = (): NetworkTarget | undefined => {
  const w = (globalThis as { window?: unknown }).window as Partial<NetworkTarget> | undefined;
  return w && typeof w.addEventListener === 'function' ? (w as NetworkTarget) : undefined;
};

/** True only when the platform positively says it is offline. */
export function isOffline(): boolean {
  const nav = (globalThis as { navigator?: { onLine?: unknown } }).navigator;
  return nav?.onLine === false;
}

/** Calls back on the window's offline and online events; returns the function that unsubscribes. */
export function watchNetwork(onOffline: () => void, onOnline: () => void): () => void {
  const t = target();
  if (!t) return () => {};
  t.addEventListener('offline', onOffline);
  t.addEventListener('online', onOnline);
  return () => {
    t.removeEventListener('offline', onOffline);
    t.removeEventListener('online', onOnline);
  };
}
