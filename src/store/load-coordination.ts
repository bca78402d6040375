// What coordinates stores across tabs (TabRelay, for `tabs`) and across stores naming one cache
// (CacheLock) runs only for a store asked for it, so it loads on demand, as chunks of their own: a
// page without `tabs` or a cache name never requests them. Each comes with what the store asks of
// it (tab-relay-join.ts, cache-lock-join.ts). The <script> build is given
// load-coordination.iife.ts instead (vite.config.ts), which loads the same code from next to it.
import type * as Relay from './tab-relay-join';
import type * as Lock from './cache-lock-join';

export type TabRelayModule = typeof Relay;
export type CacheLockModule = typeof Lock;

/** TabRelay: one tab runs the stream for the tabs sharing a name (the store's `tabs`). */
export function loadTabRelay(): Promise<TabRelayModule> {
  return import('./tab-relay-join');
}

/** CacheLock: one store writes the cache that several name (a cache name without `tabs`). */
export function loadCacheLock(): Promise<CacheLockModule> {
  return import('./cache-lock-join');
}
