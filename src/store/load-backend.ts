// The store's backend reads (backend-part.ts) load on a host's first `loadRules`,
// `loadContactHistory` or `loadSnapshot`: a page that only streams never requests them. The
// <script> build is given load-backend.iife.ts instead (vite.config.ts).
import type * as Backend from './backend-part';
import { loadRecipientRows } from './load-recipient-rows';

export type BackendModule = typeof Backend;

export function loadBackend(): Promise<BackendModule> {
  // A snapshot's pages restore and reset rows.
  return Promise.all([import('./backend-part'), loadRecipientRows()]).then(([backend]) => backend);
}
