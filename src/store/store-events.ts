import type { EventRejection } from '../core/event';
import type { RecipientState } from '../core/fold';
import type { EventConflict } from './event-conflicts';
import type { ConnectionStatus } from './sources/source';

export type { EventConflict, EventCopy } from './event-conflicts';

/** What changed since the last notification; listeners hear at most one per animation frame. */
export interface StoreChange {
  /** State rows (see `ResponseState.recipientAt`) whose recipient changed. */
  readonly rows: readonly number[];
  readonly emails: ReadonlySet<string>;
  /**
   * Contacts of those rows, gathered on the first read: read it while being told (before an
   * `await`), or a row's contact changed since may show as it is now.
   */
  readonly contacts: ReadonlySet<string>;
  /** The whole state was replaced (new rules, a refold): views start over. */
  readonly reset: boolean;
}

export interface IngestResult {
  /** Events applied for the first time. */
  accepted: number;
  /**
   * Redeliveries: events seen before (same recipient and id) with the same content, counted once.
   * A redelivery ingested before `eventsReady`, whose first copy is still being read from the
   * cache, is counted here: it is compared once that copy is in (`event-conflict` if it differs).
   */
  duplicates: number;
  /**
   * Events seen before (same recipient and id) with different content: one copy is kept, and
   * `event-conflict` says which (once per pair of copies). Not counted in `duplicates`.
   */
  conflicts: number;
  rejected: EventRejection[];
}

/** `ResponseStore.tally`: events applied since the store was made, and redeliveries counted once. */
export type StoreTally = Omit<IngestResult, 'rejected'>;

/**
 * Where the store keeps its copy: IndexedDB, or memory alone (and why); `closed` once the store's
 * `close()` resolved (whatever it was before): it keeps nothing more, and views say so.
 */
export interface CacheStatus {
  state: 'none' | 'opening' | 'ready' | 'memory-only' | 'closed';
  /** Why the store works from memory alone (quota exceeded, blocked, no IndexedDB…). */
  reason?: string;
}

/** A difference between what the client's rules gave and what the server says. */
export interface ReconcileConflict {
  emailId: string;
  recipientId: string;
  optimistic: RecipientState | undefined;
  server: RecipientState;
}

export type EventsRejectedEvent = CustomEvent<{ rejected: EventRejection[] }>;
export type ConnectionChangeEvent = CustomEvent<ConnectionStatus>;
export type CacheStatusEvent = CustomEvent<CacheStatus>;
export type ReconcileConflictEvent = CustomEvent<ReconcileConflict>;
/**
 * Two copies of one event (same recipient and id) differ: the store kept the one with the lower
 * content hash, whatever the order they came in, and says which it dropped. Once per pair.
 */
export type EventConflictEvent = CustomEvent<EventConflict>;
export type RulesChangeEvent = CustomEvent<{ version: string }>;
/** Parts of raw provider webhooks that say nothing about a response (a resubscribe, a ping). */
export type EventsSkippedEvent = CustomEvent<{ skipped: { input: unknown; reason: string }[] }>;
export type RulesErrorEvent = CustomEvent<{ url: string; reason: string }>;
/** The store's clock was set (a host's own time, or a jump): times relative to now are stale. */
export type ClockChangeEvent = CustomEvent<{ now: number }>;

/** The store's events, as `addEventListener` sees them. */
export interface ResponseStoreEventMap {
  'events-rejected': EventsRejectedEvent;
  'events-skipped': EventsSkippedEvent;
  'connection-change': ConnectionChangeEvent;
  'cache-status': CacheStatusEvent;
  'reconcile-conflict': ReconcileConflictEvent;
  'event-conflict': EventConflictEvent;
  'rules-change': RulesChangeEvent;
  'rules-error': RulesErrorEvent;
  'clock-change': ClockChangeEvent;
}
