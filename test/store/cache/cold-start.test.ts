// Issue 16, cold start: the rows come back before any event record is read, from pages whose
// text columns are one string each (schema version 3); a cache in version 1's layout is migrated
// in place; and whatever is reloaded, the state after the reload is the state before, and events
// redelivered after the reload count once.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createResponseState, foldEvents } from '../../../src/core/index';
import { openResponseCache, type HydrateProgress, type ResponseCache } from '../../../src/store/cache/index';
import { SCHEMA_VERSION } from '../../../src/store/cache/cache-schema';
import { decodeRowPage } from '../../../src/store/cache/row-page-format';
import { snapshot } from '../../core/state-snapshot';
import {
  EventLog,
  deleteDatabase,
  inBatches,
  ingest,
  makeEvents,
  rawOpen,
  rawRequest,
  uniqueName,
} from './cache-helpers';

const STORES = ['rows', 'emails', 'events', 'cursors', 'fold', 'rules'] as const;

/** Every record of every store, with its key. */
type Dump = Record<(typeof STORES)[number], [IDBValidKey, unknown][]>;

async function dump(name: string): Promise<Dump> {
  const db = await rawOpen(name);
  const tx = db.transaction([...STORES], 'readonly');
  const out = {} as Dump;
  for (const store of STORES) {
    const keys = await rawRequest(tx.objectStore(store).getAllKeys());
    const values = await rawRequest(tx.objectStore(store).getAll());
    out[store] = keys.map((key, i) => [key, values[i]]);
  }
  db.close();
  return out;
}

