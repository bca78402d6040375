import { expect, nextFrame } from '@open-wc/testing';
import { DEFAULT_RULES, foldEvents } from '../../src/core/index';
import { createResponseStore } from '../../src/store/response-store';
import { ManualSource } from '../support/manual-source';
import type { StoreChange } from '../../src/store/store-events';
import { snapshot } from '../core/state-snapshot';
import { event } from '../support/events';

describe('the response store', () => {
  it('ingest resolves with what was accepted, counted once, and rejected with reasons', async () => {
    const store = createResponseStore();
    const open = event('opened', { recipientId: 'a' });
    const result = await store.ingest([open, open, { id: 'x', emailId: 'e1' }]);
    expect(result.accepted).to.equal(1);
    expect(result.duplicates).to.equal(1);
    expect(result.rejected.map((r) => r.reason)).to.deep.equal(['recipientId is missing']);
    expect(store.state.recipient('e1', 'a')!.response).to.equal('opened');
  });

  it('tells subscribers once per animation frame, with every changed row', async () => {
    const store = createResponseStore();
    const heard: StoreChange[] = [];
    store.subscribe((change) => heard.push(change));
    await store.ingest([event('delivered', { recipientId: 'a', contactId: 'c1' })]);
    await store.ingest([event('opened', { recipientId: 'b' })]);
    await store.ingest([event('clicked', { recipientId: 'a' })]);
    expect(heard).to.have.length(0);
    await nextFrame();
    expect(heard).to.have.length(1);
    const rows = heard[0]!.rows.map((row) => store.state.recipientAt(row).recipientId).sort();
    expect(rows).to.deep.equal(['a', 'b']);
    expect([...heard[0]!.emails]).to.deep.equal(['e1']);
    expect([...heard[0]!.contacts]).to.deep.equal(['c1']);
    expect(heard[0]!.reset).to.equal(false);
  });

  it('fires events-rejected with the reasons, for the host to show', async () => {
    const store = createResponseStore();
    let reasons: string[] = [];
    store.addEventListener('events-rejected', (e) => (reasons = e.detail.rejected.map((r) => r.reason)));
    await store.ingest([event('teleported')]);
    expect(reasons).to.deep.equal(['"teleported" is not a response in rules spec-1']);
  });

  it('folds every event again when the rules change, and says so', async () => {
    const store = createResponseStore();
    const events = [event('opened', { at: 1 }), event('clicked', { at: 2 })];
    await store.ingest(events);
    expect(store.state.recipient('e1', 'r1')!.response).to.equal('clicked');
    const rules = structuredClone(DEFAULT_RULES);
    rules.version = 'opened-first';
    rules.responses.find((r) => r.id === 'opened')!.priority = 20;
    const heard: StoreChange[] = [];
    store.subscribe((change) => heard.push(change));
    let version = '';
    store.addEventListener('rules-change', (e) => (version = e.detail.version));
    store.setRules(rules);
    expect(version).to.equal('opened-first');
    expect(store.state.recipient('e1', 'r1')!.response).to.equal('opened');
    expect(snapshot(store.state)).to.deep.equal(snapshot(foldEvents(events, rules)));
    store.flush();
    expect(heard.map((c) => c.reset)).to.deep.equal([true]);
  });

  it("lists a recipient's events in time order", async () => {
    const store = createResponseStore();
    await store.ingest([
      event('clicked', { at: 5, id: 'late' }),
      event('delivered', { at: 1, id: 'first' }),
      event('opened', { at: 3, id: 'mid' }),
    ]);
    expect(store.recipientEvents('e1', 'r1').map((e) => e.event.id)).to.deep.equal(['first', 'mid', 'late']);
  });

  it('applies what a source delivers, keeps its cursor and resumes from it', async () => {
    const store = createResponseStore();
    const source = new ManualSource();
    const statuses: string[] = [];
    store.addEventListener('connection-change', (e) => statuses.push(e.detail.state));
    store.connect(source);
    source.sink!.status({ state: 'live', attempt: 0 });
    await source.sink!.deliver([event('delivered'), event('opened')], 'cursor-2');
    source.sink!.malformed('{"id": ', 'the message is not JSON');
    expect(store.state.recipient('e1', 'r1')!.response).to.equal('opened');
    expect(store.cursor('manual')).to.equal('cursor-2');
    expect(store.connection.state).to.equal('live');
    expect(statuses).to.deep.equal(['live']);
    store.disconnect();
    const again = new ManualSource();
    store.connect(again);
    expect(again.startedFrom).to.equal('cursor-2');
  });

  it("applies what a source delivers before the store's ingest code is here, in the order delivered", async () => {
    // The store asks for its ingest code as it is made (issue 14); a source may deliver first.
    const store = createResponseStore();
    const source = new ManualSource();
    store.connect(source);
    const first = source.sink!.deliver([event('delivered', { id: 'd' }), event('opened', { id: 'o' })], 'c1');
    const second = source.sink!.deliver([event('clicked', { id: 'k' })], 'c2');
    expect(store.state.recipients.size, 'the deliveries wait for the code').to.equal(0);
    await Promise.all([first, second]);
    expect(store.appliedEvents().map((e) => e.id)).to.deep.equal(['d', 'o', 'k']);
    expect(store.state.recipient('e1', 'r1')!.response).to.equal('clicked');
    expect(store.cursor('manual')).to.equal('c2');
  });

  it('ignores a source it has disconnected from', async () => {
    const store = createResponseStore();
    const source = new ManualSource();
    store.connect(source);
    const late = source.sink!;
    store.disconnect();
    await late.deliver([event('opened')], 'c9');
    expect(store.state.recipient('e1', 'r1')).to.equal(undefined);
    expect(store.cursor('manual')).to.equal(undefined);
  });

  it('keeps telling other subscribers when one throws', async () => {
    const store = createResponseStore();
    let heard = 0;
    const original = console.error;
    console.error = () => {};
    try {
      store.subscribe(() => {
        throw new Error('broken view');
      });
      store.subscribe(() => heard++);
      await store.ingest([event('opened')]);
      store.flush();
    } finally {
      console.error = original;
    }
    expect(heard).to.equal(1);
  });
});

