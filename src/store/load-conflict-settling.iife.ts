// The <script> build's load-conflict-settling.ts: settling id conflicts as an ES module from next
// to the script (dist/iife/conflict-settling.js; see src/entries/iife-parts.ts).
import { loadPart } from '../entries/iife-parts';
import type { ConflictSettlingModule } from './load-conflict-settling';

export type { ConflictSettlingModule } from './load-conflict-settling';

export function loadConflictSettling(): Promise<ConflictSettlingModule> {
  return loadPart<ConflictSettlingModule>('conflict-settling');
}
