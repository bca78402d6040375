// The <script> build's load-backend.ts: the backend reads as an ES module from next to the
// script (dist/iife/backend.js; see src/entries/iife-parts.ts).
import { loadPart } from '../entries/iife-parts';
import type { BackendModule } from './load-backend';

export type { BackendModule } from './load-backend';

export function loadBackend(): Promise<BackendModule> {
  return loadPart<BackendModule>('backend');
}
