// Each recipient's first open, last open, last click and clicked link (issue 13's columns), read
// from the event log: machine opens are not opens, a click is one, and the values are minimums
// and maximums, so no event order and no redelivery changes them. The Audience view sorts by them
// and follows them live.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createResponseState, type ResponseEvent } from '../../src/core/index';
import { AudienceView } from '../../src/store/audience/audience-view';
import { EmailEngagement, engagementFor, type RowEngagement } from '../../src/store/email-engagement';
import { minutes, recipientEvent as ev } from '../support/events';
import { storeWith } from '../support/store';

const X = 'https://shop.example/x';
const Y = 'https://shop.example/y';

/** The engagement from a state that applied `events` in that order (the log holds each event once). */
function engagementAfter(events: readonly ResponseEvent[]): { of: (recipientId: string) => RowEngagement } {
  const state = createResponseState();
  const log: ResponseEvent[] = [];
  const { rejected } = state.apply(events, (event) => log.push(event));
  expect(rejected).to.deep.equal([]);
  const engagement = new EmailEngagement('e1', true);
  engagement.update(state, log);
  return { of: (recipientId) => engagement.recipient(recipientId) };
}

/** The same values written out from the spec: opens are Opened and Clicked, clicks are Clicked. */
function expected(events: readonly ResponseEvent[], recipientId: string): RowEngagement {
  const mine = [...new Map(events.map((e) => [e.id, e])).values()].filter((e) => e.recipientId === recipientId);
  const time = (e: ResponseEvent) => e.at as number;
  const opens = mine.filter((e) => e.response === 'opened' || e.response === 'clicked').map(time);
  const clicks = mine.filter((e) => e.response === 'clicked');
  const out: RowEngagement = {};
  if (opens.length === 0) return out;
  out.firstOpenAt = Math.min(...opens);
  out.lastOpenAt = Math.max(...opens);
  if (clicks.length > 0) out.lastClickAt = Math.max(...clicks.map(time));
  const linked = clicks
    .filter((e) => e.url)
    .sort((a, b) => time(b) - time(a) || (a.url! < b.url! ? -1 : a.url! > b.url! ? 1 : 0));
  if (linked.length > 0) out.lastLink = linked[0]!.url!;
  return out;
}

