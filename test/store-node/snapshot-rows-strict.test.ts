// Issue 15, item 5: a snapshot row is checked as strictly as an event. An empty recipientId, a
// 1970 time, a 100,000-character name, an object reason or a count past what a row holds are
// refused with a reason (as rejections, the channel events use), and the client's row stays.
import { expect } from 'chai';
import { foldEvents } from '../../src/core/index';
import { reconcilePage, type ServerRecipient } from '../../src/store/reconcile';
import { checkServerRecipient, MAX_COUNT } from '../../src/store/snapshot-page';
import { BASE_TIME } from '../support/events';

const good = { recipientId: 'r1', response: 'opened', at: BASE_TIME + 60_000 };

const broken: [string, Record<string, unknown>, string, string][] = [
  ['an empty recipientId', { ...good, recipientId: '' }, 'missing-field', 'recipientId'],
  ['a 1970 time', { ...good, at: 0 }, 'time-out-of-range', 'at'],
  ['a 100,000-character name', { ...good, contactName: 'n'.repeat(100_000) }, 'too-long', 'contactName'],
  ['an object reason', { ...good, reason: { text: 'no' } }, 'wrong-type', 'reason'],
  ['opens past 2^31', { ...good, opens: 2 ** 31 + 5 }, 'bad-value', 'opens'],
  ['a 300-character recipientId', { ...good, recipientId: 'r'.repeat(300) }, 'too-long', 'recipientId'],
  ['a number address', { ...good, address: 42 }, 'wrong-type', 'address'],
  ['a time without a zone', { ...good, at: '2024-05-01T10:00:00' }, 'bad-time', 'at'],
];

describe('snapshot rows are checked as strictly as events (issue 15, item 5)', () => {
  for (const [what, row, code, field] of broken) {
    it(`refuses ${what} with a reason and keeps the client's row`, () => {
      const state = foldEvents([{ id: 'e1', emailId: 'm1', recipientId: 'r1', response: 'delivered', at: BASE_TIME }]);
      const before = state.recipient('m1', 'r1');
      const result = reconcilePage(state, { emailId: 'm1', recipients: [row as unknown as ServerRecipient] }, () => []);
      expect(result.rows).to.deep.equal([]);
      expect(result.rejected).to.have.length(1);
      expect(result.rejected[0]).to.include({ code, field, event: row });
      expect(result.problems).to.deep.equal([result.rejected[0]!.reason]);
      expect(state.recipient('m1', 'r1')).to.deep.equal(before);
      expect(state.recipients.size).to.equal(1);
    });
  }

  it('accepts a row at the limits', () => {
    const state = foldEvents([]);
    const row = { ...good, opens: MAX_COUNT, contactName: 'n'.repeat(512), reason: 'r'.repeat(2048) };
    expect(checkServerRecipient(row, 'm1', state.rules)).to.equal(null);
    const result = reconcilePage(state, { emailId: 'm1', recipients: [row] }, () => []);
    expect(result.rejected).to.deep.equal([]);
    expect(state.recipient('m1', 'r1')).to.include({ response: 'opened', opens: MAX_COUNT });
  });

  it('a row whose getter throws is one rejection, not a throw', () => {
    const row = Object.defineProperty({ ...good }, 'response', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const rejection = checkServerRecipient(row, 'm1', foldEvents([]).rules);
    expect(rejection).to.include({ code: 'unreadable' });
  });
});
