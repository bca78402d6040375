// What a store needs to apply events and nothing else does: validation, the fold's batches, the
// columnar reader, and the keeping of snapshot rows and id conflicts (only events make them). It
// loads as a store is made (load-ingest-code.ts), beside its cache and its source, so a grid's
// entry and its first paint do without it (issue 14).
export { BatchApplier } from '../core/batch';
export { applyItems } from '../core/columnar-apply';
export { forColumns, heard } from '../core/columnar-listeners';
export { ConflictSettler } from './conflict-settler';
export { SnapshotResets } from './snapshot-resets';
