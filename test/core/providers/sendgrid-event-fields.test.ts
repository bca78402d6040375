// What a SendGrid event carries besides its response (docs/providers.md, "Identity and time"):
// the custom args (every top-level key that is not SendGrid's own), the message id the send API
// returned, the categories, the reason a host shows, and the type the id finders see.
import { expect } from 'chai';
import { normalizeProviderEvents, type ProviderEventInfo } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const BASE = { email: JANE, timestamp: 1727094000, sg_message_id: 'msg-1.filter-0', sg_event_id: 'ev-1' };

/** The event and what the id finders were told about it. */
function read(fields: Record<string, unknown>) {
  const infos: ProviderEventInfo[] = [];
  const result = normalizeProviderEvents('sendgrid', [{ ...BASE, ...fields }], {
    emailId: (_raw, info) => {
      infos.push(info);
      return undefined;
    },
  });
  return { ...result, event: result.events[0], info: infos[0] };
}

/** Every key SendGrid itself writes into an event; none of them is a custom arg. */
const SENDGRID_OWN: Record<string, string> = {
  'smtp-id': '<msg-1@geopod>',
  category: 'newsletter',
  sg_template_id: 't',
  sg_template_name: 't',
  sg_content_type: 'html',
  sg_machine_open: 'false',
  sg_user_id: '1',
  ip: '149.72.123.24',
  useragent: 'Mozilla/5.0',
  reason: 'r',
  status: '2.0.0',
  response: '250 OK',
  tls: '1',
  attempt: '1',
  url: 'https://shop.example.com/',
  url_offset: '0',
  asm_group_id: '7',
  type: 'bounce',
  bounce_classification: 'Invalid Address',
  pool: 'transactional',
  send_at: '0',
  cert_err: '0',
  marketing_campaign_id: '1',
  marketing_campaign_name: 'n',
  marketing_campaign_version: '1',
  marketing_campaign_split_id: '1',
  singlesend_id: 's',
  singlesend_name: 's',
  template_id: 't',
  template_version_id: 't',
  template_name: 't',
  mc_stats: 'singlesend',
  phase_id: 'send',
  variation_id: 'v',
  post_type: 'event',
  newsletter: 'n',
};

describe('SendGrid custom args', () => {
  it('are the top-level keys that are not SendGrid’s own, as text', () => {
    const { info } = read({
      event: 'delivered',
      ...SENDGRID_OWN,
      campaign_uuid: 'c0ffee00',
      order: 10045,
      nested: { a: 1 },
      empty: '',
    });
    expect(info!.metadata).to.deep.equal({ campaign_uuid: 'c0ffee00', order: '10045' });
  });

  it('hold the email and recipient ids a host attached at send time', () => {
    const { event } = read({ event: 'delivered', email_id: 'newsletter-42', recipient_id: 'contact-9' });
    expect(event).to.include({ emailId: 'newsletter-42', recipientId: 'contact-9', address: JANE });
  });
});

describe('SendGrid message ids', () => {
  it('is sg_message_id up to its first dot: the X-Message-Id the send API returned', () => {
    expect(read({ event: 'delivered', sg_message_id: 'abc.def.ghi' }).info!.messageId).to.equal('abc');
    expect(read({ event: 'delivered', sg_message_id: 'abc' }).info!.messageId).to.equal('abc');
  });

  it('falls back to smtp-id without its angle brackets', () => {
    const { info } = read({ event: 'delivered', sg_message_id: undefined, 'smtp-id': '<abc@geopod-1>' });
    expect(info!.messageId).to.equal('abc@geopod-1');
  });
});

describe('SendGrid event details', () => {
  it('gives the id finders the categories, the address and the event’s type', () => {
    const { info, event } = read({ event: 'Open', category: ['newsletter', '2024-09'] });
    expect(info).to.deep.include({ type: 'open', address: JANE, tags: ['newsletter', '2024-09'] });
    expect(event).to.include({ id: 'sendgrid:ev-1', at: 1727094000000 });
    expect(read({ event: 'open', category: 'newsletter' }).info!.tags).to.deep.equal(['newsletter']);
  });

  it('types a bounce by its bounce type, and no other event by a type field', () => {
    expect(read({ event: 'bounce', type: 'Blocked' }).info!.type).to.equal('bounce/Blocked');
    expect(read({ event: 'bounce' }).info!.type).to.equal('bounce');
    expect(read({ event: 'delivered', type: 'bounce' }).info!.type).to.equal('delivered');
  });

  it('explains a failure by its classification, reason, status, SMTP answer and attempt, in that order', () => {
    const { event } = read({
      event: 'deferred',
      bounce_classification: 'Reputation',
      reason: 'Blocked by the receiver',
      status: '4.7.1',
      response: '421 Try again later',
      attempt: 3,
    });
    expect(event!.reason).to.equal('Reputation; Blocked by the receiver; 4.7.1; 421 Try again later; attempt 3');
    expect(read({ event: 'deferred', response: '421 Try again later' }).event!.reason).to.equal('421 Try again later');
  });

  it('gives no reason to a delivery, an open, a machine open or a click, whatever fields they carry', () => {
    const fields = { response: '250 OK', reason: 'r', status: '2.0.0', attempt: '1' };
    for (const event of ['delivered', 'open', 'click']) {
      expect(read({ event, ...fields }).event!.reason, event).to.equal(undefined);
    }
    expect(read({ event: 'open', sg_machine_open: true, ...fields }).event!.reason).to.equal(undefined);
    expect(read({ event: 'processed', ...fields }).event!.reason).to.equal('r; 2.0.0; 250 OK; attempt 1');
  });

  it('keeps the clicked link', () => {
    expect(read({ event: 'click', url: 'https://shop.example.com/sale' }).event!.url).to.equal(
      'https://shop.example.com/sale',
    );
  });
});
