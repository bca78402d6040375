// Every row of the Mailgun table in docs/providers.md ("Mapping", "Mailgun"), one example each:
// a `failed` event is told apart by its severity, reason, SMTP code and delayed-bounce flag, in
// that order; the other events by name; what is skipped says why.
import { expect } from 'chai';
import { normalizeProviderEvents, type NormalizeProviderResult } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const DATA = {
  id: 'ev-1',
  timestamp: 1727093705.818,
  recipient: JANE,
  message: { headers: { 'message-id': '<20240923121500.5f4e@mg.example.org>' } },
};

const read = (fields: Record<string, unknown>): NormalizeProviderResult =>
  normalizeProviderEvents('mailgun', { signature: {}, 'event-data': { ...DATA, ...fields } });

function response(fields: Record<string, unknown>): string | undefined {
  const { events, skipped } = read(fields);
  expect(skipped, 'skipped').to.deep.equal([]);
  return events[0]?.response;
}

const failed = (fields: Record<string, unknown>) => response({ event: 'failed', severity: 'permanent', ...fields });
const code = (value: number) => ({ 'delivery-status': { code: value } });

describe('Mailgun failed events', () => {
  it('a temporary failure is Provider delayed, whatever its reason or code', () => {
    expect(failed({ severity: 'temporary', reason: 'generic', ...code(451) })).to.equal('provider-delayed');
    expect(failed({ severity: 'Temporary', reason: 'suppress-bounce', ...code(605) })).to.equal('provider-delayed');
  });

  it('an address on the bounce list (suppress-bounce, 605) is a Hard bounce', () => {
    expect(failed({ reason: 'suppress-bounce', ...code(450) })).to.equal('hard-bounce');
    expect(failed({ reason: 'espblock', ...code(605) })).to.equal('hard-bounce');
  });

  it('an address on the unsubscribe or complaint list (606, 607) is Do not use email', () => {
    expect(failed({ reason: 'suppress-unsubscribe' })).to.equal('canceled-do-not-use-email');
    expect(failed({ reason: 'suppress-complaint' })).to.equal('canceled-do-not-use-email');
    expect(failed({ reason: 'generic', ...code(606) })).to.equal('canceled-do-not-use-email');
    expect(failed({ reason: 'generic', ...code(607) })).to.equal('canceled-do-not-use-email');
    // Its delivery status code may come as text.
    expect(failed({ reason: 'generic', 'delivery-status': { code: '607' } })).to.equal('canceled-do-not-use-email');
  });

  it('a delayed bounce is a Hard bounce even with a 4xx code', () => {
    expect(failed({ reason: 'generic', flags: { 'is-delayed-bounce': true }, ...code(450) })).to.equal('hard-bounce');
    expect(failed({ reason: 'generic', flags: { 'is-delayed-bounce': false }, ...code(450) })).to.equal('soft-bounce');
  });

  it('a 4xx code given up on is a Soft bounce: 400 and 499 are, 399 and 500 are not', () => {
    expect(failed({ reason: 'generic', ...code(400) })).to.equal('soft-bounce');
    expect(failed({ reason: 'generic', ...code(499) })).to.equal('soft-bounce');
    expect(failed({ reason: 'generic', ...code(399) })).to.equal('hard-bounce');
    expect(failed({ reason: 'generic', ...code(500) })).to.equal('hard-bounce');
  });

  it('an ESP block and an old message are Soft bounces; any other permanent failure a Hard bounce', () => {
    expect(failed({ reason: 'espblock', ...code(550) })).to.equal('soft-bounce');
    expect(failed({ reason: 'old' })).to.equal('soft-bounce');
    expect(failed({ reason: 'bounce', ...code(550) })).to.equal('hard-bounce');
    expect(failed({})).to.equal('hard-bounce');
  });

  it('explains a failure by its reason and delivery status, and types it by severity', () => {
    const { events } = read({
      event: 'failed',
      severity: 'permanent',
      reason: 'bounce',
      'delivery-status': {
        code: 550,
        'enhanced-code': '5.1.1',
        message: 'mailbox unavailable',
        description: 'The email account does not exist',
      },
    });
    expect(events[0]!.reason).to.equal('bounce; 550; 5.1.1; mailbox unavailable; The email account does not exist');
    const types: string[] = [];
    const typeOf = (severity: unknown) => {
      normalizeProviderEvents(
        'mailgun',
        { 'event-data': { ...DATA, event: 'failed', severity } },
        {
          emailId: (_raw, info) => {
            types.push(info.type);
            return undefined;
          },
        },
      );
      return types.pop();
    };
    expect(typeOf('temporary')).to.equal('failed/temporary');
    expect(typeOf('Permanent')).to.equal('failed/permanent');
    expect(typeOf(undefined)).to.equal('failed/permanent');
  });
});

describe('Mailgun events to responses', () => {
  const rows: [Record<string, unknown>, string][] = [
    [{ event: 'accepted' }, 'provider-queued'],
    [{ event: 'rejected' }, 'rejected'],
    [{ event: 'delivered' }, 'delivered'],
    [{ event: 'opened' }, 'opened'],
    [{ event: 'opened', 'client-info': { bot: 'apple' } }, 'opened-machine'],
    [{ event: 'opened', 'client-info': { bot: '' } }, 'opened'],
    [{ event: 'clicked', url: 'https://shop.example.com/' }, 'clicked'],
    [{ event: 'unsubscribed' }, 'unsubscribed'],
    [{ event: 'complained' }, 'spam-complaint'],
    [{ event: 'Delivered' }, 'delivered'],
  ];
  for (const [fields, expected] of rows) {
    it(`${JSON.stringify(fields)} → ${expected}`, () => {
      expect(response(fields)).to.equal(expected);
    });
  }

  it('skips other events, saying why', () => {
    expect(read({ event: 'stored' }).skipped.map((s) => s.reason)).to.deep.equal([
      'Mailgun event "stored" says nothing about a recipient\'s response',
    ]);
    expect(read({ event: undefined }).skipped.map((s) => s.reason)).to.deep.equal([
      'the event data has no `event` field',
    ]);
  });

  it('gives a reason only to a rejection and a failure', () => {
    expect(read({ event: 'rejected', reject: { reason: 'Sandbox', description: 'add the address' } }).events[0])
      .to.have.property('reason')
      .that.equals('Sandbox; add the address');
    const status = { 'delivery-status': { code: 250, message: 'OK' }, reason: 'r' };
    for (const event of ['accepted', 'delivered', 'opened', 'clicked', 'unsubscribed', 'complained']) {
      expect(read({ event, ...status }).events[0]!.reason, event).to.equal(undefined);
    }
  });
});
