// verifyProviderWebhook: each provider's scheme with keys made in the test, the samples the
// providers publish, and every way a request can fail to prove its origin.
import { expect } from 'chai';
import fc from 'fast-check';
import { verifyProviderWebhook, type WebhookVerdict } from '../../../src/providers/index';
import { derSignatureToRaw } from '../../../src/providers/sendgrid-signature';
import { readCertificate } from '../../../src/providers/x509-spki';
import { pemOrBase64ToBytes } from '../../../src/providers/bytes';
import { fixtureTexts } from '../../fixtures/providers/index';
import {
  mailgunBody,
  rawToDerSignature,
  sendgridSigner,
  snsSigner,
  svixHeaders,
  type SendgridSigner,
  type SnsSigner,
} from './webhook-signers';

const NOW = Date.UTC(2026, 2, 2, 9);
const nowSeconds = String(NOW / 1000);
const at = { now: () => NOW };

function refused(verdict: WebhookVerdict, pattern: RegExp): void {
  expect(verdict.ok, JSON.stringify(verdict)).to.equal(false);
  if (!verdict.ok) expect(verdict.reason).to.match(pattern);
}

/** The body with one byte changed, the same length. */
function tampered(body: string): string {
  const i = body.indexOf('delivered');
  return i >= 0 ? `${body.slice(0, i)}Delivered${body.slice(i + 9)}` : `${body.slice(0, -2)}x${body.slice(-1)}`;
}

