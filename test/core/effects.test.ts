import { expect } from 'chai';
import { foldEvents } from '../../src/core/index';
import { event } from '../support/events';

const contactAfter = (...events: ReturnType<typeof event>[]) => foldEvents(events).contact('c1');
const inEmail = (emailId: string, response: string, at: number, extra: Parameters<typeof event>[1] = {}) =>
  event(response, { emailId, at, contactId: 'c1', address: 'ann@example.com', ...extra });

describe('effects on the contact', () => {
  it('a contact with only delivered and opened emails keeps its flags', () => {
    expect(contactAfter(inEmail('e1', 'delivered', 1), inEmail('e2', 'opened', 2))).to.include({
      doNotUseEmail: false,
      valid: true,
      softBounceWarning: false,
      emails: 2,
    });
  });

  it('Unsubscribed sets Do not use email and says which email did it', () => {
    const contact = contactAfter(inEmail('e1', 'delivered', 1), inEmail('e2', 'unsubscribed', 2));
    expect(contact).to.include({ doNotUseEmail: true, valid: true });
    expect(contact.causes).to.deep.equal([{ emailId: 'e2', recipientId: 'r1', response: 'unsubscribed' }]);
  });

  it('Spam complaint sets Do not use email', () => {
    expect(contactAfter(inEmail('e1', 'spam-complaint', 1))).to.include({ doNotUseEmail: true, valid: true });
  });

  it('Hard Bounce sets Do not use email and clears Valid (seed)', () => {
    const contact = contactAfter(inEmail('e1', 'hard-bounce', 1));
    expect(contact).to.include({ doNotUseEmail: true, valid: false });
    expect(contact.invalidAddresses).to.deep.equal(['ann@example.com']);
  });

  it('Invalid email address clears Valid only', () => {
    expect(contactAfter(inEmail('e1', 'invalid-address', 1))).to.include({ doNotUseEmail: false, valid: false });
  });

  it('a new address after a hard bounce on the old one is Valid again', () => {
    const contact = contactAfter(
      inEmail('e1', 'hard-bounce', 1),
      inEmail('e2', 'delivered', 5, { address: 'ann@new.example' }),
    );
    expect(contact).to.include({ valid: true, doNotUseEmail: true, address: 'ann@new.example' });
  });

  it('Canceled (unsubscribed by email type) unsubscribes from that type only', () => {
    const contact = contactAfter(
      inEmail('e1', 'canceled-unsubscribed-type', 1, { emailType: 'newsletter' }),
      inEmail('e2', 'delivered', 2, { emailType: 'invoice' }),
    );
    expect(contact.unsubscribedEmailTypes).to.deep.equal(['newsletter']);
    expect(contact.doNotUseEmail).to.equal(false);
  });

  it('three soft bounces in a row on one address raise the warning', () => {
    const contact = contactAfter(
      inEmail('e1', 'delivered', 1),
      inEmail('e2', 'soft-bounce', 2),
      inEmail('e3', 'soft-bounce', 3),
      inEmail('e4', 'soft-bounce', 4),
    );
    expect(contact).to.include({ softBounceStreak: 3, softBounceWarning: true, softBounceAddress: 'ann@example.com' });
  });

  it('a delivery between soft bounces breaks the run; an email still in flight does not', () => {
    const broken = contactAfter(
      inEmail('e1', 'soft-bounce', 1),
      inEmail('e2', 'soft-bounce', 2),
      inEmail('e3', 'delivered', 3),
      inEmail('e4', 'soft-bounce', 4),
    );
    expect(broken).to.include({ softBounceStreak: 1, softBounceWarning: false });
    const inFlight = contactAfter(
      inEmail('e1', 'soft-bounce', 1),
      inEmail('e2', 'soft-bounce', 2),
      inEmail('e3', 'soft-bounce', 3),
      inEmail('e4', 'sent-to-provider', 4),
    );
    expect(inFlight).to.include({ softBounceStreak: 3, softBounceWarning: true });
  });

  it('a contact never seen has no flags set', () => {
    expect(foldEvents([]).contact('nobody')).to.include({ doNotUseEmail: false, valid: true, emails: 0 });
  });
});

describe('per-type unsubscribes (scope "type")', () => {
  it('an Unsubscribed scoped to the type unsubscribes the contact from that type only', () => {
    const state = foldEvents([inEmail('e1', 'unsubscribed', 1, { scope: 'type', emailType: 'newsletter' })]);
    expect(state.recipient('e1', 'r1')).to.include({
      response: 'unsubscribed',
      scope: 'type',
      emailType: 'newsletter',
    });
    const contact = state.contact('c1');
    expect(contact).to.include({ doNotUseEmail: false, valid: true });
    expect(contact.unsubscribedEmailTypes).to.deep.equal(['newsletter']);
    expect(contact.causes).to.deep.equal([]);
  });

  it('an Unsubscribed scoped to a type the event does not name unsubscribes from no type, and from nothing else', () => {
    const contact = contactAfter(inEmail('e1', 'unsubscribed', 1, { scope: 'type' }));
    expect(contact.unsubscribedEmailTypes).to.deep.equal([]);
    expect(contact.doNotUseEmail).to.equal(false);
  });

  it('an Unsubscribed scoped to all, or with no scope, still sets Do not use email', () => {
    for (const scope of ['all' as const, undefined]) {
      const state = foldEvents([
        inEmail('e1', 'unsubscribed', 1, { emailType: 'newsletter', ...(scope ? { scope } : {}) }),
      ]);
      expect(state.recipient('e1', 'r1')!.scope).to.equal(undefined);
      expect(state.contact('c1')).to.include({ doNotUseEmail: true });
      expect(state.contact('c1').unsubscribedEmailTypes).to.deep.equal([]);
    }
  });

  it('two unsubscribes at the same moment: the one from everything stands, whatever the order', () => {
    const byType = inEmail('e1', 'unsubscribed', 1, { scope: 'type', emailType: 'newsletter', id: 'a' });
    const all = inEmail('e1', 'unsubscribed', 1, { scope: 'all', id: 'b' });
    expect(foldEvents([byType, all]).contact('c1').doNotUseEmail).to.equal(true);
    expect(foldEvents([all, byType]).contact('c1').doNotUseEmail).to.equal(true);
  });

  it('the earlier unsubscribe decides the scope (no change follows a final response)', () => {
    const byType = inEmail('e1', 'unsubscribed', 1, { scope: 'type', emailType: 'newsletter' });
    const later = inEmail('e1', 'unsubscribed', 5, { scope: 'all' });
    expect(foldEvents([later, byType]).contact('c1')).to.include({ doNotUseEmail: false });
    expect(foldEvents([later, byType]).contact('c1').unsubscribedEmailTypes).to.deep.equal(['newsletter']);
  });

  it('a saved row keeps its scope', () => {
    const state = foldEvents([inEmail('e1', 'unsubscribed', 1, { scope: 'type', emailType: 'newsletter' })]);
    const saved = JSON.parse(JSON.stringify(state.saveRecipient(0)));
    const restored = foldEvents([]);
    restored.restoreRecipient(saved);
    expect(restored.recipient('e1', 'r1')!.scope).to.equal('type');
  });
});

describe('scope on other responses', () => {
  it('means nothing: a Hard Bounce with scope "type" still sets Do not use email', () => {
    const state = foldEvents([inEmail('e1', 'hard-bounce', 1, { scope: 'type', emailType: 'newsletter' })]);
    expect(state.recipient('e1', 'r1')!.scope).to.equal(undefined);
    expect(state.contact('c1')).to.include({ doNotUseEmail: true });
  });
});
