import { expect } from 'chai';
import { DEFAULT_RULES, createResponseState, type ResponseEvent } from '../../src/core/index';
import { recipientEvent } from '../support/events';

// Folding a recipient again after an earlier Sent to provider cuts an event out of its period
// (src/core/statistics-period.ts) clears that recipient's record only: the recipient on the row
// before it keeps every event id it applied, so a redelivery of any of them still counts once.

const DAY = 24 * 60;
const WEEK_RULES = { ...DEFAULT_RULES, version: 'week', statisticsPeriodDays: 7 };

describe('folding a recipient again under a statistics update period', () => {
  it('leaves the recipient on the row before it as it was, its sixteen event ids included', () => {
    const state = createResponseState(WEEK_RULES);
    const first: ResponseEvent[] = [];
    for (let n = 0; n < 16; n++) first.push(recipientEvent(n ? 'opened' : 'sent-to-provider', 'r1', { at: n }));
    state.apply(first);
    const before = state.recipient('e1', 'r1');
    state.apply([
      recipientEvent('sent-to-provider', 'r2', { at: 2 * DAY }),
      recipientEvent('opened', 'r2', { at: 8 * DAY }),
    ]);
    // An earlier Sent to provider: r2's open now lies past its period, and r2 is folded again.
    state.apply([recipientEvent('sent-to-provider', 'r2', { at: 0 })]);
    expect(state.recipient('e1', 'r2')).to.include({ response: 'sent-to-provider', opens: 0 });
    expect(state.apply(first)).to.include({ accepted: 0, duplicates: 16 });
    expect(state.recipient('e1', 'r1')).to.deep.equal(before);
  });
});
