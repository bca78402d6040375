// How an SES event arrives (an SNS envelope, SNS raw delivery, EventBridge, a host's batch) and
// what that decides: the event id (docs/providers.md, "Identity and time": the SNS MessageId,
// else the x-amz-sns-message-id header or the EventBridge id, plus `:<n>` when one notification
// names several recipients), the time, and the exact reason for what is not an email event.
import { expect } from 'chai';
import { normalizeProviderEvents, type ProviderEventInfo } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const BOB = 'bob@example.com';
const MAIL = { timestamp: '2024-09-23T12:15:00.012Z', messageId: 'ses-message-1', destination: [JANE] };
const OPEN = { eventType: 'Open', mail: MAIL, open: { timestamp: '2024-09-23T13:01:19.652Z' } };
const NOTIFIED = '2024-09-23T13:01:20.000Z';

const envelope = (message: unknown, fields: Record<string, unknown> = {}) => ({
  Type: 'Notification',
  MessageId: 'sns-1',
  TopicArn: 'arn:aws:sns:eu-west-1:123456789012:ses-events',
  Message: message,
  Timestamp: NOTIFIED,
  ...fields,
});

const reasons = (body: unknown, headers?: Record<string, string>) =>
  normalizeProviderEvents('ses', body, headers ? { headers } : {}).skipped.map((s) => s.reason);

describe('SES event ids', () => {
  it('is the SNS MessageId for a notification about one recipient', () => {
    const { events } = normalizeProviderEvents('ses', envelope(JSON.stringify(OPEN)));
    expect(events.map((e) => e.id)).to.deep.equal(['ses:sns-1']);
  });

  it('adds each recipient’s place when one notification names several', () => {
    const open = { ...OPEN, mail: { ...MAIL, destination: [JANE, `Bob <${BOB}>`] } };
    const { events } = normalizeProviderEvents('ses', envelope(JSON.stringify(open)));
    expect(events.map((e) => [e.id, e.address, e.response])).to.deep.equal([
      ['ses:sns-1:0', JANE, 'opened'],
      ['ses:sns-1:1', BOB, 'opened'],
    ]);
  });

  it('takes the x-amz-sns-message-id header for a raw-delivered event', () => {
    const { events } = normalizeProviderEvents('ses', OPEN, { headers: { 'x-amz-sns-message-id': 'raw-7' } });
    expect(events[0]!.id).to.equal('ses:raw-7');
  });

  it('does not give one header id to every event of a batch: each gets its content hash', () => {
    const batch = [OPEN, { ...OPEN, open: { timestamp: '2024-09-23T13:05:00.000Z' } }];
    const { events } = normalizeProviderEvents('ses', batch, { headers: { 'x-amz-sns-message-id': 'raw-7' } });
    expect(events).to.have.length(2);
    for (const event of events) expect(event.id).to.match(/^ses:h[0-9a-f]{16}$/);
    expect(events[0]!.id).to.not.equal(events[1]!.id);
  });

  it('without any notification id, hashes each recipient’s event on its own', () => {
    const open = { ...OPEN, mail: { ...MAIL, destination: [JANE, BOB] } };
    const { events } = normalizeProviderEvents('ses', open);
    expect(events.map((e) => e.address)).to.deep.equal([JANE, BOB]);
    for (const event of events) expect(event.id).to.match(/^ses:h[0-9a-f]{16}$/);
    expect(events[0]!.id).to.not.equal(events[1]!.id);
  });

  it('takes the EventBridge id and, lacking the event’s own times, the EventBridge time', () => {
    const { timestamp: _sent, ...untimed } = MAIL;
    const body = { id: 'eb-3', time: '2024-09-23T13:01:21Z', detail: { eventType: 'Open', mail: untimed } };
    const { events } = normalizeProviderEvents('ses', body);
    expect(events[0]).to.include({ id: 'ses:eb-3', at: Date.parse('2024-09-23T13:01:21Z'), response: 'opened' });
    // Identity notifications come through EventBridge too.
    const legacy = { id: 'eb-4', detail: { notificationType: 'Delivery', mail: MAIL } };
    expect(normalizeProviderEvents('ses', legacy).events[0]).to.include({ id: 'ses:eb-4', response: 'delivered' });
  });
});

