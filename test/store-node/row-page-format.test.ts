// Issue 16: a row page is stored with each text column as one string (schema version 2) and
// restored a page at a time (`restoreRecipients`), with no object per row. Both must give back
// exactly what the row-by-row path of version 1 gave.
import { expect } from 'chai';
import { DEFAULT_RULES, createResponseState, foldEvents, type ResponseEvent } from '../../src/core/index';
import { decodeRowPage, encodeRowPage } from '../../src/store/cache/row-page-format';
import { packRowPage, unpackRowPage, type RowPage } from '../../src/store/cache/row-pages';
import { snapshot } from '../core/state-snapshot';
import { BASE_TIME } from '../support/events';

const WEEK_RULES = { ...DEFAULT_RULES, version: 'week', statisticsPeriodDays: 7 };
const DAY = 86_400_000;

function events(count: number): ResponseEvent[] {
  const responses = ['sent-to-provider', 'delivered', 'opened', 'clicked', 'hard-bounce', 'unsubscribed'];
  return Array.from({ length: count }, (_, n) => {
    const event: ResponseEvent = {
      id: `e${n}`,
      emailId: 'm1',
      recipientId: `r${(n * 7) % 60}`,
      response: responses[n % responses.length]!,
      at: BASE_TIME + ((n * 13) % 20) * DAY,
    };
    if (n % 3 === 0) event.contactId = `c${n % 11}`;
    if (n % 4 === 0) event.contactName = `Näme ${n} 🙂`;
    if (n % 5 === 0) event.address = `r${n}@example.com`;
    if (n % 6 === 4) event.reason = '550 gone';
    if (n % 6 === 5 && n % 12 === 5) event.scope = 'type';
    return event;
  });
}

function pageOf(state: ReturnType<typeof foldEvents>): RowPage {
  const rows = state.emails.get('m1')!.order.map((row) => state.saveRecipient(row));
  return packRowPage('m1', 0, rows);
}

describe('row pages stored as text columns (issue 16)', () => {
  it('decode(encode(page)) is the page, through a structured clone', () => {
    for (const rules of [DEFAULT_RULES, WEEK_RULES]) {
      const page = pageOf(foldEvents(events(400), rules));
      expect(page.finalReason, 'the fixture has reasons').to.not.equal(undefined);
      expect(decodeRowPage(structuredClone(encodeRowPage(page)))).to.deep.equal(page);
    }
  });

  it('keeps an empty text apart from none', () => {
    const page = pageOf(foldEvents(events(400)));
    const names = page.meta.contactName!.values;
    names[names.indexOf(null)] = '';
    expect(names).to.include(null);
    expect(decodeRowPage(encodeRowPage(page))!.meta.contactName!.values).to.deep.equal(names);
  });

  it('refuses a record whose text columns do not add up, and a version 1 page', () => {
    const page = pageOf(foldEvents(events(200)));
    const damaged: [string, (stored: ReturnType<typeof encodeRowPage>) => void][] = [
      ['ids one character short', (s) => (s.recipientIds.text = s.recipientIds.text.slice(1))],
      ['a length of -2', (s) => (s.recipientIds.lengths[0] = -2)],
      ['lengths as a plain array', (s) => ((s.recipientIds as { lengths: unknown }).lengths = [1, 2])],
      ['a meta column without text', (s) => ((s.meta.address!.values as { text: unknown }).text = undefined)],
      ['a reason column of the wrong kind', (s) => ((s as { finalReason: unknown }).finalReason = ['x'])],
    ];
    for (const [what, damage] of damaged) {
      const stored = encodeRowPage(page);
      damage(stored);
      expect(decodeRowPage(stored), what).to.equal(undefined);
    }
    expect(decodeRowPage(page), 'a version 1 page').to.equal(undefined);
    expect(decodeRowPage(null)).to.equal(undefined);
  });

  it('restoring a page at once gives the state restoring its rows one by one gives', () => {
    for (const rules of [DEFAULT_RULES, WEEK_RULES]) {
      const page = pageOf(foldEvents(events(500), rules));
      const byRow = createResponseState(rules);
      for (const saved of unpackRowPage(page)) byRow.restoreRecipient(saved);
      const atOnce = createResponseState(rules);
      expect(atOnce.restoreRecipients(page)).to.equal(0);
      expect(snapshot(atOnce)).to.deep.equal(snapshot(byRow));
      for (let row = 0; row < byRow.recipients.size; row++) expect(atOnce.sentAt(row)).to.equal(byRow.sentAt(row));
      expect(atOnce.contactIds().next().value).to.equal(byRow.contactIds().next().value);
      // Later events land on the restored rows alike (the statistics period included).
      const later = events(700).slice(500);
      byRow.apply(later);
      atOnce.apply(later);
      expect(snapshot(atOnce)).to.deep.equal(snapshot(byRow));
    }
  });

  it('refuses rows it already has and responses the rules do not know, and restores the rest', () => {
    const page = pageOf(foldEvents(events(300)));
    const state = createResponseState();
    expect(state.restoreRecipients(page)).to.equal(0);
    expect(state.restoreRecipients(page), 'every row again').to.equal(page.recipientIds.length);
    const unknown: RowPage = { ...page, emailId: 'm2', responses: page.responses.map((id) => `${id}-x`) };
    unknown.responses[0] = page.responses[0]!;
    const refused = state.restoreRecipients(unknown);
    const usable = (code: number) => code === -1 || code === 0;
    const known = [...page.nonFinal].filter((code, slot) => {
      const final = page.final[slot]!;
      return usable(code) && usable(final) && code + final > -2;
    }).length;
    expect(refused).to.equal(page.recipientIds.length - known);
    expect(state.emails.get('m2')!.order.length).to.equal(known);
  });
});
