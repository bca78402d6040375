// Two Unsubscribed events at one moment, one scoped to the email's type and one to everything:
// the wider one stands, whichever arrived first, so the contact gets Do not use email (spec:
// "Effects on the contact"; the fold's result never depends on arrival order).
import { expect } from 'chai';
import { foldEvents } from '../../src/core/index';
import { event } from '../support/events';

describe('an Unsubscribed for everything and one for the type, at the same time', () => {
  const typeOnly = event('unsubscribed', { id: 'type', at: 5, contactId: 'c1', scope: 'type', emailType: 'news' });
  const everything = event('unsubscribed', { id: 'all', at: 5, contactId: 'c1' });

  for (const [name, order] of [
    ['type first', [typeOnly, everything]],
    ['everything first', [everything, typeOnly]],
  ] as const) {
    it(`the one for everything stands (${name})`, () => {
      const state = foldEvents(order);
      expect(state.recipient('e1', 'r1')!.scope).to.not.equal('type');
      expect(state.contact('c1').doNotUseEmail).to.equal(true);
    });
  }
});
