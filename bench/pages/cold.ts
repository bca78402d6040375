// Cold start from the cache: a page opens, creates a store with the cache and our grid, and we
// time the first rows painted and the grid holding every row. Opened with ?measure=<db>&rows=N it
// starts at once (as a host page would); otherwise it waits for the harness to populate a cache
// or to time the cache's own hydrate.
import type { ResponseEvent } from '../../src/core/index';
import { createResponseState } from '../../src/core/index';
import { openResponseCache } from '../../src/store/cache/index';
import { createResponseStore } from '../../src/store/response-store';
import { audienceEvents } from './shared/audience';
import type { ColdStats, HydrateStats, PopulateStats, RawReadStats } from './shared/bench-api';
import { deleteDatabase, storeCache, yieldTask } from './shared/cache-peek';
import { FrameMeter } from './shared/frame-meter';
import { mountOurs } from './shared/ours-grid';
import { whenPainted } from './shared/paint-watch';

const scriptAt = performance.now();
const params = new URLSearchParams(location.search);

/** Writes `rows` recipients' events through a store's cache and compacts them into row pages. */
async function populate(rows: number, db: string): Promise<PopulateStats> {
  await deleteDatabase(db);
  const started = performance.now();
  const store = createResponseStore({ cacheName: db });
  await store.ready;
  const events = audienceEvents(rows);
  const BATCH = 20_000;
  for (let i = 0; i < events.length; i += BATCH) {
    void store.ingest(events.slice(i, i + BATCH));
    await yieldTask();
  }
  // A page that ran a while has compacted its cache into row pages; what a reopened page reads.
  await storeCache(store).compact(store.state);
  await storeCache(store).flush();
  store.close();
  return { rows, events: events.length, ms: performance.now() - started };
}

/** The cache's own hydrate into a bare state, for its internal timings. */
async function hydrateOnly(db: string): Promise<HydrateStats> {
  const opening = performance.now();
  const cache = await openResponseCache({ name: db });
  const openMs = performance.now() - opening;
  const state = createResponseState();
  const log: { add(event: ResponseEvent, row: number, at: number): void } = { add() {} };
  const result = await cache.hydrate(state, log);
  await cache.close();
  return {
    openMs,
    rows: result.recipients,
    events: result.events,
    firstRowsMs: result.firstRowsMs,
    rowsMs: result.rowsMs,
    totalMs: result.totalMs,
  };
}

/** Reads every record of one store in chunks of 8, all asked for at once; resolves with the count. */
function readAll(db: IDBDatabase, store: 'rows' | 'events'): Promise<number> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readonly');
    const keys = tx.objectStore(store).getAllKeys();
    keys.onerror = () => reject(keys.error);
    keys.onsuccess = () => {
      const all = keys.result;
      let pending = 0;
      let records = 0;
      for (let start = 0; start < all.length; start += 8) {
        const range = IDBKeyRange.bound(all[start], all[Math.min(start + 8, all.length) - 1]);
        const read = tx.objectStore(store).getAll(range);
        pending++;
        read.onerror = () => reject(read.error);
        read.onsuccess = () => {
          records += read.result.length;
          if (--pending === 0) resolve(records);
        };
      }
      if (pending === 0) resolve(0);
    };
  });
}

/** The cache read raw: the floor a cold start is measured against (see RawReadStats). */
async function rawRead(name: string): Promise<RawReadStats> {
  const started = performance.now();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rowRecords = await readAll(db, 'rows');
  const rowsMs = performance.now() - started;
  const eventRecords = await readAll(db, 'events');
  const allMs = performance.now() - started;
  db.close();
  return { rowsMs, allMs, rowRecords, eventRecords };
}

/**
 * Painted = the task after the frame whose rendering follows the DOM change (see frame-meter.ts),
 * the same stamp the update benchmark uses. Times from just before createResponseStore.
 */
async function coldStart(db: string, rows: number): Promise<ColdStats> {
  const meter = new FrameMeter();
  meter.start();
  const storeAt = performance.now();
  const store = createResponseStore({ cacheName: db });
  const grid = mountOurs(document.getElementById('grid-host')!, store);
  const ready = store.ready.then(() => performance.now());
  const rowsReady = store.rowsReady.then(() => performance.now());
  // Older stores have no eventsReady: their ready came with every event in.
  const eventsReady = (store.eventsReady ?? store.ready).then(() => performance.now());
  // The shadow root exists once the element is connected (Lit creates it then).
  const root = grid.shadowRoot!;
  let firstDom = NaN;
  const hasRows = () => {
    const found = root.querySelector('[role="row"][data-index]') !== null;
    if (found && Number.isNaN(firstDom)) firstDom = performance.now();
    return found;
  };
  const allPainted = whenPainted(meter, root, () => grid.rowCount >= rows);
  // For bench/cold-profile.ts, which stops its profile there.
  void allPainted.then(() => document.documentElement.setAttribute('data-all-rows', ''));
  const firstPainted = whenPainted(meter, root, hasRows);
  void firstPainted.then(() => document.documentElement.setAttribute('data-first-rows', ''));
  const [first, all, readyAt, rowsReadyAt, eventsReadyAt] = await Promise.all([
    firstPainted,
    allPainted,
    ready,
    rowsReady,
    eventsReady,
  ]);
  meter.stop();
  return {
    rows,
    scriptAt,
    storeAt,
    firstRowsMs: first - storeAt,
    firstRowsDomMs: firstDom - storeAt,
    allRowsMs: all - storeAt,
    readyMs: readyAt - storeAt,
    rowsReadyMs: rowsReadyAt - storeAt,
    eventsReadyMs: eventsReadyAt - storeAt,
    gridRows: grid.rowCount,
  };
}

const measure = params.get('measure');
window.coldBench = {
  populate,
  hydrateOnly,
  rawRead,
  coldStart: measure ? coldStart(measure, Number(params.get('rows'))) : undefined,
  start: coldStart,
};
