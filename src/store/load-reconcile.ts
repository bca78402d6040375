// Reconciling snapshot pages runs only when a host calls `loadSnapshot`, which waits for the
// network anyway, so its code (reading pages as objects or columns, resetting rows, finding
// conflicts) loads then, as a chunk of its own: a page that never asks for a snapshot never
// requests it. The <script> build is given load-reconcile.iife.ts instead (vite.config.ts).
import type * as Reconcile from './reconcile';

export type ReconcileModule = typeof Reconcile;

export function loadReconcile(): Promise<ReconcileModule> {
  return import('./reconcile');
}