describe('verifyProviderWebhook: SendGrid (ECDSA P-256)', () => {
  let signer: SendgridSigner;
  let other: SendgridSigner;
  const body = fixtureTexts.sendgrid!.delivered!;
  before(async () => {
    [signer, other] = await Promise.all([sendgridSigner(), sendgridSigner()]);
  });

  it('passes a body signed with the account key, as bytes or text or a fetch Request', async () => {
    const headers = await signer.sign(body, nowSeconds);
    const secrets = { publicKey: signer.publicKey };
    expect(await verifyProviderWebhook('sendgrid', { body, headers }, secrets, at)).to.deep.equal({ ok: true });
    expect(
      await verifyProviderWebhook('sendgrid', { body: new TextEncoder().encode(body), headers }, secrets, at),
    ).to.deep.equal({ ok: true });
    const request = new Request('https://example.com/hooks/sendgrid', { method: 'POST', body, headers });
    expect(await verifyProviderWebhook('sendgrid', request, secrets, at)).to.deep.equal({ ok: true });
    expect(await request.text(), 'the caller can still read the body').to.equal(body);
  });

  it('passes SendGrid’s own published sample (sendgrid-nodejs eventwebhook spec)', async () => {
    const publicKey =
      'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==';
    const payload = JSON.stringify({ category: 'example_payload', event: 'test_event', message_id: 'message_id' });
    const headers = {
      'X-Twilio-Email-Event-Webhook-Signature':
        'MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=',
      'X-Twilio-Email-Event-Webhook-Timestamp': '1588788367',
    };
    const sampleTime = { now: () => 1588788367_000 };
    expect(
      await verifyProviderWebhook('sendgrid', { body: payload, headers }, { publicKey }, sampleTime),
    ).to.deep.equal({ ok: true });
    refused(
      await verifyProviderWebhook('sendgrid', { body: 'payload', headers }, { publicKey }, sampleTime),
      /does not match/,
    );
  });

  it('refuses a changed byte of the body', async () => {
    const headers = await signer.sign(body, nowSeconds);
    refused(
      await verifyProviderWebhook('sendgrid', { body: tampered(body), headers }, { publicKey: signer.publicKey }, at),
      /does not match the body/,
    );
  });

  it('refuses a signature made with another key', async () => {
    const headers = await other.sign(body, nowSeconds);
    refused(
      await verifyProviderWebhook('sendgrid', { body, headers }, { publicKey: signer.publicKey }, at),
      /does not match/,
    );
  });

  it('accepts either key while one is rotated out', async () => {
    const headers = await other.sign(body, nowSeconds);
    expect(
      (
        await verifyProviderWebhook(
          'sendgrid',
          { body, headers },
          { publicKey: [signer.publicKey, other.publicKey] },
          at,
        )
      ).ok,
    ).to.equal(true);
  });

  it('refuses a stale timestamp, and one from the future, even correctly signed', async () => {
    const old = await signer.sign(body, String(NOW / 1000 - 301));
    refused(
      await verifyProviderWebhook('sendgrid', { body, headers: old }, { publicKey: signer.publicKey }, at),
      /301 s old, beyond the 300 s tolerance/,
    );
    const ahead = await signer.sign(body, String(NOW / 1000 + 400));
    refused(
      await verifyProviderWebhook('sendgrid', { body, headers: ahead }, { publicKey: signer.publicKey }, at),
      /in the future/,
    );
    expect(
      (
        await verifyProviderWebhook(
          'sendgrid',
          { body, headers: old },
          { publicKey: signer.publicKey },
          { ...at, toleranceSeconds: 600 },
        )
      ).ok,
    ).to.equal(true);
  });

  it('refuses a missing header, a timestamp that is not a number, a signature that is not DER', async () => {
    const headers = await signer.sign(body, nowSeconds);
    const secrets = { publicKey: signer.publicKey };
    refused(
      await verifyProviderWebhook(
        'sendgrid',
        { body, headers: { 'X-Twilio-Email-Event-Webhook-Timestamp': nowSeconds } },
        secrets,
        at,
      ),
      /Signature header is missing/,
    );
    refused(
      await verifyProviderWebhook(
        'sendgrid',
        {
          body,
          headers: { 'X-Twilio-Email-Event-Webhook-Signature': headers['X-Twilio-Email-Event-Webhook-Signature']! },
        },
        secrets,
        at,
      ),
      /Timestamp header is missing/,
    );
    refused(
      await verifyProviderWebhook(
        'sendgrid',
        { body, headers: { ...headers, 'X-Twilio-Email-Event-Webhook-Timestamp': 'soon' } },
        secrets,
        at,
      ),
      /not a time in epoch seconds/,
    );
    refused(
      await verifyProviderWebhook(
        'sendgrid',
        { body, headers: { ...headers, 'X-Twilio-Email-Event-Webhook-Signature': 'AAAA' } },
        secrets,
        at,
      ),
      /not a base64 DER ECDSA signature/,
    );
  });

  it('refuses a signed body that is not JSON as unreadable', async () => {
    const headers = await signer.sign('not json', nowSeconds);
    const verdict = await verifyProviderWebhook(
      'sendgrid',
      { body: 'not json', headers },
      { publicKey: signer.publicKey },
      at,
    );
    refused(verdict, /not JSON/);
    expect(verdict).to.include({ refusal: 'unreadable' });
  });

  it('refuses a key that is not a P-256 public key, and no key at all', async () => {
    const headers = await signer.sign(body, nowSeconds);
    refused(
      await verifyProviderWebhook('sendgrid', { body, headers }, { publicKey: 'bm90IGEga2V5' }, at),
      /not a P-256 public key/,
    );
    refused(
      await verifyProviderWebhook('sendgrid', { body, headers }, { publicKey: [] }, at),
      /no SendGrid verification key/,
    );
  });

  it('converts DER signatures to r‖s and back, leading zeros included', () => {
    const raw = new Uint8Array(64);
    raw[0] = 0x80; // r needs a 0x00 pad in DER
    raw[33] = 0x01; // s has leading zeros DER drops
    expect(Array.from(derSignatureToRaw(rawToDerSignature(raw))!)).to.deep.equal(Array.from(raw));
    expect(derSignatureToRaw(Uint8Array.of(0x30, 0x02, 0x02, 0x00))).to.equal(undefined);
  });
});

describe('verifyProviderWebhook: Mailgun (HMAC in the body)', () => {
  const key = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';
  const event = JSON.parse(fixtureTexts.mailgun!.delivered!)['event-data'];

  it('passes a body signed with the webhook signing key', async () => {
    expect(
      await verifyProviderWebhook(
        'mailgun',
        { body: await mailgunBody(key, nowSeconds, event), headers: {} },
        { signingKey: key },
        at,
      ),
    ).to.deep.equal({ ok: true });
  });

  it('refuses another key, a stale timestamp, a changed token, a missing signature, a non-JSON body', async () => {
    refused(
      await verifyProviderWebhook(
        'mailgun',
        { body: await mailgunBody('another-key', nowSeconds, event), headers: {} },
        { signingKey: key },
        at,
      ),
      /does not match/,
    );
    refused(
      await verifyProviderWebhook(
        'mailgun',
        { body: await mailgunBody(key, String(NOW / 1000 - 3600), event), headers: {} },
        { signingKey: key },
        at,
      ),
      /3600 s old/,
    );
    const body = await mailgunBody(key, nowSeconds, event);
    const changed = body.replace('"token":"e0b5', '"token":"f0b5');
    refused(
      await verifyProviderWebhook('mailgun', { body: changed, headers: {} }, { signingKey: key }, at),
      /does not match/,
    );
    refused(
      await verifyProviderWebhook(
        'mailgun',
        { body: JSON.stringify({ 'event-data': event }), headers: {} },
        { signingKey: key },
        at,
      ),
      /no "signature" object/,
    );
    const verdict = await verifyProviderWebhook(
      'mailgun',
      { body: 'timestamp=1&token=2&signature=3', headers: {} },
      { signingKey: key },
      at,
    );
    refused(verdict, /not JSON/);
    expect(verdict).to.include({ refusal: 'unreadable' });
  });

  it('refuses the fixture’s signature, which no known key made', async () => {
    refused(
      await verifyProviderWebhook(
        'mailgun',
        { body: fixtureTexts.mailgun!.delivered!, headers: {} },
        { signingKey: key },
        { now: () => 1727093702_000 },
      ),
      /does not match/,
    );
  });
});

