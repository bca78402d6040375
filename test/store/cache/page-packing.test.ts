// Packing rows and events into column pages and back: pure data, no IndexedDB.
import { expect } from 'chai';
import { DEFAULT_RULES, createResponseState, foldEvents } from '../../../src/core/index';
import {
  cachedEvents,
  isEventPage,
  mergeEventPages,
  packEventPage,
  unpackEventPage,
  type CachedEvent,
} from '../../../src/store/cache/event-pages';
import { isRowPage, packRowPage, unpackRowPage } from '../../../src/store/cache/row-pages';
import { BASE_TIME } from '../../support/events';
import { makeEvents } from './cache-helpers';

describe('row pages', () => {
  const state = foldEvents(makeEvents({ emails: 1, recipients: 200, events: 900 }));
  const saved = Array.from({ length: state.recipients.size }, (_, row) => state.saveRecipient(row));

  it('unpack gives back exactly the saved recipients packed', () => {
    const page = packRowPage('email-0', 0, saved);
    expect(unpackRowPage(page)).to.deep.equal(saved);
  });

  it('survives a structured clone (what IndexedDB stores)', () => {
    const page = structuredClone(packRowPage('email-0', 3, saved));
    expect(isRowPage(page)).to.equal(true);
    expect(unpackRowPage(page)).to.deep.equal(saved);
  });

  it('leaves out text columns that would hold only nulls', () => {
    const plain = createResponseState();
    plain.apply([{ id: 'a', emailId: 'e', recipientId: 'r', response: 'delivered', at: BASE_TIME }]);
    const page = packRowPage('e', 0, [plain.saveRecipient(0)]);
    expect(page.nonFinalReason).to.equal(undefined);
    expect(page.meta).to.deep.equal({});
    expect(unpackRowPage(page)).to.deep.equal([plain.saveRecipient(0)]);
  });

  it('restoring unpacked rows gives the state they were saved from', () => {
    const restored = createResponseState();
    for (const row of unpackRowPage(packRowPage('email-0', 0, saved))) restored.restoreRecipient(row);
    // Kind and type belong to the email, not the row: the cache keeps them in their own records.
    const own = (row: number) => ({ ...state.recipientAt(row), emailKind: undefined, emailType: undefined });
    for (let row = 0; row < state.recipients.size; row++)
      expect({ ...restored.recipientAt(row), emailKind: undefined, emailType: undefined }).to.deep.equal(own(row));
  });

  it('keeps an unsubscribe from one email type as such', () => {
    const scoped = createResponseState();
    scoped.apply([
      { id: 'a', emailId: 'e', recipientId: 'r', response: 'unsubscribed', scope: 'type', at: Date.UTC(2026, 0, 1) },
    ]);
    const rows = unpackRowPage(structuredClone(packRowPage('e', 0, [scoped.saveRecipient(0)])));
    expect(rows[0]!.finalScope).to.equal('type');
    const restored = createResponseState();
    restored.restoreRecipient(rows[0]!);
    expect(restored.recipient('e', 'r')!.scope).to.equal('type');
  });

  it("keeps where a row's statistics update period starts", () => {
    const rules = { ...DEFAULT_RULES, version: 'week', statisticsPeriodDays: 7 };
    const withPeriod = createResponseState(rules);
    withPeriod.apply([
      { id: 'a', emailId: 'e', recipientId: 'r', response: 'sent-to-provider', at: Date.UTC(2026, 0, 1) },
      { id: 'b', emailId: 'e', recipientId: 's', response: 'delivered', at: Date.UTC(2026, 0, 1) },
    ]);
    const rows = unpackRowPage(
      structuredClone(packRowPage('e', 0, [withPeriod.saveRecipient(0), withPeriod.saveRecipient(1)])),
    );
    expect(rows.map((row) => row.sentAt)).to.deep.equal([Date.UTC(2026, 0, 1), undefined]);
  });

  it('rejects records of the wrong shape', () => {
    const good = packRowPage('email-0', 0, saved.slice(0, 10));
    expect(isRowPage(good)).to.equal(true);
    expect(isRowPage(null)).to.equal(false);
    expect(isRowPage({ ...good, page: -1 })).to.equal(false);
    expect(isRowPage({ ...good, recipientIds: good.recipientIds.slice(1) })).to.equal(false);
    expect(isRowPage({ ...good, opens: Array.from(good.opens) })).to.equal(false);
    expect(isRowPage({ ...good, final: Int16Array.of(...good.final.map(() => 99)) })).to.equal(false);
    expect(isRowPage({ ...good, meta: { address: { values: [1], at: new Float64Array(1) } } })).to.equal(false);
  });
});

describe('event pages', () => {
  const events: CachedEvent[] = makeEvents({ recipients: 50, events: 300 }).map((event) => ({
    event,
    at: event.at as number,
  }));

  it('unpack gives back the events packed, times as epoch ms', () => {
    const page = structuredClone(packEventPage(events));
    expect(isEventPage(page)).to.equal(true);
    expect(unpackEventPage(page)).to.deep.equal(events.map((e) => e.event));
    expect(page.emailIds.length).to.equal(3);
  });

  it('an ISO time comes back as the epoch ms it stands for', () => {
    const at = Date.UTC(2026, 2, 1, 10);
    const page = packEventPage([
      { event: { id: 'x', emailId: 'e', recipientId: 'r', response: 'opened', at: '2026-03-01T10:00:00Z' }, at },
    ]);
    expect(unpackEventPage(page)[0]!.at).to.equal(at);
  });

  it('merging cuts the concatenation into full pages and one remainder, losing nothing', () => {
    const pages = [events.slice(0, 10), events.slice(10, 130), events.slice(130)].map(packEventPage);
    const merged = mergeEventPages(pages, 100);
    expect(merged.map((page) => page.ids.length)).to.deep.equal([100, 100, 100]);
    expect(merged.flatMap(cachedEvents)).to.deep.equal(events);
  });

  it('keeps an unsubscribe from one email type as such, so a refold after a reload does not widen it', () => {
    // Read back without its scope, the event would refold as an unsubscribe from everything: the
    // contact's Do not use email, which the recipient never asked for.
    const at = Date.UTC(2026, 0, 1);
    const typeOnly = { id: 'u', emailId: 'e', recipientId: 'r', response: 'unsubscribed', scope: 'type', at } as const;
    const [back] = unpackEventPage(structuredClone(packEventPage([{ event: typeOnly, at }])));
    expect(back).to.deep.equal(typeOnly);
    expect(foldEvents([back!]).recipient('e', 'r')!.scope).to.equal('type');
  });

  it('rejects records of the wrong shape', () => {
    const good = packEventPage(events.slice(0, 5));
    expect(isEventPage({ ...good, fields: { scope: ['everything', null, null, null, null] } })).to.equal(false);
    expect(isEventPage({ ...good, at: Array.from(good.at) })).to.equal(false);
    expect(isEventPage({ ...good, email: Int32Array.of(0, 0, 0, 0, 7) })).to.equal(false);
    expect(isEventPage({ ...good, fields: { emailKind: ['weekly', null, null, null, null] } })).to.equal(false);
    expect(isEventPage('events')).to.equal(false);
  });
});
