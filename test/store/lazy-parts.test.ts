// Issue 14, bundle: code a page does not use is not loaded. The IndexedDB cache (and idb) loads
// only for an element given `cache-name`, a stream's transport only for the `stream-kind` it
// names (until it is here the element shows the stream connecting, never stopped), the backend
// reads only when a host asks for rules, a history or a snapshot, the event log's columns only
// once a store's log holds a page of events (16,384), the settling of id conflicts on the first
// conflict (two copies of one event that differ), the cache's writer only with a cache name. Asserted from the page's
// resource timing: the test runner serves each module as its own request, so a module that was
// never imported was never requested. The test without a cache must run first (one page).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/email-responses/define';
import type { EmailResponsesElement } from '../../src/elements/email-responses/email-responses';
import type { ConnectionStatus } from '../../src/store/sources/source';
import { event } from '../support/events';
import { requested, until } from '../support/until';

const CACHE = /\/src\/store\/cache\/(index|open-cache|response-cache|hydrate)\.ts$|\/node_modules\/idb\//;
const COORDINATION = /\/src\/store\/(tab-relay|cache-lock)\.ts$/;
const BACKEND = /\/src\/store\/(backend-part|backend-reads|snapshot-loader|reconcile)\.ts$/;
const COLUMNS = /\/src\/store\/event-log-pages\.ts$/;
const SETTLING = /\/src\/store\/conflict-settling\.ts$/;
const WRITER = /\/src\/store\/cache-writer\.ts$/;
const TRANSPORT = /\/src\/store\/sources\/(sse|websocket|poll|ndjson|iterable)-source\.ts$/;

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

