// Issue 16, cold start: the row pages keep the ids of the events folded into them, as hashes
// under seeds the fold record keeps, so a reload knows every event it had without reading the
// events again; a redelivery of any of them still counts once. A cache written before the pages
// kept them still dedupes (its rows learn their ids from the events, as before) and gets them at
// its next compaction.
import { expect } from '@open-wc/testing';
import { createResponseState, foldEvents, type ResponseEvent } from '../../../src/core/index';
import { openResponseCache } from '../../../src/store/cache/index';
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

/** A visit: the cache hydrated into a fresh state, `events` applied, the rows compacted at `compactAt`. */
async function visit(name: string, events: readonly ResponseEvent[], compactAt = events.length) {
  const cache = await openResponseCache({ name, pageSize: 50, eventPageSize: 100 });
  const state = createResponseState();
  const log = new EventLog();
  await cache.hydrate(state, log);
  for (const batch of inBatches(events.slice(0, compactAt), 100)) ingest(state, log, cache, batch);
  await cache.compact(state);
  for (const batch of inBatches(events.slice(compactAt), 100)) ingest(state, log, cache, batch);
  await cache.close();
  return state;
}

/** Runs `change` over every record of a store, in one transaction (`undefined`: delete it). */
async function rewrite(
  name: string,
  store: 'rows' | 'fold' | 'events',
  change: (value: Record<string, unknown>) => unknown,
) {
  const db = await rawOpen(name);
  const tx = db.transaction(store, 'readwrite');
  const keys = await rawRequest(tx.objectStore(store).getAllKeys());
  const values = await rawRequest(tx.objectStore(store).getAll());
  keys.forEach((key, i) => {
    const next = change(values[i] as Record<string, unknown>);
    if (next === undefined) tx.objectStore(store).delete(key);
    else if (store === 'rows') tx.objectStore(store).put(next);
    else tx.objectStore(store).put(next, key);
  });
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

async function watermark(name: string): Promise<number> {
  const db = await rawOpen(name);
  const fold = (await rawRequest(db.transaction('fold').objectStore('fold').get('fold'))) as { watermark: number };
  db.close();
  return fold.watermark;
}

/** Deletes the event records the row pages hold: only the pages can tell their ids now. */
async function dropFoldedEvents(name: string): Promise<void> {
  const mark = await watermark(name);
  const db = await rawOpen(name);
  const tx = db.transaction('events', 'readwrite');
  tx.objectStore('events').delete(IDBKeyRange.upperBound(mark));
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

async function reload(name: string) {
  const cache = await openResponseCache({ name, pageSize: 50, eventPageSize: 100 });
  const state = createResponseState();
  const result = await cache.hydrate(state, new EventLog());
  return { cache, state, result };
}

describe('event ids saved with the row pages (issue 16)', () => {
  const events = makeEvents({ emails: 2, recipients: 200, events: 1_200, seed: 160 });
  let name = '';
  beforeEach(() => (name = uniqueName()));
  afterEach(() => deleteDatabase(name));

  it('a reload knows every event folded into the pages without their records: redeliveries count once', async () => {
    const before = await visit(name, events, 900);
    await dropFoldedEvents(name);
    const { cache, state } = await reload(name);
    await cache.close();
    expect(state.eventCount).to.equal(before.eventCount);
    // From below the watermark and above it.
    const again = state.apply(events);
    expect(again.accepted).to.equal(0);
    expect(again.duplicates).to.equal(events.length);
    expect(snapshot(state)).to.deep.equal(snapshot(foldEvents(events)));
  });

  it('a recipient past 16 events whose row moves on the reload still knows every id', async () => {
    // Email b's recipient comes first (row 0); the reload reads email a's page first, so it is row 1.
    const at = Date.UTC(2026, 11, 1);
    const many: ResponseEvent[] = Array.from({ length: 20 }, (_, i) => ({
      id: `b-${i}`,
      emailId: 'b',
      recipientId: 'x',
      response: i % 2 === 0 ? 'opened' : 'clicked',
      at: at + i * 1000,
    }));
    const other: ResponseEvent = { id: 'a-0', emailId: 'a', recipientId: 'y', response: 'delivered', at };
    const all = [...many, other];
    await visit(name, all);
    await dropFoldedEvents(name);
    const { cache, state } = await reload(name);
    await cache.close();
    expect(state.rowOf('b', 'x'), 'the row moved').to.not.equal(foldEvents(all).rowOf('b', 'x'));
    const again = state.apply(all);
    expect(again.accepted).to.equal(0);
    expect(again.duplicates).to.equal(all.length);
    expect(snapshot(state)).to.deep.equal(snapshot(foldEvents(all)));
  });

  it('a cache written before pages kept ids dedupes from its events, and has ids after its next compaction', async () => {
    await visit(name, events, 900);
    // What the code before wrote: pages without ids, a fold record without seeds.
    await rewrite(name, 'rows', ({ idCounts: _counts, idHashes: _hashes, ...page }) => page);
    await rewrite(name, 'fold', ({ idSeeds: _seeds, ...fold }) => fold);
    const { cache, state } = await reload(name);
    expect(state.eventCount).to.equal(foldEvents(events).eventCount);
    expect(state.apply(events).accepted, 'redeliveries').to.equal(0);
    await cache.compact(state);
    await cache.close();
    const pages: Record<string, unknown>[] = [];
    await rewrite(name, 'rows', (page) => pages.push(page) && page);
    expect(pages.length).to.be.above(0);
    expect(pages.every((page) => page.idHashes instanceof Int32Array)).to.equal(true);

    await dropFoldedEvents(name);
    const third = await reload(name);
    await third.cache.close();
    expect(third.state.apply(events).accepted, 'redeliveries after the migration').to.equal(0);
    expect(snapshot(third.state)).to.deep.equal(snapshot(foldEvents(events)));
  });

  it('a page whose saved ids do not add up is rebuilt from the events, and redeliveries still count once', async () => {
    await visit(name, events, 900);
    let damaged = 0;
    await rewrite(name, 'rows', (page) => (damaged++ === 0 ? { ...page, idHashes: new Int32Array(1) } : page));
    const { cache, state, result } = await reload(name);
    await cache.close();
    expect(result.corrupted).to.equal(1);
    expect(state.apply(events).accepted).to.equal(0);
    expect(snapshot(state)).to.deep.equal(snapshot(foldEvents(events)));
  });
});
