// Every row of the SendGrid table in docs/providers.md ("Mapping", "SendGrid"), one example each:
// the event (any case), the condition that tells rows apart, the response; what is skipped and
// the exact reason a host shows.
import { expect } from 'chai';
import { normalizeProviderEvents, type NormalizeProviderResult } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const BASE = { email: JANE, timestamp: 1727094000, sg_message_id: 'msg-1.filter-0', sg_event_id: 'ev-1' };

const read = (fields: Record<string, unknown>): NormalizeProviderResult =>
  normalizeProviderEvents('sendgrid', [{ ...BASE, ...fields }]);

function response(fields: Record<string, unknown>): string | undefined {
  const { events, skipped } = read(fields);
  expect(skipped, 'skipped').to.deep.equal([]);
  return events[0]?.response;
}

describe('SendGrid events to responses', () => {
  const rows: [Record<string, unknown>, string][] = [
    [{ event: 'processed' }, 'provider-queued'],
    [{ event: 'deferred' }, 'provider-delayed'],
    [{ event: 'delivered' }, 'delivered'],
    [{ event: 'bounce', type: 'bounce' }, 'hard-bounce'],
    [{ event: 'bounce' }, 'hard-bounce'],
    [{ event: 'bounce', type: 'blocked' }, 'soft-bounce'],
    [{ event: 'bounce', type: 'Blocked' }, 'soft-bounce'],
    [{ event: 'bounce', type: 'expired' }, 'soft-bounce'],
    [{ event: 'open' }, 'opened'],
    [{ event: 'open', sg_machine_open: true }, 'opened-machine'],
    [{ event: 'open', sg_machine_open: false }, 'opened'],
    [{ event: 'click', url: 'https://shop.example.com/' }, 'clicked'],
    [{ event: 'spamreport' }, 'spam-complaint'],
    [{ event: 'unsubscribe' }, 'unsubscribed'],
    [{ event: 'group_unsubscribe', asm_group_id: 12 }, 'unsubscribed'],
    // The event name in another case is the same event.
    [{ event: 'Delivered' }, 'delivered'],
    [{ event: 'SPAMREPORT' }, 'spam-complaint'],
  ];
  for (const [fields, expected] of rows) {
    it(`${JSON.stringify(fields)} → ${expected}`, () => {
      expect(response(fields)).to.equal(expected);
    });
  }
});

describe('SendGrid processed events: Planned only for a send later than the event', () => {
  it('a send_at after the event is Planned; at or before it, or absent, Provider queued', () => {
    expect(response({ event: 'processed', send_at: 1727094001 })).to.equal('planned');
    expect(response({ event: 'processed', send_at: 1727094000 })).to.equal('provider-queued');
    expect(response({ event: 'processed', send_at: 1727093999 })).to.equal('provider-queued');
    expect(response({ event: 'processed', send_at: 'soon' })).to.equal('provider-queued');
  });
});

describe('SendGrid drop reasons', () => {
  const rows: [string, Record<string, unknown>, string][] = [
    ['Unsubscribed Address', { asm_group_id: 7 }, 'canceled-unsubscribed-type'],
    ['Unsubscribed Address', {}, 'canceled-do-not-use-email'],
    // A group id on a drop for another reason does not make it an unsubscribe.
    ['Spam Reporting Address', { asm_group_id: 7 }, 'canceled-do-not-use-email'],
    ['Bounced Address', {}, 'hard-bounce'],
    ['Invalid SMTPAPI header', {}, 'delivery-error'],
    ['Recipient List over Package Quota', {}, 'delivery-error'],
    ['Invalid', {}, 'invalid-address'],
    ['Invalid Address', {}, 'invalid-address'],
    ['Duplicate address', {}, 'canceled-duplicate'],
    ['Spam Content (if spam checker app enabled)', {}, 'rejected'],
    ['a reason SendGrid adds next year', {}, 'rejected'],
    ['UNSUBSCRIBED ADDRESS', {}, 'canceled-do-not-use-email'],
  ];
  for (const [reason, fields, expected] of rows) {
    it(`${reason}${'asm_group_id' in fields ? ' (with a group)' : ''} → ${expected}`, () => {
      const { events } = read({ event: 'dropped', reason, ...fields });
      expect(events[0]).to.include({ response: expected, reason });
    });
  }

  it('a drop without a reason is Rejected', () => {
    expect(response({ event: 'dropped' })).to.equal('rejected');
  });
});

describe('SendGrid events that say nothing about the response', () => {
  const rows: [unknown, string][] = [
    [
      'group_resubscribe',
      'a resubscribe to an unsubscribe group says nothing about how the recipient responded to the email',
    ],
    ['account_status_change', 'an account status change is about the SendGrid account, not a recipient'],
    ['Account_Status_Change', 'an account status change is about the SendGrid account, not a recipient'],
    ['machine_learning', 'SendGrid event "machine_learning" says nothing about a recipient\'s response'],
    ['', 'the item has no `event` field'],
    [undefined, 'the item has no `event` field'],
  ];
  for (const [event, reason] of rows) {
    it(`${String(event) || '(empty)'} is skipped: ${reason}`, () => {
      const { events, skipped } = read({ event });
      expect(events).to.deep.equal([]);
      expect(skipped.map((s) => s.reason)).to.deep.equal([reason]);
    });
  }
});

describe('SendGrid batches', () => {
  it('reads every event of the batch and skips what is not an object, naming it', () => {
    const { events, skipped } = normalizeProviderEvents('sendgrid', [
      { ...BASE, event: 'delivered' },
      null,
      { ...BASE, sg_event_id: 'ev-2', event: 'open' },
    ]);
    expect(events.map((e) => e.response)).to.deep.equal(['delivered', 'opened']);
    expect(skipped.map((s) => s.reason)).to.deep.equal(['a SendGrid event must be an object, not null']);
  });
});

describe('SendGrid unsubscribe scope', () => {
  it('an unsubscribe group is one email type; a plain unsubscribe is everything', () => {
    expect(read({ event: 'group_unsubscribe', asm_group_id: 12 }).events[0]!.scope).to.equal('type');
    expect(read({ event: 'unsubscribe', asm_group_id: 12 }).events[0]!.scope).to.equal(undefined);
  });
});
