// What a store runs only when a host asks its backend for something besides the stream: the
// rules (`loadRules`), a contact's history, an email's snapshot pages and their reconciling. All
// of it waits for the network anyway, so it loads then (load-backend.ts), as a chunk of its own.
export { readContactHistory, readRules } from './backend-reads';
export { SnapshotLoader } from './snapshot-loader';
