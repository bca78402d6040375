// Every provider sample maps as docs/providers.md says: one explicit expectation per sample file.
import { expect } from 'chai';
import type { ResponseEvent } from '../../../src/core/event';
import { normalizeProviderEvents, type ProviderName } from '../../../src/core/providers/index';
import { compileRules } from '../../../src/core/rules';
import { checkEvent, type CheckedEvent } from '../../../src/core/validate';
import { fixtureTexts, fixtures } from '../../fixtures/providers/index';

interface Want {
  response: string;
  /** Epoch ms, or ISO text with a zone. */
  at: number | string;
  id?: string | RegExp;
  address?: string;
  emailId?: string;
  recipientId?: string;
  url?: string;
  reason?: RegExp;
}

interface Case {
  events: Want[];
  skipped?: RegExp[];
}

const JANE = 'jane.doe@example.com';
const rules = compileRules();

/** Folder name → provider name, and what most samples of the provider share. */
const PROVIDERS: Record<string, { provider: ProviderName; emailId: string; recipientId: string; id: RegExp }> = {
  'amazon-ses': {
    provider: 'ses',
    emailId: '0102019222a1b2c3-8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b-000000',
    recipientId: JANE,
    id: /^ses:h[0-9a-f]{16}$/,
  },
  brevo: {
    provider: 'brevo',
    emailId: '202409231215.12345678901@smtp-relay.mailin.fr',
    recipientId: JANE,
    id: /^brevo:h[0-9a-f]{16}$/,
  },
  'elastic-email': {
    provider: 'elastic-email',
    emailId: 'rB8xQyZ0a1b2c3d4e5f6g7',
    recipientId: JANE,
    id: /^elastic-email:h[0-9a-f]{16}$/,
  },
  mailgun: {
    provider: 'mailgun',
    emailId: '20240923121500.5f4e3d2c1b0a9988@mg.example.org',
    recipientId: JANE,
    id: /^mailgun:[\w-]+:\d{13}$/,
  },
  mailjet: { provider: 'mailjet', emailId: '288230393467521450', recipientId: '48213', id: /^mailjet:h[0-9a-f]{16}$/ },
  postmark: {
    provider: 'postmark',
    emailId: '883953f4-6105-42a2-a16a-77a8eac79483',
    recipientId: '48213',
    id: /^postmark:(bounce-4323372036|h[0-9a-f]{16})$/,
  },
  resend: {
    provider: 'resend',
    emailId: '56761188-7520-42d8-8898-ff6fc54ce618',
    recipientId: JANE,
    id: /^resend:h[0-9a-f]{16}$/,
  },
  sendgrid: { provider: 'sendgrid', emailId: '8d2Kx1QxRlqNbY7pC3yQ', recipientId: JANE, id: /^sendgrid:[\w-]+$/ },
  sparkpost: { provider: 'sparkpost', emailId: '65832150921904138', recipientId: JANE, id: /^sparkpost:\d+$/ },
};

const one = (want: Want): Case => ({ events: [want] });
const skippedOnly = (...reasons: RegExp[]): Case => ({ events: [], skipped: reasons });
const SALE_URL = 'https://shop.example.com/sale?utm_source=newsletter';

