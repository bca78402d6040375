// A batch's `changed` list names the recipients whose shown state changed: a view redraws those
// rows and no others. An event that changes what the recipient shows (its response, that
// response's time or reason, a counter, its first or last time, a contact text) lists it; one
// that changes nothing shown does not: a redelivery, a lower in-flight response, the same
// response later, an event at a moment already seen, anything behind a final response, a later
// final, an older or equal contact text. The subject is r2, the second row (so that a wrong
// offset on row 0 cannot read right); r1 is another recipient the batch does not touch.
import { expect } from 'chai';
import { createResponseState, type ResponseEvent, type ResponseState } from '../../src/core/index';
import { event, type EventFields } from '../support/events';

/** An event of r2, the subject, at `at` minutes. */
const r2 = (response: string, at: number, fields: EventFields = {}): ResponseEvent =>
  event(response, { recipientId: 'r2', at, ...fields });

const shown = (state: ResponseState): string[] => {
  const rows: string[] = [];
  for (let row = 0; row < state.recipients.size; row++) rows.push(JSON.stringify(state.recipientAt(row)));
  return rows;
};

/** The recipients the batch lists as changed, checked against those whose shown state changed. */
function changedBy(before: ResponseEvent[], batch: ResponseEvent[]): string[] {
  const state = createResponseState();
  state.apply([event('delivered', { recipientId: 'r1', at: 1 }), ...before]);
  const was = shown(state);
  const { changed } = state.apply(batch);
  const now = shown(state);
  const really = now.flatMap((text, row) => (text === was[row] ? [] : [row]));
  expect([...changed].sort(), 'the rows listed are the rows whose shown state changed').to.deep.equal(really);
  return changed.map((row) => state.recipientAt(row).recipientId);
}

