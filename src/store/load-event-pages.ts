// The event log's columns (event-log-pages.ts) load once a log holds a page of events (event-log.ts):
// a page with a few events never requests them. The <script> build is given
// load-event-pages.iife.ts instead (scripts/vite-iife-parts.mjs).
import type * as Pages from './event-log-pages';

export type EventPagesModule = typeof Pages;

export function loadEventPages(): Promise<EventPagesModule> {
  return import('./event-log-pages');
}
