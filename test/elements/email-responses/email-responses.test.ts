import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { sse } from 'msw';
import { setupWorker } from 'msw/browser';
import '../../../src/elements/email-responses/define';
import type { EmailResponsesElement } from '../../../src/elements/email-responses/email-responses';
import { StoreController } from '../../../src/elements/controllers/store-controller';
import { createResponseStore } from '../../../src/store/response-store';
import type { StoreChange } from '../../../src/store/store-events';
import { normalizeProviderEvents } from '../../../src/core/providers/index';
import { fixtureTexts } from '../../fixtures/providers/index';
import { event } from '../../support/events';

/** A reader element, as the grid and timeline are: it gets the store from context or `.store`. */
class StoreReader extends LitElement {
  changes: StoreChange[] = [];
  readonly connection = new StoreController(this, (change) => this.changes.push(change));
}
customElements.define('test-store-reader', StoreReader);

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 300; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('<email-responses>', () => {
  const worker = setupWorker();
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  it('provides its store to the elements inside it', async () => {
    const root = await fixture<EmailResponsesElement>(
      html`<email-responses><test-store-reader></test-store-reader></email-responses>`,
    );
    const reader = root.querySelector('test-store-reader') as StoreReader;
    expect(reader.connection.store).to.equal(root.store);
    await root.store.ingest([event('opened')]);
    root.store.flush();
    expect(reader.changes.at(-1)!.emails.has('e1')).to.equal(true);
  });

  it('hands a store set by the host to its elements, so one store can serve a page', async () => {
    const shared = createResponseStore();
    const root = await fixture<EmailResponsesElement>(
      html`<email-responses .store=${shared}><test-store-reader></test-store-reader></email-responses>`,
    );
    const reader = root.querySelector('test-store-reader') as StoreReader;
    expect(reader.connection.store).to.equal(shared);
    const other = createResponseStore();
    root.store = other;
    await root.updateComplete;
    expect(reader.connection.store).to.equal(other);
  });

  it('an element given its own store reads that one, even inside <email-responses>', async () => {
    const own = createResponseStore();
    const root = await fixture<EmailResponsesElement>(
      html`<email-responses><test-store-reader></test-store-reader></email-responses>`,
    );
    const reader = root.querySelector('test-store-reader') as StoreReader;
    reader.connection.store = own;
    expect(reader.connection.store).to.equal(own);
  });

  it('connects to stream-url and applies what the stream sends', async () => {
    worker.use(
      sse('/api/element-stream', ({ client }) => {
        client.send({
          id: '2',
          data: JSON.stringify([event('delivered', { recipientId: 'a' }), event('opened', { recipientId: 'a' })]),
        });
      }),
    );
    const states: string[] = [];
    const root = await fixture<EmailResponsesElement>(html`<email-responses
      stream-url="/api/element-stream"
      @connection-change=${(e: CustomEvent<{ state: string }>) => states.push(e.detail.state)}
    ></email-responses>`);
    await until(() => root.store.state.recipient('e1', 'a')?.response === 'opened', 'the streamed events');
    expect(root.store.cursor('sse')).to.equal('2');
    expect(states.slice(0, 2)).to.deep.equal(['connecting', 'live']);
    root.remove();
    expect(root.store.connection.state).to.equal('closed');
  });

  it('reads raw provider webhooks when given provider, and says what it skipped', async () => {
    worker.use(
      sse('/api/sendgrid-stream', ({ client }) => {
        client.send({ id: '1', data: fixtureTexts.sendgrid!.batch_mixed! });
        client.send({ id: '2', data: fixtureTexts.sendgrid!.group_resubscribe! });
      }),
    );
    const skipped: string[] = [];
    const root = await fixture<EmailResponsesElement>(html`<email-responses
      stream-url="/api/sendgrid-stream"
      provider="sendgrid"
      @events-skipped=${(e: CustomEvent<{ skipped: { reason: string }[] }>) => skipped.push(...e.detail.skipped.map((s) => s.reason))}
    ></email-responses>`);
    // The store applies exactly what the normalizer makes of the same bodies, and passes on its reasons.
    const direct = [fixtureTexts.sendgrid!.batch_mixed!, fixtureTexts.sendgrid!.group_resubscribe!].map((body) =>
      normalizeProviderEvents('sendgrid', body),
    );
    // Both messages, not the first alone: its skip arrives before the second is sent.
    await until(
      () => root.store.cursor('sse') === '2' && skipped.length >= direct[0]!.skipped.length + direct[1]!.skipped.length,
      'both webhook messages',
    );
    expect(root.store.state.eventCount).to.equal(direct[0]!.events.length + direct[1]!.events.length);
    expect(skipped).to.deep.equal(direct.flatMap((d) => d.skipped.map((s) => s.reason)));
  });

  it('relays rejected events as DOM events the host can listen to', async () => {
    const root = await fixture<EmailResponsesElement>(html`<email-responses></email-responses>`);
    const heard: string[] = [];
    document.body.addEventListener(
      'events-rejected',
      (e) => heard.push(...(e as CustomEvent<{ rejected: { reason: string }[] }>).detail.rejected.map((r) => r.reason)),
      { once: true },
    );
    await root.store.ingest([{ id: 'x' }]);
    expect(heard).to.deep.equal(['emailId is missing']);
  });

  it('keeps its own store in IndexedDB with cache-name and shares it across tabs with tabs', async () => {
    const name = `element-cache-${Math.random().toString(36).slice(2)}`;
    const root = await fixture<EmailResponsesElement>(
      html`<email-responses cache-name=${name} tabs=${name}><test-store-reader></test-store-reader></email-responses>`,
    );
    const reader = root.querySelector('test-store-reader') as StoreReader;
    await root.store.ready;
    expect(root.store.cacheStatus.state).to.equal('ready');
    expect(reader.connection.store).to.equal(root.store);
    await until(() => root.store.tabRole === 'leader', 'the element to lead its tabs');
    root.store.close();
    indexedDB.deleteDatabase(name);
  });

  it('fetches the rules from rules-url', async () => {
    const { http, HttpResponse } = await import('msw');
    const { DEFAULT_RULES } = await import('../../../src/core/index');
    worker.use(http.get('/api/element-rules', () => HttpResponse.json({ ...DEFAULT_RULES, version: 'server-9' })));
    const root = await fixture<EmailResponsesElement>(
      html`<email-responses rules-url="/api/element-rules"></email-responses>`,
    );
    await until(() => root.store.rules.version === 'server-9', 'the server rules');
  });
});
