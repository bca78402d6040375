/**
 * The cache's IndexedDB layout and how to reach it from any older layout. Bump the schema by
 * appending a migration to `MIGRATIONS`: an open runs every step from the version on disk to the
 * newest, in order, inside the one upgrade transaction, so a tab several releases behind still
 * lands on the current layout.
 */
import { unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { ResponseRules } from '../../core/catalogue';
import type { EmailKind } from '../../core/event';
import { checkRules } from '../../core/rules';
import { isSettledConflict } from '../event-conflicts';
import type { KeptSnapshotRow } from '../snapshot-resets';
import type { EventPage } from './event-pages';
import { encodeRowPage, type StoredRowPage } from './row-page-format';
import { isRowPage } from './row-pages';

/** An email's kind and type (what its rows show besides their own state), and its place in order. */
export interface EmailRecord {
  id: string;
  /** Position among the state's emails, so a restored state lists them as the original did. */
  order: number;
  kind: EmailKind | null;
  kindAt: number;
  type: string | null;
  typeAt: number;
}

/**
 * What the row pages stand for. Every event in a record keyed at or below `watermark` is folded
 * into the row pages (a restore only remembers its id); records above it are replayed.
 */
export interface FoldRecord {
  /** The rules the row pages were folded under; null while no page has been written. */
  rulesVersion: string | null;
  watermark: number;
  /** Rows per page when the pages were written (a slot is fixed by it). */
  pageSize: number;
  /**
   * Rows of an email's first page (see page-layout.ts). Absent in a cache written before it was
   * smaller than the others: every page then held `pageSize` rows.
   */
  firstPage?: number;
  /**
   * The seeds the row pages' event ids were hashed under (`RowPage.idHashes`). Absent in a cache
   * written before ids were saved: its rows then learn their ids from the events, as before.
   */
  idSeeds?: [number, number];
  /**
   * Rows in the state the pages were saved from, all of which the pages hold: fewer restored
   * (a page lost) means some rows must come from the events. Written with `idSeeds`.
   */
  rows?: number;
}

/** The rules the host last adopted, so the next start can fold under them before any network. */
export interface RulesRecord {
  version: string;
  rules: ResponseRules;
}

/**
 * Events whose response the rules in use do not know, held while the backend's rules are on
 * their way (kept in the `rules` store under `held`: they wait for the rules). Plain JSON data.
 */
export interface HeldRecord {
  held: unknown[];
}

export function isHeldRecord(value: unknown): value is HeldRecord {
  return typeof value === 'object' && value !== null && Array.isArray((value as { held?: unknown }).held);
}

export { snapshotKey, type CorrectionRecord, type SnapshotRowsRecord } from './correction-record';
import type { CorrectionRecord, SnapshotRowsRecord } from './correction-record';

export interface ResponseCacheSchema extends DBSchema {
  /** Keyed [emailId, page]. */
  rows: { key: [string, number]; value: StoredRowPage };
  emails: { key: string; value: EmailRecord };
  /** Keyed by a counter: one record per flush until compaction merges them. */
  events: { key: number; value: EventPage };
  /** Keyed by source kind: the cursor that source reached with the events stored so far. */
  cursors: { key: string; value: string };
  fold: { key: 'fold'; value: FoldRecord };
  /** `rules`: a RulesRecord; `held`: a HeldRecord. */
  rules: { key: 'rules' | 'held'; value: RulesRecord | HeldRecord };
  /** Since version 2: snapshot rows and settled id conflicts, by key (see `CorrectionRecord`). */
  corrections: { key: string; value: CorrectionRecord };
}

export type CacheStoreName = StoreNames<ResponseCacheSchema>;
export type CacheDatabase = IDBPDatabase<ResponseCacheSchema>;
/** The one readwrite transaction a flush writes in, over every store. */
export type CacheWriteTransaction = IDBPTransaction<ResponseCacheSchema, readonly CacheStoreName[], 'readwrite'>;
type UpgradeTransaction = IDBPTransaction<ResponseCacheSchema, CacheStoreName[], 'versionchange'>;

/** One step: from version `index` to `index + 1`. */
export type Migration = (db: CacheDatabase, transaction: UpgradeTransaction) => void;

export const MIGRATIONS: readonly Migration[] = [
  // 0 -> 1: the first layout.
  (db) => {
    db.createObjectStore('rows', { keyPath: ['emailId', 'page'] });
    db.createObjectStore('emails', { keyPath: 'id' });
    db.createObjectStore('events');
    db.createObjectStore('cursors');
    db.createObjectStore('fold');
    db.createObjectStore('rules');
  },
  // 1 -> 2: corrections, so a snapshot's rows and a settled id conflict outlast a reload (issue 15).
  // Nothing older is touched: a version 1 cache has none of either.
  (db) => {
    db.createObjectStore('corrections');
  },
  // 2 -> 3 (issue 16): row pages store each text column as one string (see row-page-format.ts).
  // Every page is rewritten in place; one that does not pass `isRowPage` is deleted, and the next
  // hydrate rebuilds its rows from the events (a missing page makes every page be rewritten).
  (db, transaction) => {
    if (!db.objectStoreNames.contains('rows')) return; // a damaged database: the open refuses it
    const request = unwrap(transaction.objectStore('rows')).openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      const page: unknown = cursor.value;
      if (isRowPage(page)) cursor.update(encodeRowPage(page));
      else cursor.delete();
      cursor.continue();
    };
  },
  // 3 -> 4 goes here. A layout change can also drop the rows: `(db, tx) => { tx.objectStore('rows').clear(); }`
  // (the events survive and refold the rows on the next open).
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export const ALL_STORES: readonly CacheStoreName[] = [
  'rows',
  'emails',
  'events',
  'cursors',
  'fold',
  'rules',
  'corrections',
];

/**
 * Leaves a write's promise (or a transaction's `done`) unawaited: a failed write aborts its
 * transaction, and the transaction's `onabort` reports that once, with the transaction's error.
 * Unhandled, every pending request of an aborted transaction would be an unhandled rejection.
 * idb's promise per request cost nothing measurable beside the structured clone of a page
 * (1,000 puts of 1,000-slot pages: within the run-to-run noise here).
 */
export function written(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

/** Runs every step from `oldVersion` up; steps this code does not know (a newer opener) are skipped. */
export function migrate(
  db: CacheDatabase,
  oldVersion: number,
  newVersion: number | null,
  transaction: UpgradeTransaction,
): void {
  const target = newVersion ?? SCHEMA_VERSION;
  for (let version = oldVersion; version < target; version++) MIGRATIONS[version]?.(db, transaction);
}

export function isEmailRecord(value: unknown): value is EmailRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.id === 'string' &&
    typeof record.order === 'number' &&
    (record.kind === null || record.kind === 'bulk' || record.kind === 'trigger') &&
    typeof record.kindAt === 'number' &&
    (record.type === null || typeof record.type === 'string') &&
    typeof record.typeAt === 'number'
  );
}

