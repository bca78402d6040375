// Batches, replays, ids, options and body forms of normalizeProviderEvents.
import { expect } from 'chai';
import { createResponseState } from '../../../src/core/fold-events';
import { normalizeProviderEvents, type ProviderName } from '../../../src/core/providers/index';
import { fixtureTexts, fixtures } from '../../fixtures/providers/index';

const JANE = 'jane.doe@example.com';
const text = (folder: string, name: string): string => fixtureTexts[folder]![name]!;
const parsed = <T = Record<string, unknown>>(folder: string, name: string): T => JSON.parse(text(folder, name)) as T;

describe('normalizeProviderEvents: batches', () => {
  it('reads every item of a SendGrid batch and skips the one about the account', () => {
    const { events, skipped } = normalizeProviderEvents('sendgrid', text('sendgrid', 'batch_mixed'));
    expect(events.map((e) => e.response)).to.deep.equal(['provider-queued', 'delivered', 'opened-machine']);
    expect(skipped).to.have.length(1);
    expect(skipped[0]!.input).to.deep.include({ event: 'account_status_change' });
  });

  it('reads several SparkPost items, pings included, in one body', () => {
    const batch = ['injection', 'delivery', 'ping_empty', 'open', 'click'].flatMap((name) =>
      parsed<unknown[]>('sparkpost', name),
    );
    const { events, skipped } = normalizeProviderEvents('sparkpost', JSON.stringify(batch));
    expect(events.map((e) => e.response)).to.deep.equal(['provider-queued', 'delivered', 'opened', 'clicked']);
    expect(skipped.map((s) => s.reason)).to.deep.equal(['an empty {"msys": {}} is SparkPost\'s ping']);
  });

  it('keeps going past bad items in a batch', () => {
    const batch = [null, 7, 'text', [], ...parsed<unknown[]>('sendgrid', 'delivered'), { event: 'open' }];
    const { events, skipped } = normalizeProviderEvents('sendgrid', batch);
    expect(events.map((e) => e.response)).to.deep.equal(['delivered']);
    expect(skipped).to.have.length(5);
    expect(skipped[4]!.reason).to.match(/no readable time/);
  });

  it('reads Brevo and Mailjet both as one object and as an array', () => {
    const brevo = parsed('brevo', 'transactional_delivered');
    expect(normalizeProviderEvents('brevo', [brevo, brevo]).events).to.have.length(2);
    expect(normalizeProviderEvents('mailjet', text('mailjet', 'single_ungrouped_sent')).events[0]!.response).to.equal(
      'delivered',
    );
  });

  it('reads a page of the Mailgun Events API and bare event data', () => {
    const page = {
      items: ['accepted', 'delivered', 'opened'].map(
        (name) => parsed<Record<string, unknown>>('mailgun', name)['event-data'],
      ),
      paging: {},
    };
    expect(normalizeProviderEvents('mailgun', page).events.map((e) => e.response)).to.deep.equal([
      'provider-queued',
      'delivered',
      'opened',
    ]);
    const bare = parsed<Record<string, unknown>>('mailgun', 'delivered')['event-data'];
    expect(normalizeProviderEvents('mailgun', bare).events[0]!.id).to.equal(
      'mailgun:hK7mQVt1QtqRiOfQXta4sw:1727093702626',
    );
  });

  it('gives each recipient of a multi-recipient SES notification its own event and id', () => {
    const envelope = parsed<Record<string, string>>('amazon-ses', 'sns_envelope_notification_bounce');
    const message = JSON.parse(envelope.Message!) as { bounce: { bouncedRecipients: unknown[] } };
    message.bounce.bouncedRecipients.push({
      emailAddress: 'Bob@Example.com',
      status: '5.1.1',
      diagnosticCode: 'smtp; 550 5.1.1 no such user',
    });
    const body = JSON.stringify({ ...envelope, Message: JSON.stringify(message) });
    const { events } = normalizeProviderEvents('ses', body);
    expect(events.map((e) => [e.id, e.address])).to.deep.equal([
      ['ses:22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324:0', JANE],
      ['ses:22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324:1', 'bob@example.com'],
    ]);
    expect(events[1]!.reason).to.match(/no such user/);
  });

  it('reads SES events inside EventBridge', () => {
    const body = {
      version: '0',
      id: 'eb-7f1c',
      'detail-type': 'Email Delivered',
      source: 'aws.ses',
      time: '2024-09-23T12:15:02Z',
      detail: parsed('amazon-ses', 'delivery'),
    };
    const { events } = normalizeProviderEvents('ses', body);
    expect(events[0]).to.include({ id: 'ses:eb-7f1c', response: 'delivered' });
  });
});

