// The <script> build's load-backend.ts: the backend reads as an ES module from next to the
// script (dist/iife/backend.js; see src/entries/iife-parts.ts).
import { loadPart } from '../entries/iife-parts';
import type { BackendModule } from './load-backend';
import { loadRecipientRows } from './load-recipient-rows';

export type { BackendModule } from './load-backend';

export function loadBackend(): Promise<BackendModule> {
  return Promise.all([loadPart<BackendModule>('backend'), loadRecipientRows()]).then(([backend]) => backend);
}