/** Writes the records into a new database at schema version 1, as the code before issue 16 did. */
async function writeVersion1(name: string, records: Dump): Promise<void> {
  await deleteDatabase(name);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const created = request.result;
      created.createObjectStore('rows', { keyPath: ['emailId', 'page'] });
      created.createObjectStore('emails', { keyPath: 'id' });
      for (const store of ['events', 'cursors', 'fold', 'rules']) created.createObjectStore(store);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction([...STORES], 'readwrite');
  for (const store of STORES) {
    for (const [key, value] of records[store]) {
      if (store === 'rows' || store === 'emails') tx.objectStore(store).put(value);
      else tx.objectStore(store).put(value, key);
    }
  }
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

describe('cold start from the cache (issue 16)', () => {
  let name: string;
  const open: ResponseCache[] = [];
  const start = async (pageSize = 50, onProgress?: (progress: HydrateProgress) => void) => {
    const cache = await openResponseCache({ name, flushMs: 20, pageSize });
    open.push(cache);
    const state = createResponseState();
    const log = new EventLog();
    const result = await cache.hydrate(state, log, onProgress);
    return { cache, state, log, result };
  };
  /** Two visits' worth of cache: compacted rows, and events past the watermark. */
  const fill = async (events: ReturnType<typeof makeEvents>, compactAt: number) => {
    const first = await start();
    for (const batch of inBatches(events.slice(0, compactAt), 100)) ingest(first.state, first.log, first.cache, batch);
    await first.cache.compact(first.state);
    for (const batch of inBatches(events.slice(compactAt), 100)) ingest(first.state, first.log, first.cache, batch);
    await first.cache.close();
    return first;
  };

  beforeEach(() => {
    name = uniqueName();
  });
  afterEach(async () => {
    for (const cache of open.splice(0)) await cache.close();
    await deleteDatabase(name);
  });

  it('asks for no event record before every cached row is in the state', async () => {
    const events = makeEvents({ recipients: 300, events: 1500 });
    // All compacted: every row is in the pages (rows only past the watermark come from events).
    const before = await fill(events, 1500);
    const cache = await openResponseCache({ name, pageSize: 50 });
    open.push(cache);
    const state = createResponseState();
    // Read as they landed, event records asked for with the rows were decoded before them.
    const rowsWhenEventsAsked: number[] = [];
    const getAll = IDBObjectStore.prototype.getAll;
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
      if (this.name === 'events') rowsWhenEventsAsked.push(state.recipients.size);
      return getAll.apply(this, args);
    };
    try {
      const log = new EventLog();
      await cache.hydrate(state, log);
      await cache.logged;
      expect(log.length).to.equal(1500);
    } finally {
      IDBObjectStore.prototype.getAll = getAll;
    }
    expect(rowsWhenEventsAsked.length).to.be.above(0);
    expect(Math.min(...rowsWhenEventsAsked)).to.equal(before.state.recipients.size);
    expect(snapshot(state)).to.deep.equal(snapshot(foldEvents(events)));
  });

  it('stores each text column of a row page as one string, and reads it back the same', async () => {
    const events = makeEvents({ recipients: 120, events: 600 });
    await fill(events, 600);
    const { rows } = await dump(name);
    expect(rows.length).to.be.above(0);
    for (const [, record] of rows) {
      const stored = record as { recipientIds: unknown; meta: Record<string, { values: unknown }> };
      expect(typeof (stored.recipientIds as { text: unknown }).text).to.equal('string');
      for (const column of Object.values(stored.meta))
        expect(typeof (column.values as { text: unknown }).text).to.equal('string');
      expect(decodeRowPage(record), 'decodes').to.not.equal(undefined);
    }
  });

  it('migrates a cache in the version 1 layout in place: same state, no refold, pages rewritten', async () => {
    const events = makeEvents({ recipients: 200, events: 1200, seed: 5 });
    await fill(events, 900);
    const current = await dump(name);
    // The same records as version 1 kept them: each page's texts as arrays of strings.
    const version1: Dump = {
      ...current,
      rows: current.rows.map(([key, record]): [IDBValidKey, unknown] => [key, decodeRowPage(record)!]),
    };
    expect(Array.isArray((version1.rows[0]![1] as { recipientIds: unknown }).recipientIds)).to.equal(true);
    await writeVersion1(name, version1);

    const migrated = await start();
    expect(migrated.result.refolded, 'rows restored, not refolded').to.equal(false);
    expect(migrated.result.corrupted).to.equal(0);
    expect(snapshot(migrated.state)).to.deep.equal(snapshot(foldEvents(events)));
    await migrated.cache.close();
    const db = await rawOpen(name);
    expect(db.version).to.equal(SCHEMA_VERSION);
    db.close();
    const after = await dump(name);
    expect(after.rows.length).to.equal(current.rows.length);
    for (const [, record] of after.rows) expect(decodeRowPage(record)).to.not.equal(undefined);
  });

  it('a version 1 page the migration cannot read is dropped, and its rows come back from the events', async () => {
    const events = makeEvents({ emails: 1, recipients: 200, events: 1000, seed: 6 });
    await fill(events, 1000);
    const current = await dump(name);
    const version1 = current.rows.map(([key, record]) => [key, decodeRowPage(record)!] as [IDBValidKey, unknown]);
    (version1[1]![1] as { lastAt: Float64Array }).lastAt[0] = NaN;
    await writeVersion1(name, { ...current, rows: version1 });

    const opened = await openResponseCache({ name, pageSize: 50 });
    expect((await dump(name)).rows.length, 'the damaged page was deleted').to.equal(current.rows.length - 1);
    const migrated = createResponseState();
    const result = await opened.hydrate(migrated, new EventLog());
    expect(result.corrupted).to.equal(0);
    expect(snapshot(migrated)).to.deep.equal(snapshot(foldEvents(events)));
    await opened.close();
    // A compaction writes every page again.
    const again = await start();
    await again.cache.compact(again.state);
    await again.cache.close();
    expect((await dump(name)).rows.length).to.equal(current.rows.length);
    expect(snapshot((await start()).state)).to.deep.equal(snapshot(foldEvents(events)));
  });

  it('the state after a reload is the state before, and events redelivered after it count once', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 800 }),
        async (seed, compactAt, pageSize, redeliverFrom) => {
          name = `${uniqueName()}-${run++}`;
          try {
            const events = makeEvents({ emails: 2, recipients: 150, events: 800, seed });
            const first = await start(pageSize);
            for (const batch of inBatches(events.slice(0, compactAt), 97))
              ingest(first.state, first.log, first.cache, batch);
            await first.cache.compact(first.state);
            for (const batch of inBatches(events.slice(compactAt), 97))
              ingest(first.state, first.log, first.cache, batch);
            const before = snapshot(first.state);
            const eventsBefore = first.state.eventCount;
            await first.cache.close();

            const second = await start(pageSize);
            expect(snapshot(second.state), 'after the reload').to.deep.equal(before);
            expect(second.state.eventCount, 'events remembered').to.equal(eventsBefore);
            const again = second.state.apply(events.slice(redeliverFrom));
            expect(again.accepted, 'redelivered events applied').to.equal(0);
            expect(snapshot(second.state), 'after the redeliveries').to.deep.equal(before);
            expect(second.state.eventCount).to.equal(eventsBefore);
          } finally {
            for (const cache of open.splice(0)) await cache.close();
            await deleteDatabase(name);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
