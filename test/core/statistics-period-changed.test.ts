// Under a statistics update period, as without one, a batch lists a recipient as changed only when
// what it shows changed: an earlier Sent to provider that cuts nothing, or that lands behind a final
// response, changes nothing shown. And a saved state's Sent to provider moves a row's period start
// only earlier (the period starts at the earlier of what the row knew and what was saved).
import { expect } from 'chai';
import { DEFAULT_RULES, createResponseState, type ResponseEvent } from '../../src/core/index';
import { event, minutes } from '../support/events';

const DAY = 24 * 60;
const WEEK_RULES = { ...DEFAULT_RULES, version: 'week', statisticsPeriodDays: 7 };

/** The rows the second batch lists as changed, in a state with a week's period. */
function changedBy(before: ResponseEvent[], batch: ResponseEvent[]): number[] {
  const state = createResponseState(WEEK_RULES);
  state.apply(before);
  return state.apply(batch).changed;
}

describe('the recipients a batch reports as changed, under a statistics update period', () => {
  it('an event inside the period that changes nothing shown: none', () => {
    const before = [
      event('sent-to-provider', { at: 0 }),
      event('opened', { at: DAY }),
      event('planned', { at: 2 * DAY }),
    ];
    expect(changedBy(before, [event('delivered', { at: DAY / 2 })])).to.deep.equal([]);
  });

  it('an earlier Sent to provider behind a final response, with nothing past its period: none', () => {
    const before = [
      event('planned', { at: 0 }),
      event('sent-to-provider', { at: 60 }),
      event('hard-bounce', { at: 90 }),
    ];
    expect(changedBy(before, [event('sent-to-provider', { at: 30 })])).to.deep.equal([]);
  });

  it('the same, with an event exactly at the end of the new period: it stays, and nothing shown changes', () => {
    const before = [
      event('planned', { at: 0 }),
      event('sent-to-provider', { at: 60 }),
      event('hard-bounce', { at: 30 + 7 * DAY }),
    ];
    const state = createResponseState(WEEK_RULES);
    state.apply(before);
    expect(state.apply([event('sent-to-provider', { at: 30 })]).changed).to.deep.equal([]);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'hard-bounce', at: minutes(30 + 7 * DAY) });
  });

  it('an earlier Sent to provider that cuts an event out: listed', () => {
    const before = [event('sent-to-provider', { at: 2 * DAY }), event('opened', { at: 8 * DAY })];
    expect(changedBy(before, [event('sent-to-provider', { at: 0 })])).to.deep.equal([0]);
  });
});

describe("a saved state's Sent to provider", () => {
  it('moves the period start earlier, never later', () => {
    const state = createResponseState(WEEK_RULES);
    state.apply([event('sent-to-provider', { at: DAY }), event('delivered', { at: 2 * DAY })]);
    const saved = state.saveRecipient(0);
    state.resetRecipient({ ...saved, sentAt: minutes(3 * DAY) });
    expect(state.sentAt(0)).to.equal(minutes(DAY));
    state.resetRecipient({ ...saved, sentAt: minutes(0) });
    expect(state.sentAt(0)).to.equal(minutes(0));
  });
});
