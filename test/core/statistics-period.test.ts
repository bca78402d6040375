// The statistics update period (spec, Time): events dated more than N days after the recipient's
// earliest Sent to provider are not applied, whatever order they arrive in.
import { expect } from 'chai';
import {
  DEFAULT_RULES,
  checkRules,
  compileRules,
  createResponseState,
  foldEvents,
  type ResponseEvent,
} from '../../src/core/index';
import { explainRecipientEvents } from '../../src/core/explain';
import { event } from '../support/events';
import { snapshot } from './state-snapshot';

const DAY = 24 * 60;
const WEEK_RULES = { ...DEFAULT_RULES, version: 'week', statisticsPeriodDays: 7 };

describe('the statistics update period', () => {
  it('is off by default: an event a year after the send still counts', () => {
    expect(DEFAULT_RULES.statisticsPeriodDays).to.equal(undefined);
    const r = foldEvents([event('sent-to-provider', { at: 0 }), event('clicked', { at: 365 * DAY })]).recipient(
      'e1',
      'r1',
    )!;
    expect(r).to.include({ response: 'clicked', clicks: 1 });
  });

  it('is checked as rules data', () => {
    expect(checkRules(WEEK_RULES)).to.deep.equal([]);
    expect(checkRules({ ...WEEK_RULES, statisticsPeriodDays: 0 })).to.deep.equal([
      'statisticsPeriodDays must be a positive number of days, or left out (off)',
    ]);
    expect(checkRules({ ...WEEK_RULES, statisticsPeriodDays: '7' })).to.have.length(1);
    // A backend's JSON says "off" with null.
    const off = { ...WEEK_RULES, statisticsPeriodDays: null } as unknown as typeof WEEK_RULES;
    expect(checkRules(off)).to.deep.equal([]);
    expect(compileRules(off).statisticsPeriodMs).to.equal(0);
  });

  it('does not apply an event more than N days after the earliest Sent to provider', () => {
    const state = foldEvents(
      [event('sent-to-provider', { at: 0 }), event('opened', { at: 3 * DAY }), event('clicked', { at: 7 * DAY + 1 })],
      WEEK_RULES,
    );
    expect(state.recipient('e1', 'r1')).to.include({
      response: 'opened',
      opens: 1,
      clicks: 0,
      lastAt: event('x', { at: 3 * DAY }).at as number,
    });
    // Still known, so a redelivery counts once.
    expect(state.eventCount).to.equal(3);
  });

  it('a late Sent to provider with an earlier time excludes events already applied', () => {
    const sentLate = event('sent-to-provider', { at: 5 * DAY });
    const click = event('clicked', { at: 10 * DAY });
    const sentEarly = event('sent-to-provider', { at: 0 });
    const state = createResponseState(WEEK_RULES);
    state.apply([sentLate, click]);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'clicked', clicks: 1 });
    const { changed } = state.apply([sentEarly]);
    expect(changed).to.deep.equal([0]);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'sent-to-provider', clicks: 0, opens: 0 });
    expect(state.emails.get('e1')!.clicked).to.equal(0);
    expect(snapshot(state)).to.deep.equal(snapshot(foldEvents([click, sentEarly, sentLate], WEEK_RULES)));
  });

  it('without any Sent to provider, every event applies', () => {
    expect(
      foldEvents([event('delivered', { at: 0 }), event('clicked', { at: 30 * DAY })], WEEK_RULES).recipient('e1', 'r1')!
        .response,
    ).to.equal('clicked');
  });

  it('a saved row keeps where its period starts, so a restored row still leaves out later events', () => {
    const original = foldEvents([event('sent-to-provider', { at: 0 }), event('opened', { at: DAY })], WEEK_RULES);
    const saved = JSON.parse(JSON.stringify(original.saveRecipient(0)));
    expect(saved.sentAt).to.equal(event('x', { at: 0 }).at);
    const restored = createResponseState(WEEK_RULES);
    restored.restoreRecipient(saved);
    restored.apply([event('clicked', { at: 8 * DAY }), event('clicked', { at: 2 * DAY })]);
    expect(restored.recipient('e1', 'r1')).to.include({ response: 'clicked', clicks: 1 });
  });

  it('a row reset to a saved state keeps it: a later, earlier Sent to provider cannot take the saved events out', () => {
    const state = createResponseState(WEEK_RULES);
    state.apply([
      event('sent-to-provider', { at: 5 * DAY }),
      event('delivered', { at: 5 * DAY + 1 }),
      event('opened', { at: 9 * DAY }),
    ]);
    const server = foldEvents(
      [event('sent-to-provider', { at: 5 * DAY }), event('clicked', { at: 10 * DAY })],
      WEEK_RULES,
    ).saveRecipient(0);
    // The later events go through the period too: the one past 5 + 7 days is left out.
    state.resetRecipient(server, [event('opened', { at: 11 * DAY }), event('opened', { at: 13 * DAY })]);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'clicked', clicks: 1, opens: 1 });
    // Its events are the server's, not here to fold again: the state stays, later events are cut.
    state.apply([event('sent-to-provider', { at: 0 }), event('opened', { at: 8 * DAY })]);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'clicked', clicks: 1, opens: 1 });
  });

  it('the explanation says which events came after the period', () => {
    const events: ResponseEvent[] = [
      event('sent-to-provider', { at: 0 }),
      event('opened', { at: DAY }),
      event('clicked', { at: 8 * DAY }),
    ];
    const lines = explainRecipientEvents(
      events.map((e) => ({ event: e, at: e.at as number })),
      compileRules(WEEK_RULES),
    );
    expect(lines.map((l) => [l.response, l.changed, l.because ?? ''])).to.deep.equal([
      ['sent-to-provider', true, ''],
      ['opened', true, ''],
      ['clicked', false, 'after-period'],
    ]);
    expect(lines.at(-1)!.responseAfter).to.equal('opened');
  });
});
