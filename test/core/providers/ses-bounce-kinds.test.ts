// What an SES Bounce, Complaint, DeliveryDelay, Reject or Rendering Failure becomes, row by row
// of docs/providers.md ("Amazon SES"): the response, the reason a host shows, the provider's type
// handed to the id finders, and which recipients get an event.
import { expect } from 'chai';
import type { ResponseEvent } from '../../../src/core/event';
import {
  normalizeProviderEvents,
  type NormalizeProviderResult,
  type ProviderEventInfo,
} from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const BOB = 'bob@example.com';
const MAIL = { timestamp: '2024-09-23T12:15:00.012Z', messageId: 'ses-message-1', destination: [JANE] };
const AT = '2024-09-23T12:15:02.669Z';

/** Reads one bare SES event (as SNS raw delivery or a host passes it) and what the id finders saw. */
function read(event: Record<string, unknown>): NormalizeProviderResult & { infos: ProviderEventInfo[] } {
  const infos: ProviderEventInfo[] = [];
  const result = normalizeProviderEvents(
    'ses',
    { mail: MAIL, ...event },
    {
      emailId: (_raw, info) => {
        infos.push(info);
        return undefined;
      },
    },
  );
  return { ...result, infos };
}

function only(event: Record<string, unknown>): ResponseEvent {
  const { events, skipped } = read(event);
  expect(skipped, 'skipped').to.deep.equal([]);
  expect(events).to.have.length(1);
  return events[0]!;
}

function bounce(bounceType: string | undefined, bounceSubType: string | undefined, recipient: object = {}) {
  return {
    eventType: 'Bounce',
    bounce: {
      bounceType,
      bounceSubType,
      bouncedRecipients: [{ emailAddress: JANE, ...recipient }],
      timestamp: AT,
    },
  };
}

describe('SES bounces: the bounce type and sub-type decide the response', () => {
  const rows: [string | undefined, string | undefined, string][] = [
    ['Permanent', 'General', 'hard-bounce'],
    ['Permanent', 'NoEmail', 'hard-bounce'],
    ['Permanent', 'Suppressed', 'hard-bounce'],
    ['Permanent', 'EmailValidationSuppressed', 'invalid-address'],
    ['Permanent', 'UnsubscribedRecipient', 'canceled-unsubscribed-type'],
    // Transient first: whatever the sub-type says, SES gave up retrying a temporary failure.
    ['Transient', 'EmailValidationSuppressed', 'soft-bounce'],
    ['Transient', 'MailboxFull', 'soft-bounce'],
    ['Undetermined', 'Undetermined', 'unknown'],
    ['Undetermined', 'UnsubscribedRecipient', 'unknown'],
    // A bounce with no type at all is an undetermined one.
    [undefined, undefined, 'unknown'],
    // Case does not matter: SES writes PascalCase, forwarders do not always keep it.
    ['TRANSIENT', 'general', 'soft-bounce'],
    ['permanent', 'EMAILVALIDATIONSUPPRESSED', 'invalid-address'],
    ['Permanent', 'unsubscribedrecipient', 'canceled-unsubscribed-type'],
  ];
  for (const [type, subType, response] of rows) {
    it(`${type ?? '(none)'}/${subType ?? '(none)'} → ${response}`, () => {
      expect(only(bounce(type, subType)).response).to.equal(response);
    });
  }

  it('names the bounce in the reason and the type, before the recipient’s SMTP status', () => {
    const { events, infos } = read(
      bounce('Permanent', 'General', { status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }),
    );
    // "5.1.1" is said again by the diagnostic, so it is not repeated.
    expect(events[0]!.reason).to.equal('Permanent/General; smtp; 550 5.1.1 user unknown');
    expect(events[0]!.at).to.equal(Date.parse(AT));
    expect(infos[0]!.type).to.equal('Bounce/Permanent/General');
  });

  it('calls a bounce without type and sub-type Undetermined/Undetermined', () => {
    const { events, infos } = read(bounce(undefined, undefined));
    expect(events[0]!.reason).to.equal('Undetermined/Undetermined');
    expect(infos[0]!.type).to.equal('Bounce/Undetermined/Undetermined');
  });

  it('gives every bounced recipient its own event and reason, and skips a bounce that names none', () => {
    const two = read({
      eventType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [
          { emailAddress: JANE, status: '5.1.1' },
          { emailAddress: `Bob <${BOB}>`, diagnosticCode: 'smtp; 552 mailbox disabled' },
        ],
        timestamp: AT,
      },
    });
    expect(two.events.map((e) => [e.address, e.reason])).to.deep.equal([
      [JANE, 'Permanent/General; 5.1.1'],
      [BOB, 'Permanent/General; smtp; 552 mailbox disabled'],
    ]);
    const none = read({ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bounceSubType: 'General' } });
    expect(none.events).to.deep.equal([]);
    expect(none.skipped.map((s) => s.reason)).to.deep.equal([
      'SES Bounce/Permanent/General: the event names no recipient',
    ]);
  });
});

