// What a Mailjet event's fields become: the exact message id however the body arrived, what
// Payload, CustomID and the campaign give the id finders, a list unsubscribe's scope, the reason,
// and content-hash ids (Mailjet events have no id).
import { expect } from 'chai';
import { normalizeProviderEvents, type ProviderEventInfo } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const item = (fields: Record<string, unknown>): Record<string, unknown> => {
  const all: Record<string, unknown> = {
    event: 'sent',
    time: 1727093703,
    MessageID: 1234567,
    Message_GUID: '1ab23cd4-e567-8901-2345-6789f0ab1c2d',
    email: JANE,
    ...fields,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
};
/** What JSON.parse makes of Mailjet's 18-digit MessageID 288230393467521453. */
const ROUNDED = Number('288230393467521453');
const first = (fields: Record<string, unknown>) => normalizeProviderEvents('mailjet', [item(fields)]).events[0]!;

function infoOf(fields: Record<string, unknown>): ProviderEventInfo {
  const seen: ProviderEventInfo[] = [];
  normalizeProviderEvents('mailjet', [item(fields)], {
    emailId: (_raw, info) => {
      seen.push(info);
      return undefined;
    },
  });
  return seen[0]!;
}

describe('Mailjet: the message id', () => {
  it('takes a MessageID that is exact (a safe number, or text) as it is, before mj_message_id', () => {
    expect(first({ mj_message_id: '999' }).emailId).to.equal('1234567');
    expect(first({ MessageID: '288230393467521450', mj_message_id: '999' }).emailId).to.equal('288230393467521450');
  });

  it('prefers the text mj_message_id to a MessageID the JSON parser already rounded', () => {
    expect(first({ MessageID: ROUNDED, mj_message_id: '288230393467521453' }).emailId).to.equal('288230393467521453');
    expect(first({ MessageID: 2 ** 60 }).emailId).to.equal(String(2 ** 60));
  });

  it('falls back on mj_message_id when there is no MessageID', () => {
    expect(first({ MessageID: undefined, mj_message_id: '288230393467521453' }).emailId).to.equal('288230393467521453');
  });
});

describe('Mailjet: what the id finders see', () => {
  it('opens a JSON Payload into its keys, beside CustomID and the campaign fields', () => {
    const info = infoOf({
      Payload: '{"recipient_id":48213,"CustomID":"mine"}',
      CustomID: 'c0ffee',
      customcampaign: 'autumn-sale',
      mj_campaign_id: 7257,
    });
    expect(info.metadata).to.deep.equal({
      recipient_id: '48213',
      CustomID: 'mine',
      customcampaign: 'autumn-sale',
      mj_campaign_id: '7257',
    });
    expect(info.tags).to.deep.equal(['autumn-sale']);
  });

  it('keeps a Payload that is no JSON object as it is, and has no tags without a campaign', () => {
    const info = infoOf({ Payload: 'order-10045' });
    expect(info.metadata).to.deep.equal({ Payload: 'order-10045' });
    expect(info.tags).to.deep.equal([]);
    expect(infoOf({ Payload: '{"deep":{"a":1}}' }).metadata).to.deep.equal({ Payload: '{"deep":{"a":1}}' });
    expect(infoOf({}).metadata).to.deep.equal({});
  });

  it('finds the recipient id in the Payload', () => {
    expect(first({ Payload: '{"recipient_id":48213}' }).recipientId).to.equal('48213');
  });
});

describe('Mailjet: a list unsubscribe', () => {
  it('is an unsubscribe from one kind of email when it names a contact list', () => {
    expect(first({ event: 'unsub', mj_list_id: 1 }).scope).to.equal('type');
    expect(first({ event: 'unsub', mj_list_id: '17' }).scope).to.equal('type');
  });

  it('is a full unsubscribe when the list is 0 or absent', () => {
    expect(first({ event: 'unsub', mj_list_id: 0 }).scope).to.equal(undefined);
    expect(first({ event: 'unsub', mj_list_id: '0' }).scope).to.equal(undefined);
    expect(first({ event: 'unsub' }).scope).to.equal(undefined);
  });
});

describe('Mailjet: the reason', () => {
  it('joins what a bounce or a block relates to, its error and the SMTP comment', () => {
    const fields = { error_related_to: 'recipient', error: 'user unknown', comment: '550 5.1.1 no such user' };
    expect(first({ event: 'bounce', ...fields }).reason).to.equal('recipient; user unknown; 550 5.1.1 no such user');
    expect(first({ event: 'blocked', ...fields }).reason).to.equal('recipient; user unknown; 550 5.1.1 no such user');
  });

  it('names the feedback loop of a complaint', () => {
    expect(first({ event: 'spam', source: 'JMRPP' }).reason).to.equal('JMRPP');
  });

  it('gives other events no reason', () => {
    for (const event of ['sent', 'open', 'click', 'unsub']) {
      expect(first({ event, source: 'JMRPP', comment: 'x', error: 'y' }).reason, event).to.equal(undefined);
    }
  });

  it('keeps the clicked link', () => {
    expect(first({ event: 'click', url: 'https://shop.example.com/' }).url).to.equal('https://shop.example.com/');
  });
});

describe('Mailjet: content-hash ids', () => {
  it('gives the same event the same id and different events different ids', () => {
    const sent = first({}).id;
    expect(first({}).id).to.equal(sent);
    expect(sent).to.match(/^mailjet:h[0-9a-f]{16}$/);
    const others = [
      first({ event: 'open' }),
      first({ Message_GUID: 'another-guid' }),
      first({ email: 'john@example.com' }),
      first({ time: 1727093704 }),
      first({ event: 'click', url: 'https://shop.example.com/' }),
      first({ event: 'bounce', error: 'user unknown' }),
    ].map((event) => event.id);
    expect(new Set([sent, ...others]).size).to.equal(7);
  });

  it('names the email in the id by Message_GUID, so a rounded MessageID does not change it', () => {
    const exact = first({ MessageID: undefined, mj_message_id: '288230393467521453' }).id;
    expect(first({ MessageID: ROUNDED, mj_message_id: '288230393467521453' }).id).to.equal(exact);
    expect(first({ Message_GUID: undefined }).id).not.to.equal(first({ Message_GUID: undefined, MessageID: 7 }).id);
  });
});
