// What an Elastic Email notification's parameters become: its time in every form the date comes
// in, which id names the email, what the postback and channel give the id finders, the reason,
// and content-hash ids (Elastic Email has no event id).
import { expect } from 'chai';
import { normalizeProviderEvents, type ProviderEventInfo } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const AT = Date.parse('2024-09-23T12:15:03Z');
const notification = (fields: Record<string, string | undefined>): Record<string, string> => {
  const all: Record<string, string | undefined> = {
    transaction: 'tx-1',
    messageid: 'msg-1',
    to: JANE,
    date: '9/23/2024 12:15:03 PM',
    status: 'Sent',
    ...fields,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)) as Record<string, string>;
};
const read = (fields: Record<string, string | undefined>) =>
  normalizeProviderEvents('elastic-email', notification(fields));

/** What the id finders are told about the one event of a notification. */
function infoOf(fields: Record<string, string | undefined>): ProviderEventInfo {
  const seen: ProviderEventInfo[] = [];
  normalizeProviderEvents('elastic-email', notification(fields), {
    emailId: (_raw, info) => {
      seen.push(info);
      return undefined;
    },
  });
  expect(seen).to.have.length(1);
  return seen[0]!;
}

describe('Elastic Email: the time of a notification', () => {
  it('reads the documented M/D/YYYY h:mm:ss AM|PM date as UTC', () => {
    expect(read({}).events[0]!.at).to.equal(AT);
  });

  it('reads an ISO date with a zone when the date is not in the US form', () => {
    expect(read({ date: '2024-09-23T14:15:03+02:00' }).events[0]!.at).to.equal(AT);
  });

  it('reads Unix seconds, as a number text, when the date is neither', () => {
    expect(read({ date: '1727093703' }).events[0]!.at).to.equal(AT);
  });
});

describe('Elastic Email: ids and what the id finders see', () => {
  it('names the email by its message id, else by the transaction', () => {
    expect(read({}).events[0]).to.include({ emailId: 'msg-1', recipientId: JANE, address: JANE });
    expect(read({ messageid: undefined }).events[0]!.emailId).to.equal('tx-1');
  });

  it('gives a plain postback to the finders as it is, with the channel, and the channel as the tag', () => {
    const info = infoOf({ postback: 'c0ffee', channel: 'Autumn Sale' });
    expect(info.metadata).to.deep.equal({ postback: 'c0ffee', channel: 'Autumn Sale' });
    expect(info.tags).to.deep.equal(['Autumn Sale']);
    expect(info.type).to.equal('sent');
    expect(info.messageId).to.equal('msg-1');
    expect(info.address).to.equal(JANE);
  });

  it('has no metadata and no tags when there is neither postback nor channel', () => {
    const info = infoOf({});
    expect(info.metadata).to.deep.equal({});
    expect(info.tags).to.deep.equal([]);
  });

  it('opens a JSON postback into its keys, the sender’s own keys winning over the raw text and the channel', () => {
    const postback = '{"emailId":"e-1","postback":"mine","channel":"theirs"}';
    expect(infoOf({ postback, channel: 'Autumn Sale' }).metadata).to.deep.equal({
      emailId: 'e-1',
      postback: 'mine',
      channel: 'theirs',
    });
    expect(infoOf({ postback: '{"emailId":"e-1"}' }).metadata).to.deep.equal({
      emailId: 'e-1',
      postback: '{"emailId":"e-1"}',
    });
  });

  it('opens a key=value postback into its keys and keeps the text', () => {
    expect(infoOf({ postback: 'emailId=e-2&recipient_id=78' }).metadata).to.deep.equal({
      emailId: 'e-2',
      recipient_id: '78',
      postback: 'emailId=e-2&recipient_id=78',
    });
    const event = read({ postback: 'emailId=e-2&recipient_id=78' }).events[0]!;
    expect(event).to.include({ emailId: 'e-2', recipientId: '78' });
  });
});

describe('Elastic Email: the reason', () => {
  it('gives failures their category as the reason, in Elastic Email’s spelling', () => {
    expect(read({ status: 'Error', category: 'NoMailbox' }).events[0]!.reason).to.equal('NoMailbox');
    expect(read({ status: 'Bounce', category: 'Throttled' }).events[0]!.reason).to.equal('Throttled');
    expect(read({ status: 'FailedAttempt', category: 'GreyListed' }).events[0]!.reason).to.equal('GreyListed');
  });

  it('gives other events no reason, whatever category they carry', () => {
    expect(read({ status: 'Sent', category: 'NoMailbox' }).events[0]!.reason).to.equal(undefined);
  });

  it('keeps the clicked link', () => {
    const link = 'https://shop.example.com/sale';
    expect(read({ status: 'Clicked', target: link }).events[0]!.url).to.equal(link);
  });
});

describe('Elastic Email: content-hash ids', () => {
  it('gives the same notification the same id and different notifications different ids', () => {
    const sent = read({}).events[0]!.id;
    expect(read({}).events[0]!.id).to.equal(sent);
    expect(sent).to.match(/^elastic-email:h[0-9a-f]{16}$/);
    const others = [
      read({ status: 'Opened' }),
      read({ status: 'Error', category: 'NoMailbox' }),
      read({ transaction: 'tx-2' }),
      read({ messageid: 'msg-2' }),
      read({ to: 'john@example.com' }),
      read({ date: '9/23/2024 12:15:04 PM' }),
      read({ target: 'https://shop.example.com/' }),
    ].map((result) => result.events[0]!.id);
    expect(new Set([sent, ...others]).size).to.equal(8);
  });
});