describe('verifyProviderWebhook: Resend (Svix)', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const body = fixtureTexts.resend!['email.delivered']!;

  it('passes Svix’s published sample', async () => {
    const headers = {
      'svix-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'svix-timestamp': '1614265330',
      'svix-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    };
    const verdict = await verifyProviderWebhook(
      'resend',
      { body: '{"test": 2432232314}', headers },
      { secret },
      { now: () => 1614265330_000 },
    );
    expect(verdict).to.deep.equal({ ok: true });
  });

  it('passes when any of several signatures matches, and refuses when none does', async () => {
    const headers = await svixHeaders(secret, 'msg_1', nowSeconds, body);
    const several = {
      ...headers,
      'svix-signature': `v1,c29tZXRoaW5nIGVsc2UgZW50aXJlbHkgMzIgYnl0ZXM= ${headers['svix-signature']}`,
    };
    expect((await verifyProviderWebhook('resend', { body, headers: several }, { secret }, at)).ok).to.equal(true);
    refused(
      await verifyProviderWebhook('resend', { body: tampered(body), headers }, { secret }, at),
      /no svix-signature entry matches/,
    );
    refused(
      await verifyProviderWebhook(
        'resend',
        { body, headers },
        { secret: 'whsec_QW5vdGhlclNlY3JldEFub3RoZXJTZWNyZXQ=' },
        at,
      ),
      /no svix-signature entry matches/,
    );
    refused(
      await verifyProviderWebhook('resend', { body, headers: { ...headers, 'svix-id': 'msg_2' } }, { secret }, at),
      /no svix-signature entry matches/,
    );
  });

  it('refuses missing headers and stale timestamps', async () => {
    const headers = await svixHeaders(secret, 'msg_1', String(NOW / 1000 - 600), body);
    refused(await verifyProviderWebhook('resend', { body, headers }, { secret }, at), /600 s old/);
    const { 'svix-id': _id, ...withoutId } = headers;
    refused(
      await verifyProviderWebhook('resend', { body, headers: withoutId }, { secret }, at),
      /svix-id header is missing/,
    );
  });
});

