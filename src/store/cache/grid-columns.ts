/**
 * The columns each grid shows and their widths, kept across visits: a small key-value database
 * of its own beside the response cache, so the response cache's layout (and its migrations)
 * stays as it is, and clearing or upgrading one never touches the other. A record is the grid's
 * `columns` value (`contact:240,address,response`), which the grid checks as it would the attribute.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { loadIdb } from './load-cache';

export const GRID_COLUMNS_DATABASE = 'email-responses-grid-columns';

export interface GridColumnsRecord {
  /** Which grid: its `id`, or the tag name for a page's unnamed grids. */
  key: string;
  columns: string;
  savedAt: number;
}

interface GridColumnsSchema extends DBSchema {
  columns: { key: string; value: GridColumnsRecord };
}

type Database = IDBPDatabase<GridColumnsSchema>;

const opened = new Map<string, Promise<Database | undefined>>();

/** One connection per database name and page; undefined when IndexedDB cannot be used. */
function database(name: string): Promise<Database | undefined> {
  let db = opened.get(name);
  if (!db) {
    let connection: Database | undefined;
    // idb loads on demand (load-cache.ts): only a grid beside a cache keeps its columns.
    db = loadIdb()
      .then(({ openDB }) =>
        openDB<GridColumnsSchema>(name, 1, {
          upgrade(upgrading) {
            upgrading.createObjectStore('columns', { keyPath: 'key' });
          },
          // Never hold up another tab's upgrade or delete: reopen on the next read or write.
          blocking() {
            connection?.close();
            opened.delete(name);
          },
          terminated() {
            opened.delete(name);
          },
        }),
      )
      .then(
        (open) => (connection = open),
        () => {
          opened.delete(name);
          return undefined;
        },
      );
    opened.set(name, db);
  }
  return db;
}

function isRecord(value: unknown): value is GridColumnsRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.key === 'string' && typeof record.columns === 'string' && typeof record.savedAt === 'number';
}

/** The saved `columns` of a grid; undefined when none was saved, the record is damaged, or there is no IndexedDB. */
export async function loadGridColumns(key: string, name = GRID_COLUMNS_DATABASE): Promise<string | undefined> {
  try {
    const record: unknown = await (await database(name))?.get('columns', key);
    return isRecord(record) ? record.columns : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a grid's `columns`; false when it could not be kept (the grid goes on from memory). */
export async function saveGridColumns(key: string, columns: string, name = GRID_COLUMNS_DATABASE): Promise<boolean> {
  try {
    const db = await database(name);
    if (!db) return false;
    await db.put('columns', { key, columns, savedAt: Date.now() });
    return true;
  } catch {
    return false;
  }
}