describe('engagement per recipient (first open, last open, last click, clicked link)', () => {
  it('counts human opens and clicks, not machine opens, and keeps the newest click that named a link', () => {
    const events = [
      ev('delivered', 'a', { at: 0 }),
      ev('opened', 'a', { at: 10 }),
      ev('opened', 'a', { at: 30 }),
      ev('opened-machine', 'a', { at: 50 }),
      ev('clicked', 'b', { at: 20, url: X }),
      ev('clicked', 'b', { at: 40, url: Y }),
      ev('opened', 'b', { at: 60 }),
      ev('opened-machine', 'c', { at: 5 }),
      ev('delivered', 'd', { at: 5 }),
      ev('clicked', 'e', { at: 45, url: X }),
      ev('clicked', 'e', { at: 50 }),
      ev('unsubscribed', 'f', { at: 70 }),
    ];
    const { of } = engagementAfter(events);
    expect(of('a')).to.deep.equal({ firstOpenAt: minutes(10), lastOpenAt: minutes(30) });
    // A click is an open (spec rule 4: a click implies one, with images blocked).
    expect(of('b')).to.deep.equal({
      firstOpenAt: minutes(20),
      lastOpenAt: minutes(60),
      lastClickAt: minutes(40),
      lastLink: Y,
    });
    // Opened (machine) is a bot or a privacy proxy, not a person: no open time.
    expect(of('c')).to.deep.equal({});
    expect(of('d')).to.deep.equal({});
    // The newest click named no link: the link is the newest one that did.
    expect(of('e')).to.deep.equal({
      firstOpenAt: minutes(45),
      lastOpenAt: minutes(50),
      lastClickAt: minutes(50),
      lastLink: X,
    });
    // The unsubscribe link is not a click (the Clicks column does not count it either).
    expect(of('f')).to.deep.equal({});
    expect(of('nobody')).to.deep.equal({});
  });

  it('does not depend on event order or redelivery', () => {
    const pick = fc.record({
      recipient: fc.constantFrom('a', 'b', 'c'),
      response: fc.constantFrom('delivered', 'opened', 'opened-machine', 'clicked', 'hard-bounce', 'unsubscribed'),
      // Few minutes, so equal times (and the link's tie-break) come up often.
      minute: fc.integer({ min: 0, max: 6 }),
      url: fc.constantFrom(X, Y, 'https://shop.example/Z', undefined),
    });
    const scenario = fc.array(pick, { minLength: 1, maxLength: 30 }).chain((picks) => {
      const events = picks.map((p, i) => ({
        id: `p${i}`,
        emailId: 'e1',
        recipientId: p.recipient,
        response: p.response,
        at: minutes(p.minute),
        ...(p.url && p.response === 'clicked' ? { url: p.url } : {}),
      }));
      return fc.record({
        events: fc.constant(events),
        order: fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        again: fc.array(fc.constantFrom(...events), { maxLength: 10 }),
        at: fc.nat(events.length),
      });
    });
    fc.assert(
      fc.property(scenario, ({ events, order, again, at }) => {
        const inOrder = engagementAfter(events);
        // Shuffled, with some events delivered a second time somewhere in the stream.
        const shuffled = engagementAfter([...order.slice(0, at), ...again, ...order.slice(at)]);
        for (const recipient of ['a', 'b', 'c']) {
          expect(shuffled.of(recipient)).to.deep.equal(inOrder.of(recipient));
          expect(inOrder.of(recipient)).to.deep.equal(expected(events, recipient));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('engagementFor keeps one engagement per store and email, up to date with the log', async () => {
    const store = await storeWith([ev('opened', 'a', { at: 1 })]);
    const first = engagementFor(store, 'e1');
    expect(first.recipient('a')).to.deep.equal({ firstOpenAt: minutes(1), lastOpenAt: minutes(1) });
    await store.ingest([ev('clicked', 'a', { at: 9, url: X })]);
    const again = engagementFor(store, 'e1');
    expect(again).to.equal(first);
    expect(again.recipient('a')).to.deep.equal({
      firstOpenAt: minutes(1),
      lastOpenAt: minutes(9),
      lastClickAt: minutes(9),
      lastLink: X,
    });
    expect(engagementFor(store, 'other').recipient('a')).to.deep.equal({});
  });

  it('leaves a recipient known only from its record (no events) empty', async () => {
    const store = await storeWith([]);
    store.state.restoreRecipient({
      emailId: 'e1',
      recipientId: 'snap',
      nonFinal: 'opened',
      nonFinalAt: minutes(3),
      nonFinalReason: null,
      final: null,
      finalAt: Infinity,
      finalReason: null,
      opens: 2,
      clicks: 0,
      machineOpens: 0,
      firstAt: minutes(1),
      lastAt: minutes(3),
      meta: {},
    });
    expect(store.state.recipientAt(store.state.rowOf('e1', 'snap')).opens).to.equal(2);
    expect(engagementFor(store, 'e1').recipient('snap')).to.deep.equal({});
  });
});

describe('the audience view sorted by engagement', () => {
  const events = () => [
    ev('delivered', 'none', { at: 0 }),
    ev('opened', 'early', { at: 5 }),
    ev('clicked', 'late', { at: 30, url: 'https://B.example/' }),
    ev('clicked', 'mid', { at: 20, url: 'https://a.example/' }),
    ev('opened-machine', 'bot', { at: 1 }),
  ];
  const ids = (view: AudienceView) => [...view.rows()].map((row) => view.state.recipientAt(row).recipientId);

  it('sorts by time with rows that have none last, in both directions', async () => {
    const store = await storeWith(events());
    const view = new AudienceView(store.state, 'e1', { sort: { column: 'first-open', direction: 'ascending' } }, store);
    expect(ids(view)).to.deep.equal(['early', 'mid', 'late', 'none', 'bot']);
    view.setQuery({ sort: { column: 'first-open', direction: 'descending' } });
    expect(ids(view)).to.deep.equal(['late', 'mid', 'early', 'none', 'bot']);
    view.setQuery({ sort: { column: 'last-click', direction: 'ascending' } });
    expect(ids(view)).to.deep.equal(['mid', 'late', 'none', 'early', 'bot']);
  });

  it('sorts the clicked link by its folded text', async () => {
    const store = await storeWith(events());
    const view = new AudienceView(
      store.state,
      'e1',
      { sort: { column: 'clicked-link', direction: 'ascending' } },
      store,
    );
    expect(ids(view)).to.deep.equal(['mid', 'late', 'none', 'early', 'bot']);
    view.setQuery({ sort: { column: 'clicked-link', direction: 'descending' } });
    expect(ids(view)).to.deep.equal(['late', 'mid', 'none', 'early', 'bot']);
  });

  it('moves a row when a new open or click changes its key', async () => {
    const store = await storeWith(events());
    const view = new AudienceView(store.state, 'e1', { sort: { column: 'last-open', direction: 'descending' } }, store);
    expect(ids(view)).to.deep.equal(['late', 'mid', 'early', 'none', 'bot']);
    await store.ingest([ev('opened', 'early', { at: 40 }), ev('clicked', 'none', { at: 35, url: X })]);
    const rows = ['early', 'none'].map((id) => store.state.rowOf('e1', id));
    const result = view.update({ rows, reset: false });
    expect(result.moved).to.equal(true);
    expect(ids(view)).to.deep.equal(['early', 'none', 'late', 'mid', 'bot']);
    expect(view.engagement()!.recipient('none').lastLink).to.equal(X);
  });

  it('after any batches and holds, equals a view built from scratch on the same events', () => {
    const anEvent = fc.record({
      recipient: fc.integer({ min: 1, max: 8 }).map((n) => `r${n}`),
      response: fc.constantFrom('delivered', 'opened', 'opened-machine', 'clicked', 'hard-bounce'),
      minute: fc.integer({ min: 0, max: 8 }),
      url: fc.constantFrom(X, Y, 'https://a.example/', undefined),
    });
    const anOp = fc.oneof(
      { arbitrary: fc.array(anEvent, { minLength: 1, maxLength: 5 }), weight: 5 },
      { arbitrary: fc.boolean(), weight: 2 },
    );
    const sort = fc.record({
      column: fc.constantFrom(
        'first-open' as const,
        'last-open' as const,
        'last-click' as const,
        'clicked-link' as const,
      ),
      direction: fc.constantFrom('ascending' as const, 'descending' as const),
    });
    fc.assert(
      fc.property(sort, fc.array(anOp, { maxLength: 20 }), (sortBy, ops) => {
        let n = 0;
        const state = createResponseState();
        const log: ResponseEvent[] = [];
        const source = { state, appliedEvents: () => log };
        const view = new AudienceView(state, 'e1', { sort: sortBy }, source);
        for (const op of ops) {
          if (typeof op === 'boolean') {
            view.hold = op;
            if (!op) view.applyPending();
            continue;
          }
          const events = op.map((p) => ({
            id: `q${n++}`,
            emailId: 'e1',
            recipientId: p.recipient,
            response: p.response,
            at: minutes(p.minute),
            ...(p.url && p.response === 'clicked' ? { url: p.url } : {}),
          }));
          view.update({ rows: state.apply(events, (event) => log.push(event)).changed, reset: false });
        }
        view.applyPending();
        const fresh = new AudienceView(state, 'e1', { sort: sortBy }, source);
        expect(ids(view)).to.deep.equal(ids(fresh));
      }),
      { numRuns: 200 },
    );
  });

  it('without its store, has the engagement columns empty (all ties)', async () => {
    const store = await storeWith(events());
    const view = new AudienceView(store.state, 'e1', { sort: { column: 'first-open', direction: 'ascending' } });
    expect(ids(view)).to.deep.equal(['none', 'early', 'late', 'mid', 'bot']);
    expect(view.engagement()).to.equal(undefined);
  });
});