describe('rules from the backend', () => {
  let worker: import('msw/browser').SetupWorker;
  before(async () => {
    const { setupWorker } = await import('msw/browser');
    worker = setupWorker();
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  it('adopts a new version from rules-url and refolds', async () => {
    const { http, HttpResponse } = await import('msw');
    const rules = structuredClone(DEFAULT_RULES);
    rules.version = 'server-2';
    rules.responses.find((r) => r.id === 'opened')!.priority = 20;
    worker.use(http.get('/api/rules', () => HttpResponse.json(rules)));
    const store = createResponseStore();
    await store.ingest([event('opened', { at: 1 }), event('clicked', { at: 2 })]);
    expect(await store.loadRules('/api/rules')).to.deep.equal({ adopted: true, version: 'server-2' });
    expect(store.state.recipient('e1', 'r1')!.response).to.equal('opened');
    expect(await store.loadRules('/api/rules')).to.deep.equal({ adopted: false, version: 'server-2' });
  });

  it('keeps its rules and says why when the backend sends broken ones', async () => {
    const { http, HttpResponse } = await import('msw');
    worker.use(http.get('/api/rules', () => HttpResponse.json({ version: 'x', responses: [] })));
    const store = createResponseStore();
    let heard = '';
    store.addEventListener('rules-error', (e) => (heard = e.detail.reason));
    const result = await store.loadRules('/api/rules');
    expect(result.adopted).to.equal(false);
    expect(result.version).to.equal('spec-1');
    expect(heard).to.match(/^the rules at \/api\/rules are not usable: /);
  });

  it("applies a contact's history from the backend, counting what it had once", async () => {
    const { http, HttpResponse } = await import('msw');
    const known = event('opened', { emailId: 'e1', contactId: 'c7', id: 'known' });
    const older = event('hard-bounce', { emailId: 'e0', contactId: 'c7', id: 'older' });
    worker.use(http.get('/api/contacts/c7/events', () => HttpResponse.json({ events: [known, older] })));
    const store = createResponseStore();
    await store.ingest([known]);
    const result = await store.loadContactHistory('/api/contacts/c7/events');
    expect(result).to.include({ accepted: 1, duplicates: 1 });
    expect(
      store
        .contactRecipients('c7')
        .map((r) => r.emailId)
        .sort(),
    ).to.deep.equal(['e0', 'e1']);
    expect(store.state.contact('c7').doNotUseEmail).to.equal(true);
  });

  it('says why a contact history could not be read', async () => {
    const { http, HttpResponse } = await import('msw');
    worker.use(http.get('/api/contacts/c8/events', () => new HttpResponse(null, { status: 503 })));
    const store = createResponseStore();
    const rejected: unknown[] = [];
    store.addEventListener('events-rejected', (e) => rejected.push(...e.detail.rejected.map((r) => [r.event, r.code])));
    const result = await store.loadContactHistory('/api/contacts/c8/events');
    expect(result.reason).to.equal('the contact history at /api/contacts/c8/events could not be read: HTTP 503');
    expect(rejected).to.deep.equal([['/api/contacts/c8/events', 'not-json']]);
  });

  it('says so when a contact history has no events list, and shows what came instead', async () => {
    const { http, HttpResponse } = await import('msw');
    worker.use(http.get('/api/contacts/c9/events', () => HttpResponse.json({ items: [] })));
    const store = createResponseStore();
    const rejected: unknown[] = [];
    store.addEventListener('events-rejected', (e) => rejected.push(...e.detail.rejected.map((r) => [r.event, r.code])));
    const result = await store.loadContactHistory('/api/contacts/c9/events');
    expect(result).to.deep.equal({
      accepted: 0,
      duplicates: 0,
      conflicts: 0,
      rejected: [],
      reason: 'the contact history at /api/contacts/c9/events has no events list',
    });
    expect(rejected).to.deep.equal([[{ items: [] }, 'not-an-object']]);
  });
});
