// Brevo's event names → response, in every spelling Brevo uses (snake case, camel case, "-ed",
// spaces), the blocked rule, and the exact reasons a host sees for events that are not responses
// (docs/providers.md §2.7).
import { expect } from 'chai';
import { normalizeProviderEvents } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const event = (fields: Record<string, unknown>): Record<string, unknown> => ({
  email: JANE,
  'message-id': '<202409231215.12345678901@smtp-relay.mailin.fr>',
  ts_epoch: 1727093703123,
  ...fields,
});
const read = (fields: Record<string, unknown>) => normalizeProviderEvents('brevo', event(fields));
const responseOf = (name: string, fields: Record<string, unknown> = {}): string | undefined =>
  read({ event: name, ...fields }).events[0]?.response;

describe('Brevo: event name → response', () => {
  const rows: [string[], string][] = [
    [['request', 'sent'], 'provider-queued'],
    [['deferred'], 'provider-delayed'],
    [['delivered'], 'delivered'],
    [['soft_bounce', 'soft_bounced', 'softBounce'], 'soft-bounce'],
    [['hard_bounce', 'hard_bounced', 'hardBounce'], 'hard-bounce'],
    [['invalid_email', 'invalid', 'invalidEmail'], 'invalid-address'],
    [['error'], 'delivery-error'],
    [['spam', 'complaint', 'marked_as_spam', 'Marked as Spam'], 'spam-complaint'],
    [['opened', 'open', 'unique_opened', 'uniqueOpened', 'first_opening', 'First Opening'], 'opened'],
    [['proxy_open', 'proxy_opened', 'unique_proxy_open', 'unique_proxy_opened', 'uniqueProxyOpen'], 'opened-machine'],
    [['click', 'clicked'], 'clicked'],
    [['unsubscribed', 'unsubscribe'], 'unsubscribed'],
  ];
  for (const [names, response] of rows) {
    it(`${names.join(', ')} → ${response}`, () => {
      for (const name of names) expect(responseOf(name), name).to.equal(response);
    });
  }

  it('ignores case, underscores, hyphens and spaces in the name', () => {
    expect(responseOf('HARD-BOUNCE')).to.equal('hard-bounce');
    expect(responseOf('Soft Bounce')).to.equal('soft-bounce');
  });
});

describe('Brevo: blocked', () => {
  it('makes a block of a blocklisted, unsubscribed or complaining contact Do not use email', () => {
    for (const reason of [
      'blocked : due to blacklist user',
      'Black list',
      'on the blocklist',
      'block list',
      'contact unsubscribed',
      'recipient complained',
    ]) {
      expect(responseOf('blocked', { reason }), reason).to.equal('canceled-do-not-use-email');
    }
  });

  it('makes any other block Brevo refusing the send: Rejected', () => {
    expect(responseOf('blocked', { reason: 'sender domain not verified' })).to.equal('rejected');
    expect(responseOf('blocked')).to.equal('rejected');
  });

  it('takes only the name "blocked" for a block', () => {
    expect(responseOf('Blocked', { reason: 'blacklist' })).to.equal('canceled-do-not-use-email');
    expect(read({ event: 'blocks', reason: 'blacklist' }).events).to.deep.equal([]);
  });
});

describe('Brevo: events that are not responses', () => {
  it('names what is not an event in a batch', () => {
    const { skipped } = normalizeProviderEvents('brevo', [event({ event: 'delivered' }), 'delivered']);
    expect(skipped.map((s) => s.reason)).to.deep.equal(['a Brevo event must be an object, not text "delivered"']);
  });

  it('says which event it ignored, as Brevo named it', () => {
    for (const name of ['list_addition', 'contact_updated', 'constructor', 'toString']) {
      expect(
        read({ event: name }).skipped.map((s) => s.reason),
        name,
      ).to.deep.equal([`Brevo event "${name}" says nothing about a recipient's response`]);
    }
  });

  it('says when the item has no event name', () => {
    expect(read({}).skipped.map((s) => s.reason)).to.deep.equal(['the item has no `event` field']);
    expect(read({ event: '  ' }).skipped.map((s) => s.reason)).to.deep.equal(['the item has no `event` field']);
  });

  it('names the event by its name as Brevo wrote it', () => {
    const { skipped } = read({ event: 'Hard_Bounced', ts_epoch: undefined });
    expect(skipped.map((s) => s.reason)).to.deep.equal(['brevo Hard_Bounced: the event has no readable time']);
  });
});