describe('verifyProviderWebhook: Amazon SES through SNS', () => {
  let signer: SnsSigner;
  let impostor: SnsSigner;
  const certUrl = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem';
  const notification = (): Record<string, string> => ({
    Type: 'Notification',
    MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
    TopicArn: 'arn:aws:sns:eu-west-1:123456789012:ses-marketing-events',
    Subject: 'Amazon SES Email Event Notification',
    Message: fixtureTexts['amazon-ses']!.bounce_permanent_general!,
    Timestamp: '2026-03-02T08:59:58.000Z',
  });
  let fetched: string[] = [];
  const secretsFor = (s: () => SnsSigner) => ({
    fetchCertificate: async (url: string) => {
      fetched.push(url);
      return s().certificatePem;
    },
  });

  before(async () => {
    [signer, impostor] = await Promise.all([snsSigner(), snsSigner()]);
  });
  beforeEach(() => {
    fetched = [];
  });

  it('reads the key and validity of the certificate it is given', () => {
    const reading = readCertificate(pemOrBase64ToBytes(signer.certificatePem)!);
    expect(reading.ok).to.equal(true);
    if (reading.ok) expect(reading.certificate.notAfter).to.be.greaterThan(Date.now());
    expect(readCertificate(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00)).ok).to.equal(false);
  });

  for (const version of ['1', '2'] as const) {
    it(`passes a notification with SignatureVersion ${version}`, async () => {
      const body = await signer.sign(notification(), version, certUrl);
      expect(
        await verifyProviderWebhook(
          'ses',
          { body, headers: {} },
          secretsFor(() => signer),
        ),
      ).to.deep.equal({ ok: true });
      expect(fetched).to.deep.equal([certUrl]);
    });
  }

  it('refuses a changed message, another certificate, an unknown version', async () => {
    const body = await signer.sign(notification(), '2', certUrl);
    refused(
      await verifyProviderWebhook(
        'ses',
        { body: body.replace('Permanent', 'Transient'), headers: {} },
        secretsFor(() => signer),
      ),
      /does not match the message/,
    );
    refused(
      await verifyProviderWebhook(
        'ses',
        { body, headers: {} },
        secretsFor(() => impostor),
      ),
      /does not match/,
    );
    refused(
      await verifyProviderWebhook(
        'ses',
        { body: body.replace('"SignatureVersion":"2"', '"SignatureVersion":"3"'), headers: {} },
        secretsFor(() => signer),
      ),
      /not 1 or 2/,
    );
  });

  it('never fetches a certificate from a host it does not allow, or over http', async () => {
    for (const url of [
      'https://attacker.example/cert.pem',
      'https://sns.eu-west-1.amazonaws.com.attacker.example/c.pem',
      'http://sns.eu-west-1.amazonaws.com/c.pem',
      'https://user@sns.eu-west-1.amazonaws.com/c.pem',
    ]) {
      const body = await impostor.sign(notification(), '2', url);
      refused(
        await verifyProviderWebhook(
          'ses',
          { body, headers: {} },
          secretsFor(() => impostor),
        ),
        /SigningCertURL/,
      );
    }
    expect(fetched).to.deep.equal([]);
    const own = 'https://certs.internal.example/sns.pem';
    const body = await signer.sign(notification(), '2', own);
    expect(
      (
        await verifyProviderWebhook(
          'ses',
          { body, headers: {} },
          { ...secretsFor(() => signer), allowedCertificateHosts: ['certs.internal.example'] },
        )
      ).ok,
    ).to.equal(true);
  });

  it('refuses a topic not accepted, an expired certificate, a fetch that fails', async () => {
    const body = await signer.sign(notification(), '2', certUrl);
    refused(
      await verifyProviderWebhook(
        'ses',
        { body, headers: {} },
        { ...secretsFor(() => signer), topicArns: ['arn:aws:sns:eu-west-1:123456789012:other'] },
      ),
      /not one this endpoint accepts/,
    );
    refused(
      await verifyProviderWebhook(
        'ses',
        { body, headers: {} },
        secretsFor(() => signer),
        { now: () => Date.now() + 2 * 365 * 86_400_000 },
      ),
      /validity period/,
    );
    refused(
      await verifyProviderWebhook(
        'ses',
        { body, headers: {} },
        { fetchCertificate: () => Promise.reject(new Error('HTTP 503')) },
      ),
      /could not be fetched: HTTP 503/,
    );
  });

  it('surfaces a SubscriptionConfirmation once its signature holds', async () => {
    const envelope = JSON.parse(fixtureTexts['amazon-ses']!.sns_envelope_subscription_confirmation!) as Record<
      string,
      string
    >;
    const { Signature: _s, SignatureVersion: _v, SigningCertURL: _u, ...message } = envelope;
    const body = await signer.sign(message, '1', certUrl);
    const verdict = await verifyProviderWebhook(
      'ses',
      { body, headers: {} },
      secretsFor(() => signer),
    );
    expect(verdict).to.deep.equal({
      ok: true,
      subscription: {
        type: 'SubscriptionConfirmation',
        topicArn: message.TopicArn,
        subscribeUrl: message.SubscribeURL,
        token: message.Token,
      },
    });
  });

  it('refuses a raw-delivery body (no signature) and a non-JSON body', async () => {
    refused(
      await verifyProviderWebhook(
        'ses',
        { body: fixtureTexts['amazon-ses']!.bounce_permanent_general!, headers: {} },
        secretsFor(() => signer),
      ),
      /raw message delivery/,
    );
    refused(
      await verifyProviderWebhook(
        'ses',
        { body: '<xml/>', headers: {} },
        secretsFor(() => signer),
      ),
      /not JSON/,
    );
  });
});

