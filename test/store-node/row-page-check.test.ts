// Issue 15, item 4: a cached row page is checked value by value, not only for its shape. A page
// with a NaN time, a negative count, a code outside its responses or an oversized text is refused
// (the cache then rebuilds its rows from the events); a page the packer wrote always passes.
import { expect } from 'chai';
import { foldEvents } from '../../src/core/index';
import { isRowPage, packRowPage, type RowPage } from '../../src/store/cache/row-pages';
import { BASE_TIME } from '../support/events';

function page(): RowPage {
  const events = Array.from({ length: 40 }, (_, n) => ({
    id: `e${n}`,
    emailId: 'm1',
    recipientId: `r${n % 8}`,
    response: ['delivered', 'opened', 'clicked', 'hard-bounce', 'provider-delayed'][n % 5]!,
    at: BASE_TIME + n * 60_000,
    contactId: `c${n % 8}`,
    address: `a${n % 8}@example.com`,
    reason: n % 5 === 3 ? '550 gone' : undefined,
  }));
  const state = foldEvents(events);
  const rows = state.emails.get('m1')!.order.map((row) => state.saveRecipient(row));
  return packRowPage('m1', 0, rows);
}

const damages: [string, (page: RowPage) => void][] = [
  ['lastAt[3] = NaN', (p) => (p.lastAt[3] = NaN)],
  ['firstAt[0] = NaN', (p) => (p.firstAt[0] = NaN)],
  ['a response time of NaN', (p) => (p.nonFinalAt[p.nonFinal.findIndex((c) => c >= 0)] = NaN)],
  ['a response time of 0 (1970)', (p) => (p.nonFinalAt[p.nonFinal.findIndex((c) => c >= 0)] = 0)],
  ['a final code with no time', (p) => (p.finalAt[p.final.findIndex((c) => c >= 0)] = Infinity)],
  ['opens of -1', (p) => (p.opens[1] = -1)],
  ['an empty recipient id', (p) => (p.recipientIds[2] = '')],
  ['a 300-character recipient id', (p) => (p.recipientIds[2] = 'r'.repeat(300))],
  ['a reason of 3,000 characters', (p) => (p.finalReason = p.recipientIds.map(() => 'x'.repeat(3000)))],
  ['a scope other than type', (p) => (p.finalScope = p.recipientIds.map(() => 'all'))],
  ['a meta time of NaN', (p) => (p.meta.contactId!.at[0] = NaN)],
  ['a meta value with no time', (p) => (p.meta.address!.at[1] = -Infinity)],
  ['a sentAt of NaN', (p) => (p.sentAt = new Float64Array(p.recipientIds.length).fill(NaN))],
  ['an empty email id', (p) => (p.emailId = '')],
];

describe('a cached row page is checked value by value (issue 15, item 4)', () => {
  it('a page the packer wrote passes', () => {
    expect(isRowPage(page())).to.equal(true);
  });

  for (const [what, damage] of damages) {
    it(`refuses a page with ${what}`, () => {
      const damaged = page();
      damage(damaged);
      expect(isRowPage(damaged)).to.equal(false);
    });
  }
});
