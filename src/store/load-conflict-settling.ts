// Settling id conflicts (conflict-settling.ts) loads on a store's first conflict (two copies of
// one event that differ): a page whose redeliveries all match never requests it. The <script>
// build is given load-conflict-settling.iife.ts instead (scripts/vite-iife-parts.mjs).
import type * as Settling from './conflict-settling';

export type ConflictSettlingModule = typeof Settling;

export function loadConflictSettling(): Promise<ConflictSettlingModule> {
  return import('./conflict-settling');
}
