// Issue 16, first rows: the store makes the cache's first read (the fold record, the emails, the
// first row page) as soon as its early connection opens, while the cache's code still loads
// (open-early.ts); the cache that takes the connection uses that read and does not make it again.
// A read made on a connection the cache does not take, or one another tab's write made stale, is
// never what the state ends with.
import { expect } from '@open-wc/testing';
import { createResponseState, foldEvents, type ResponseEvent } from '../../../src/core/index';
import { openResponseCache } from '../../../src/store/cache/index';
import { readFirst } from '../../../src/store/cache/first-read';
import { openDatabase } from '../../../src/store/cache/open-cache';
import { earlyFirstRead, openEarly } from '../../../src/store/open-early';
import { snapshot } from '../../core/state-snapshot';
import { EventLog, deleteDatabase, inBatches, ingest, makeEvents, uniqueName } from './cache-helpers';
import { until } from '../../support/until';

const PAGE = 10;

async function cacheWith(name: string, events: readonly ResponseEvent[]) {
  const cache = await openResponseCache({ name, pageSize: PAGE, eventPageSize: 50 });
  const state = createResponseState();
  const log = new EventLog();
  for (const batch of inBatches(events, 50)) ingest(state, log, cache, batch);
  await cache.compact(state);
  return { cache, state, log };
}

/** Resolves once the early connection is open (its first read asked for then). */
function whenOpen(request: IDBOpenDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    if (request.readyState === 'done') resolve();
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => reject(request.error));
  });
}

/** The object stores read with getAll while `run` runs, one entry a read. */
async function getAllsDuring(run: () => Promise<void>, onRead?: (read: string[]) => void): Promise<string[]> {
  const original = IDBObjectStore.prototype.getAll;
  const read: string[] = [];
  IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
    read.push(this.name);
    onRead?.([...read]);
    return original.apply(this, args);
  } as IDBObjectStore['getAll'];
  try {
    await run();
  } finally {
    IDBObjectStore.prototype.getAll = original;
  }
  return read;
}

describe("the cache's first read is made as the database opens (issue 16)", () => {
  const events = makeEvents({ emails: 2, recipients: 120, events: 400, seed: 21 });
  const later = makeEvents({ emails: 2, recipients: 150, events: 200, seed: 22, idPrefix: 'later' });
  let name = '';
  beforeEach(() => (name = uniqueName()));
  afterEach(() => deleteDatabase(name));

  it('is made on the early connection before the cache opens, and the cache does not make it again', async () => {
    await (await cacheWith(name, events)).cache.close();
    const state = createResponseState();
    let beforeOpen: string[] = [];
    const read = await getAllsDuring(
      async () => {
        const opened = openEarly(name)!;
        await whenOpen(opened);
        // The early read is asked for as the connection opens; wait for it to land.
        await until(() => beforeOpen.includes('rows'), 'the early read');
        const cache = await openResponseCache({ name, pageSize: PAGE, opened });
        await cache.hydrate(state, new EventLog());
        await cache.logged;
        await cache.close();
      },
      (stores) => (beforeOpen = stores),
    );
    expect(beforeOpen, 'the emails and first rows read before the cache opened').to.include.members(['emails', 'rows']);
    expect(
      read.filter((store) => store === 'emails'),
      'the emails read once',
    ).to.deep.equal(['emails']);
    expect(snapshot(state)).to.deep.equal(snapshot(foldEvents(events)));
  });

  it('made before another tab compacted: the read is found stale and the state is read again whole', async () => {
    const writer = await cacheWith(name, events);
    const opened = openEarly(name)!;
    await whenOpen(opened);
    for (const batch of inBatches(later, 50)) ingest(writer.state, writer.log, writer.cache, batch);
    await writer.cache.compact(writer.state);
    await writer.cache.close();
    const cache = await openResponseCache({ name, pageSize: PAGE, opened });
    let state = createResponseState();
    let result = await cache.hydrate(state, new EventLog());
    expect(result.changedWhileRead, 'the early read is older than the compaction').to.equal(true);
    state = createResponseState();
    result = await cache.hydrate(state, new EventLog());
    await cache.logged;
    await cache.close();
    expect(result.changedWhileRead).to.equal(false);
    expect(snapshot(state)).to.deep.equal(snapshot(foldEvents([...events, ...later])));
  });

  it('an early read that failed is made again when the cache reads', async () => {
    await (await cacheWith(name, events)).cache.close();
    const db = await openDatabase(indexedDB, name);
    const failed = Promise.reject(new DOMException('the connection closed', 'AbortError'));
    const first = await readFirst(db, failed);
    db.close();
    expect(first.foldRecord, 'the fold record').to.be.an('object');
    expect(first.firstPages).to.have.length(1);
  });

  it('a database not made yet: no early read, and the cache makes it with its stores', async () => {
    const opened = openEarly(name)!;
    await new Promise<void>((resolve) => opened.addEventListener('error', () => resolve()));
    expect(earlyFirstRead(opened)).to.equal(undefined);
    const cache = await openResponseCache({ name, pageSize: PAGE, opened });
    const state = createResponseState();
    await cache.hydrate(state, new EventLog());
    ingest(state, new EventLog(), cache, later);
    await cache.close();
    const again = await openResponseCache({ name, pageSize: PAGE });
    const reread = createResponseState();
    await again.hydrate(reread, new EventLog());
    await again.logged;
    await again.close();
    expect(snapshot(reread)).to.deep.equal(snapshot(foldEvents(later)));
  });
});
