// Mapping details beyond the samples: machine opens, informational events, per-provider rules.
import { expect } from 'chai';
import { normalizeProviderEvents, type ProviderName } from '../../../src/core/providers/index';
import { fixtureTexts } from '../../fixtures/providers/index';

const JANE = 'jane.doe@example.com';
const text = (folder: string, name: string): string => fixtureTexts[folder]![name]!;
const parsed = <T = Record<string, unknown>>(folder: string, name: string): T => JSON.parse(text(folder, name)) as T;

describe('normalizeProviderEvents: mapping details', () => {
  it('flags machine opens from every provider that says so', () => {
    expect(normalizeProviderEvents('sendgrid', text('sendgrid', 'open_machine_mpp')).events[0]!.response).to.equal(
      'opened-machine',
    );
    expect(normalizeProviderEvents('mailgun', text('mailgun', 'opened_bot_apple')).events[0]!.response).to.equal(
      'opened-machine',
    );
    expect(
      normalizeProviderEvents('brevo', text('brevo', 'transactional_unique_proxy_open')).events[0]!.response,
    ).to.equal('opened-machine');
    const open = parsed<[{ msys: { track_event: { user_agent_parsed: Record<string, boolean> } } }]>(
      'sparkpost',
      'open',
    );
    open[0].msys.track_event.user_agent_parsed.is_prefetched = true;
    expect(normalizeProviderEvents('sparkpost', open).events[0]!.response).to.equal('opened-machine');
    open[0].msys.track_event.user_agent_parsed = { is_proxy: true };
    expect(normalizeProviderEvents('sparkpost', open).events[0]!.response).to.equal('opened-machine');
  });

  it('never turns an informational event into Unknown response', () => {
    const informational: [ProviderName, unknown][] = [
      ['sendgrid', text('sendgrid', 'group_resubscribe')],
      ['postmark', text('postmark', 'subscription_change_resubscribe')],
      [
        'postmark',
        { ...parsed<Record<string, unknown>>('postmark', 'bounce_hardbounce'), Type: 'AutoResponder', TypeCode: 64 },
      ],
      ['sparkpost', text('sparkpost', 'ping_empty')],
      ['ses', text('amazon-ses', 'sns_envelope_subscription_confirmation')],
      [
        'ses',
        {
          ...parsed<Record<string, unknown>>('amazon-ses', 'complaint'),
          complaint: { complaintFeedbackType: 'not-spam', complainedRecipients: [{ emailAddress: JANE }] },
        },
      ],
      ['brevo', { ...parsed<Record<string, unknown>>('brevo', 'transactional_delivered'), event: 'list_addition' }],
      [
        'resend',
        { type: 'contact.updated', created_at: '2024-09-23T12:00:00Z', data: { email: JANE, unsubscribed: false } },
      ],
      ['mailgun', { signature: {}, 'event-data': { event: 'stored', timestamp: 1727093700 } }],
      ['mailjet', { event: 'sms', time: 1727093700, email: JANE, MessageID: 1 }],
      ['elastic-email', 'status=Ready&to=jane.doe%40example.com'],
    ];
    for (const [provider, body] of informational) {
      const { events, skipped } = normalizeProviderEvents(provider, body);
      expect(events, provider).to.have.length(0);
      expect(skipped, provider).to.have.length(1);
      expect(skipped[0]!.reason).to.be.a('string').and.not.equal('');
    }
  });

  it('maps a SendGrid processed event for a later send_at to Planned', () => {
    const [item] = parsed<[Record<string, unknown>]>('sendgrid', 'processed');
    const { events } = normalizeProviderEvents('sendgrid', [{ ...item, send_at: 1727180400 }]);
    expect(events[0]!.response).to.equal('planned');
  });

  it("tells SendGrid's global and per-group unsubscribe drops apart", () => {
    const [item] = parsed<[Record<string, unknown>]>('sendgrid', 'dropped_unsubscribed');
    const { asm_group_id: _group, ...global } = item;
    expect(normalizeProviderEvents('sendgrid', [global]).events[0]!.response).to.equal('canceled-do-not-use-email');
    expect(
      normalizeProviderEvents('sendgrid', [{ ...item, reason: 'Spam Content (if spam checker app enabled)' }])
        .events[0]!.response,
    ).to.equal('rejected');
  });

  it('skips a Resend event that does not say which of several recipients it is about', () => {
    const body = parsed<{ data: Record<string, unknown> }>('resend', 'email.delivered');
    body.data.to = [JANE, 'bob@example.com'];
    const { events, skipped } = normalizeProviderEvents('resend', body);
    expect(events).to.have.length(0);
    expect(skipped[0]!.reason).to.match(/which of the email's 2 recipients/);
  });

  it("reads Brevo's Paris dates when there is no epoch time", () => {
    const item = parsed<Record<string, unknown>>('brevo', 'transactional_click');
    delete item.ts_epoch;
    delete item.ts_event;
    expect(normalizeProviderEvents('brevo', item).events[0]!.at).to.equal(Date.parse('2024-09-23T13:02:25Z'));
    const winter = { ...item, date: '2024-12-02 09:00:00' };
    expect(normalizeProviderEvents('brevo', winter).events[0]!.at).to.equal(Date.parse('2024-12-02T08:00:00Z'));
    const other = normalizeProviderEvents('brevo', winter, { brevoUtcOffsetMinutes: -300 });
    expect(other.events[0]!.at).to.equal(Date.parse('2024-12-02T14:00:00Z'));
  });

  it('keeps the link only on clicks, and only when it is http(s) or mailto', () => {
    const unsubscribe = normalizeProviderEvents('sendgrid', text('sendgrid', 'group_unsubscribe')).events[0]!;
    expect(unsubscribe.url).to.equal(undefined);
    const [click] = parsed<[Record<string, unknown>]>('sendgrid', 'click');
    const unsafe = normalizeProviderEvents('sendgrid', [{ ...click, url: 'javascript:alert(1)' }]).events[0]!;
    expect(unsafe).to.include({ response: 'clicked' });
    expect(unsafe.url).to.equal(undefined);
  });

  it('maps sender-authentication failures (SPF, DMARC) to Soft Bounce, as the seed lists them', () => {
    const spf = { ...parsed<Record<string, unknown>>('elastic-email', 'error_timeout'), category: 'SPFProblem' };
    expect(normalizeProviderEvents('elastic-email', spf).events[0]!.response).to.equal('soft-bounce');
    const dmarc = {
      ...parsed<Record<string, unknown>>('postmark', 'bounce_softbounce'),
      Type: 'DMARCPolicy',
      TypeCode: 100009,
    };
    expect(normalizeProviderEvents('postmark', dmarc).events[0]!.response).to.equal('soft-bounce');
    // By its code alone, as some payloads carry only TypeCode.
    const { Type: _type, ...byCode } = dmarc;
    expect(normalizeProviderEvents('postmark', byCode).events[0]!.response).to.equal('soft-bounce');
  });

  it('marks list- and group-level unsubscribes as scope "type", global ones not', () => {
    const scope = (provider: ProviderName, body: unknown) => normalizeProviderEvents(provider, body).events[0]!.scope;
    // SendGrid: an unsubscribe group is an email type; `unsubscribe` is "opt out of all emails".
    expect(scope('sendgrid', text('sendgrid', 'group_unsubscribe'))).to.equal('type');
    expect(scope('sendgrid', text('sendgrid', 'unsubscribe'))).to.equal(undefined);
    // Mailjet: `mj_list_id` is the contact list the recipient left.
    expect(scope('mailjet', text('mailjet', 'unsub'))).to.equal('type');
    const [unsub] = parsed<[Record<string, unknown>]>('mailjet', 'unsub');
    expect(scope('mailjet', [{ ...unsub, mj_list_id: '' }])).to.equal(undefined);
    // Brevo: a marketing unsubscribe names the lists it applies to.
    expect(scope('brevo', text('brevo', 'marketing_unsubscribed'))).to.equal('type');
    expect(scope('brevo', text('brevo', 'transactional_unsubscribed'))).to.equal(undefined);
    // Mailgun: the mailing-list unsubscribe link; the domain-wide one is global.
    expect(scope('mailgun', text('mailgun', 'unsubscribed'))).to.equal(undefined);
    const mailgun = parsed<{ 'event-data': Record<string, unknown> }>('mailgun', 'unsubscribed');
    mailgun['event-data']['mailing-list'] = { address: 'news@lists.example.org', 'list-id': 'news', sid: 'x1' };
    expect(scope('mailgun', mailgun)).to.equal('type');
    // SES: a topic opt-out is one type; unsubscribeAll is everything.
    const ses = parsed<{ subscription: Record<string, unknown> }>('amazon-ses', 'subscription');
    const topicOnly = {
      ...ses,
      subscription: {
        ...ses.subscription,
        newTopicPreferences: {
          unsubscribeAll: false,
          topicSubscriptionStatus: [{ topicName: 'newsletter', subscriptionStatus: 'OptOut' }],
        },
        oldTopicPreferences: {
          unsubscribeAll: false,
          topicSubscriptionStatus: [{ topicName: 'newsletter', subscriptionStatus: 'OptIn' }],
        },
      },
    };
    expect(scope('ses', topicOnly)).to.equal('type');
    const all = {
      ...topicOnly,
      subscription: { ...topicOnly.subscription, newTopicPreferences: { unsubscribeAll: true } },
    };
    expect(scope('ses', all)).to.equal(undefined);
    // SparkPost puts both link and List-Unsubscribe unsubscribes on the account's suppression list.
    expect(scope('sparkpost', text('sparkpost', 'link_unsubscribe'))).to.equal(undefined);
    expect(scope('sparkpost', text('sparkpost', 'list_unsubscribe'))).to.equal(undefined);
  });

  it('keeps the reason short', () => {
    const [item] = parsed<[Record<string, unknown>]>('sendgrid', 'bounce');
    const { events } = normalizeProviderEvents('sendgrid', [{ ...item, reason: `550 ${'x'.repeat(5000)}` }]);
    expect(events[0]!.reason!.length).to.be.at.most(300);
  });
});