describe('SES event times', () => {
  it('is the event object’s timestamp first, then the send’s, then the notification’s', () => {
    const { events } = normalizeProviderEvents('ses', envelope(JSON.stringify(OPEN)));
    expect(events[0]!.at).to.equal(Date.parse('2024-09-23T13:01:19.652Z'));
    const untimedOpen = { ...OPEN, open: {} };
    expect(normalizeProviderEvents('ses', envelope(JSON.stringify(untimedOpen))).events[0]!.at).to.equal(
      Date.parse(MAIL.timestamp),
    );
    const { timestamp: _sent, ...untimedMail } = MAIL;
    const bare = { ...untimedOpen, mail: untimedMail };
    expect(normalizeProviderEvents('ses', envelope(JSON.stringify(bare))).events[0]!.at).to.equal(Date.parse(NOTIFIED));
  });

  it('a Send, which has no object of its own, is dated by the send', () => {
    const { events } = normalizeProviderEvents('ses', { eventType: 'Send', mail: MAIL, send: {} });
    expect(events[0]).to.include({ response: 'provider-queued', at: Date.parse(MAIL.timestamp) });
  });
});

describe('SNS envelopes', () => {
  it('reads a Message that is already an object, and one without TopicArn or without Message', () => {
    expect(normalizeProviderEvents('ses', envelope(OPEN)).events[0]!.id).to.equal('ses:sns-1');
    const { TopicArn: _topic, ...noTopic } = envelope(JSON.stringify(OPEN));
    expect(normalizeProviderEvents('ses', noTopic).events[0]!.id).to.equal('ses:sns-1');
    const { Message: _message, ...noMessage } = envelope('');
    expect(reasons(noMessage)).to.deep.equal([
      "the SNS notification's Message is not an SES event (SES sends a text test message when a topic is set up)",
    ]);
  });

  it('shows the start of a text Message that is not an SES event', () => {
    const text = `Successfully validated SNS topic for Amazon SES event publishing. ${'x'.repeat(100)}`;
    expect(reasons(envelope(text))).to.deep.equal([
      `the SNS notification's Message is not an SES event (SES sends a text test message when a topic is set up): "${text.slice(0, 80)}"`,
    ]);
    expect(reasons(envelope('[1, 2]'))[0]).to.match(/Message is not an SES event .*: "\[1, 2\]"$/);
  });

  it('skips subscription and unsubscribe confirmations and other message types, saying what to do', () => {
    for (const type of ['SubscriptionConfirmation', 'UnsubscribeConfirmation']) {
      expect(reasons(envelope('You have chosen to subscribe', { Type: type }))).to.deep.equal([
        `an SNS ${type}, not an email event: confirm the subscription by visiting its SubscribeURL (after checking its signature)`,
      ]);
    }
    expect(reasons(envelope('x', { Type: 'Heartbeat' }))).to.deep.equal([
      'SNS message type "Heartbeat" carries no email event',
    ]);
    expect(reasons(envelope('x', { Type: 42 }))).to.deep.equal(['SNS message type "42" carries no email event']);
    expect(reasons(envelope('x', { Type: {} }))).to.deep.equal(['SNS message type "" carries no email event']);
  });

  it('takes only a Type with a Message or a TopicArn for an envelope: a forwarded bare event may carry either', () => {
    const { events } = normalizeProviderEvents('ses', { ...OPEN, Type: 'Notification' });
    expect(events.map((e) => e.response)).to.deep.equal(['opened']);
    const withTopic = normalizeProviderEvents('ses', { ...OPEN, TopicArn: 'arn:aws:sns:eu-west-1:1:ses-events' });
    expect(withTopic.events.map((e) => e.response)).to.deep.equal(['opened']);
  });
});

