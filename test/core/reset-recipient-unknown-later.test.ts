import { expect } from 'chai';
import { createResponseState, foldEvents } from '../../src/core/index';
import { event } from '../support/events';

// resetRecipient applies the events after the server's snapshot on top of its saved state
// (src/core/reset-recipient.ts). A later event the rules do not know, or with no readable time,
// is left out, as the fold leaves it out: the saved state stands.

describe('resetting a recipient: later events the rules cannot read', () => {
  it('leaves out a later event with an unknown response or an unreadable time', () => {
    const saved = foldEvents([event('delivered', { at: 1 })]).saveRecipient(0);
    const state = createResponseState();
    const later = [
      event('no-such-response', { at: 2 }),
      { ...event('hard-bounce'), at: 'not a time' as unknown as number },
    ];
    expect(state.resetRecipient(saved, later)).to.equal(0);
    expect(state.saveRecipient(0)).to.deep.equal(saved);
  });
});
