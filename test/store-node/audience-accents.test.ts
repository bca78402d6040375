// Search and sort go through the accented name itself: the addresses here share nothing with the
// names, so a match or an order can only come from folding "Émile" to "emile".
import { expect } from 'chai';
import { createResponseState } from '../../src/core/index';
import { AudienceView } from '../../src/store/audience/audience-view';
import { event } from '../support/events';

function view(query: ConstructorParameters<typeof AudienceView>[2]) {
  const state = createResponseState();
  state.apply([
    event('delivered', { recipientId: 'zoe', contactName: 'Zoë', address: 'z1@example.com', at: 1 }),
    event('delivered', { recipientId: 'emile', contactName: 'Émile', address: 'x7@example.com', at: 2 }),
    event('delivered', { recipientId: 'eric', contactName: 'Eric', address: 'y3@example.com', at: 3 }),
    event('delivered', { recipientId: 'ed', contactName: 'ed', address: 'w2@example.com', at: 4 }),
  ]);
  const v = new AudienceView(state, 'e1', query);
  return Array.from({ length: v.length }, (_, i) => state.recipientAt(v.rowAt(i)).recipientId);
}

describe('the audience view with accented names', () => {
  it('finds "Émile" by emile, EMILE and émile, through the name alone', () => {
    expect(view({ search: 'emile' })).to.deep.equal(['emile']);
    expect(view({ search: 'EMILE' })).to.deep.equal(['emile']);
    expect(view({ search: 'émile' })).to.deep.equal(['emile']);
    expect(view({ search: 'zoe' })).to.deep.equal(['zoe']);
  });

  it('sorts "Émile" as emile, between ed and Eric, and Zoë last, both ways', () => {
    expect(view({ sort: { column: 'contact', direction: 'ascending' } })).to.deep.equal(['ed', 'emile', 'eric', 'zoe']);
    expect(view({ sort: { column: 'contact', direction: 'descending' } })).to.deep.equal([
      'zoe',
      'eric',
      'emile',
      'ed',
    ]);
  });
});