describe('SES complaints', () => {
  const complaint = (fields: Record<string, unknown>) => ({
    eventType: 'Complaint',
    complaint: { complainedRecipients: [{ emailAddress: JANE }], timestamp: AT, ...fields },
  });

  it('is a Spam complaint, typed and explained by its feedback type', () => {
    const { events, infos } = read(complaint({ complaintFeedbackType: 'abuse' }));
    expect(events[0]).to.include({ response: 'spam-complaint', reason: 'abuse', at: Date.parse(AT) });
    expect(infos[0]!.type).to.equal('Complaint/abuse');
  });

  it('without a feedback type is still a Spam complaint, typed by the event alone', () => {
    const { events, infos } = read(complaint({}));
    expect(events[0]!.response).to.equal('spam-complaint');
    expect(events[0]!.reason).to.equal(undefined);
    expect(infos[0]!.type).to.equal('Complaint');
  });

  it('on the account suppression list is Do not use email (accepted, never sent)', () => {
    const event = only(complaint({ complaintSubType: 'OnAccountSuppressionList' }));
    expect(event).to.include({ response: 'canceled-do-not-use-email', reason: 'OnAccountSuppressionList' });
    expect(only(complaint({ complaintSubType: 'onaccountsuppressionlist' })).response).to.equal(
      'canceled-do-not-use-email',
    );
  });

  it('of type not-spam withdraws a complaint: skipped, in any case', () => {
    for (const feedback of ['not-spam', 'Not-Spam']) {
      const { events, skipped } = read(complaint({ complaintFeedbackType: feedback }));
      expect(events).to.deep.equal([]);
      expect(skipped.map((s) => s.reason)).to.deep.equal([
        'an SES complaint of type not-spam withdraws a complaint; it is no response',
      ]);
    }
  });

  it('with no complaint object names no recipient', () => {
    const { skipped } = read({ eventType: 'Complaint' });
    expect(skipped.map((s) => s.reason)).to.deep.equal(['SES Complaint: the event names no recipient']);
  });
});

describe('SES delivery delays', () => {
  it('gives each delayed recipient the delay type, its status and its diagnostic', () => {
    const { events } = read({
      eventType: 'DeliveryDelay',
      deliveryDelay: {
        delayType: 'TransientCommunicationFailure',
        delayedRecipients: [
          { emailAddress: BOB, status: '4.4.1', diagnosticCode: 'smtp; 421 4.4.1 Unable to connect' },
          { emailAddress: JANE, status: '4.4.7' },
          { emailAddress: 'carol@example.com' },
        ],
        timestamp: AT,
      },
    });
    expect(events.map((e) => [e.response, e.address, e.reason])).to.deep.equal([
      ['provider-delayed', BOB, 'TransientCommunicationFailure; smtp; 421 4.4.1 Unable to connect'],
      ['provider-delayed', JANE, 'TransientCommunicationFailure; 4.4.7'],
      ['provider-delayed', 'carol@example.com', 'TransientCommunicationFailure'],
    ]);
  });

  it('without delayed recipients concerns every destination, explained by the delay type', () => {
    const { events } = read({
      mail: { ...MAIL, destination: [JANE, BOB] },
      eventType: 'DeliveryDelay',
      deliveryDelay: { delayType: 'MailboxFull', timestamp: AT },
    });
    expect(events.map((e) => [e.address, e.reason, e.at])).to.deep.equal([
      [JANE, 'MailboxFull', Date.parse(AT)],
      [BOB, 'MailboxFull', Date.parse(AT)],
    ]);
  });
});

describe('SES refusals before sending', () => {
  it('a Reject is Rejected, with SES’s reason, at the time of the send', () => {
    const event = only({ eventType: 'Reject', reject: { reason: 'Bad content' } });
    expect(event).to.include({ response: 'rejected', reason: 'Bad content', at: Date.parse(MAIL.timestamp) });
  });

  it('a Rendering Failure is a Delivery error naming the template and its error', () => {
    const { events, infos } = read({
      eventType: 'Rendering Failure',
      failure: { templateName: 'welcome', errorMessage: 'Attribute first_name is not present' },
    });
    expect(events[0]).to.include({
      response: 'delivery-error',
      reason: 'welcome; Attribute first_name is not present',
    });
    // The type keeps SES's own spelling of the event.
    expect(infos[0]!.type).to.equal('Rendering Failure');
  });

  it('reads the event type whatever its spacing and case', () => {
    for (const eventType of ['RenderingFailure', 'renderingfailure', 'Rendering  Failure']) {
      expect(only({ eventType, failure: { templateName: 'welcome' } }).response, eventType).to.equal('delivery-error');
    }
    expect(only({ eventType: 'DELIVERY DELAY', deliveryDelay: { delayType: 'Undetermined' } }).response).to.equal(
      'provider-delayed',
    );
  });
});
