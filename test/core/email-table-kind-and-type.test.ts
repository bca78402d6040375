// An email's kind (bulk or trigger) and type (newsletter, invoice…) come from the newest event of
// the email that carries them, whichever recipient it is about; at one time the greater text wins
// (email-table.ts, mergeMeta), so the order events arrive in never decides. A batch names the
// emails whose kind or type changed (every recipient of theirs shows the new value), and no other.
import { expect } from 'chai';
import { createResponseState, type ResponseState } from '../../src/core/index';
import { recipientEvent, type EventFields } from '../support/events';

/** An event of email e1 for recipient `recipientId` at minute `at` with these fields. */
const carrying = (recipientId: string, at: number, fields: EventFields) =>
  recipientEvent('delivered', recipientId, { at, ...fields });

/** The email's kind and type as its recipients show them. */
function metaOf(state: ResponseState, recipientId = 'r1'): { emailKind?: string; emailType?: string } {
  const { emailKind, emailType } = state.recipient('e1', recipientId)!;
  return { ...(emailKind && { emailKind }), ...(emailType && { emailType }) };
}

describe("email table: an email's kind and type", () => {
  it('takes them from the newest event that carries them, of any recipient', () => {
    const state = createResponseState();
    state.apply([carrying('r1', 1, { emailKind: 'bulk', emailType: 'newsletter' })]);
    state.apply([carrying('r2', 3, { emailKind: 'trigger', emailType: 'invoice' })]);
    expect(metaOf(state, 'r1')).to.deep.equal({ emailKind: 'trigger', emailType: 'invoice' });
    state.apply([carrying('r3', 2, { emailKind: 'bulk', emailType: 'digest' })]);
    expect(metaOf(state, 'r3'), 'an older event changes neither').to.deep.equal({
      emailKind: 'trigger',
      emailType: 'invoice',
    });
  });

  it('takes each from its own newest event: a newer event with only a type keeps the kind', () => {
    const state = createResponseState();
    state.apply([carrying('r1', 1, { emailKind: 'trigger', emailType: 'newsletter' })]);
    state.apply([carrying('r1', 5, { emailType: 'invoice' }), carrying('r2', 6, {})]);
    expect(metaOf(state)).to.deep.equal({ emailKind: 'trigger', emailType: 'invoice' });
    state.apply([carrying('r2', 4, { emailKind: 'bulk' })]);
    expect(metaOf(state), 'the kind was set at 1, so 4 is newer').to.deep.equal({
      emailKind: 'bulk',
      emailType: 'invoice',
    });
    state.apply([carrying('r2', 2, { emailType: 'digest' })]);
    expect(metaOf(state), 'the type was set at 5, so 2 is older').to.deep.equal({
      emailKind: 'bulk',
      emailType: 'invoice',
    });
  });

  it('at one time, the greater text wins, in whichever order the events arrive', () => {
    const first = { emailKind: 'bulk', emailType: 'invoice' } as const;
    const second = { emailKind: 'trigger', emailType: 'newsletter' } as const;
    for (const [a, b] of [[first, second] as const, [second, first] as const]) {
      const state = createResponseState();
      state.apply([carrying('r1', 2, a)]);
      state.apply([carrying('r2', 2, b)]);
      expect(metaOf(state)).to.deep.equal({ emailKind: 'trigger', emailType: 'newsletter' });
    }
    // Mixed: at one time the greater kind comes with the smaller type, and the other way round.
    for (const order of [0, 1]) {
      const events = [
        carrying('r1', 2, { emailKind: 'trigger', emailType: 'invoice' }),
        carrying('r2', 2, { emailKind: 'bulk', emailType: 'newsletter' }),
      ];
      const state = createResponseState();
      state.apply(order === 0 ? events : events.reverse());
      expect(metaOf(state)).to.deep.equal({ emailKind: 'trigger', emailType: 'newsletter' });
    }
  });

  it('names the email in a batch only when its kind or type changed', () => {
    const state = createResponseState();
    expect(state.apply([carrying('r1', 1, { emailKind: 'bulk' })]).changedEmails).to.deep.equal(['e1']);
    expect(state.apply([carrying('r2', 2, { emailKind: 'bulk' })]).changedEmails, 'the same kind').to.deep.equal([]);
    expect(state.apply([carrying('r3', 3, { emailType: 'news' })]).changedEmails).to.deep.equal(['e1']);
    expect(state.apply([carrying('r4', 4, { emailType: 'news' })]).changedEmails, 'the same type').to.deep.equal([]);
    expect(state.apply([carrying('r5', 0, { emailType: 'old' })]).changedEmails, 'older').to.deep.equal([]);
    expect(state.apply([carrying('r6', 5, { emailKind: 'trigger' })]).changedEmails).to.deep.equal(['e1']);
    expect(state.apply([carrying('r1', 6, {})]).changedEmails, 'carries neither').to.deep.equal([]);
  });

  it('keeps each email its own kind and type', () => {
    const state = createResponseState();
    state.apply([
      recipientEvent('delivered', 'r1', { emailId: 'e1', emailKind: 'bulk', emailType: 'newsletter' }),
      recipientEvent('delivered', 'r1', { emailId: 'e2', emailKind: 'trigger', at: 1 }),
    ]);
    expect(metaOf(state)).to.deep.equal({ emailKind: 'bulk', emailType: 'newsletter' });
    expect(state.recipient('e2', 'r1')).to.include({ emailKind: 'trigger' }).and.not.have.property('emailType');
    expect([...state.emails.ids()]).to.deep.equal(['e1', 'e2']);
    expect(state.emails.at(1).id).to.equal('e2');
    expect(state.emails.get('e3')).to.equal(undefined);
  });
});
