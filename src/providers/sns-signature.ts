/**
 * Amazon SES events arrive through SNS, which signs each message: RSA PKCS #1 v1.5 with SHA-1
 * (SignatureVersion 1) or SHA-256 (2) over a canonical text of the message's fields, with the
 * key of the certificate at SigningCertURL. That URL is in the body, so it is trusted only on an
 * https host the caller allows (by default Amazon's `sns.<region>.amazonaws.com`): a forged
 * message naming its own certificate is refused before anything is fetched.
 */
import { asBufferSource, base64ToBytes, pemOrBase64ToBytes, utf8 } from './bytes';
import { parseJsonBody, type ReadWebhookRequest } from './webhook-request';
import { readCertificate } from './x509-spki';
import {
  refuse,
  type SnsSecrets,
  type SnsSubscription,
  type VerifyWebhookOptions,
  type WebhookVerdict,
} from './webhook-types';

/** Amazon's SNS endpoints, as the AWS SDKs' message validators accept them. */
export const DEFAULT_SNS_CERTIFICATE_HOST = /^sns\.[a-z0-9-]{3,}\.amazonaws\.com(\.cn)?$/;

const SIGNED_FIELDS: Record<string, readonly string[]> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
};

type CertificateFetch = Promise<{ der: Uint8Array } | { reason: string }>;
/** Fetched certificates per secrets object, so each configuration keeps its own fetcher and cache. */
const certificateCaches = new WeakMap<object, Map<string, CertificateFetch>>();

/** The text SNS signs: `name\nvalue\n` for each signed field present, in this fixed order. */
export function snsStringToSign(message: Readonly<Record<string, unknown>>): string | undefined {
  const fields = SIGNED_FIELDS[String(message.Type)];
  if (!fields) return undefined;
  let text = '';
  for (const name of fields) {
    const value = message[name];
    if (value === undefined && name === 'Subject') continue;
    if (typeof value !== 'string') return undefined;
    text += `${name}\n${value}\n`;
  }
  return text;
}

/** Undefined when the certificate URL may be fetched, else why not. */
export function certificateUrlRefusal(
  url: string,
  allowed: readonly (string | RegExp)[] | undefined,
): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'SigningCertURL is not a URL';
  }
  const shown = JSON.stringify(url.slice(0, 120));
  if (parsed.protocol !== 'https:') return `SigningCertURL ${shown} is not https`;
  if (parsed.username || parsed.password || parsed.port) return `SigningCertURL ${shown} carries credentials or a port`;
  const host = parsed.hostname.toLowerCase();
  const patterns = allowed && allowed.length > 0 ? allowed : [DEFAULT_SNS_CERTIFICATE_HOST];
  const ok = patterns.some((pattern) =>
    typeof pattern === 'string' ? pattern.toLowerCase() === host : ((pattern.lastIndex = 0), pattern.test(host)),
  );
  if (!ok) return `SigningCertURL ${shown} is not on a host allowed to sign (${host})`;
  return undefined;
}

