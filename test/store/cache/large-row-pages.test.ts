// Row pages of 65,536 rows (issue 16): a cold start reads a million rows as 16 records. The first
// rows still paint alone, a cache of the older 1,000-row pages is read and then rewritten, and
// pages that repeat a recipient (restored before the recipient index is built) are refolded.
import { expect } from '@open-wc/testing';
import { createResponseState, foldEvents } from '../../../src/core/index';
import {
  openResponseCache,
  type HydrateProgress,
  type ResponseCache,
  type ResponseCacheOptions,
} from '../../../src/store/cache/index';
import { createResponseStore } from '../../../src/store/response-store';
import { snapshot } from '../../core/state-snapshot';
import { EventLog, deleteDatabase, ingest, makeEvents, rawOpen, rawRequest, uniqueName } from './cache-helpers';

describe('large row pages', () => {
  let name: string;
  const open: ResponseCache[] = [];
  const start = async (options: ResponseCacheOptions = {}, onProgress?: (progress: HydrateProgress) => void) => {
    const cache = await openResponseCache({ name, flushMs: 20, ...options });
    open.push(cache);
    const state = createResponseState();
    const log = new EventLog();
    const result = await cache.hydrate(state, log, onProgress);
    await cache.logged;
    return { cache, state, log, result };
  };
  /** Each stored row page: its page number and how many rows it holds. */
  const storedPages = async () => {
    const db = await rawOpen(name);
    const pages = await rawRequest(db.transaction('rows').objectStore('rows').getAll());
    db.close();
    return pages.map((page: { page: number; recipientIds: { lengths: Int32Array } }) => [
      page.page,
      page.recipientIds.lengths.length,
    ]);
  };

  beforeEach(() => {
    name = uniqueName();
  });
  afterEach(async () => {
    for (const cache of open.splice(0)) await cache.close();
    await deleteDatabase(name);
  });

  it('saves 256 rows on the first page and up to 65,536 on the others, and reports the first page alone', async () => {
    const events = makeEvents({ emails: 1, recipients: 5_000, events: 8_000 });
    const first = await start();
    ingest(first.state, first.log, first.cache, events);
    await first.cache.compact(first.state);
    await first.cache.close();
    expect(await storedPages()).to.deep.equal([
      [0, 256],
      [1, 4_744],
    ]);

    const reports: number[] = [];
    const second = await start({}, (progress) => reports.push(progress.rows));
    expect(reports[0], 'the first report').to.equal(256);
    expect(second.result.refolded).to.equal(false);
    expect(snapshot(second.state)).to.deep.equal(snapshot(foldEvents(events)));
    expect(second.state.apply(events).duplicates, 'every row is in its recipient index').to.equal(events.length);
  });

  it('reads a cache of 1,000-row pages as it is and rewrites it in large pages at the next write', async () => {
    const events = makeEvents({ emails: 1, recipients: 3_000, events: 6_000 });
    const old = await start({ pageSize: 1_000 });
    ingest(old.state, old.log, old.cache, events.slice(0, 5_000));
    await old.cache.compact(old.state);
    await old.cache.close();
    expect(await storedPages()).to.deep.equal([
      [0, 256],
      [1, 1_000],
      [2, 1_000],
      [3, 744],
    ]);

    const reopened = await start();
    expect(reopened.result.refolded).to.equal(false);
    expect(snapshot(reopened.state)).to.deep.equal(snapshot(foldEvents(events.slice(0, 5_000))));
    ingest(reopened.state, reopened.log, reopened.cache, events.slice(5_000));
    await reopened.cache.flush();
    await reopened.cache.close();
    expect(await storedPages(), 'rewritten by the first write').to.deep.equal([
      [0, 256],
      [1, 2_744],
    ]);

    const again = await start();
    expect(snapshot(again.state)).to.deep.equal(snapshot(foldEvents(events)));
  });

  it('refolds from the events a cache whose row pages repeat a recipient', async () => {
    const events = makeEvents({ emails: 1, recipients: 200, events: 600 });
    const first = await start({ pageSize: 100 });
    ingest(first.state, first.log, first.cache, events);
    await first.cache.compact(first.state);
    await first.cache.close();
    // Page 1 given page 0's recipients: each restores, and repeats a recipient page 0 had.
    const db = await rawOpen(name);
    const tx = db.transaction('rows', 'readwrite');
    const store = tx.objectStore('rows');
    const [zero, one] = await Promise.all([
      rawRequest(store.get(['email-0', 0])),
      rawRequest(store.get(['email-0', 1])),
    ]);
    store.put({ ...one, recipientIds: zero.recipientIds });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    const store2 = createResponseStore({ cacheName: name });
    await store2.ready;
    expect(store2.cacheStatus.state).to.equal('ready');
    expect(snapshot(store2.state)).to.deep.equal(snapshot(foldEvents(events)));
    await store2.close();
  });
});