describe('SES bodies that hold no SES event', () => {
  it('says why, in words a host can log', () => {
    expect(reasons({ hello: 'world' })).to.deep.equal([
      'not an SES event: expected an SNS envelope (Type, Message) or an SES event (eventType, mail)',
    ]);
    // An EventBridge event about something else.
    expect(reasons({ id: 'eb-1', detail: { state: 'running' } })[0]).to.match(/^not an SES event/);
    expect(reasons({ eventType: '', mail: MAIL })).to.deep.equal([
      'the SES event has no eventType or notificationType',
    ]);
    expect(reasons({ eventType: 'Feedback', mail: MAIL })).to.deep.equal([
      'SES event "Feedback" says nothing about a recipient\'s response',
    ]);
  });

  it('skips what is not an object in a batch, naming it', () => {
    expect(reasons([OPEN, 7])).to.deep.equal(['a SNS message must be an object, not number 7']);
  });

  it('names SES’s topic validation message when the body is that text', () => {
    expect(reasons('Successfully validated SNS topic for Amazon SES event publishing.')).to.deep.equal([
      "the body is not JSON (SES's topic validation message)",
    ]);
    expect(reasons('hello')).to.deep.equal(['the body is not JSON']);
  });

  it('skips an event that names no recipient, even without a mail object', () => {
    expect(reasons({ eventType: 'Send' })).to.deep.equal(['SES Send: the event names no recipient']);
    expect(reasons({ eventType: 'Open', mail: { ...MAIL, destination: [] } })).to.deep.equal([
      'SES Open: the event names no recipient',
    ]);
  });
});

describe('SES metadata, message id and click link', () => {
  it('gives the id finders each tag’s first value, the message id and the type', () => {
    const infos: ProviderEventInfo[] = [];
    const tags = { campaign: ['autumn-sale', 'spring'], empty: [], nested: [{ a: 1 }], single: 'not-a-list' };
    normalizeProviderEvents(
      'ses',
      { ...OPEN, mail: { ...MAIL, tags } },
      {
        emailId: (_raw, info) => {
          infos.push(info);
          return undefined;
        },
      },
    );
    expect(infos[0]).to.deep.include({
      type: 'Open',
      address: JANE,
      messageId: 'ses-message-1',
      metadata: { campaign: 'autumn-sale' },
    });
  });

  it('finds the email id in a tag before the message id', () => {
    const tagged = { ...OPEN, mail: { ...MAIL, tags: { emailId: ['newsletter-42'] } } };
    expect(normalizeProviderEvents('ses', tagged).events[0]!.emailId).to.equal('newsletter-42');
  });

  it('reads a Delivery without a mail object when the host finds the email id', () => {
    const delivery = { eventType: 'Delivery', delivery: { recipients: [JANE], timestamp: MAIL.timestamp } };
    const { events } = normalizeProviderEvents('ses', delivery, { emailId: () => 'e-1' });
    expect(events[0]).to.include({ emailId: 'e-1', address: JANE, response: 'delivered' });
  });

  it('a Delivery names its recipients; without them, every destination', () => {
    const mail = { ...MAIL, destination: [JANE, BOB] };
    const named = normalizeProviderEvents('ses', { eventType: 'Delivery', mail, delivery: { recipients: [BOB] } });
    expect(named.events.map((e) => e.address)).to.deep.equal([BOB]);
    const unnamed = normalizeProviderEvents('ses', { eventType: 'Delivery', mail, delivery: {} });
    expect(unnamed.events.map((e) => e.address)).to.deep.equal([JANE, BOB]);
  });

  it('keeps the clicked link on a Click', () => {
    const click = { eventType: 'Click', mail: MAIL, click: { link: 'https://shop.example.com/sale' } };
    expect(normalizeProviderEvents('ses', click).events[0]).to.include({
      response: 'clicked',
      url: 'https://shop.example.com/sale',
    });
  });
});