describe('normalizeProviderEvents: replays dedupe', () => {
  const providers: [ProviderName, string][] = [
    ['sendgrid', 'sendgrid'],
    ['mailgun', 'mailgun'],
    ['ses', 'amazon-ses'],
    ['postmark', 'postmark'],
    ['elastic-email', 'elastic-email'],
    ['sparkpost', 'sparkpost'],
    ['brevo', 'brevo'],
    ['mailjet', 'mailjet'],
    ['resend', 'resend'],
  ];

  it('gives the same ids when the same body arrives again, for every sample', () => {
    for (const [provider, folder] of providers) {
      for (const [name, body] of Object.entries(fixtureTexts[folder]!)) {
        if (name.startsWith('_')) continue;
        const first = normalizeProviderEvents(provider, body).events.map((e) => e.id);
        const again = normalizeProviderEvents(provider, body).events.map((e) => e.id);
        expect(again, `${folder}/${name}`).to.deep.equal(first);
      }
    }
  });

  it('gives distinct ids to the distinct events of a body', () => {
    for (const [provider, folder] of providers) {
      for (const [name, body] of Object.entries(fixtureTexts[folder]!)) {
        const ids = normalizeProviderEvents(provider, body).events.map((e) => e.id);
        expect(new Set(ids).size, `${folder}/${name}`).to.equal(ids.length);
      }
    }
  });

  it('applies a redelivered webhook once in the fold', () => {
    const state = createResponseState();
    const body = text('brevo', 'transactional_batched');
    const first = state.apply(normalizeProviderEvents('brevo', body).events);
    const again = state.apply(normalizeProviderEvents('brevo', parsed('brevo', 'transactional_batched')).events);
    expect(first.accepted).to.equal(3);
    expect(again).to.include({ accepted: 0, duplicates: 3 });
    const recipient = state.recipient('202409231215.12345678901@smtp-relay.mailin.fr', JANE)!;
    expect(recipient).to.include({ response: 'opened', opens: 1 });
  });

  it('reaches the same state from a whole story in any order (the seed example: open, click, spam)', () => {
    const story = ['grouped_mixed', 'spam'].flatMap(
      (name) => normalizeProviderEvents('mailjet', text('mailjet', name)).events,
    );
    const forwards = createResponseState();
    forwards.apply(story);
    const backwards = createResponseState();
    backwards.apply([...story].reverse());
    backwards.apply(story);
    for (const state of [forwards, backwards]) {
      expect(state.recipient('288230393467521450', '48213')).to.include({
        response: 'spam-complaint',
        opens: 1,
        clicks: 1,
      });
    }
  });

  it('takes ids from the request headers where the provider puts them there', () => {
    const resend = normalizeProviderEvents('resend', text('resend', 'email.delivered'), {
      headers: parsed('resend', '_request_headers'),
    });
    expect(resend.events[0]!.id).to.equal('resend:msg_2W2D3qXLS5fOaPja1GDg7rF2CwB');
    const headers = new Headers({ 'X-Amz-Sns-Message-Id': '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324' });
    const raw = normalizeProviderEvents('ses', text('amazon-ses', 'delivery'), { headers });
    expect(raw.events[0]!.id).to.equal('ses:22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324');
    const item = parsed<[{ msys: { message_event: Record<string, unknown> } }]>('sparkpost', 'delivery');
    delete item[0].msys.message_event.event_id;
    const sparkpost = normalizeProviderEvents('sparkpost', item, { headers: { 'X-MessageSystems-Batch-ID': 'b-77' } });
    expect(sparkpost.events[0]!.id).to.equal('sparkpost:b-77:0');
  });
});

