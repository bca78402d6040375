// Issue 16, first rows: a store given a cache name reads and paints the cache's first rows while
// it asks for the cache's lock, not after. The lock may belong to another store until then (a tab
// about to close), which may still write: add events, compact. What the store reads once it knows
// whether it writes is the cache as that writer left it, and its own records go after the
// writer's, never over them: nothing applied is lost or counted twice across the reload.
import { expect } from '@open-wc/testing';
import { createResponseState, foldEvents, type ResponseEvent, type ResponseState } from '../../../src/core/index';
import { openResponseCache, type ResponseCache } from '../../../src/store/cache/index';
import { createResponseStore } from '../../../src/store/response-store';
import { snapshot } from '../../core/state-snapshot';
import { EventLog, deleteDatabase, inBatches, ingest, makeEvents, uniqueName } from './cache-helpers';
import { until } from '../../support/until';

/** Rows of 10 recipients a page, so the first rows are a small part of the cache. */
const PAGE = 10;

/** A cache a page left behind, still open (its writer): rows compacted into pages. */
async function writerWith(name: string, events: readonly ResponseEvent[], pageSize = PAGE) {
  const cache = await openResponseCache({ name, pageSize, eventPageSize: 50 });
  const state = createResponseState();
  const log = new EventLog();
  for (const batch of inBatches(events, 50)) ingest(state, log, cache, batch);
  await cache.compact(state);
  return { cache, state, log };
}

/** What the views show of a state, and the events it counts. */
function shown(state: ResponseState): unknown {
  return snapshot(state);
}

async function reread(name: string, pageSize = PAGE): Promise<ResponseState> {
  const cache = await openResponseCache({ name, pageSize });
  const state = createResponseState();
  await cache.hydrate(state, new EventLog());
  await cache.logged;
  await cache.close();
  return state;
}

