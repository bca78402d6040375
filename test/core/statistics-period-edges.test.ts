// The statistics update period at its edges (spec, Time; src/core/statistics-period.ts): an event
// dated exactly N days after the earliest Sent to provider still counts, one a millisecond later
// does not; a refold clears what the events left out had set; rows far past the first thousand
// keep their own period.
import { expect } from 'chai';
import { DEFAULT_RULES, createResponseState, foldEvents, reportEmail } from '../../src/core/index';
import { event, minutes, recipientEvent } from '../support/events';

const DAY = 24 * 60;
const WEEK_RULES = { ...DEFAULT_RULES, version: 'week', statisticsPeriodDays: 7 };

describe('the statistics update period, at its edges', () => {
  it('an event exactly N days after the send counts; one a millisecond later does not', () => {
    const sent = event('sent-to-provider', { at: 0 });
    const onTheDay = foldEvents([sent, event('opened', { at: 7 * DAY })], WEEK_RULES);
    expect(onTheDay.recipient('e1', 'r1')).to.include({ response: 'opened', opens: 1 });
    const late = { ...event('opened'), at: minutes(7 * DAY) + 1 };
    const after = foldEvents([sent, late], WEEK_RULES);
    expect(after.recipient('e1', 'r1')).to.include({ response: 'sent-to-provider', opens: 0 });
  });

  it('a recipient with no Sent to provider has no period start, here or in what it saves', () => {
    const state = foldEvents([event('delivered', { at: 0 })], WEEK_RULES);
    expect(state.sentAt(0)).to.equal(undefined);
    expect(state.saveRecipient(0)).to.not.have.property('sentAt');
    expect(foldEvents([event('sent-to-provider', { at: 0 })], WEEK_RULES).saveRecipient(0).sentAt).to.equal(minutes(0));
  });

  it('an event left out changes nothing a view shows', () => {
    const state = createResponseState(WEEK_RULES);
    state.apply([event('sent-to-provider', { at: 0 })]);
    expect(state.apply([event('clicked', { at: 8 * DAY })]).changed).to.deep.equal([]);
    expect(state.apply([event('delivered', { at: 7 * DAY })]).changed).to.deep.equal([0]);
  });

  it('a later Sent to provider at the same time as the first moves nothing', () => {
    const state = createResponseState(WEEK_RULES);
    state.apply([event('sent-to-provider', { at: DAY }), event('opened', { at: 8 * DAY })]);
    state.apply([event('sent-to-provider', { at: DAY })]);
    expect(state.sentAt(0)).to.equal(minutes(DAY));
    expect(state.recipient('e1', 'r1')).to.include({ response: 'opened', opens: 1 });
  });

  it('an earlier Sent to provider keeps the events up to exactly its new end', () => {
    const state = createResponseState(WEEK_RULES);
    state.apply([
      event('sent-to-provider', { at: 3 * DAY }),
      event('opened', { at: 7 * DAY }),
      event('clicked', { at: 7 * DAY + 1 }),
    ]);
    state.apply([event('sent-to-provider', { at: 0 })]);
    expect(state.sentAt(0)).to.equal(minutes(0));
    expect(state.recipient('e1', 'r1')).to.include({ response: 'opened', opens: 1, clicks: 0 });
  });

  it('a refold clears the reason, scope and times that only the events left out had set', () => {
    const state = createResponseState(WEEK_RULES);
    state.apply([
      event('sent-to-provider', { at: 5 * DAY }),
      event('unsubscribed', { at: 10 * DAY, scope: 'type', reason: 'too many' }),
      event('provider-delayed', { at: 9 * DAY, reason: '421 later' }),
      event('opened-machine', { at: 9 * DAY }),
    ]);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'unsubscribed', scope: 'type' });
    state.apply([event('sent-to-provider', { at: 0 })]);
    const r = state.recipient('e1', 'r1')!;
    expect(r).to.include({ response: 'sent-to-provider', opens: 0, clicks: 0, machineOpens: 0 });
    expect(r.reason).to.equal(undefined);
    expect(r.scope).to.equal(undefined);
    // The first Sent to provider (day 5) is inside the new period; what came after day 7 is gone.
    expect(r.lastAt).to.equal(minutes(5 * DAY));
    expect(reportEmail(state, 'e1')!.byResponse).to.include({ unsubscribed: 0, 'sent-to-provider': 1 });
  });

  it('each of two thousand recipients has a period of its own', () => {
    const state = createResponseState(WEEK_RULES);
    const ids = Array.from({ length: 2100 }, (_, i) => `r${i}`);
    state.apply(ids.map((id, i) => recipientEvent('sent-to-provider', id, { at: i % 2 === 0 ? 0 : 10 * DAY })));
    state.apply(ids.map((id) => recipientEvent('opened', id, { at: 12 * DAY })));
    const last = state.rowOf('e1', 'r2099');
    expect(state.sentAt(last)).to.equal(minutes(10 * DAY));
    expect(state.recipient('e1', 'r2099')).to.include({ response: 'opened' });
    expect(state.recipient('e1', 'r2098')).to.include({ response: 'sent-to-provider' });
    expect(reportEmail(state, 'e1')!.uniqueOpens.count).to.equal(1050);
    expect(reportEmail(state, 'e1')!.byResponse).to.include({ opened: 1050, 'sent-to-provider': 1050 });
  });

  it('a restored row past the first thousand keeps the period start it saved', () => {
    const server = foldEvents(
      Array.from({ length: 1100 }, (_, i) => recipientEvent('sent-to-provider', `r${i}`, { at: 0 })),
      WEEK_RULES,
    );
    const state = createResponseState(WEEK_RULES);
    for (let row = 0; row < 1100; row++) state.restoreRecipient(server.saveRecipient(row));
    state.apply([
      recipientEvent('opened', 'r1024', { at: 8 * DAY }),
      recipientEvent('opened', 'r1099', { at: 8 * DAY }),
    ]);
    expect(state.sentAt(state.rowOf('e1', 'r1024'))).to.equal(minutes(0));
    expect(state.recipient('e1', 'r1024')).to.include({ response: 'sent-to-provider', opens: 0 });
    expect(state.recipient('e1', 'r1099')).to.include({ response: 'sent-to-provider', opens: 0 });
  });

  it('a reset to a saved state keeps the earlier of the two period starts', () => {
    const state = createResponseState(WEEK_RULES);
    state.apply([event('sent-to-provider', { at: 0 })]);
    const server = foldEvents([event('sent-to-provider', { at: 5 * DAY })], WEEK_RULES).saveRecipient(0);
    state.resetRecipient(server, [event('opened', { at: 10 * DAY })]);
    expect(state.sentAt(0)).to.equal(minutes(0));
    expect(state.recipient('e1', 'r1')).to.include({ opens: 0 });
  });
});
