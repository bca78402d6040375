import { expect } from 'chai';
import { createResponseState, foldEvents } from '../../src/core/index';
import { event, minutes, recipientEvent } from '../support/events';

// A saved recipient carries each contact field with the time it was last set (spec: the newest
// value of a field wins), and restoring or resetting it files the row under its contact
// (src/core/saved-recipient.ts). A field saved with another field's time, or a contact left
// holding a recipient it no longer has, would show the wrong contact after a cold start.

describe('saved recipients: contact fields and the contact index', () => {
  it('saves each contact field with its own time, and no field it does not have', () => {
    const state = foldEvents([
      event('sent-to-provider', { at: 1, contactId: 'c1' }),
      event('sent-to-provider', { at: 2, contactName: 'Ann' }),
      event('delivered', { at: 3, address: 'ann@example.com', reason: '250 accepted' }),
      event('hard-bounce', { at: 4, provider: 'sendgrid', reason: '550 gone' }),
    ]);
    const saved = state.saveRecipient(0);
    expect(saved.nonFinalReason, 'the fixture has a reason past the contact fields').to.equal('250 accepted');
    expect(saved.meta).to.deep.equal({
      contactId: ['c1', minutes(1)],
      contactName: ['Ann', minutes(2)],
      address: ['ann@example.com', minutes(3)],
      provider: ['sendgrid', minutes(4)],
    });
  });

  it('resetting a row to a saved state with another contact id moves the row to that contact', () => {
    const state = createResponseState();
    state.apply([recipientEvent('delivered', 'r0', { contactId: 'c0' })]);
    state.apply([event('delivered', { at: 1, contactId: 'c-old', contactName: 'Old name' })]);
    const row = state.rowOf('e1', 'r1');
    expect(row, 'not the first row').to.equal(1);
    expect(state.contactRows('c-old'), 'the index is built before the reset').to.deep.equal([row]);
    const saved = state.saveRecipient(row);
    saved.meta.contactId = ['c-new', minutes(2)];
    saved.meta.contactName = ['New name', minutes(2)];
    expect(state.resetRecipient(saved)).to.equal(row);
    expect([...state.contactIds()].filter((id) => state.contactRows(id).length > 0).sort()).to.deep.equal([
      'c-new',
      'c0',
    ]);
    expect(state.contactRows('c-new')).to.deep.equal([row]);
    expect(state.contactRows('c-old')).to.deep.equal([]);
    expect(state.contactRows('New name'), 'a name is no contact id').to.deep.equal([]);
  });

  it('resetting a row to a saved state with the same contact id leaves the contact as it was', () => {
    const state = createResponseState();
    for (const recipientId of ['r0', 'r1', 'r2'])
      state.apply([recipientEvent('delivered', recipientId, { contactId: 'c1' })]);
    expect(state.contactRows('c1'), 'the index is built before the reset').to.deep.equal([0, 1, 2]);
    const saved = state.saveRecipient(1);
    saved.meta.contactName = ['Ann', minutes(2)];
    state.resetRecipient(saved);
    expect(state.contactRows('c1'), 'in the order the recipients first appeared').to.deep.equal([0, 1, 2]);
    expect(state.contactRows('Ann')).to.deep.equal([]);
  });
});
