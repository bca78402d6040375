import { expect } from 'chai';
import { DEFAULT_RULES, checkRules, createResponseState } from '../../src/core/index';
import { recipientEvent } from '../support/events';

const DAY = 24 * 60;

describe('folding a recipient again, whatever the order of the catalogue', () => {
  it('starts from no response at all: the recipient shows what the events within the period make', () => {
    // Delivered listed second: a refold that started from the second response of the list
    // instead of none would show Delivered, which no event within the period says.
    const responses = [...DEFAULT_RULES.responses];
    const delivered = responses.findIndex((r) => r.id === 'delivered');
    const [moved] = responses.splice(delivered, 1);
    responses.splice(1, 0, moved!);
    const rules = { ...DEFAULT_RULES, version: 'week-reordered', statisticsPeriodDays: 7, responses };
    expect(checkRules(rules)).to.deep.equal([]);
    const state = createResponseState(rules);
    state.apply([
      recipientEvent('sent-to-provider', 'r1', { at: 2 * DAY }),
      recipientEvent('opened', 'r1', { at: 8 * DAY }),
    ]);
    state.apply([recipientEvent('sent-to-provider', 'r1', { at: 0 })]);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'sent-to-provider', opens: 0 });
  });
});
