// What a SparkPost event's fields become: its id (event_id, else the batch header and position,
// else a content hash), its time, the address and message id, what the id finders see, and the
// reason, which only failures carry.
import { expect } from 'chai';
import { normalizeProviderEvents, type ProviderEventInfo } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const AT = 1727093703000;
const event = (fields: Record<string, unknown>): Record<string, unknown> => {
  const all: Record<string, unknown> = {
    type: 'delivery',
    event_id: '92356927693813858',
    timestamp: '1727093703',
    rcpt_to: JANE,
    transmission_id: '65832150921904138',
    ...fields,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
};
const item = (fields: Record<string, unknown>) => ({ msys: { message_event: event(fields) } });
const first = (fields: Record<string, unknown>) => normalizeProviderEvents('sparkpost', [item(fields)]).events[0]!;

function infoOf(fields: Record<string, unknown>): ProviderEventInfo {
  const seen: ProviderEventInfo[] = [];
  normalizeProviderEvents('sparkpost', [item(fields)], {
    emailId: (_raw, info) => {
      seen.push(info);
      return undefined;
    },
  });
  return seen[0]!;
}

describe('SparkPost: event ids', () => {
  it("takes SparkPost's event_id", () => {
    expect(first({}).id).to.equal('sparkpost:92356927693813858');
  });

  it('names an event without event_id by the batch header and its place in the batch', () => {
    const body = [item({ event_id: undefined }), item({ event_id: undefined, type: 'open' })];
    const { events } = normalizeProviderEvents('sparkpost', body, { headers: { 'x-messagesystems-batch-id': 'b-9' } });
    expect(events.map((e) => e.id)).to.deep.equal(['sparkpost:b-9:0', 'sparkpost:b-9:1']);
  });

  it('hashes the content of an event that has neither', () => {
    expect(first({ event_id: undefined }).id).to.match(/^sparkpost:h[0-9a-f]{16}$/);
  });
});

describe('SparkPost: time, address, email', () => {
  it('reads the timestamp as Unix seconds text, or as ISO text', () => {
    expect(first({}).at).to.equal(AT);
    expect(first({ timestamp: 1727093703 }).at).to.equal(AT);
    expect(first({ timestamp: '2024-09-23T12:15:03Z' }).at).to.equal(AT);
  });

  it('takes the address from rcpt_to, else from raw_rcpt_to, lower-cased', () => {
    expect(first({ rcpt_to: undefined, raw_rcpt_to: 'Jane.Doe@Example.com' }).address).to.equal(JANE);
    expect(first({ raw_rcpt_to: 'someone@example.com' }).address).to.equal(JANE);
  });

  it('names the email by transmission_id, else by message_id', () => {
    expect(first({ message_id: '000443ee14578172be22' }).emailId).to.equal('65832150921904138');
    expect(first({ transmission_id: undefined, message_id: '000443ee14578172be22' }).emailId).to.equal(
      '000443ee14578172be22',
    );
  });

  it('gives the finders rcpt_meta, rcpt_tags and the type with its bounce class', () => {
    const info = infoOf({
      type: 'bounce',
      bounce_class: '10',
      rcpt_meta: { emailId: 'e-1', nested: { no: 1 } },
      rcpt_tags: ['newsletter', 'autumn'],
    });
    expect(info.metadata).to.deep.equal({ emailId: 'e-1' });
    expect(info.tags).to.deep.equal(['newsletter', 'autumn']);
    expect(info.type).to.equal('bounce/10');
    expect(infoOf({}).type).to.equal('delivery');
  });

  it('keeps the clicked link', () => {
    const link = 'https://shop.example.com/sale';
    expect(first({ type: 'click', target_link_url: link }).url).to.equal(link);
  });
});

describe('SparkPost: the reason', () => {
  it('gives a failure without reason fields no reason, and a bounce only its class', () => {
    expect(first({ type: 'injection' }).reason).to.equal(undefined);
    expect(first({ type: 'policy_rejection' }).reason).to.equal(undefined);
    expect(first({ type: 'bounce', bounce_class: '10' }).reason).to.equal('bounce class 10');
  });

  it('joins the bounce class, the raw reason, the error code and the retries', () => {
    const bounce = first({
      type: 'bounce',
      bounce_class: '21',
      raw_reason: 'DNS failure',
      reason: 'shorter',
      error_code: '451',
      num_retries: '2',
    });
    expect(bounce.reason).to.equal('bounce class 21; DNS failure; 451; retries 2');
  });

  it('falls back on the reason field, and leaves out retries when there were none', () => {
    const delay = first({ type: 'delay', reason: '454 4.4.4 try later', num_retries: '0' });
    expect(delay.reason).to.equal('454 4.4.4 try later');
  });

  it('names the feedback type of a complaint', () => {
    expect(first({ type: 'spam_complaint', fbtype: 'abuse' }).reason).to.equal('abuse');
  });

  it('gives deliveries, opens and clicks no reason', () => {
    for (const type of ['delivery', 'open', 'click']) {
      expect(first({ type, raw_reason: 'something', error_code: '250' }).reason, type).to.equal(undefined);
    }
    const machine = first({ type: 'open', raw_reason: 'x', user_agent_parsed: { is_proxy: true } });
    expect(machine).to.include({ response: 'opened-machine' });
    expect(machine.reason).to.equal(undefined);
  });
});