const EXPECTED: Record<string, Record<string, Case>> = {
  'amazon-ses': {
    bounce_permanent_general: one({
      response: 'hard-bounce',
      at: '2024-09-23T12:15:02.669Z',
      reason: /Permanent\/General; smtp; 550 5\.1\.1 user unknown/,
    }),
    bounce_permanent_noemail: one({ response: 'hard-bounce', at: '2024-09-23T12:15:02.669Z', reason: /NoEmail/ }),
    bounce_permanent_onaccountsuppressionlist: one({
      response: 'hard-bounce',
      at: '2024-09-23T12:15:02.669Z',
      reason: /OnAccountSuppressionList/,
    }),
    bounce_permanent_suppressed: one({
      response: 'hard-bounce',
      at: '2024-09-23T12:15:02.669Z',
      reason: /Permanent\/Suppressed/,
    }),
    bounce_transient_general: one({
      response: 'soft-bounce',
      at: '2024-09-23T12:15:02.669Z',
      reason: /4\.4\.7 Message expired/,
    }),
    bounce_transient_mailboxfull: one({
      response: 'soft-bounce',
      at: '2024-09-23T12:15:02.669Z',
      reason: /MailboxFull/,
    }),
    bounce_undetermined: one({ response: 'unknown', at: '2024-09-23T12:15:02.669Z', reason: /Undetermined/ }),
    click: one({ response: 'clicked', at: '2024-09-23T13:02:25.570Z', url: SALE_URL }),
    complaint: one({ response: 'spam-complaint', at: '2024-09-26T08:41:02.669Z', reason: /abuse/ }),
    delivery: one({ response: 'delivered', at: '2024-09-23T12:15:01.133Z' }),
    delivery_delay: one({
      response: 'provider-delayed',
      at: '2024-09-23T12:25:40.095Z',
      reason: /TransientCommunicationFailure; .*421 4\.4\.1/,
    }),
    legacy_notification_bounce: one({ response: 'hard-bounce', at: '2024-09-23T12:15:02.669Z' }),
    open: one({ response: 'opened', at: '2024-09-23T13:01:19.652Z' }),
    reject: one({ response: 'rejected', at: '2024-09-23T12:15:00.012Z', reason: /Bad content/ }),
    rendering_failure: one({ response: 'delivery-error', at: '2024-09-23T12:15:00.012Z', reason: /first_name/ }),
    send: one({ response: 'provider-queued', at: '2024-09-23T12:15:00.012Z' }),
    sns_envelope_notification_bounce: one({
      response: 'hard-bounce',
      at: '2024-09-23T12:15:02.669Z',
      id: 'ses:22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
    }),
    sns_envelope_subscription_confirmation: skippedOnly(/SubscriptionConfirmation.*SubscribeURL/),
    subscription: one({ response: 'unsubscribed', at: '2024-09-23T14:00:17.910Z' }),
  },
  brevo: {
    marketing_click: one({ response: 'clicked', at: 1727096545000, emailId: '312', url: SALE_URL }),
    marketing_delivered: one({ response: 'delivered', at: 1727093703000, emailId: '312' }),
    marketing_hard_bounced: one({
      response: 'hard-bounce',
      at: 1727093703000,
      emailId: '312',
      reason: /550 5\.1\.1 user unknown/,
    }),
    marketing_opened: one({ response: 'opened', at: 1727096479000, emailId: '312' }),
    marketing_proxy_open: one({ response: 'opened-machine', at: 1727093709000, emailId: '312' }),
    marketing_soft_bounced: one({ response: 'soft-bounce', at: 1727093703000, emailId: '312', reason: /mailbox full/ }),
    marketing_spam: one({ response: 'spam-complaint', at: 1727340062000, emailId: '312' }),
    marketing_unsubscribed: one({ response: 'unsubscribed', at: 1727100032000, emailId: '312', reason: /lists 3, 42/ }),
    transactional_batched: {
      events: [
        { response: 'provider-queued', at: 1727093703123 },
        { response: 'delivered', at: 1727093704001 },
        { response: 'opened', at: 1727096479652 },
      ],
    },
    transactional_blocked: one({ response: 'canceled-do-not-use-email', at: 1727093703123, reason: /blacklist/ }),
    transactional_click: one({ response: 'clicked', at: 1727096545570, url: 'https://shop.example.com/orders/10045' }),
    transactional_complaint: one({ response: 'spam-complaint', at: 1727093703123 }),
    transactional_deferred: one({ response: 'provider-delayed', at: 1727093703123, reason: /421 4\.7\.0/ }),
    transactional_delivered: one({ response: 'delivered', at: 1727093703123 }),
    transactional_error: one({ response: 'delivery-error', at: 1727093703123, reason: /Template rendering error/ }),
    transactional_hard_bounce: one({
      response: 'hard-bounce',
      at: 1727093703123,
      reason: /^RecipientError: 550 5\.5\.0/,
    }),
    transactional_invalid_email: one({ response: 'invalid-address', at: 1727093703123 }),
    transactional_opened: one({ response: 'opened', at: 1727098200001 }),
    transactional_proxy_open: one({ response: 'opened-machine', at: 1727093709300 }),
    transactional_request: one({ response: 'provider-queued', at: 1727093703123 }),
    transactional_soft_bounce: one({ response: 'soft-bounce', at: 1727093703123, reason: /452 4\.2\.2/ }),
    transactional_spam: one({ response: 'spam-complaint', at: 1727093703123 }),
    transactional_unique_opened: one({ response: 'opened', at: 1727096479652 }),
    transactional_unique_proxy_open: one({ response: 'opened-machine', at: 1727093708300 }),
    transactional_unsubscribed: one({ response: 'unsubscribed', at: 1727100032000 }),
  },
  'elastic-email': {
    abuse_report: one({ response: 'spam-complaint', at: '2024-09-26T08:41:02Z' }),
    clicked: one({ response: 'clicked', at: '2024-09-23T13:02:25Z', url: SALE_URL }),
    error_accountproblem: one({ response: 'soft-bounce', at: '2024-09-23T12:15:03Z', reason: /^AccountProblem$/ }),
    error_blacklisted: one({ response: 'soft-bounce', at: '2024-09-23T12:15:03Z', reason: /^BlackListed$/ }),
    error_greylisted: one({ response: 'soft-bounce', at: '2024-09-23T12:15:03Z', reason: /^GreyListed$/ }),
    error_manualcancel: one({ response: 'stopped-manually', at: '2024-09-23T12:15:03Z' }),
    error_nomailbox: one({ response: 'hard-bounce', at: '2024-09-23T12:15:03Z', reason: /^NoMailbox$/ }),
    error_notdelivered: one({ response: 'canceled-do-not-use-email', at: '2024-09-23T12:15:03Z' }),
    error_spam: one({ response: 'soft-bounce', at: '2024-09-23T12:15:03Z' }),
    error_timeout: one({ response: 'soft-bounce', at: '2024-09-23T12:15:03Z' }),
    opened: one({ response: 'opened', at: '2024-09-23T13:01:19Z' }),
    sent: one({ response: 'delivered', at: '2024-09-23T12:15:03Z' }),
    unsubscribed: one({ response: 'unsubscribed', at: '2024-09-23T14:00:32Z' }),
  },
  mailgun: {
    accepted: one({
      response: 'provider-queued',
      at: 1727093700642,
      id: 'mailgun:jxVuhYlhReaK3QsggHfFRA:1727093700642',
    }),
    clicked: one({ response: 'clicked', at: 1727097564095, url: SALE_URL }),
    complained: one({ response: 'spam-complaint', at: 1727270260050 }),
    delivered: one({ response: 'delivered', at: 1727093702626 }),
    failed_permanent_bounce: one({
      response: 'hard-bounce',
      at: 1727093705818,
      reason: /bounce; 550; 5\.1\.1 The email account/,
    }),
    failed_permanent_delayed_bounce: one({ response: 'hard-bounce', at: 1727180538405 }),
    failed_permanent_suppress_bounce: one({
      response: 'hard-bounce',
      at: 1727093706100,
      reason: /suppress-bounce; 605/,
    }),
    failed_permanent_suppress_unsubscribe: one({
      response: 'canceled-do-not-use-email',
      at: 1727093706200,
      reason: /previously unsubscribed/,
    }),
    failed_temporary: one({ response: 'provider-delayed', at: 1727093760872, reason: /451; 4\.7\.652/ }),
    opened: one({ response: 'opened', at: 1727097343042 }),
    opened_bot_apple: one({ response: 'opened-machine', at: 1727093711279 }),
    // A rejected send names no recipient: the To header does.
    rejected: one({ response: 'rejected', at: 1727093699105, reason: /Sandbox subdomains/ }),
    unsubscribed: one({ response: 'unsubscribed', at: 1727099791421 }),
  },
  mailjet: {
    blocked_content_template_error: one({
      response: 'delivery-error',
      at: 1727093703000,
      reason: /content; error in template language/,
    }),
    blocked_duplicate_in_campaign: one({ response: 'canceled-duplicate', at: 1727093703000 }),
    blocked_preblocked: one({ response: 'canceled-do-not-use-email', at: 1727093703000 }),
    blocked_spam_reporter: one({ response: 'canceled-do-not-use-email', at: 1727093703000 }),
    bounce_greylisted: one({ response: 'provider-delayed', at: 1727093703000, reason: /greylisted; 451 4\.7\.1/ }),
    bounce_hard: one({ response: 'hard-bounce', at: 1727093703000, reason: /user unknown; 550 5\.1\.1/ }),
    bounce_soft: one({ response: 'soft-bounce', at: 1727093703000, reason: /quota exceeded/ }),
    click: one({ response: 'clicked', at: 1727096545000, url: SALE_URL }),
    grouped_mixed: {
      events: [
        { response: 'delivered', at: 1727093703000 },
        { response: 'opened', at: 1727096479000 },
        { response: 'clicked', at: 1727096545000, url: 'https://shop.example.com/' },
      ],
    },
    open: one({ response: 'opened', at: 1727096479000 }),
    sent: one({ response: 'delivered', at: 1727093703000 }),
    single_ungrouped_sent: one({ response: 'delivered', at: 1727093703000 }),
    spam: one({ response: 'spam-complaint', at: 1727339262000, reason: /JMRPP/ }),
    unsub: one({ response: 'unsubscribed', at: 1727100032000 }),
  },
  postmark: {
    bounce_bademailaddress: one({
      response: 'invalid-address',
      at: '2024-09-23T12:15:03.907Z',
      id: 'postmark:bounce-4323372036',
    }),
    bounce_blocked: one({
      response: 'soft-bounce',
      at: '2024-09-23T12:15:03.907Z',
      reason: /^Blocked; smtp;554 5\.7\.1/,
    }),
    bounce_hardbounce: one({
      response: 'hard-bounce',
      at: '2024-09-23T12:15:03.907Z',
      reason: /HardBounce; smtp;550 5\.1\.1/,
    }),
    bounce_softbounce: one({ response: 'soft-bounce', at: '2024-09-23T12:15:03.907Z' }),
    bounce_transient: one({
      response: 'provider-delayed',
      at: '2024-09-23T12:15:03.907Z',
      reason: /Connection dropped/,
    }),
    bounce_unsubscribe_variant: one({ response: 'unsubscribed', at: '2024-09-23T12:15:03.907Z' }),
    click: one({ response: 'clicked', at: '2024-09-23T13:02:25.906Z', url: SALE_URL }),
    delivery: one({ response: 'delivered', at: '2024-09-23T12:15:01.407Z' }),
    open: one({ response: 'opened', at: '2024-09-23T13:01:19.249Z' }),
    spam_complaint: one({ response: 'spam-complaint', at: '2024-09-23T12:15:03.907Z' }),
    subscription_change_hardbounce: skippedOnly(/after a hard bounce repeats that event/),
    subscription_change_resubscribe: skippedOnly(/resubscribe/),
    subscription_change_unsubscribe: one({ response: 'unsubscribed', at: '2024-09-23T14:00:32Z' }),
  },
  resend: {
    'email.bounced': one({
      response: 'hard-bounce',
      at: '2024-09-23T12:15:03.101Z',
      reason: /^Permanent\/General; The recipient's email provider/,
    }),
    'email.bounced_suppressed': one({
      response: 'hard-bounce',
      at: '2024-09-23T12:15:01.598Z',
      reason: /OnAccountSuppressionList/,
    }),
    'email.clicked': one({ response: 'clicked', at: '2024-09-23T13:02:25.570Z', url: SALE_URL }),
    'email.complained': one({ response: 'spam-complaint', at: '2024-09-26T08:41:02.669Z' }),
    'email.delivered': one({ response: 'delivered', at: '2024-09-23T12:15:02.823Z' }),
    'email.delivery_delayed': one({ response: 'provider-delayed', at: '2024-09-23T12:25:40.095Z' }),
    'email.failed': one({ response: 'delivery-error', at: '2024-09-23T12:15:00.950Z', reason: /reached_daily_quota/ }),
    'email.opened': one({ response: 'opened', at: '2024-09-23T13:01:19.652Z' }),
    'email.scheduled': one({ response: 'planned', at: '2024-09-23T12:00:00.126Z' }),
    'email.sent': one({ response: 'provider-queued', at: '2024-09-23T12:15:01.126Z' }),
    'email.suppressed': one({ response: 'canceled-do-not-use-email', at: '2024-09-23T12:15:00.960Z' }),
  },
  sendgrid: {
    batch_mixed: {
      events: [
        { response: 'provider-queued', at: 1727094000000, id: 'sendgrid:cHJvY2Vzc2VkLWJhdGNoLTE' },
        { response: 'delivered', at: 1727094003000, id: 'sendgrid:ZGVsaXZlcmVkLWJhdGNoLTE' },
        { response: 'opened-machine', at: 1727094002000, id: 'sendgrid:b3Blbi1iYXRjaC0x' },
      ],
      skipped: [/account status change/],
    },
    bounce: one({
      response: 'hard-bounce',
      at: 1727094000000,
      id: 'sendgrid:Ym91bmNlLTAtMjY2Mzk4MzktOGQySw',
      reason: /^Invalid Address; 550 5\.1\.1/,
    }),
    // No sg_message_id and no smtp-id: nothing names the email unless options.emailId does.
    bounce_async_no_message_id: skippedOnly(/no email id/),
    bounce_blocked: one({ response: 'soft-bounce', at: 1727094000000, reason: /^Reputation; 554 5\.7\.1/ }),
    click: one({ response: 'clicked', at: 1727094000000, url: SALE_URL }),
    deferred: one({ response: 'provider-delayed', at: 1727094000000, reason: /421 4\.7\.28 .*; attempt 3$/ }),
    delivered: one({ response: 'delivered', at: 1727094000000 }),
    dropped_bounced_address: one({ response: 'hard-bounce', at: 1727094000000, reason: /Bounced Address/ }),
    dropped_invalid: one({
      response: 'invalid-address',
      at: 1727094000000,
      address: 'jane.doe@@example',
      recipientId: 'jane.doe@@example',
    }),
    dropped_unsubscribed: one({ response: 'canceled-unsubscribed-type', at: 1727094000000 }),
    group_resubscribe: skippedOnly(/resubscribe/),
    group_unsubscribe: one({ response: 'unsubscribed', at: 1727094000000 }),
    open: one({ response: 'opened', at: 1727094000000 }),
    open_machine_mpp: one({ response: 'opened-machine', at: 1727094000000 }),
    processed: one({
      response: 'provider-queued',
      at: 1727094000000,
      id: 'sendgrid:cHJvY2Vzc2VkLTI2NjM5ODM5LThkMkt4MVF4',
    }),
    spamreport: one({ response: 'spam-complaint', at: 1727094000000 }),
    unsubscribe: one({ response: 'unsubscribed', at: 1727094000000 }),
  },
  sparkpost: {
    bounce_admin_class25: one({
      response: 'canceled-do-not-use-email',
      at: 1727093700000,
      id: 'sparkpost:92356927693813860',
      reason: /bounce class 25; 554 5\.7\.1 recipient address suppressed/,
    }),
    bounce_block_class50: one({ response: 'soft-bounce', at: 1727093703000, reason: /bounce class 50/ }),
    bounce_hard_class10: one({ response: 'hard-bounce', at: 1727093703000, reason: /bounce class 10; 550 5\.1\.1/ }),
    click: one({ response: 'clicked', at: 1727097745000, url: SALE_URL }),
    delay: one({ response: 'provider-delayed', at: 1727094300000, reason: /454 4\.4\.4/ }),
    delivery: one({ response: 'delivered', at: 1727093702000 }),
    generation_failure: one({ response: 'delivery-error', at: 1727093699000 }),
    generation_rejection: one({ response: 'canceled-do-not-use-email', at: 1727093699000 }),
    initial_open: one({ response: 'opened', at: 1727097679000 }),
    injection: one({ response: 'provider-queued', at: 1727093700000, id: 'sparkpost:92356927693813856' }),
    link_unsubscribe: one({ response: 'unsubscribed', at: 1727100090000 }),
    list_unsubscribe: one({ response: 'unsubscribed', at: 1727100080000 }),
    open: one({ response: 'opened', at: 1727097700000 }),
    out_of_band: one({ response: 'hard-bounce', at: 1727180400000 }),
    ping_empty: skippedOnly(/ping/),
    policy_rejection: one({ response: 'rejected', at: 1727093700000, reason: /Unconfigured Sending Domain/ }),
    spam_complaint: one({ response: 'spam-complaint', at: 1727339262000 }),
  },
};

