import { expect } from 'chai';
import { DEFAULT_RULES } from '../../src/core/catalogue';
import { contactFlags } from '../../src/core/effects';
import { ResponseState } from '../../src/core/fold';
import { noContact } from '../../src/core/no-contact';
import * as recipientRows from '../../src/core/recipient-rows';
import { provideRowCode } from '../../src/core/row-code';
import { compileRules } from '../../src/core/rules';

// A store's state exists before the code that writes rows has loaded (issue 14: the grid's entry
// does without it): this file never calls createResponseState, so nothing gives that code until
// the test below does, in this file's own module graph.
describe('a state before the rows’ code is given', () => {
  it('answers as an empty state, and says plainly what it cannot do yet', () => {
    const state = new ResponseState();
    expect(state.eventCount).to.equal(0);
    expect(state.hasEvent('e1', 'r1', 'x')).to.equal(false);
    expect(state.contactRows('c1')).to.deep.equal([]);
    expect([...state.contactIds()]).to.deep.equal([]);
    expect(state.contact('c1')).to.deep.equal(contactFlags('c1', [], state.rules));
    expect(() => state.restoreRecipient({} as never)).to.throw('the rows are not loaded');
    expect(() => state.apply([])).to.throw('the fold is not loaded');
  });

  it('a contact with no email has the flags contactFlags gives no recipients, whatever the streak threshold', () => {
    for (const threshold of [1, 3]) {
      const rules = compileRules({ ...DEFAULT_RULES, softBounceWarningThreshold: threshold });
      expect(noContact('c9')).to.deep.equal(contactFlags('c9', [], rules));
    }
  });

  it('once given, restores a row with its ids and contact, and a period rule applies to it', () => {
    provideRowCode(recipientRows);
    const rules = compileRules({ ...DEFAULT_RULES, statisticsPeriodDays: 1 });
    const state = new ResponseState(rules);
    const row = state.restoreRecipient({
      emailId: 'e1',
      recipientId: 'r1',
      nonFinal: 'delivered',
      nonFinalAt: 1000,
      nonFinalReason: null,
      final: null,
      finalAt: Infinity,
      finalReason: null,
      sentAt: 500,
      opens: 0,
      clicks: 0,
      machineOpens: 0,
      firstAt: 1000,
      lastAt: 1000,
      meta: { contactId: ['c1', 1000] },
    });
    state.rememberEvent(row, 'ev-1');
    expect(state.eventCount).to.equal(1);
    expect(state.hasEvent('e1', 'r1', 'ev-1')).to.equal(true);
    expect(state.contactRows('c1')).to.deep.equal([row]);
    expect(state.sentAt(row)).to.equal(500);
    expect(state.contact('c1').emails).to.equal(1);
    expect(state.recipient('e1', 'r1')?.response).to.equal('delivered');
  });
});
