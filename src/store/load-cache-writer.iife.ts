// The <script> build's load-cache-writer.ts: the cache writer as an ES module from next to the
// script (dist/iife/cache-writer.js; see src/entries/iife-parts.ts).
import { loadPart } from '../entries/iife-parts';
import type { CacheWriterModule } from './load-cache-writer';

export type { CacheWriterModule } from './load-cache-writer';

export function loadCacheWriter(): Promise<CacheWriterModule> {
  return loadPart<CacheWriterModule>('cache-writer');
}