describe('first rows are read before the store knows whether it writes the cache (issue 16)', () => {
  const first = makeEvents({ emails: 2, recipients: 200, events: 600, seed: 7 });
  const later = makeEvents({ emails: 2, recipients: 260, events: 300, seed: 8, idPrefix: 'later' });
  const mine = makeEvents({ emails: 1, recipients: 5, events: 20, seed: 9, idPrefix: 'mine' });
  let name = '';
  beforeEach(() => (name = uniqueName()));
  afterEach(() => deleteDatabase(name));

  it("the writer adds events after the reader's first rows: the reader has them, and writes after them", async () => {
    const writer = await writerWith(name, first);
    const reader = await openResponseCache({ name, pageSize: PAGE });
    const state = createResponseState();
    let letRestIn: () => void = () => undefined;
    const rest = new Promise<void>((resolve) => (letRestIn = resolve));
    let firstRows = 0;
    const hydrating = reader.hydrate(state, new EventLog(), (progress) => (firstRows ||= progress.rows), rest);
    await until(() => firstRows > 0, 'the first rows');
    expect(firstRows, 'only the first pages before the rest may be read').to.be.below(100);
    // The writer goes on until it lets go: events past the reader's open.
    for (const batch of inBatches(later, 50)) ingest(writer.state, writer.log, writer.cache, batch);
    await writer.cache.close();
    letRestIn();
    const result = await hydrating;
    expect(result.changedWhileRead, 'no compaction came between').to.equal(false);
    expect(shown(state), "every row, the writer's later events too").to.deep.equal(
      shown(foldEvents([...first, ...later])),
    );
    // The reader writes now: its records go after the writer's.
    ingest(state, new EventLog(), reader, mine);
    await reader.flush();
    await reader.close();
    expect(shown(await reread(name)), 'after a reload: every event once').to.deep.equal(
      shown(foldEvents([...first, ...later, ...mine])),
    );
  });

  it("the writer compacts after the reader's first rows: the reader reads again, and its compaction keeps the writer's rows", async () => {
    const writer = await writerWith(name, first);
    const reader: ResponseCache = await openResponseCache({ name, pageSize: PAGE });
    let state = createResponseState();
    let letRestIn: () => void = () => undefined;
    const rest = new Promise<void>((resolve) => (letRestIn = resolve));
    let firstRows = 0;
    const hydrating = reader.hydrate(state, new EventLog(), (progress) => (firstRows ||= progress.rows), rest);
    await until(() => firstRows > 0, 'the first rows');
    for (const batch of inBatches(later, 50)) ingest(writer.state, writer.log, writer.cache, batch);
    await writer.cache.compact(writer.state);
    await writer.cache.close();
    letRestIn();
    expect((await hydrating).changedWhileRead, 'the pages changed under the first rows').to.equal(true);
    // As the store does then: read again, from nothing.
    state = createResponseState();
    await reader.hydrate(state, new EventLog());
    expect(shown(state)).to.deep.equal(shown(foldEvents([...first, ...later])));
    ingest(state, new EventLog(), reader, mine);
    await reader.compact(state);
    await reader.close();
    expect(shown(await reread(name)), 'after a reload: every event once').to.deep.equal(
      shown(foldEvents([...first, ...later, ...mine])),
    );
  });

  it('a store paints the first rows while its lock is still being asked for, and takes it from the writer before it whole', async () => {
    // The lock's answer held back, as on a cold page where its code arrives late.
    const locks = navigator.locks;
    const request = locks.request.bind(locks);
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    // The store's own page size: nothing makes its first write rewrite every page.
    const many = makeEvents({ emails: 1, recipients: 2_500, events: 2_600, seed: 10 });
    const writer = await writerWith(name, many, 1000);
    Object.defineProperty(locks, 'request', {
      configurable: true,
      value: (...args: Parameters<LockManager['request']>) => answered.then(() => request(...args)),
    });
    try {
      const store = createResponseStore({ cacheName: name });
      await until(() => store.state.recipients.size > 0, 'the first rows');
      expect(store.state.recipients.size, 'the first pages only').to.be.below(2_500);
      for (const batch of inBatches(later, 50)) ingest(writer.state, writer.log, writer.cache, batch);
      await writer.cache.close();
      answer();
      await store.ready;
      expect(store.cacheStatus.state).to.equal('ready');
      expect(shown(store.state)).to.deep.equal(shown(foldEvents([...many, ...later])));
      await store.ingest(mine);
      // Ingested again: counted once.
      await store.ingest(later.slice(0, 10));
      await store.eventsReady;
      await store.close();
    } finally {
      delete (locks as unknown as { request?: unknown }).request;
    }
    expect(shown(await reread(name, 1000)), 'after a reload: every event once').to.deep.equal(
      shown(foldEvents([...many, ...later, ...mine])),
    );
  });

  it("a connection opened while the cache's code loaded, closed by another tab's delete meanwhile: the cache opens again", async () => {
    await (await writerWith(name, first)).cache.close();
    // As the store opens it early (cache-writer.ts): it lets go when another tab needs it to.
    const opened = indexedDB.open(name);
    await new Promise<void>((resolve) => {
      opened.onsuccess = () => {
        opened.result.onversionchange = () => opened.result.close();
        resolve();
      };
    });
    await deleteDatabase(name);
    const cache = await openResponseCache({ name, pageSize: PAGE, opened });
    const state = createResponseState();
    await cache.hydrate(state, new EventLog());
    expect(state.recipients.size, 'the deleted cache is empty').to.equal(0);
    ingest(state, new EventLog(), cache, mine);
    await cache.flush();
    await cache.close();
    expect(shown(await reread(name)), 'written to the cache made again').to.deep.equal(shown(foldEvents(mine)));
  });

  it('a connection opened early to a database not made yet makes none: the cache makes it, with its stores', async () => {
    const opened = indexedDB.open(name);
    opened.onupgradeneeded = () => opened.transaction!.abort();
    const cache = await openResponseCache({ name, pageSize: PAGE, opened });
    const state = createResponseState();
    await cache.hydrate(state, new EventLog());
    ingest(state, new EventLog(), cache, mine);
    await cache.close();
    expect(shown(await reread(name))).to.deep.equal(shown(foldEvents(mine)));
  });
});
