// Issue 14, lifecycle defects 1 and 4, and ownership: a store `<email-responses>` made is the
// element's, released when the element leaves the page (not when it only moves); a store the host
// set stays the host's. Before, a route change left the old store holding the tabs' Web Lock with
// its stream stopped, and every later element and tab followed it for good.
import { expect, fixture, html } from '@open-wc/testing';
import { sse } from 'msw';
import { setupWorker } from 'msw/browser';
import '../../src/elements/email-responses/define';
import type { EmailResponsesElement } from '../../src/elements/email-responses/email-responses';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { event } from '../support/events';
import { deleteDatabase, uniqueName } from './cache/cache-helpers';
import { until } from '../faults/fault-harness';

/** Whether another connection holds the database open: deleting it is blocked then. */
function deleteIsBlocked(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onblocked = () => resolve(true);
    request.onsuccess = () => resolve(false);
    request.onerror = () => resolve(false);
  });
}

/** Notes when `store.close()` is called (by the element), and its promise. */
function watchClose(store: ResponseStore): { promise: Promise<void> | undefined } {
  const seen: { promise: Promise<void> | undefined } = { promise: undefined };
  const close = store.close.bind(store);
  store.close = () => (seen.promise = close());
  return seen;
}

const task = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('<email-responses> owns the store it made', () => {
  const worker = setupWorker();
  let connections = 0;
  let name = '';
  const host: ResponseStore[] = [];
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  beforeEach(() => {
    name = uniqueName();
    connections = 0;
    // Each connection sends one event of its own: a fresh element shows it got its stream.
    worker.use(
      sse('/api/lifecycle-stream', ({ client }) => {
        connections++;
        client.send({
          id: String(connections),
          data: JSON.stringify([event('opened', { recipientId: `r${connections}` })]),
        });
      }),
    );
  });
  afterEach(async () => {
    worker.resetHandlers();
    await Promise.all(host.splice(0).map((store) => store.close()));
    await deleteDatabase(name);
  });
  after(() => worker.stop());

  const mount = () =>
    fixture<EmailResponsesElement>(
      html`<email-responses tabs=${name} stream-url="/api/lifecycle-stream"></email-responses>`,
    );

  it('removed (a route change), it lets go of the tabs: a fresh element leads and gets events', async () => {
    const first = await mount();
    await until(() => first.store.tabRole === 'leader', 'the first element to lead');
    await until(() => first.store.state.recipient('e1', 'r1') !== undefined, 'the first stream');
    first.remove();
    const second = await mount();
    await until(() => second.store.tabRole === 'leader', 'the fresh element to lead its tabs');
    await until(() => second.store.state.recipient('e1', 'r2')?.response === 'opened', 'the fresh element’s stream');
    expect(first.store.tabRole, 'the old store follows no one: it let go').to.equal('closed');
    second.remove();
  });

  it('when the element leaves, another tab takes the lead', async () => {
    const element = await mount();
    await until(() => element.store.tabRole === 'leader', 'the element to lead');
    const otherTab = createResponseStore({ tabs: name });
    host.push(otherTab);
    expect(otherTab.tabRole).to.equal('follower');
    element.remove();
    await until(() => otherTab.tabRole === 'leader', 'the other tab to lead');
  });

  it('moved in the same task, it keeps its store, its lead and its stream', async () => {
    const element = await mount();
    await until(() => element.store.tabRole === 'leader', 'the element to lead');
    const store = element.store;
    const other = document.createElement('div');
    document.body.append(other);
    other.append(element);
    await task();
    await task();
    expect(element.store).to.equal(store);
    expect(store.tabRole).to.equal('leader');
    await until(() => store.connection.state === 'live', 'the stream again');
    other.remove();
  });

  it('removed, its cache connection closes; back later, it reads the cache again', async () => {
    const element = await fixture<EmailResponsesElement>(html`<email-responses cache-name=${name}></email-responses>`);
    await element.store.ready;
    expect(element.store.cacheStatus.state).to.equal('ready');
    await element.ingest([event('clicked', { recipientId: 'kept' })]);
    const parent = element.parentElement!;
    const first = element.store;
    const closing = watchClose(first);
    element.remove();
    await until(() => closing.promise !== undefined, 'the element to close its store');
    await closing.promise;
    parent.append(element);
    expect(element.store, 'a fresh store').not.to.equal(first);
    await element.store.ready;
    expect(element.store.state.recipient('e1', 'kept')?.response, 'read from the cache').to.equal('clicked');
    const again = watchClose(element.store);
    element.remove();
    await until(() => again.promise !== undefined, 'the element to close its store again');
    await again.promise;
    expect(await deleteIsBlocked(name), 'a connection left open').to.equal(false);
  });

  it('a store the host set stays the host’s: open, and still applying, after the element left', async () => {
    const store = createResponseStore({ cacheName: name });
    host.push(store);
    const element = await fixture<EmailResponsesElement>(html`<email-responses .store=${store}></email-responses>`);
    element.remove();
    await task();
    await task();
    await store.ready;
    expect(store.cacheStatus.state).to.equal('ready');
    const result = await element.ingest([event('opened', { recipientId: 'host' })]);
    expect(result.accepted).to.equal(1);
    expect(store.state.recipient('e1', 'host')?.response).to.equal('opened');
  });

  it('ingest() after the element left (its store closed) refuses each event with a reason, applying none', async () => {
    const element = await fixture<EmailResponsesElement>(html`<email-responses cache-name=${name}></email-responses>`);
    const store = element.store;
    await store.ready;
    const closing = watchClose(store);
    element.remove();
    await until(() => closing.promise !== undefined, 'the element to close its store');
    const heard: unknown[] = [];
    store.addEventListener('events-rejected', (e) => heard.push(...e.detail.rejected.map((r) => r.code)));
    const late = [event('opened', { recipientId: 'late-1' }), event('clicked', { recipientId: 'late-2' })];
    const result = await element.ingest(late);
    expect(result.accepted).to.equal(0);
    expect(result.rejected.map((r) => [r.event, r.code])).to.deep.equal(late.map((e) => [e, 'store-closed']));
    expect(result.rejected[0]!.reason).to.match(/closed/);
    expect(heard, 'the host hears it too').to.deep.equal(['store-closed', 'store-closed']);
    expect(store.state.recipient('e1', 'late-1')).to.equal(undefined);
    await closing.promise;
  });

  it('ingest() on the element applies to its store and says what it rejected', async () => {
    const element = await fixture<EmailResponsesElement>(html`<email-responses></email-responses>`);
    const result = await element.ingest([event('opened', { recipientId: 'a' }), { id: 'x' }]);
    expect(result.accepted).to.equal(1);
    expect(result.rejected.map((r) => r.reason)).to.deep.equal(['emailId is missing']);
    expect(element.store.state.recipient('e1', 'a')?.response).to.equal('opened');
  });
});