describe('the recipients a batch reports as changed', () => {
  describe('list a recipient when what it shows changes', () => {
    it('its first event', () => {
      expect(changedBy([], [r2('delivered', 1)])).to.deep.equal(['r2']);
    });

    it('a higher in-flight response at a moment already seen', () => {
      expect(changedBy([r2('sent-to-provider', 1), r2('sent-to-provider', 3)], [r2('delivered', 2)])).to.deep.equal([
        'r2',
      ]);
    });

    it('the same response, earlier than it was, inside the times already seen', () => {
      const before = [r2('sent-to-provider', 1), r2('delivered', 3), r2('sent-to-provider', 4)];
      expect(changedBy(before, [r2('delivered', 2)])).to.deep.equal(['r2']);
    });

    it('the same response at the same moment with a reason first in order', () => {
      const before = [
        r2('sent-to-provider', 1),
        r2('provider-delayed', 2, { reason: 'b busy' }),
        r2('sent-to-provider', 3),
      ];
      expect(changedBy(before, [r2('provider-delayed', 2, { reason: 'a busy' })])).to.deep.equal(['r2']);
    });

    it('one more open, though the response stays', () => {
      expect(changedBy([r2('opened', 1), r2('opened', 3)], [r2('opened', 2)])).to.deep.equal(['r2']);
    });

    it('a first or newer contact id, name, address or provider, from an event that changes nothing else', () => {
      const before = [r2('opened', 1, { contactId: 'c1', contactName: 'Ann', address: 'a@x.com', provider: 'ses' })];
      const later = [...before, r2('sent-to-provider', 3)];
      for (const fields of [
        { contactId: 'c2' },
        { contactName: 'Bea' },
        { address: 'b@x.com' },
        { provider: 'sendgrid' },
      ] as EventFields[]) {
        expect(changedBy(later, [r2('delivered', 2, fields)]), JSON.stringify(fields)).to.deep.equal(['r2']);
        expect(changedBy([r2('opened', 1), r2('sent-to-provider', 3)], [r2('delivered', 2, fields)])).to.deep.equal([
          'r2',
        ]);
      }
    });

    it('a contact text at the same moment that is greater than the one shown', () => {
      const before = [r2('sent-to-provider', 1), r2('delivered', 2, { contactName: 'Ann' }), r2('sent-to-provider', 3)];
      expect(changedBy(before, [r2('sent-to-provider', 2, { contactName: 'Bea' })])).to.deep.equal(['r2']);
    });

    it('a final response, or an earlier final in place of a later one', () => {
      expect(changedBy([r2('sent-to-provider', 1), r2('sent-to-provider', 3)], [r2('hard-bounce', 2)])).to.deep.equal([
        'r2',
      ]);
      expect(changedBy([r2('sent-to-provider', 1), r2('hard-bounce', 3)], [r2('soft-bounce', 2)])).to.deep.equal([
        'r2',
      ]);
    });
  });

  describe('list a recipient when the tie-break of two finals at one moment changes it', () => {
    it('the same final at the same moment with a reason first in order: that reason shows', () => {
      const before = [r2('sent-to-provider', 1), r2('hard-bounce', 2, { reason: 'b 550' })];
      const state = createResponseState();
      state.apply([event('delivered', { recipientId: 'r1', at: 1 }), ...before]);
      state.apply([r2('hard-bounce', 2, { reason: 'a 550' })]);
      expect(state.recipient('e1', 'r2')).to.include({ response: 'hard-bounce', reason: 'a 550' });
      expect(changedBy(before, [r2('hard-bounce', 2, { reason: 'a 550' })])).to.deep.equal(['r2']);
    });

    it('an unsubscribe from everything at the moment of one from the type', () => {
      const before = [r2('sent-to-provider', 1), r2('unsubscribed', 2, { scope: 'type' })];
      expect(changedBy(before, [r2('unsubscribed', 2, { scope: 'all' })])).to.deep.equal(['r2']);
    });
  });

  describe('leave a recipient out when nothing it shows changes', () => {
    it('the same final again at the same moment (another id), with the same reason and scope', () => {
      for (const fields of [{ reason: '550 gone' }, { scope: 'all' }, { scope: 'type' }] as EventFields[]) {
        const response = fields.scope ? 'unsubscribed' : 'hard-bounce';
        const before = [r2('sent-to-provider', 1), r2(response, 2, fields)];
        expect(changedBy(before, [r2(response, 2, fields)]), JSON.stringify(fields)).to.deep.equal([]);
      }
      // A type-only unsubscribe does not displace one from everything.
      const all = [r2('sent-to-provider', 1), r2('unsubscribed', 2, { scope: 'all' })];
      expect(changedBy(all, [r2('unsubscribed', 2, { scope: 'type' })])).to.deep.equal([]);
    });

    it('a redelivery of an event already applied', () => {
      const delivered = r2('delivered', 2, { contactName: 'Ann' });
      expect(changedBy([delivered], [delivered])).to.deep.equal([]);
    });

    it('a lower in-flight response inside the times already seen', () => {
      expect(changedBy([r2('opened', 1), r2('sent-to-provider', 3)], [r2('delivered', 2)])).to.deep.equal([]);
    });

    it('the same response again, later than it was or at the same moment with no earlier reason', () => {
      const before = [r2('delivered', 1, { reason: 'a' }), r2('sent-to-provider', 3)];
      expect(changedBy(before, [r2('delivered', 2)])).to.deep.equal([]);
      expect(changedBy(before, [r2('delivered', 1, { reason: 'a' })])).to.deep.equal([]);
      expect(changedBy(before, [r2('delivered', 1, { reason: 'b' })])).to.deep.equal([]);
    });

    it('an event at exactly the first or the last moment already seen', () => {
      const before = [r2('delivered', 1), r2('opened', 3)];
      expect(changedBy(before, [r2('sent-to-provider', 1)])).to.deep.equal([]);
      expect(changedBy(before, [r2('sent-to-provider', 3)])).to.deep.equal([]);
    });

    it('a higher in-flight response behind a final one', () => {
      expect(changedBy([r2('sent-to-provider', 1), r2('hard-bounce', 3)], [r2('delivered', 2)])).to.deep.equal([]);
    });

    it('the same in-flight response, earlier or with a reason first in order, behind a final one', () => {
      const before = [r2('sent-to-provider', 1), r2('provider-delayed', 3, { reason: 'b busy' }), r2('hard-bounce', 4)];
      expect(changedBy(before, [r2('provider-delayed', 2)])).to.deep.equal([]);
      expect(changedBy(before, [r2('provider-delayed', 3, { reason: 'a busy' })])).to.deep.equal([]);
    });

    it('a final response later than the one shown', () => {
      const before = [r2('sent-to-provider', 1), r2('hard-bounce', 2), r2('sent-to-provider', 4)];
      expect(changedBy(before, [r2('soft-bounce', 3)])).to.deep.equal([]);
    });

    it('a contact text older than the one shown, the same one again, or a lesser one at the same moment', () => {
      const before = [r2('sent-to-provider', 1), r2('delivered', 2, { contactName: 'Bea' }), r2('sent-to-provider', 3)];
      expect(changedBy(before, [r2('sent-to-provider', 1, { contactName: 'Ann' })])).to.deep.equal([]);
      expect(changedBy(before, [r2('sent-to-provider', 3, { contactName: 'Bea' })])).to.deep.equal([]);
      expect(changedBy(before, [r2('sent-to-provider', 2, { contactName: 'Ann' })])).to.deep.equal([]);
      expect(changedBy(before, [r2('sent-to-provider', 2, { contactName: 'Bea' })])).to.deep.equal([]);
    });
  });
});
