// Two final responses at one moment on a recipient that is not the store's first row: the tie is
// decided the same way on every row (the first row sits at offset 0 of the table, where a wrong
// offset reads right by accident).
import { expect } from 'chai';
import { foldEvents } from '../../src/core/index';
import { event } from '../support/events';

describe('finals at one moment on any row', () => {
  it('an unsubscribe from everything beats one from a type at the same moment, on the second recipient too', () => {
    const first = event('delivered', { recipientId: 'r1', contactId: 'c1', at: 1 });
    const byType = event('unsubscribed', {
      recipientId: 'r2',
      contactId: 'c2',
      emailType: 'newsletter',
      scope: 'type',
      at: 2,
    });
    const all = event('unsubscribed', { recipientId: 'r2', contactId: 'c2', scope: 'all', at: 2 });
    for (const order of [
      [first, byType, all],
      [first, all, byType],
    ]) {
      const state = foldEvents(order);
      expect(state.recipient('e1', 'r2')!.scope).to.equal(undefined);
      expect(state.contact('c2')).to.include({ doNotUseEmail: true });
      expect(state.contact('c2').unsubscribedEmailTypes).to.deep.equal([]);
    }
  });
});
