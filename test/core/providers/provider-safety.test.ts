// Issue 15, item 16: a provider event that cannot name its recipient must not reach everyone, and
// an event without its provider id gets an id that stays the same when the webhook comes again.
import { expect } from 'chai';
import { normalizeProviderEvents } from '../../../src/core/providers/index';
import { fixtureTexts } from '../../fixtures/providers/index';

const parsed = <T = Record<string, unknown>>(folder: string, name: string): T =>
  JSON.parse(fixtureTexts[folder]![name]!) as T;

interface SesEvent {
  mail: { destination: string[] };
  subscription: Record<string, unknown>;
}

describe('provider safety', () => {
  it('SES: an opt-out on an email with several recipients names none of them, so it is skipped with a reason', () => {
    const ses = parsed<SesEvent>('amazon-ses', 'subscription');
    const many = { ...ses, mail: { ...ses.mail, destination: ['a@example.com', 'b@example.com', 'c@example.com'] } };
    const { events, skipped } = normalizeProviderEvents('ses', many);
    expect(events.map((e) => e.response)).to.deep.equal([]);
    expect(skipped).to.have.length(1);
    expect(skipped[0]!.reason).to.match(/subscription.*names no recipient.*3 recipients/i);
  });

  it('SES: an opt-out of all topics on a shared email is skipped too (it would block all future email)', () => {
    const ses = parsed<SesEvent>('amazon-ses', 'subscription');
    const many = {
      ...ses,
      mail: { ...ses.mail, destination: ['a@example.com', 'b@example.com'] },
      subscription: { ...ses.subscription, newTopicPreferences: { unsubscribeAll: true } },
    };
    const { events, skipped } = normalizeProviderEvents('ses', many);
    expect(events).to.deep.equal([]);
    expect(skipped[0]!.reason).to.match(/names no recipient/);
  });

  it('SES: an opt-out on an email to one recipient is that recipient', () => {
    const { events, skipped } = normalizeProviderEvents('ses', parsed('amazon-ses', 'subscription'));
    expect(skipped).to.deep.equal([]);
    expect(events.map((e) => [e.response, e.recipientId])).to.deep.equal([['unsubscribed', 'jane.doe@example.com']]);
  });

  it('SES: opens and clicks still go to every destination (SES reports them per message)', () => {
    const ses = parsed<SesEvent>('amazon-ses', 'subscription');
    const open = {
      eventType: 'Open',
      mail: { ...ses.mail, destination: ['a@example.com', 'b@example.com'] },
      open: {},
    };
    expect(normalizeProviderEvents('ses', open).events).to.have.length(2);
  });

  it('Mailgun: an event without event-data.id gets a content hash that a redelivery (new signature token) keeps', () => {
    const body = parsed<{ 'event-data': Record<string, unknown>; signature: Record<string, unknown> }>(
      'mailgun',
      'delivered',
    );
    const data = { ...body['event-data'] };
    delete data.id;
    const first = { ...body, 'event-data': data };
    const again = { ...body, 'event-data': data, signature: { ...body.signature, token: 'another-token-0123456789' } };
    const [a] = normalizeProviderEvents('mailgun', first).events;
    const [b] = normalizeProviderEvents('mailgun', again).events;
    expect(a!.id).to.match(/^mailgun:h/);
    expect(b!.id).to.equal(a!.id);
  });
});