describe('verifyProviderWebhook: shared secrets (SparkPost, Postmark, Brevo, Mailjet, Elastic Email)', () => {
  const body = '[]';
  const basic = (user: string, pass: string) => ({ authorization: `Basic ${btoa(`${user}:${pass}`)}` });

  it('passes the right Basic credentials and refuses wrong or missing ones', async () => {
    const secrets = { basic: { username: 'hooks', password: 's3cret:with:colons' } };
    expect(
      (await verifyProviderWebhook('postmark', { body, headers: basic('hooks', 's3cret:with:colons') }, secrets)).ok,
    ).to.equal(true);
    refused(
      await verifyProviderWebhook('postmark', { body, headers: basic('hooks', 's3cret') }, secrets),
      /Basic credentials are wrong/,
    );
    refused(
      await verifyProviderWebhook('mailjet', { body, headers: {} }, secrets),
      /Authorization: Basic header is missing/,
    );
    refused(
      await verifyProviderWebhook('mailjet', { body, headers: { authorization: 'Basic %%%' } }, secrets),
      /not base64/,
    );
  });

  it('checks a bearer token, a custom header and a query token, all that are configured', async () => {
    const secrets = { bearer: 'brevo-token', header: { name: 'X-Webhook-Token', value: ['old', 'new'] } };
    const headers = { Authorization: 'Bearer brevo-token', 'x-webhook-token': 'new' };
    expect((await verifyProviderWebhook('brevo', { body, headers }, secrets)).ok).to.equal(true);
    refused(
      await verifyProviderWebhook('brevo', { body, headers: { ...headers, 'x-webhook-token': 'older' } }, secrets),
      /X-Webhook-Token header is wrong/,
    );
    refused(
      await verifyProviderWebhook('brevo', { body, headers: { 'x-webhook-token': 'new' } }, secrets),
      /Bearer header is missing/,
    );
    const query = { query: { name: 'token', value: 'q-123' } };
    expect(
      (
        await verifyProviderWebhook(
          'elastic-email',
          { body: '', headers: {}, url: '/hooks/ee?token=q-123&status=Sent' },
          query,
        )
      ).ok,
    ).to.equal(true);
    refused(
      await verifyProviderWebhook('elastic-email', { body: '', headers: {}, url: '/hooks/ee?token=q-124' }, query),
      /"token" query parameter is wrong/,
    );
    refused(
      await verifyProviderWebhook('sparkpost', { body, headers: {} }, query),
      /query parameter is missing \(the request URL was not given\)/,
    );
  });

  it('refuses everything when no secret is configured', async () => {
    refused(
      await verifyProviderWebhook('sparkpost', { body, headers: basic('a', 'b') }, {}),
      /no secret is configured for sparkpost/,
    );
  });
});

describe('verifyProviderWebhook: hostile input', () => {
  it('answers a refusal, never a throw, whatever it is given', async () => {
    const inputs: unknown[] = [
      null,
      undefined,
      7,
      'text',
      {},
      { body: { parsed: true }, headers: {} },
      { body: '[]', headers: null },
      {
        body: '[]',
        headers: {
          get: () => {
            throw new Error('boom');
          },
        },
      },
    ];
    for (const provider of ['sendgrid', 'mailgun', 'ses', 'resend', 'postmark', 'nope'] as const) {
      for (const input of inputs) {
        const verdict = await verifyProviderWebhook(provider as 'sendgrid', input as never, null as never);
        expect(verdict.ok, `${provider} ${JSON.stringify(input)}`).to.equal(false);
        if (!verdict.ok) expect(verdict.reason).to.be.a('string').and.not.equal('');
      }
    }
  });
});

describe('verifyProviderWebhook: random input', () => {
  it('reads random bytes as no certificate and no signature, without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(readCertificate(bytes).ok).to.equal(false);
        const raw = derSignatureToRaw(bytes);
        expect(raw === undefined || raw.length === 64).to.equal(true);
      }),
    );
  });

  it('refuses random headers and bodies for every provider with a reason', async () => {
    const header = fc.oneof(fc.string(), fc.base64String(), fc.stringMatching(/^\d{1,12}$/), fc.constant(nowSeconds));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('sendgrid', 'mailgun', 'resend', 'ses', 'brevo'),
        fc.oneof(fc.string(), fc.json()),
        fc.dictionary(
          fc.constantFrom(
            'X-Twilio-Email-Event-Webhook-Signature',
            'X-Twilio-Email-Event-Webhook-Timestamp',
            'svix-id',
            'svix-timestamp',
            'svix-signature',
            'authorization',
          ),
          header,
        ),
        async (provider, body, headers) => {
          const secrets = {
            publicKey:
              'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==',
            signingKey: 'k',
            secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
            bearer: 't0ken',
            fetchCertificate: () => Promise.reject(new Error('no fetch in this test')),
          };
          const verdict = await verifyProviderWebhook(provider, { body, headers }, secrets as never, at);
          expect(verdict.ok).to.equal(false);
          if (!verdict.ok) expect(verdict.reason.length).to.be.greaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
