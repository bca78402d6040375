// The explanation of a recipient's timeline, as a marketer reads it: every event is listed, the
// first one too, and only an event that adds to a counter says which counter.
import { expect } from 'chai';
import { compileRules, type ResponseEvent } from '../../src/core/index';
import { explainRecipientEvents } from '../../src/core/explain';
import { event, minutes } from '../support/events';

const rules = compileRules();
const timed = (events: ResponseEvent[]) => events.map((e) => ({ event: e, at: e.at as number }));

describe('explaining a recipient timeline', () => {
  it('lists Planned, the first response in the catalogue, like any other event', () => {
    const lines = explainRecipientEvents(
      timed([event('planned', { id: 'p', at: 1 }), event('sent-to-provider', { id: 's', at: 2 })]),
      rules,
    );
    expect(lines.map((l) => [l.event.id, l.response, l.changed, l.responseAfter])).to.deep.equal([
      ['p', 'planned', true, 'planned'],
      ['s', 'sent-to-provider', true, 'sent-to-provider'],
    ]);
  });

  it('a Planned alone is the recipient response', () => {
    const lines = explainRecipientEvents(timed([event('Planned', { at: 1 })]), rules);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.include({ response: 'planned', changed: true, responseAfter: 'planned' });
  });

  it('a Delivered counts nothing, so its line names no counter', () => {
    const delivery = event('delivered', { id: 'd', at: 1 });
    const [delivered, opened] = explainRecipientEvents(timed([delivery, event('opened', { id: 'o', at: 2 })]), rules);
    expect(delivered).to.deep.equal({
      event: delivery,
      at: minutes(1),
      response: 'delivered',
      changed: true,
      responseAfter: 'delivered',
    });
    expect('counted' in delivered!).to.equal(false);
    expect(opened).to.include({ counted: 'opens' });
  });
});
