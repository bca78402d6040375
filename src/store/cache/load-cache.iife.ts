// The <script> build's loader of the cache (see load-cache.ts): ES modules next to the script.
import { loadPart } from '../../entries/iife-parts';
import { loadRecipientRows } from '../load-recipient-rows';
import type { CacheModule, IdbModule } from './load-cache';

export type { CacheModule, IdbModule };

export function loadCache(): Promise<CacheModule> {
  return Promise.all([loadPart<CacheModule>('cache'), loadRecipientRows()]).then(([cache]) => cache);
}

export function loadIdb(): Promise<IdbModule> {
  return loadPart<IdbModule>('idb');
}
