// The cache writer (cache-writer.ts) loads when a store is given a cache name: a page that never
// names one does not request it. The <script> build is given load-cache-writer.iife.ts instead
// (scripts/vite-iife-parts.mjs).
import type * as Writer from './cache-writer';

export type CacheWriterModule = typeof Writer;

export function loadCacheWriter(): Promise<CacheWriterModule> {
  return import('./cache-writer');
}
