// Mailjet's events, bounce flags and block errors → response, row by row as docs/providers.md §2.8
// maps them, and the exact reasons a host sees for events that are not responses.
import { expect } from 'chai';
import { normalizeProviderEvents } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const event = (fields: Record<string, unknown>): Record<string, unknown> => ({
  time: 1727093703,
  MessageID: 1234567,
  email: JANE,
  ...fields,
});
const read = (fields: Record<string, unknown>) => normalizeProviderEvents('mailjet', [event(fields)]);
const responseOf = (fields: Record<string, unknown>): string | undefined => read(fields).events[0]?.response;

describe('Mailjet: event → response', () => {
  const rows: [string, string][] = [
    // Mailjet's "sent" is the receiving server's acceptance.
    ['sent', 'delivered'],
    ['open', 'opened'],
    ['click', 'clicked'],
    ['spam', 'spam-complaint'],
    ['unsub', 'unsubscribed'],
  ];
  for (const [name, response] of rows) {
    it(`${name} → ${response}`, () => {
      expect(responseOf({ event: name })).to.equal(response);
      expect(responseOf({ event: name.toUpperCase() })).to.equal(response);
    });
  }
});

describe('Mailjet: bounce', () => {
  it('is a Hard Bounce when Mailjet flags it hard, however the flag is written', () => {
    for (const flag of [true, 'true', 1, '1']) {
      expect(responseOf({ event: 'bounce', hard_bounce: flag, error: 'greylisted' }), String(flag)).to.equal(
        'hard-bounce',
      );
    }
  });

  it('is still on its way when greylisted, and a Soft Bounce otherwise', () => {
    expect(responseOf({ event: 'bounce', hard_bounce: false, error: 'Greylisted' })).to.equal('provider-delayed');
    expect(responseOf({ event: 'bounce', hard_bounce: false, error: 'quota exceeded' })).to.equal('soft-bounce');
    expect(responseOf({ event: 'bounce' })).to.equal('soft-bounce');
  });
});

describe('Mailjet: blocked', () => {
  const rows: [string, string][] = [
    ['duplicate in campaign', 'canceled-duplicate'],
    ['preblocked', 'canceled-do-not-use-email'],
    ['blacklisted', 'canceled-do-not-use-email'],
    ['spam reporter', 'canceled-do-not-use-email'],
    ['user unknown', 'invalid-address'],
    ['mailbox inactive', 'invalid-address'],
    ['invalid domain', 'invalid-address'],
    ['no mail host', 'invalid-address'],
    ['typofix', 'invalid-address'],
  ];
  for (const [error, response] of rows) {
    it(`error "${error}" → ${response}, whatever it relates to`, () => {
      expect(responseOf({ event: 'blocked', error, error_related_to: 'system' })).to.equal(response);
      expect(responseOf({ event: 'blocked', error: error.toUpperCase() })).to.equal(response);
    });
  }

  it("makes template errors and Mailjet's own failures a Delivery error", () => {
    expect(responseOf({ event: 'blocked', error_related_to: 'content', error: 'bad or empty template' })).to.equal(
      'delivery-error',
    );
    expect(responseOf({ event: 'blocked', error_related_to: 'System', error: 'connection issue' })).to.equal(
      'delivery-error',
    );
  });

  it('makes spam and policy blocks, and blocks it cannot place, Rejected', () => {
    expect(responseOf({ event: 'blocked', error_related_to: 'spam', error: 'sender blocked' })).to.equal('rejected');
    expect(responseOf({ event: 'blocked' })).to.equal('rejected');
  });
});

describe('Mailjet: events that are not responses', () => {
  it('names what is not an event in a group of events', () => {
    const { skipped } = normalizeProviderEvents('mailjet', [[event({ event: 'sent' })]]);
    expect(skipped.map((s) => s.reason)).to.deep.equal(['a Mailjet event must be an object, not a list']);
  });

  it('says which event it ignored, and when there is none', () => {
    expect(read({ event: 'SMS' }).skipped.map((s) => s.reason)).to.deep.equal([
      'Mailjet event "sms" says nothing about a recipient\'s response',
    ]);
    expect(read({}).skipped.map((s) => s.reason)).to.deep.equal(['the item has no `event` field']);
  });

  it('names the event by event/error, or by the event alone', () => {
    const noTime = { time: 'soon' };
    expect(read({ ...noTime, event: 'bounce', error: 'user unknown' }).skipped[0]!.reason).to.equal(
      'mailjet bounce/user unknown: the event has no readable time',
    );
    expect(read({ ...noTime, event: 'open' }).skipped[0]!.reason).to.equal(
      'mailjet open: the event has no readable time',
    );
  });
});
