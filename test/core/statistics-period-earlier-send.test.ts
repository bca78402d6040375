import { expect } from 'chai';
import { DEFAULT_RULES, createResponseState, foldEvents, reportEmail } from '../../src/core/index';
import { minutes, recipientEvent } from '../support/events';

// Spec: a recipient's statistics period starts at its earliest Sent to provider. When an earlier
// Sent to provider arrives late, the events past the new period's end no longer count: the state
// is what folding the events in time order gives, reasons and unsubscribe scope included
// (src/core/statistics-period.ts refolds the row from the events it kept).

const DAY = 24 * 60;
const WEEK_RULES = { ...DEFAULT_RULES, version: 'week', statisticsPeriodDays: 7 };

describe('statistics period: an earlier Sent to provider arriving late', () => {
  const earlier = recipientEvent('sent-to-provider', 'r1', { at: 3 * DAY });
  const arrivals = [
    recipientEvent('delivered', 'r0', { at: 0, reason: 'first row' }),
    recipientEvent('sent-to-provider', 'r1', { at: 5 * DAY }),
    recipientEvent('delivered', 'r1', { at: 6 * DAY }),
    recipientEvent('opened', 'r1', { at: 11 * DAY, reason: 'image proxy' }),
    recipientEvent('unsubscribed', 'r1', { at: 11.5 * DAY, scope: 'type', reason: 'too many' }),
  ];

  it('leaves the row as folding the events in time order would', () => {
    const late = createResponseState(WEEK_RULES);
    late.apply(arrivals);
    expect(late.recipient('e1', 'r1'), 'before: the unsubscribe counts').to.include({ response: 'unsubscribed' });
    late.apply([earlier]);
    const inOrder = foldEvents([...arrivals, earlier], WEEK_RULES);
    const row = late.rowOf('e1', 'r1');
    expect(row, 'not the first row').to.equal(1);
    expect(late.saveRecipient(row)).to.deep.equal(inOrder.saveRecipient(inOrder.rowOf('e1', 'r1')));
    expect(late.saveRecipient(row)).to.include({
      nonFinal: 'delivered',
      nonFinalReason: null,
      final: null,
      finalReason: null,
      opens: 0,
    });
    expect(late.saveRecipient(row).finalScope).to.equal(undefined);
    expect(late.sentAt(row)).to.equal(minutes(3 * DAY));
    expect(reportEmail(late, 'e1')).to.deep.equal(reportEmail(inOrder, 'e1'));
  });

  it('a saved state restored over a row keeps the earlier Sent to provider the row knew', () => {
    const state = createResponseState(WEEK_RULES);
    state.apply([earlier]);
    const saved = state.saveRecipient(0);
    state.resetRecipient({ ...saved, sentAt: minutes(5 * DAY) });
    expect(state.sentAt(0)).to.equal(minutes(3 * DAY));
    state.resetRecipient({ ...saved, sentAt: minutes(2 * DAY) });
    expect(state.sentAt(0), 'an earlier saved one moves it back').to.equal(minutes(2 * DAY));
  });
});
