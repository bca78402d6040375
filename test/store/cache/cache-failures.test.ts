// Every way IndexedDB can fail the cache: reported once as a sentence, never thrown into the
// caller, and nothing applied in memory lost.
import { expect } from '@open-wc/testing';
import { createResponseState, foldEvents } from '../../../src/core/index';
import {
  CACHE_UNAVAILABLE_REASONS as REASONS,
  openResponseCache,
  type ResponseCacheOptions,
} from '../../../src/store/cache/index';
import { SCHEMA_VERSION } from '../../../src/store/cache/cache-schema';
import { snapshot } from '../../core/state-snapshot';
import { EventLog, deleteDatabase, ingest, makeEvents, rawOpen, uniqueName } from './cache-helpers';

describe('response cache failures', () => {
  let name: string;
  let reasons: string[];
  const options = (more: ResponseCacheOptions = {}): ResponseCacheOptions => ({
    name,
    flushMs: 10,
    onUnavailable: (reason) => reasons.push(reason),
    ...more,
  });
  const rejection = async (promise: Promise<unknown>): Promise<Error> => {
    try {
      await promise;
    } catch (error) {
      return error as Error;
    }
    throw new Error('expected a rejection');
  };

  beforeEach(() => {
    name = uniqueName();
    reasons = [];
  });
  afterEach(() => deleteDatabase(name));

  it('without IndexedDB, open rejects with the reason', async () => {
    const error = await rejection(openResponseCache(options({ indexedDB: undefined })));
    expect(error.message).to.equal(REASONS.noIndexedDb);
    expect(reasons).to.deep.equal([REASONS.noIndexedDb]);
  });

  it('when open throws (storage refused), open rejects with the reason', async () => {
    const refusing = {
      open() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const error = await rejection(openResponseCache(options({ indexedDB: refusing })));
    expect(error.message).to.match(/^IndexedDB is not allowed here/);
    expect(reasons).to.deep.equal([error.message]);
  });

  it('a database newer than this code is reported, not overwritten', async () => {
    (await rawOpen(name, 50)).close();
    const error = await rejection(openResponseCache(options()));
    expect(error.message).to.equal(REASONS.newerVersion);
  });

  it('an upgrade blocked by another tab holding an older version is reported', async () => {
    // The other tab: an old connection that ignores versionchange, as old code would.
    const old = await rawOpen(name, 1);
    old.onversionchange = null;
    // This tab's code wants one version more than the database has.
    const newer = {
      open: (db: string, version?: number) => indexedDB.open(db, (version ?? 1) + 1),
    } as unknown as IDBFactory;
    const error = await rejection(openResponseCache(options({ indexedDB: newer })));
    expect(error.message).to.equal(REASONS.blocked);
    expect(reasons).to.deep.equal([REASONS.blocked]);
    old.close();
  });

  it('another tab upgrading the database closes this connection and is reported', async () => {
    const cache = await openResponseCache(options());
    const upgraded = await rawOpen(name, SCHEMA_VERSION + 1);
    expect(reasons).to.deep.equal([REASONS.upgradedElsewhere]);
    expect(cache.available).to.equal(false);
    upgraded.close();
  });

  it('the database deleted while open is reported; the state in memory is intact and writes stop quietly', async () => {
    const cache = await openResponseCache(options());
    const state = createResponseState();
    const log = new EventLog();
    await cache.hydrate(state, log);
    const events = makeEvents({ recipients: 20, events: 100 });
    ingest(state, log, cache, events.slice(0, 50));
    await cache.flush();
    await deleteDatabase(name);
    expect(reasons).to.deep.equal([REASONS.deleted]);
    expect(cache.available).to.equal(false);
    ingest(state, log, cache, events.slice(50), { sse: 'c' });
    cache.saveCursor('sse', 'd');
    await cache.flush();
    await cache.compact(state);
    expect(snapshot(state)).to.deep.equal(snapshot(foldEvents(events)));
    expect(reasons).to.have.length(1);
    await cache.close();
  });

  it('quota exceeded on a flush is reported; the state in memory is intact', async () => {
    const cache = await openResponseCache(options());
    const state = createResponseState();
    const log = new EventLog();
    await cache.hydrate(state, log);
    const events = makeEvents({ recipients: 30, events: 200 });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      ingest(state, log, cache, events);
      await cache.flush();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(reasons).to.deep.equal([REASONS.quota]);
    expect(cache.available).to.equal(false);
    expect(snapshot(state)).to.deep.equal(snapshot(foldEvents(events)));
    await cache.close();
  });

  it('a transaction aborted by IndexedDB (quota reached at commit) is reported', async () => {
    const cache = await openResponseCache(options());
    const state = createResponseState();
    const log = new EventLog();
    await cache.hydrate(state, log);
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = transaction.apply(this, args);
      // What Chromium does when the disk fills at commit: the transaction aborts with this error.
      Object.defineProperty(tx, 'error', { value: new DOMException('Quota exceeded', 'QuotaExceededError') });
      queueMicrotask(() => tx.abort());
      return tx;
    } as IDBDatabase['transaction'];
    try {
      ingest(state, log, cache, makeEvents({ recipients: 5, events: 10 }));
      await cache.flush();
    } finally {
      IDBDatabase.prototype.transaction = transaction;
    }
    expect(reasons).to.deep.equal([REASONS.quota]);
    await cache.close();
  });

  it('an onUnavailable that throws does not reach the caller', async () => {
    const cache = await openResponseCache(
      options({
        onUnavailable: () => {
          throw new Error('host bug');
        },
      }),
    );
    const logged: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      await deleteDatabase(name);
    } finally {
      console.error = error;
    }
    expect(cache.available).to.equal(false);
    expect(logged).to.have.length(1);
    cache.saveCursor('sse', 'x');
    await cache.flush();
  });
});