async function defaultFetchCertificate(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'error' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/** The certificate's DER, fetched once per URL (a failed fetch is retried next time). */
function certificateDer(url: string, secrets: SnsSecrets): CertificateFetch {
  let certificateKeys = certificateCaches.get(secrets);
  if (!certificateKeys) certificateCaches.set(secrets, (certificateKeys = new Map()));
  const cache = certificateKeys;
  let pending = cache.get(url);
  if (!pending) {
    const fetchCertificate = secrets.fetchCertificate ?? defaultFetchCertificate;
    pending = Promise.resolve()
      .then(() => fetchCertificate(url))
      .then((body) => {
        const der = typeof body === 'string' ? pemOrBase64ToBytes(body) : body instanceof Uint8Array ? body : undefined;
        return der ? { der } : { reason: 'the signing certificate is neither PEM nor DER' };
      })
      .catch((error: unknown) => {
        cache.delete(url);
        return {
          reason: `the signing certificate could not be fetched: ${error instanceof Error ? error.message : String(error)}`,
        };
      });
    if (cache.size > 64) cache.clear();
    cache.set(url, pending);
  }
  return pending;
}

const NO_SECRETS: SnsSecrets = {};

export async function verifySns(
  request: ReadWebhookRequest,
  secrets: SnsSecrets,
  options?: VerifyWebhookOptions,
): Promise<WebhookVerdict> {
  const json = parseJsonBody(request);
  if (!json.ok) return refuse(`${json.reason}: an SNS message is JSON`, 'unreadable');
  const message = json.value;
  if (message === null || typeof message !== 'object' || Array.isArray(message))
    return refuse('the body is not an SNS message object', 'unreadable');
  const fields = message as Record<string, unknown>;
  if (fields.Signature === undefined && fields.Type === undefined) {
    return refuse('the body is not an SNS envelope (raw message delivery carries no signature: turn it off to verify)');
  }
  const type = String(fields.Type);
  const toSign = snsStringToSign(fields);
  if (toSign === undefined)
    return refuse(
      `the SNS message of type ${JSON.stringify(type.slice(0, 40))} lacks a field it must sign, or is not a known type`,
    );
  const version = fields.SignatureVersion;
  const hash = version === '1' ? 'SHA-1' : version === '2' ? 'SHA-256' : undefined;
  if (!hash) return refuse(`SignatureVersion ${JSON.stringify(String(version).slice(0, 10))} is not 1 or 2`);
  const signature = typeof fields.Signature === 'string' ? base64ToBytes(fields.Signature) : undefined;
  if (!signature) return refuse('the SNS Signature is missing or not base64');
  if (secrets?.topicArns && !secrets.topicArns.includes(String(fields.TopicArn))) {
    return refuse(
      `the topic ${JSON.stringify(String(fields.TopicArn).slice(0, 120))} is not one this endpoint accepts`,
    );
  }
  const url = fields.SigningCertURL ?? fields.SigningCertUrl;
  if (typeof url !== 'string') return refuse('the SNS message has no SigningCertURL');
  const urlRefusal = certificateUrlRefusal(url, secrets?.allowedCertificateHosts);
  if (urlRefusal) return refuse(urlRefusal);
  const fetched = await certificateDer(url, secrets ?? NO_SECRETS);
  if ('reason' in fetched) return refuse(fetched.reason);
  const reading = readCertificate(fetched.der);
  if (!reading.ok) return refuse(reading.reason);
  const now = (options?.now ?? Date.now)();
  if (now < reading.certificate.notBefore || now > reading.certificate.notAfter)
    return refuse('the signing certificate is outside its validity period');
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey(
      'spki',
      asBufferSource(reading.certificate.spki),
      { name: 'RSASSA-PKCS1-v1_5', hash },
      false,
      ['verify'],
    );
  } catch {
    return refuse('the signing certificate does not hold an RSA public key');
  }
  const valid = await crypto.subtle
    .verify('RSASSA-PKCS1-v1_5', key, asBufferSource(signature), asBufferSource(utf8(toSign)))
    .catch(() => false);
  if (!valid)
    return refuse(
      `the SNS signature (version ${version}) does not match the message (a changed field, or another certificate)`,
    );
  if (secrets?.maxAgeSeconds !== undefined) {
    const at = Date.parse(String(fields.Timestamp));
    if (!(now - at <= secrets.maxAgeSeconds * 1000))
      return refuse(`the SNS message Timestamp is older than ${secrets.maxAgeSeconds} s`);
  }
  if (type === 'SubscriptionConfirmation' || type === 'UnsubscribeConfirmation') {
    const subscription: SnsSubscription = {
      type,
      topicArn: String(fields.TopicArn),
      subscribeUrl: String(fields.SubscribeURL),
      token: String(fields.Token),
    };
    return { ok: true, subscription };
  }
  return { ok: true };
}