function expectValid(events: readonly ResponseEvent[]): void {
  const scratch: CheckedEvent = { event: undefined as unknown as ResponseEvent, response: -1, at: 0 };
  for (const event of events) expect(checkEvent(event, rules, scratch), event.id).to.equal(null);
}

function sampleNames(folder: string): string[] {
  return Object.keys(fixtureTexts[folder] ?? {}).filter((name) => !name.startsWith('_'));
}

describe('provider samples', () => {
  it('every sample file has an expectation, and every expectation a sample', () => {
    expect(Object.keys(EXPECTED).sort()).to.deep.equal(Object.keys(fixtureTexts).sort());
    for (const folder of Object.keys(fixtureTexts)) {
      expect(Object.keys(EXPECTED[folder]!).sort(), folder).to.deep.equal(sampleNames(folder).sort());
    }
  });

  for (const [folder, cases] of Object.entries(EXPECTED)) {
    const shared = PROVIDERS[folder]!;
    describe(folder, () => {
      for (const [name, expected] of Object.entries(cases)) {
        it(`${name} → ${expected.events.map((e) => e.response).join(', ') || 'skipped'}`, () => {
          const { events, skipped } = normalizeProviderEvents(shared.provider, fixtureTexts[folder]![name]!);
          expectValid(events);
          expect(events.map((e) => e.response)).to.deep.equal(expected.events.map((e) => e.response));
          events.forEach((event, index) => {
            const want = expected.events[index]!;
            const at = typeof want.at === 'string' ? Date.parse(want.at) : want.at;
            expect(event.at, 'at').to.equal(at);
            expect(event.provider).to.equal(shared.provider);
            expect(event.address, 'address').to.equal(want.address ?? JANE);
            expect(event.emailId, 'emailId').to.equal(want.emailId ?? shared.emailId);
            expect(event.recipientId, 'recipientId').to.equal(want.recipientId ?? shared.recipientId);
            const id = want.id ?? shared.id;
            if (typeof id === 'string') expect(event.id).to.equal(id);
            else expect(event.id).to.match(id);
            expect(event.url, 'url').to.equal(want.url);
            if (want.reason) expect(event.reason, 'reason').to.match(want.reason);
          });
          expect(skipped.map((s) => s.reason)).to.have.length((expected.skipped ?? []).length);
          (expected.skipped ?? []).forEach((reason, index) => expect(skipped[index]!.reason).to.match(reason));
        });
      }
    });
  }

  it('gives the same events whether the body comes as text or as parsed JSON (but Mailjet ids)', () => {
    for (const [folder, shared] of Object.entries(PROVIDERS)) {
      for (const name of sampleNames(folder)) {
        const fromText = normalizeProviderEvents(shared.provider, fixtureTexts[folder]![name]!);
        const fromValue = normalizeProviderEvents(shared.provider, fixtures[folder]![name]);
        expectValid(fromValue.events);
        if (folder === 'mailjet') {
          // Content-hash ids do not depend on the corrupted MessageID: replays still dedupe.
          expect(
            fromValue.events.map((e) => e.id),
            name,
          ).to.deep.equal(fromText.events.map((e) => e.id));
        } else {
          expect(fromValue.events, `${folder}/${name}`).to.deep.equal(fromText.events);
        }
        expect(fromValue.skipped.length).to.equal(fromText.skipped.length);
      }
    }
  });

  it("reads Elastic Email's raw notification URL as the sample shows it", () => {
    const raw = fixtures['elastic-email']!._raw_query_example as { url: string };
    for (const body of [raw.url, raw.url.slice(raw.url.indexOf('?')), new URL(raw.url).searchParams]) {
      const { events } = normalizeProviderEvents('elastic-email', body);
      expect(events).to.have.length(1);
      expect(events[0]).to.include({
        response: 'hard-bounce',
        address: JANE,
        emailId: 'rB8xQyZ0a1b2c3d4e5f6g7',
        at: Date.UTC(2024, 8, 23, 12, 15, 3),
      });
      expect(events[0]!.reason).to.equal('NoMailbox');
    }
  });
});