describe('normalizeProviderEvents: emailId and recipientId', () => {
  it('takes them from metadata under the configured keys', () => {
    const options = { emailIdKeys: ['campaign_uuid'], recipientIdKeys: ['recipient_id'] };
    const postmark = normalizeProviderEvents('postmark', text('postmark', 'delivery'), options).events[0]!;
    expect(postmark).to.include({ emailId: 'c0ffee00-1111-4222-8333-444455556666', recipientId: '48213' });
    for (const [provider, folder, name] of [
      ['sendgrid', 'sendgrid', 'delivered'],
      ['mailgun', 'mailgun', 'delivered'],
      ['sparkpost', 'sparkpost', 'delivery'],
      ['brevo', 'brevo', 'transactional_delivered'],
      ['resend', 'resend', 'email.delivered'],
      ['elastic-email', 'elastic-email', 'sent'],
    ] as const) {
      const event = normalizeProviderEvents(provider, text(folder, name), {
        emailIdKeys: ['campaign_uuid', 'postback'],
      }).events[0]!;
      expect(event.emailId, provider).to.equal('c0ffee00-1111-4222-8333-444455556666');
      expect(event.recipientId, provider).to.equal(JANE);
    }
    const ses = normalizeProviderEvents('ses', text('amazon-ses', 'delivery'), { emailIdKeys: ['campaign'] })
      .events[0]!;
    expect(ses.emailId).to.equal('autumn-sale');
  });

  it('finds the default keys emailId / email_id and recipientId / recipient_id in any case', () => {
    const [item] = parsed<[Record<string, unknown>]>('sendgrid', 'delivered');
    const { events } = normalizeProviderEvents('sendgrid', [{ ...item, EMAIL_ID: 'e-9', recipientId: 'r-3' }]);
    expect(events[0]).to.include({ emailId: 'e-9', recipientId: 'r-3' });
  });

  it('asks the finders first, with the raw event and what was found', () => {
    const seen: unknown[] = [];
    const { events } = normalizeProviderEvents('sendgrid', text('sendgrid', 'bounce_async_no_message_id'), {
      emailId: (raw, info) => {
        seen.push(raw.sg_event_id, info.address, info.messageId, info.type);
        return 'email-from-host';
      },
      recipientId: (_raw, info) => `row-of-${info.address}`,
    });
    expect(events[0]).to.include({
      emailId: 'email-from-host',
      recipientId: `row-of-${JANE}`,
      response: 'hard-bounce',
    });
    expect(seen).to.deep.equal(['Ym91bmNlLWFzeW5jLTI2NjM5ODM5', JANE, undefined, 'bounce/bounce']);
  });

  it('falls back to the defaults when a finder returns nothing, and skips when a finder throws', () => {
    const fallback = normalizeProviderEvents('postmark', text('postmark', 'open'), { emailId: () => undefined });
    expect(fallback.events[0]!.emailId).to.equal('883953f4-6105-42a2-a16a-77a8eac79483');
    const broken = normalizeProviderEvents('postmark', text('postmark', 'open'), {
      recipientId: () => {
        throw new Error('lookup down');
      },
    });
    expect(broken.events).to.have.length(0);
    expect(broken.skipped[0]!.reason).to.match(/options\.recipientId failed: lookup down/);
  });

  it('lets one options object carry settings per provider', () => {
    const options = { emailIdKeys: ['nothing'], providers: { postmark: { emailIdKeys: ['campaign_uuid'] } } };
    expect(normalizeProviderEvents('postmark', text('postmark', 'open'), options).events[0]!.emailId).to.equal(
      'c0ffee00-1111-4222-8333-444455556666',
    );
    expect(normalizeProviderEvents('resend', text('resend', 'email.opened'), options).events[0]!.emailId).to.equal(
      '56761188-7520-42d8-8898-ff6fc54ce618',
    );
  });

  it('opens JSON and key=value postbacks of Elastic Email', () => {
    const sent = parsed<Record<string, string>>('elastic-email', 'sent');
    const json = normalizeProviderEvents('elastic-email', { ...sent, postback: '{"emailId":"e-1","recipientId":77}' })
      .events[0]!;
    expect(json).to.include({ emailId: 'e-1', recipientId: '77' });
    const pairs = normalizeProviderEvents('elastic-email', { ...sent, postback: 'emailId=e-2&recipient_id=78' })
      .events[0]!;
    expect(pairs).to.include({ emailId: 'e-2', recipientId: '78' });
  });

  it('lower-cases addresses and reads them out of display names', () => {
    const [item] = parsed<[Record<string, unknown>]>('sendgrid', 'open');
    const { events } = normalizeProviderEvents('sendgrid', [{ ...item, email: ' Jane.Doe@Example.COM ' }]);
    expect(events[0]!.address).to.equal(JANE);
    const rejected = normalizeProviderEvents('mailgun', text('mailgun', 'rejected')).events[0]!;
    expect(rejected.address).to.equal(JANE);
  });
});