describe('what a page does not use is not loaded', () => {
  const name = `email-responses-lazy-${Date.now()}`;
  after(() => deleteDatabase(name));

  it('without cache-name or stream-url, neither the cache, idb nor a transport is requested', async () => {
    const element = await fixture<EmailResponsesElement>(html`<email-responses></email-responses>`);
    await element.ingest([event('opened', { recipientId: 'a' })]);
    expect(element.store.state.recipient('e1', 'a')?.response).to.equal('opened');
    expect(element.store.cacheStatus.state).to.equal('none');
    expect(requested(CACHE)).to.deep.equal([]);
    expect(requested(TRANSPORT)).to.deep.equal([]);
    expect(requested(COORDINATION), 'no tabs, no cache: neither TabRelay nor CacheLock').to.deep.equal([]);
    expect(requested(BACKEND), 'no rules, history or snapshot asked for').to.deep.equal([]);
    expect(requested(COLUMNS), 'fewer than a page of events: the log keeps them as they came').to.deep.equal([]);
    expect(requested(SETTLING), 'no two copies of one event that differ').to.deep.equal([]);
    expect(requested(WRITER), 'no cache name: nothing to write').to.deep.equal([]);
  });

  it('the first id conflict loads the code that settles it; ingest resolves with the row settled', async () => {
    const element = await fixture<EmailResponsesElement>(html`<email-responses></email-responses>`);
    const heard: string[] = [];
    element.store.addEventListener('event-conflict', (e) => heard.push(e.detail.kept.event.response));
    const first = event('opened', { id: 'twin', recipientId: 'c' });
    const second = { ...first, response: 'hard-bounce', reason: '550 gone' };
    await element.ingest([first, { ...first }]);
    expect(requested(SETTLING), 'a redelivery with the same content is no conflict').to.deep.equal([]);
    const settling = element.ingest([second]);
    expect(element.store.state.recipient('e1', 'c')?.response, 'until the code is here').to.equal('opened');
    expect(await settling).to.deep.include({ accepted: 0, duplicates: 0, conflicts: 1 });
    expect(requested(SETTLING)).to.deep.equal(['/src/store/conflict-settling.ts']);
    expect(heard, 'reported once, when settled').to.have.length(1);
    expect(element.store.state.recipient('e1', 'c')?.response).to.equal(heard[0]);
    expect(element.store.appliedEvents().filter((e) => e.id === 'twin')).to.have.length(1);
  });

  it('the event log’s columns load once a store holds a page of events; every event stays, in order', async () => {
    const element = await fixture<EmailResponsesElement>(html`<email-responses></email-responses>`);
    const events = Array.from({ length: 16_384 + 10 }, (_, n) =>
      event('opened', { id: `page-${n}`, recipientId: `r${n % 500}`, at: n % 60 }),
    );
    // Ingest does not wait for the code: what it applied is readable at once.
    const result = await element.ingest(events.slice(0, 16_384));
    expect(result.accepted).to.equal(16_384);
    expect(element.store.appliedEvents()).to.have.length(16_384);
    await until(() => requested(COLUMNS).length > 0, 'the columns');
    await element.ingest(events.slice(16_384));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requested(COLUMNS)).to.deep.equal(['/src/store/event-log-pages.ts']);
    expect(element.store.appliedEvents().map(({ id }) => id)).to.deep.equal(events.map(({ id }) => id));
    expect(element.store.recipientEvents('e1', 'r7').map(({ event }) => event.id)).to.include('page-16007');
  });

  it('the backend reads load on the first loadSnapshot, which reports a missing endpoint as a problem', async () => {
    const element = await fixture<EmailResponsesElement>(html`<email-responses></email-responses>`);
    const result = await element.store.loadSnapshot('/api/lazy-parts-nowhere', 'e1');
    expect(result.recipients).to.equal(0);
    expect(result.problems).to.have.length(1);
    expect(result.problems[0]).to.contain('could not be read');
    expect(requested(BACKEND)).to.include.members([
      '/src/store/backend-part.ts',
      '/src/store/backend-reads.ts',
      '/src/store/snapshot-loader.ts',
      '/src/store/reconcile.ts',
    ]);
  });

  it('stream-kind="poll" loads the poll transport alone, connecting meanwhile', async () => {
    const heard: ConnectionStatus['state'][] = [];
    const element = document.createElement('email-responses');
    element.addEventListener('connection-change', (e) => heard.push(e.detail.state));
    element.setAttribute('stream-kind', 'poll');
    element.setAttribute('stream-url', '/api/lazy-parts-nowhere');
    document.body.append(element);
    try {
      expect(element.store.connection.state, 'before the code is here').to.equal('connecting');
      await until(() => requested(TRANSPORT).length > 0, 'the transport');
      await until(() => heard.length > 1, 'the poll source to report');
      expect(heard[0]).to.equal('connecting');
      expect(requested(TRANSPORT)).to.deep.equal(['/src/store/sources/poll-source.ts']);
    } finally {
      element.remove();
    }
  });

  it('with cache-name (no tabs), CacheLock loads and holds the cache; TabRelay does not load', async () => {
    const element = await fixture<EmailResponsesElement>(html`<email-responses cache-name=${name}></email-responses>`);
    await element.store.ready;
    expect(element.store.cacheStatus.state).to.equal('ready');
    expect(requested(COORDINATION)).to.deep.equal(['/src/store/cache-lock.ts']);
    expect(requested(WRITER)).to.deep.equal(['/src/store/cache-writer.ts']);
    // Alone on the page, it holds the lock: what it applies is written (read back below).
    await element.ingest([event('opened', { recipientId: 'locked' })]);
    await element.store.close();
    const again = await fixture<EmailResponsesElement>(html`<email-responses cache-name=${name}></email-responses>`);
    await again.store.ready;
    expect(again.store.state.recipient('e1', 'locked')?.response, 'written by the lock holder').to.equal('opened');
    await again.store.close();
  });

  it('with tabs, TabRelay loads; the store follows until it leads, then runs the stream', async () => {
    const element = document.createElement('email-responses');
    element.setAttribute('tabs', `lazy-parts-${Date.now()}`);
    document.body.append(element);
    try {
      expect(element.store.tabRole, 'before its code is here, as while waiting for the lock').to.equal('follower');
      await until(() => element.store.tabRole === 'leader', 'the store to lead');
      expect(requested(/\/src\/store\/tab-relay\.ts$/)).to.deep.equal(['/src/store/tab-relay.ts']);
    } finally {
      element.remove();
    }
  });

  it('a store closed before TabRelay is here never joins the tabs (another store leads)', async () => {
    const tabs = `lazy-parts-closed-${Date.now()}`;
    const { ResponseStore } = await import('../../src/store/response-store');
    const early = new ResponseStore({ tabs });
    await early.close();
    const next = new ResponseStore({ tabs });
    try {
      await until(() => next.tabRole === 'leader', 'the next store to lead');
      expect(early.tabRole).to.equal('closed');
    } finally {
      await next.close();
    }
  });

  it('with a cache name, the store says `opening` as it is made and `ready` once, while its writer loads', async () => {
    const { ResponseStore } = await import('../../src/store/response-store');
    const store = new ResponseStore({ cacheName: `${name}-status` });
    const heard: string[] = [];
    store.addEventListener('cache-status', (e) => heard.push(e.detail.state));
    try {
      expect(store.cacheStatus.state).to.equal('opening');
      await store.ready;
      expect(heard).to.deep.equal(['ready']);
    } finally {
      await store.close();
      await deleteDatabase(`${name}-status`);
    }
  });

  it('with cache-name, the cache loads, keeps what was applied and restores it on the next visit', async () => {
    const first = await fixture<EmailResponsesElement>(html`<email-responses cache-name=${name}></email-responses>`);
    await first.store.ready;
    expect(first.store.cacheStatus.state).to.equal('ready');
    expect(requested(CACHE).length, 'the cache modules and idb').to.be.greaterThan(0);
    await first.ingest([event('clicked', { recipientId: 'kept' })]);
    await first.store.close();
    const second = await fixture<EmailResponsesElement>(html`<email-responses cache-name=${name}></email-responses>`);
    await second.store.ready;
    expect(second.store.state.recipient('e1', 'kept')?.response, 'read from the cache').to.equal('clicked');
    await second.store.close();
  });
});
