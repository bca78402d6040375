// The <script> build's load-coordination.ts: TabRelay and CacheLock as ES modules from next to
// the script (dist/iife/tab-relay.js, dist/iife/cache-lock.js; see src/entries/iife-parts.ts).
import { loadPart } from '../entries/iife-parts';
import type { CacheLockModule, TabRelayModule } from './load-coordination';

export type { CacheLockModule, TabRelayModule } from './load-coordination';

export function loadTabRelay(): Promise<TabRelayModule> {
  return loadPart<TabRelayModule>('tab-relay');
}

export function loadCacheLock(): Promise<CacheLockModule> {
  return loadPart<CacheLockModule>('cache-lock');
}