describe('normalizeProviderEvents: body forms', () => {
  it("keeps Mailjet's 18-digit MessageID exact when the body is text", () => {
    const fromText = normalizeProviderEvents('mailjet', text('mailjet', 'open')).events[0]!;
    expect(fromText.emailId).to.equal('288230393467521450');
    // JSON.parse has already rounded it: the digits cannot be recovered from the parsed value…
    const fromValue = normalizeProviderEvents('mailjet', fixtures.mailjet!.open).events[0]!;
    expect(fromValue.emailId).to.not.equal('288230393467521450');
    // …but mj_message_id, where Mailjet sends it, still has them.
    expect(normalizeProviderEvents('mailjet', fixtures.mailjet!.sent).events[0]!.emailId).to.equal(
      '288230393467521450',
    );
  });

  it('reads bytes as text', () => {
    const bytes = new TextEncoder().encode(text('mailjet', 'click'));
    expect(normalizeProviderEvents('mailjet', bytes).events[0]).to.include({
      response: 'clicked',
      emailId: '288230393467521450',
    });
    expect(normalizeProviderEvents('mailjet', bytes.buffer).events[0]!.emailId).to.equal('288230393467521450');
  });

  it('reads Elastic Email from a query string, a URL, URLSearchParams and an object alike', () => {
    const params = new URLSearchParams(parsed<Record<string, string>>('elastic-email', 'clicked'));
    const bodies = [
      params.toString(),
      `?${params.toString()}`,
      `https://hooks.example.net/ee?${params.toString()}`,
      params,
      Object.fromEntries(params),
    ];
    const ids = bodies.map((body) => {
      const { events } = normalizeProviderEvents('elastic-email', body);
      expect(events[0]).to.include({ response: 'clicked', url: 'https://shop.example.com/sale?utm_source=newsletter' });
      return events[0]!.id;
    });
    expect(new Set(ids).size).to.equal(1);
  });

  it('tells an SNS subscription confirmation and the SES test message apart from events', () => {
    const confirmation = normalizeProviderEvents('ses', text('amazon-ses', 'sns_envelope_subscription_confirmation'));
    expect(confirmation.events).to.have.length(0);
    expect(confirmation.skipped[0]!.reason).to.match(/SubscribeURL/);
    const envelope = parsed('amazon-ses', 'sns_envelope_notification_bounce');
    const test = normalizeProviderEvents('ses', {
      ...envelope,
      Message: 'Successfully validated SNS topic for Amazon SES event publishing.',
    });
    expect(test.events).to.have.length(0);
    expect(test.skipped[0]!.reason).to.match(/not an SES event/);
  });
});
