/**
 * The store's IndexedDB cache: rows in pages, events in an append log compacted into pages,
 * cursors and rules, read back before any network.
 */
export { ResponseCache } from './response-cache';
export { openResponseCache } from './open-cache';
export type { FlushStats, RecordedEvent, ResponseCacheOptions } from './response-cache';
export type { HydrateLog, HydrateProgress, HydrateResult } from './hydrate-result';
export { REASONS as CACHE_UNAVAILABLE_REASONS } from './failure-reasons';
