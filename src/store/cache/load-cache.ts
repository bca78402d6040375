// The IndexedDB cache (and idb under it) is code that only a store given a cache name runs, so
// it loads on demand, as a chunk of its own: a page without `cache-name` never requests it. The
// <script> build has no chunks: it is given load-cache.iife.ts instead (vite.config.ts), which
// loads the same code as ES modules from next to the script.
import { loadRecipientRows } from '../load-recipient-rows';
import type * as Cache from './index';

export type CacheModule = typeof Cache;
export type IdbModule = typeof import('idb');

/** The response cache: `openResponseCache` and its kin, with the rows' code its pages restore. */
export function loadCache(): Promise<CacheModule> {
  return Promise.all([import('./index'), loadRecipientRows()]).then(([cache]) => cache);
}

/** idb alone, for the grids' small database of kept columns (used only beside a cache). */
export function loadIdb(): Promise<IdbModule> {
  return import('idb');
}
