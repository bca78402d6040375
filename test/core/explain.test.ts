import { expect } from 'chai';
import fc from 'fast-check';
import { DEFAULT_RULES, compileRules, foldEvents, type ResponseEvent } from '../../src/core/index';
import { explainRecipientEvents } from '../../src/core/explain';
import { event, minutes } from '../support/events';

const rules = compileRules();
const explain = (events: ResponseEvent[]) =>
  explainRecipientEvents(
    events.map((e) => ({ event: e, at: e.at as number })),
    rules,
  );

describe("explaining a recipient's events", () => {
  it('says which event changed the response and why the others did not', () => {
    const lines = explain([
      event('delivered', { at: 1 }),
      event('clicked', { at: 3 }),
      event('opened', { at: 4 }),
      event('spam-complaint', { at: 5 }),
      event('clicked', { at: 6 }),
      event('unsubscribed', { at: 7 }),
    ]);
    expect(lines.map((l) => [l.response, l.changed, l.because ?? '', l.counted ?? ''])).to.deep.equal([
      ['delivered', true, '', ''],
      ['clicked', true, '', 'clicks'],
      ['opened', false, 'lower-priority', 'opens'],
      ['spam-complaint', true, '', ''],
      ['clicked', false, 'after-final', 'clicks'],
      ['unsubscribed', false, 'after-final', ''],
    ]);
    expect(lines.at(-1)!.responseAfter).to.equal('spam-complaint');
  });

  it('takes events in time order, not arrival order: an earlier final found late still wins', () => {
    const lines = explain([event('unsubscribed', { at: 9 }), event('hard-bounce', { at: 2 })]);
    expect(lines.map((l) => [l.response, l.changed, l.because ?? ''])).to.deep.equal([
      ['hard-bounce', true, ''],
      ['unsubscribed', false, 'after-final'],
    ]);
  });

  it('lists redeliveries as duplicates', () => {
    const open = event('opened', { at: 2 });
    const lines = explainRecipientEvents([{ event: open, at: minutes(2) }], rules, [{ event: open, at: minutes(2) }]);
    expect(lines.map((l) => l.because ?? 'changed')).to.deep.equal(['changed', 'duplicate']);
  });

  it("always ends on the fold's response", () => {
    const anEvent = fc.record({
      response: fc.constantFrom(...DEFAULT_RULES.responses.map((r) => r.id)),
      at: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(anEvent, { minLength: 1, maxLength: 12 }), (specs) => {
        const events = specs.map((s) => event(s.response, { at: s.at }));
        expect(explain(events).at(-1)!.responseAfter).to.equal(foldEvents(events).recipient('e1', 'r1')!.response);
      }),
      { numRuns: 300 },
    );
  });
});
