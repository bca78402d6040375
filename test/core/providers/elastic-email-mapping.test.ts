// Elastic Email's status and bounce category → response, row by row as docs/providers.md §2.5
// maps them, and the exact reasons a host sees for notifications that are not responses.
import { expect } from 'chai';
import { normalizeProviderEvents } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const notification = (fields: Record<string, string>): Record<string, string> => ({
  transaction: '3f5b7a2c-9d1e-4f6a-b8c0-1a2b3c4d5e6f',
  messageid: 'rB8xQyZ0a1b2c3d4e5f6g7',
  to: JANE,
  date: '9/23/2024 12:15:03 PM',
  ...fields,
});
const responseOf = (fields: Record<string, string>): string | undefined =>
  normalizeProviderEvents('elastic-email', notification(fields)).events[0]?.response;

describe('Elastic Email: status → response', () => {
  const rows: [string, string][] = [
    ['Sent', 'delivered'],
    ['Opened', 'opened'],
    ['Clicked', 'clicked'],
    ['Unsubscribed', 'unsubscribed'],
    ['AbuseReport', 'spam-complaint'],
    // The v4 API's EventType names beside the notification's status names.
    ['Complaint', 'spam-complaint'],
    ['Submission', 'provider-queued'],
    ['Submitted', 'provider-queued'],
    ['FailedAttempt', 'provider-delayed'],
    ['WaitingToRetry', 'provider-delayed'],
  ];
  for (const [status, response] of rows) {
    it(`${status} → ${response}`, () => {
      expect(responseOf({ status })).to.equal(response);
    });
  }

  it('reads the status in any case', () => {
    expect(responseOf({ status: 'ABUSEREPORT' })).to.equal('spam-complaint');
  });
});

describe('Elastic Email: bounce category of an Error or Bounce → response', () => {
  const rows: [string, string][] = [
    ['NoMailbox', 'hard-bounce'],
    ['DNSProblem', 'hard-bounce'],
    ['AccountProblem', 'soft-bounce'],
    ['GreyListed', 'soft-bounce'],
    ['Throttled', 'soft-bounce'],
    ['Timeout', 'soft-bounce'],
    ['ConnectionProblem', 'soft-bounce'],
    ['ConnectionTerminated', 'soft-bounce'],
    ['Spam', 'soft-bounce'],
    ['BlackListed', 'soft-bounce'],
    ['ContentFilter', 'soft-bounce'],
    ['SPFProblem', 'soft-bounce'],
    ['WhitelistingProblem', 'delivery-error'],
    ['CodeError', 'delivery-error'],
    ['Ignore', 'canceled-do-not-use-email'],
    ['NotDelivered', 'canceled-do-not-use-email'],
    ['ManualCancel', 'stopped-manually'],
    ['NotDeliveredCancelled', 'stopped-manually'],
    ['Unknown', 'unknown'],
  ];
  for (const [category, response] of rows) {
    it(`Error ${category} → ${response}, and Bounce ${category} the same`, () => {
      expect(responseOf({ status: 'Error', category })).to.equal(response);
      expect(responseOf({ status: 'Bounce', category })).to.equal(response);
    });
  }

  it('makes an error it cannot classify the Unknown response, named by its category or "Unknown"', () => {
    const odd = normalizeProviderEvents('elastic-email', notification({ status: 'Error', category: 'Martian' }));
    expect(odd.events[0]).to.include({ response: 'unknown', reason: 'Martian' });
    const bare = normalizeProviderEvents('elastic-email', notification({ status: 'Error' }));
    expect(bare.events[0]).to.include({ response: 'unknown', reason: 'Unknown' });
  });

  it('does not take a category that names a property every object has for a known one', () => {
    for (const category of ['constructor', 'toString', '__proto__']) {
      expect(responseOf({ status: 'Error', category }), category).to.equal('unknown');
    }
  });
});

describe('Elastic Email: notifications that are not responses', () => {
  it('names what is not a notification in a list of them', () => {
    const { skipped } = normalizeProviderEvents('elastic-email', [notification({ status: 'Sent' }), null]);
    expect(skipped.map((s) => s.reason)).to.deep.equal(['a Elastic Email notification must be an object, not null']);
  });

  it('says which status it ignored, as Elastic Email spelled it but in lower case', () => {
    const { events, skipped } = normalizeProviderEvents('elastic-email', notification({ status: 'Ready' }));
    expect(events).to.deep.equal([]);
    expect(skipped.map((s) => s.reason)).to.deep.equal([
      'Elastic Email status "ready" says nothing about a recipient\'s response',
    ]);
  });

  it('says when there is no status at all', () => {
    const { skipped } = normalizeProviderEvents('elastic-email', notification({}));
    expect(skipped.map((s) => s.reason)).to.deep.equal(['the notification has no status']);
  });

  it('refuses text that is no query string', () => {
    const { skipped } = normalizeProviderEvents('elastic-email', 'status Sent to jane');
    expect(skipped).to.deep.equal([
      {
        input: 'status Sent to jane',
        reason: 'an Elastic Email notification is a query string (status=…&to=…), and this text is none',
      },
    ]);
  });

  it('names the event by status, and by status/category when there is a category', () => {
    const sent = normalizeProviderEvents('elastic-email', notification({ status: 'Sent', date: 'yesterday' }));
    expect(sent.skipped.map((s) => s.reason)).to.deep.equal(['elastic-email sent: the event has no readable time']);
    const error = normalizeProviderEvents(
      'elastic-email',
      notification({ status: 'Error', category: 'NoMailbox', date: 'yesterday' }),
    );
    expect(error.skipped.map((s) => s.reason)).to.deep.equal([
      'elastic-email error/nomailbox: the event has no readable time',
    ]);
  });

  it("names the host's failing id finder in the skip", () => {
    const failing = {
      emailId: (): string => {
        throw new Error('no catalogue');
      },
    };
    const query = 'status=Sent&to=jane.doe%40example.com&date=9%2F23%2F2024+12%3A15%3A03+PM&messageid=m-1';
    expect(normalizeProviderEvents('elastic-email', query, failing).skipped.map((s) => s.reason)).to.deep.equal([
      'elastic-email sent: options.emailId failed: no catalogue',
    ]);
  });
});
