// What a store needs to apply events and nothing else does: validation, the fold's batches and
// the columnar reader. It loads beside a store's cache or first events (load-ingest-code.ts), so
// a grid's entry and its first paint do without it (issue 14).
export { BatchApplier } from '../core/batch';
export { applyItems } from '../core/columnar-apply';
export { forColumns, heard } from '../core/columnar-listeners';
