// SparkPost's event types and Momentum bounce classes → response, row by row as
// docs/providers.md §2.6 maps them, and the exact reasons a host sees for items that are not responses.
import { expect } from 'chai';
import { normalizeProviderEvents } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const event = (fields: Record<string, unknown>): Record<string, unknown> => ({
  type: 'delivery',
  event_id: '92356927693813858',
  timestamp: '1727093703',
  rcpt_to: JANE,
  transmission_id: '65832150921904138',
  ...fields,
});
const read = (fields: Record<string, unknown>) =>
  normalizeProviderEvents('sparkpost', [{ msys: { message_event: event(fields) } }]);
const responseOf = (fields: Record<string, unknown>): string | undefined => read(fields).events[0]?.response;
const skipOf = (fields: Record<string, unknown>): string[] => read(fields).skipped.map((s) => s.reason);

describe('SparkPost: event type → response', () => {
  const rows: [string, string][] = [
    ['injection', 'provider-queued'],
    ['delay', 'provider-delayed'],
    ['delivery', 'delivered'],
    ['generation_failure', 'delivery-error'],
    ['spam_complaint', 'spam-complaint'],
    ['open', 'opened'],
    ['initial_open', 'opened'],
    ['amp_open', 'opened'],
    ['amp_initial_open', 'opened'],
    ['click', 'clicked'],
    ['amp_click', 'clicked'],
    ['list_unsubscribe', 'unsubscribed'],
    ['link_unsubscribe', 'unsubscribed'],
  ];
  for (const [type, response] of rows) {
    it(`${type} → ${response}`, () => {
      expect(responseOf({ type })).to.equal(response);
    });
  }

  it('makes a policy or generation rejection Do not use email when SparkPost suppressed the address, else Rejected', () => {
    for (const type of ['policy_rejection', 'generation_rejection']) {
      expect(responseOf({ type, raw_reason: 'Recipient address SUPPRESSED due to customer policy' }), type).to.equal(
        'canceled-do-not-use-email',
      );
      expect(responseOf({ type, reason: 'recipient address suppressed' }), type).to.equal('canceled-do-not-use-email');
      expect(responseOf({ type, raw_reason: 'Unconfigured Sending Domain' }), type).to.equal('rejected');
      expect(responseOf({ type }), type).to.equal('rejected');
    }
  });

  it('flags an open as a machine open when SparkPost says the agent prefetched or proxied it', () => {
    for (const type of ['open', 'initial_open', 'amp_open', 'amp_initial_open']) {
      expect(responseOf({ type, user_agent_parsed: { is_prefetched: 'true' } }), type).to.equal('opened-machine');
      expect(responseOf({ type, user_agent_parsed: { is_proxy: 1 } }), type).to.equal('opened-machine');
      expect(responseOf({ type, user_agent_parsed: { is_proxy: false, is_prefetched: false } }), type).to.equal(
        'opened',
      );
    }
  });

  it('reads a not-spam feedback report as withdrawing a complaint, not as one', () => {
    expect(responseOf({ type: 'spam_complaint', fbtype: 'abuse' })).to.equal('spam-complaint');
    expect(skipOf({ type: 'spam_complaint', fbtype: 'Not-Spam' })).to.deep.equal([
      'a not-spam feedback report withdraws a complaint',
    ]);
  });
});

describe('SparkPost: bounce class → response', () => {
  const rows: [string, string][] = [
    ['10', 'hard-bounce'],
    ['30', 'hard-bounce'],
    ['20', 'soft-bounce'],
    ['21', 'soft-bounce'],
    ['22', 'soft-bounce'],
    ['23', 'soft-bounce'],
    ['24', 'soft-bounce'],
    ['40', 'soft-bounce'],
    ['70', 'soft-bounce'],
    ['50', 'soft-bounce'],
    ['51', 'soft-bounce'],
    ['52', 'soft-bounce'],
    ['53', 'soft-bounce'],
    ['54', 'soft-bounce'],
    ['25', 'rejected'],
    ['26', 'rejected'],
    ['90', 'unsubscribed'],
    ['1', 'unknown'],
    ['99', 'unknown'],
  ];
  for (const [bounceClass, response] of rows) {
    it(`class ${bounceClass} → ${response}, as a bounce and as an out-of-band bounce`, () => {
      expect(responseOf({ type: 'bounce', bounce_class: bounceClass })).to.equal(response);
      expect(responseOf({ type: 'out_of_band', bounce_class: Number(bounceClass) })).to.equal(response);
    });
  }

  it('makes an admin failure (class 25, 26) of a suppressed address Do not use email', () => {
    for (const bounceClass of ['25', '26']) {
      expect(
        responseOf({ type: 'bounce', bounce_class: bounceClass, raw_reason: '554 5.7.1 address suppressed' }),
      ).to.equal('canceled-do-not-use-email');
    }
  });

  it('makes a bounce without a readable class the Unknown response', () => {
    expect(responseOf({ type: 'bounce' })).to.equal('unknown');
    expect(responseOf({ type: 'bounce', bounce_class: 'soft' })).to.equal('unknown');
  });

  it('skips auto-replies, subscribe and challenge-response requests, saying which', () => {
    expect(skipOf({ type: 'bounce', bounce_class: '60' })).to.deep.equal([
      'a bounce of class 60 is an auto-reply, not a response',
    ]);
    expect(skipOf({ type: 'out_of_band', bounce_class: '80' })).to.deep.equal([
      'a bounce of class 80 is a subscribe request, not a response',
    ]);
    expect(skipOf({ type: 'bounce', bounce_class: '100' })).to.deep.equal([
      'a bounce of class 100 is a challenge-response request, not a response',
    ]);
  });
});

describe('SparkPost: items that are not responses', () => {
  it('names what is not an event in a batch', () => {
    const { skipped } = normalizeProviderEvents('sparkpost', [7]);
    expect(skipped.map((s) => s.reason)).to.deep.equal(['a SparkPost event must be an object, not number 7']);
  });

  it('says which event type it ignored, and when there is none', () => {
    expect(skipOf({ type: 'SMS_Status' })).to.deep.equal([
      'SparkPost event "sms_status" says nothing about a recipient\'s response',
    ]);
    expect(skipOf({ type: undefined })).to.deep.equal(['the event has no type']);
  });

  it('says what is wrong with an item that is not {"msys": {<class>: {...}}}', () => {
    const reasons = normalizeProviderEvents('sparkpost', [
      { message_event: event({}) },
      { msys: {} },
      { msys: { message_event: 'delivery' } },
    ]).skipped.map((s) => s.reason);
    expect(reasons).to.deep.equal([
      'a SparkPost event is {"msys": {...}}',
      'an empty {"msys": {}} is SparkPost\'s ping',
      'the SparkPost message_event is not an object',
    ]);
  });

  it('reads the first event class of an item', () => {
    const { events } = normalizeProviderEvents('sparkpost', [
      { msys: { track_event: event({ type: 'click' }), message_event: event({ type: 'delivery' }) } },
    ]);
    expect(events.map((e) => e.response)).to.deep.equal(['clicked']);
  });
});