export function isFoldRecord(value: unknown): value is FoldRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    (record.rulesVersion === null || typeof record.rulesVersion === 'string') &&
    Number.isInteger(record.watermark) &&
    Number.isInteger(record.pageSize) &&
    (record.pageSize as number) > 0 &&
    (record.firstPage === undefined || (Number.isInteger(record.firstPage) && (record.firstPage as number) > 0)) &&
    (record.idSeeds === undefined ||
      (Array.isArray(record.idSeeds) && record.idSeeds.length === 2 && record.idSeeds.every(Number.isInteger))) &&
    (record.rows === undefined || (Number.isInteger(record.rows) && (record.rows as number) >= 0))
  );
}

export function isRulesRecord(value: unknown): value is RulesRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.version === 'string' && checkRules(record.rules).length === 0;
}

/** A kept snapshot row as the cache gives it back: a saved row of plain fields, its covered ids. */
function isKeptSnapshotRow(value: unknown): value is KeptSnapshotRow {
  if (typeof value !== 'object' || value === null) return false;
  const { saved, covered } = value as Partial<KeptSnapshotRow>;
  if (typeof saved !== 'object' || saved === null || !Array.isArray(covered)) return false;
  const times = [saved.nonFinalAt, saved.finalAt, saved.firstAt, saved.lastAt];
  const counts = [saved.opens, saved.clicks, saved.machineOpens];
  return (
    typeof saved.emailId === 'string' &&
    typeof saved.recipientId === 'string' &&
    (saved.nonFinal === null || typeof saved.nonFinal === 'string') &&
    (saved.final === null || typeof saved.final === 'string') &&
    (saved.nonFinalReason === null || typeof saved.nonFinalReason === 'string') &&
    (saved.finalReason === null || typeof saved.finalReason === 'string') &&
    times.every((t) => typeof t === 'number' && !Number.isNaN(t)) &&
    counts.every((n) => Number.isSafeInteger(n) && (n as number) >= 0) &&
    typeof saved.meta === 'object' &&
    saved.meta !== null &&
    covered.every((id) => typeof id === 'string')
  );
}

export function isCorrectionRecord(value: unknown): value is CorrectionRecord {
  if (isSettledConflict(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const rows = (value as Partial<SnapshotRowsRecord>).snapshotRows;
  return Array.isArray(rows) && rows.every(isKeptSnapshotRow);
}
