// What a Brevo event's fields become: which of its times counts, the email (message id, else the
// campaign), what X-Mailin-custom, camp_id and the tags give the id finders, the clicked link, and
// a marketing unsubscribe's lists (its scope and reason).
import { expect } from 'chai';
import {
  normalizeProviderEvents,
  type NormalizeProviderOptions,
  type ProviderEventInfo,
} from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const MESSAGE = '202409231215.12345678901@smtp-relay.mailin.fr';
const item = (fields: Record<string, unknown>): Record<string, unknown> => {
  const all: Record<string, unknown> = {
    event: 'delivered',
    email: JANE,
    'message-id': `<${MESSAGE}>`,
    ts_epoch: 1727093703123,
    ...fields,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
};
const first = (fields: Record<string, unknown>, options?: NormalizeProviderOptions) =>
  normalizeProviderEvents('brevo', item(fields), options).events[0]!;

function infoOf(fields: Record<string, unknown>): ProviderEventInfo {
  const seen: ProviderEventInfo[] = [];
  normalizeProviderEvents('brevo', item(fields), {
    emailId: (_raw, info) => {
      seen.push(info);
      return undefined;
    },
  });
  return seen[0]!;
}

describe('Brevo: which time counts', () => {
  const noEpoch = { ts_epoch: undefined };

  it('takes ts_epoch (milliseconds, UTC) first', () => {
    expect(first({ ts_event: 1727000000, date: '2024-09-22 10:00:00', ts: 1726000000 }).at).to.equal(1727093703123);
  });

  it('then ts_event (seconds, UTC)', () => {
    expect(first({ ...noEpoch, ts_event: 1727093704, date: '2024-09-22 10:00:00', ts: 1726000000 }).at).to.equal(
      1727093704000,
    );
  });

  it('then date_event, else date, in Paris time', () => {
    // 14:15:03 in Paris in September (CEST) is 12:15:03 UTC.
    const at = Date.parse('2024-09-23T12:15:03Z');
    expect(first({ ...noEpoch, date_event: '2024-09-23 14:15:03', date: '2024-09-22 10:00:00', ts: 1 }).at).to.equal(
      at,
    );
    expect(first({ ...noEpoch, date: '2024-09-23 14:15:03', ts: 1726000000 }).at).to.equal(at);
  });

  it("reads the date in the account's own zone when the host gives its offset", () => {
    const at = first({ ...noEpoch, date: '2024-09-23 14:15:03' }, { brevoUtcOffsetMinutes: 60 }).at;
    expect(at).to.equal(Date.parse('2024-09-23T13:15:03Z'));
  });

  it('and the send time ts last', () => {
    expect(first({ ...noEpoch, ts: 1727093703 }).at).to.equal(1727093703000);
  });
});

describe('Brevo: the email and what the id finders see', () => {
  it('names the email by its message id without brackets, else by the campaign', () => {
    expect(first({ camp_id: 312 }).emailId).to.equal(MESSAGE);
    expect(first({ 'message-id': undefined, camp_id: 312 }).emailId).to.equal('312');
  });

  it('opens X-Mailin-custom JSON into its keys and adds the campaign', () => {
    const info = infoOf({ 'X-Mailin-custom': '{"emailId":"e-1","camp_id":"mine"}', camp_id: 312 });
    expect(info.metadata).to.deep.equal({ emailId: 'e-1', camp_id: 'mine' });
    expect(infoOf({ camp_id: 312 }).metadata).to.deep.equal({ camp_id: '312' });
  });

  it('keeps X-Mailin-custom that is no JSON object with scalar values as it is', () => {
    expect(infoOf({ 'X-Mailin-custom': 'order-10045' }).metadata).to.deep.equal({ 'X-Mailin-custom': 'order-10045' });
    expect(infoOf({ 'X-Mailin-custom': '{"nested":{"a":1}}' }).metadata).to.deep.equal({
      'X-Mailin-custom': '{"nested":{"a":1}}',
    });
    expect(infoOf({}).metadata).to.deep.equal({});
  });

  it('reads tags as a list, as one text, or as a list written as JSON text', () => {
    expect(infoOf({ tags: ['order-shipped', 7], tag: 'ignored' }).tags).to.deep.equal(['order-shipped', '7']);
    expect(infoOf({ tag: 'newsletter' }).tags).to.deep.equal(['newsletter']);
    // Only text that starts like a list is read as JSON: a tag that happens to be a number stays a tag.
    expect(infoOf({ tag: 2024 }).tags).to.deep.equal(['2024']);
    expect(infoOf({ tag: '["a","b"]' }).tags).to.deep.equal(['a', 'b']);
    expect(infoOf({ tag: '[not json' }).tags).to.deep.equal(['[not json']);
    expect(infoOf({}).tags).to.deep.equal([]);
  });

  it('keeps the clicked link of a transactional (link) and a marketing (URL) click', () => {
    const link = 'https://shop.example.com/orders/10045';
    expect(first({ event: 'click', link, URL: 'https://other.example.com/' }).url).to.equal(link);
    expect(first({ event: 'click', URL: link }).url).to.equal(link);
  });
});

describe('Brevo: a marketing unsubscribe names its lists', () => {
  it('gives an event without a reason field no reason', () => {
    expect(first({ event: 'blocked' }).reason).to.equal(undefined);
    expect(first({ event: 'delivered' }).reason).to.equal(undefined);
  });

  it('is an unsubscribe from one kind of email, naming the lists in the reason', () => {
    const event = first({ event: 'unsubscribed', list_id: [3, 42], reason: 'by link' });
    expect(event).to.include({ response: 'unsubscribed', scope: 'type', reason: 'by link; lists 3, 42' });
  });

  it('is a full unsubscribe when it names no list', () => {
    for (const list_id of [undefined, [], [null, '']]) {
      const event = first({ event: 'unsubscribed', list_id });
      expect(event.scope, JSON.stringify(list_id)).to.equal(undefined);
      expect(event.reason).to.equal(undefined);
    }
  });

  it('names lists only on an unsubscribe', () => {
    expect(first({ event: 'hard_bounce', list_id: [3], reason: '550 user unknown' }).reason).to.equal(
      '550 user unknown',
    );
  });
});
