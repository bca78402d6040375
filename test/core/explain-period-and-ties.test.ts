// The explanation of a recipient's events agrees with the fold on the statistics update period
// (counted from the earliest Sent to provider; an event exactly at the end still applies) and on
// the last tie-break at one moment (the lesser event id first), in any arrival order.
import { expect } from 'chai';
import { DEFAULT_RULES, compileRules, type ResponseEvent } from '../../src/core/index';
import { explainRecipientEvents } from '../../src/core/explain';
import { event } from '../support/events';

const timed = (events: ResponseEvent[]) => events.map((e) => ({ event: e, at: e.at as number }));
const DAY = 24 * 60; // in the minutes of the event builder

/** Two days of statistics after the first hand-over to the provider. */
const periodRules = compileRules({ ...DEFAULT_RULES, version: 'two-days', statisticsPeriodDays: 2 });

const explained = (events: ResponseEvent[]) =>
  explainRecipientEvents(timed(events), periodRules).map((line) => `${line.event.id} ${line.because ?? 'applies'}`);

describe('the explanation and the statistics update period', () => {
  it('counts the period from the earliest Sent to provider, not a later one or another response', () => {
    const events = [
      event('planned', { id: 'planned', at: 0 }),
      event('sent-to-provider', { id: 'sent', at: DAY }),
      event('sent-to-provider', { id: 'sent again', at: 2 * DAY }),
      event('opened', { id: 'open in time', at: 2.5 * DAY }),
      event('clicked', { id: 'click too late', at: 3.5 * DAY }),
    ];
    expect(explained(events)).to.deep.equal([
      'planned applies',
      'sent applies',
      'sent again same-response',
      'open in time applies',
      'click too late after-period',
    ]);
  });

  it('still applies an event exactly at the end of the period', () => {
    const events = [event('sent-to-provider', { id: 'sent', at: 0 }), event('delivered', { id: 'edge', at: 2 * DAY })];
    expect(explained(events)).to.deep.equal(['sent applies', 'edge applies']);
  });
});

describe('the explanation at one moment', () => {
  it('takes the lesser id first among identical events, whichever arrived first', () => {
    const a = event('opened', { id: 'a', at: 5 });
    const b = event('opened', { id: 'b', at: 5 });
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const lines = explainRecipientEvents(timed(order), compileRules());
      expect(lines.map((line) => `${line.event.id} ${line.because ?? 'changed'}`)).to.deep.equal([
        'a changed',
        'b same-response',
      ]);
    }
  });
});
