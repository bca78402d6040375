// The <script> build's load-reconcile.ts: the reconciling of snapshot pages as an ES module from
// next to the script (dist/iife/reconcile.js; see src/entries/iife-parts.ts).
import { loadPart } from '../entries/iife-parts';
import type { ReconcileModule } from './load-reconcile';

export type { ReconcileModule } from './load-reconcile';

export function loadReconcile(): Promise<ReconcileModule> {
  return loadPart<ReconcileModule>('reconcile');
}
