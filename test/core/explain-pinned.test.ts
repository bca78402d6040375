// The explanation of a recipient's events at its edges: events at one moment, redeliveries,
// counters, response names given by label, and names the rules do not know.
import { expect } from 'chai';
import { compileRules, type ResponseEvent } from '../../src/core/index';
import { explainRecipientEvents } from '../../src/core/explain';
import { event, minutes } from '../support/events';

const rules = compileRules();
const timed = (events: ResponseEvent[]) => events.map((e) => ({ event: e, at: e.at as number }));

describe('explaining events at their edges', () => {
  it('at one moment takes finals first, then the higher priority, then the later catalogue entry, then the id', () => {
    const events = [
      event('opened', { id: 'o', at: 1 }),
      event('limit-reached', { id: 'l', at: 1 }),
      event('clicked', { id: 'c', at: 1 }),
      event('stopped-expired', { id: 's', at: 1 }),
      event('hard-bounce', { id: 'h', at: 1 }),
      event('delivered', { id: 'd2', at: 1 }),
      event('delivered', { id: 'd1', at: 1 }),
    ];
    const lines = explainRecipientEvents(timed(events), rules);
    expect(lines.map((l) => [l.event.id, l.changed, l.because ?? ''])).to.deep.equal([
      ['h', true, ''],
      ['s', false, 'after-final'],
      ['l', false, 'after-final'],
      ['c', false, 'after-final'],
      ['o', false, 'after-final'],
      ['d1', false, 'after-final'],
      ['d2', false, 'after-final'],
    ]);
    expect(lines.every((l) => l.responseAfter === 'hard-bounce')).to.equal(true);
  });

  it('names the counter each event adds to, changed or not', () => {
    const lines = explainRecipientEvents(
      timed([
        event('opened-machine', { at: 1 }),
        event('opened', { at: 2 }),
        event('clicked', { at: 3 }),
        event('opened', { at: 4 }),
        event('delivered', { at: 5 }),
      ]),
      rules,
    );
    expect(lines.map((l) => [l.response, l.counted ?? '', l.changed, l.responseAfter])).to.deep.equal([
      ['opened-machine', 'machineOpens', true, 'opened-machine'],
      ['opened', 'opens', true, 'opened'],
      ['clicked', 'clicks', true, 'clicked'],
      ['opened', 'opens', false, 'clicked'],
      ['delivered', '', false, 'clicked'],
    ]);
    expect(lines[0]).to.not.have.property('because');
    expect(lines[4]).to.include({ because: 'lower-priority', at: minutes(5) });
  });

  it('reads labels in any case, and leaves out names the rules do not know', () => {
    const lines = explainRecipientEvents(
      timed([event('DELIVERED', { at: 1 }), event('Hard Bounce', { at: 2 }), event('bounced-maybe', { at: 3 })]),
      rules,
    );
    expect(lines.map((l) => [l.response, l.changed])).to.deep.equal([
      ['delivered', true],
      ['hard-bounce', true],
    ]);
  });

  it('places each redelivery at its time with the response as it stood then', () => {
    const delivered = event('delivered', { at: 1 });
    const clicked = event('clicked', { at: 5 });
    const lines = explainRecipientEvents(timed([delivered, clicked]), rules, [
      { event: delivered, at: minutes(1) },
      { event: clicked, at: minutes(5) },
    ]);
    expect(lines.map((l) => [l.response, l.because ?? '', l.responseAfter])).to.deep.equal([
      ['delivered', '', 'delivered'],
      ['delivered', 'duplicate', 'delivered'],
      ['clicked', '', 'clicked'],
      ['clicked', 'duplicate', 'clicked'],
    ]);
  });

  it('a redelivery before any event it can stand on takes the current response, or its own', () => {
    const late = event('opened', { at: 9 });
    const early = event('delivered', { at: 1 });
    const lines = explainRecipientEvents(timed([late]), rules, [{ event: early, at: minutes(1) }]);
    expect(lines.map((l) => [l.response, l.because ?? '', l.responseAfter])).to.deep.equal([
      ['delivered', 'duplicate', 'opened'],
      ['opened', '', 'opened'],
    ]);
    const alone = explainRecipientEvents([], rules, [{ event: early, at: minutes(1) }]);
    expect(alone.map((l) => [l.response, l.changed, l.responseAfter])).to.deep.equal([
      ['delivered', false, 'delivered'],
    ]);
  });
});
