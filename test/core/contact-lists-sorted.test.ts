// A contact's lists (invalid addresses, unsubscribed email types) read in text order, not in the
// order its emails happened: the newer email's entry is not last because it is newer.
import { expect } from 'chai';
import { foldEvents } from '../../src/core/index';
import { event } from '../support/events';

describe("a contact's lists are in text order", () => {
  it('per-type unsubscribes: promo (older email) and news (newer) read news, promo', () => {
    const state = foldEvents([
      event('unsubscribed', { emailId: 'e1', contactId: 'c', emailType: 'promo', scope: 'type', at: 1 }),
      event('unsubscribed', { emailId: 'e2', contactId: 'c', emailType: 'news', scope: 'type', at: 5 }),
    ]);
    expect(state.contact('c').unsubscribedEmailTypes).to.deep.equal(['news', 'promo']);
  });

  it('invalid addresses: zoe@ (older email) and ann@ (newer) read ann@, zoe@', () => {
    const state = foldEvents([
      event('hard-bounce', { emailId: 'e1', contactId: 'c', address: 'zoe@example.com', at: 1 }),
      event('hard-bounce', { emailId: 'e2', contactId: 'c', address: 'ann@example.com', at: 5 }),
    ]);
    expect(state.contact('c').invalidAddresses).to.deep.equal(['ann@example.com', 'zoe@example.com']);
  });
});
