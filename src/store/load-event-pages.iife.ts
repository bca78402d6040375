// The <script> build's load-event-pages.ts: the event log's columns as an ES module from next to
// the script (dist/iife/event-pages.js; see src/entries/iife-parts.ts).
import { loadPart } from '../entries/iife-parts';
import type { EventPagesModule } from './load-event-pages';

export type { EventPagesModule } from './load-event-pages';

export function loadEventPages(): Promise<EventPagesModule> {
  return loadPart<EventPagesModule>('event-pages');
}
