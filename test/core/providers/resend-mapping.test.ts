// Resend's event types and bounce types → response, row by row as docs/providers.md §2.9 maps
// them, and the exact reasons a host sees for bodies that give no event.
import { expect } from 'chai';
import { normalizeProviderEvents } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const body = (type: string | undefined, data: Record<string, unknown> = {}): Record<string, unknown> => ({
  type,
  created_at: '2024-09-23T12:15:03.101Z',
  data: { email_id: '56761188-7520-42d8-8898-ff6fc54ce618', to: [JANE], ...data },
});
const responseOf = (type: string, data?: Record<string, unknown>): string | undefined =>
  normalizeProviderEvents('resend', body(type, data)).events[0]?.response;
const skipsOf = (value: unknown): string[] => normalizeProviderEvents('resend', value).skipped.map((s) => s.reason);

describe('Resend: event type → response', () => {
  const rows: [string, string][] = [
    ['email.scheduled', 'planned'],
    ['email.sent', 'provider-queued'],
    ['email.delivery_delayed', 'provider-delayed'],
    ['email.delivered', 'delivered'],
    ['email.failed', 'delivery-error'],
    ['email.suppressed', 'canceled-do-not-use-email'],
    ['email.complained', 'spam-complaint'],
    ['email.opened', 'opened'],
    ['email.clicked', 'clicked'],
  ];
  for (const [type, response] of rows) {
    it(`${type} → ${response}`, () => {
      expect(responseOf(type)).to.equal(response);
      expect(responseOf(type.toUpperCase())).to.equal(response);
    });
  }
});

describe('Resend: email.bounced', () => {
  it('is a Soft Bounce when Transient, the Unknown response when Undetermined', () => {
    expect(responseOf('email.bounced', { bounce: { type: 'Transient', subType: 'MailboxFull' } })).to.equal(
      'soft-bounce',
    );
    expect(responseOf('email.bounced', { bounce: { type: 'UNDETERMINED' } })).to.equal('unknown');
  });

  it('is a Hard Bounce when permanent, suppressed, or of no stated type', () => {
    expect(responseOf('email.bounced', { bounce: { type: 'Permanent', subType: 'General' } })).to.equal('hard-bounce');
    expect(responseOf('email.bounced', { bounce: { type: 'Permanent', subType: 'Suppressed' } })).to.equal(
      'hard-bounce',
    );
    expect(responseOf('email.bounced', { bounce: { message: 'suppressed sending' } })).to.equal('hard-bounce');
    expect(responseOf('email.bounced')).to.equal('hard-bounce');
  });
});

describe('Resend: bodies that give no event', () => {
  it('names what is not an event in a list a host put together', () => {
    expect(skipsOf([body('email.sent'), true])).to.deep.equal(['a Resend event must be an object, not boolean true']);
  });

  it('says which event it ignored, and when there is no type', () => {
    expect(skipsOf(body('contact.updated'))).to.deep.equal([
      'Resend event "contact.updated" says nothing about a recipient\'s response to an email',
    ]);
    expect(skipsOf(body(undefined))).to.deep.equal(['the body has no `type` field']);
  });

  it('refuses an event about an email with several recipients, since it does not say which one', () => {
    expect(skipsOf(body('email.delivered', { to: [JANE, 'john@example.com'] }))).to.deep.equal([
      "Resend does not say which of the email's 2 recipients this email.delivered is about; send one recipient per email",
    ]);
  });

  it('reads a single recipient written as text', () => {
    const { events } = normalizeProviderEvents(
      'resend',
      body('email.delivered', { to: 'Jane <Jane.Doe@example.com>' }),
    );
    expect(events[0]).to.include({ address: JANE, recipientId: JANE });
  });

  it('has no recipient when the email names none', () => {
    const { events, skipped } = normalizeProviderEvents('resend', body('email.delivered', { to: undefined }));
    expect(events).to.deep.equal([]);
    expect(skipped[0]!.reason).to.match(/^resend email\.delivered: no recipient id/);
  });

  it('has no email when the body has no data', () => {
    const { skipped } = normalizeProviderEvents('resend', {
      type: 'email.delivered',
      created_at: '2024-09-23T12:15:03Z',
    });
    expect(skipped[0]!.reason).to.match(/^resend email\.delivered: no email id/);
  });
});
