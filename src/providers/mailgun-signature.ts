/**
 * Mailgun: the body carries `signature: { timestamp, token, signature }`, where `signature` is the
 * hex HMAC-SHA256 of timestamp + token under the webhook signing key. A subaccount's events add
 * `parent-signature`, made with the primary account's key; either one passing is enough.
 */
import { asBufferSource, bytesToHex, utf8 } from './bytes';
import { timingSafeEqualBytes } from './constant-time';
import { staleTimestampReason } from './signed-timestamp';
import { parseJsonBody, type ReadWebhookRequest } from './webhook-request';
import { listOf, refuse, type MailgunSecrets, type VerifyWebhookOptions, type WebhookVerdict } from './webhook-types';

export async function hmacSha256(key: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    asBufferSource(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, asBufferSource(message)));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : undefined;
}

export async function verifyMailgun(
  request: ReadWebhookRequest,
  secrets: MailgunSecrets,
  options?: VerifyWebhookOptions,
): Promise<WebhookVerdict> {
  const json = parseJsonBody(request);
  if (!json.ok) return refuse(`${json.reason}: a Mailgun webhook body is JSON with its signature inside`, 'unreadable');
  const body = json.value;
  const signature =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>).signature
      : undefined;
  if (signature === null || typeof signature !== 'object' || Array.isArray(signature)) {
    return refuse('the body has no "signature" object (Mailgun signs every webhook; legacy form posts are not read)');
  }
  const fields = signature as Record<string, unknown>;
  const timestamp = text(fields.timestamp);
  const token = text(fields.token);
  const given = [text(fields.signature), text(fields['parent-signature'])].filter((s): s is string => s !== undefined);
  if (timestamp === undefined || token === undefined || given.length === 0) {
    return refuse('the "signature" object lacks its timestamp, token or signature');
  }
  const stale = staleTimestampReason(timestamp, 'the signature timestamp', options);
  if (stale) return refuse(stale);
  const keys = listOf(secrets?.signingKey).filter((key) => typeof key === 'string' && key.length > 0);
  if (keys.length === 0) return refuse('no Mailgun webhook signing key is configured');
  const message = utf8(timestamp + token);
  let valid = false;
  for (const key of keys) {
    const expected = utf8(bytesToHex(await hmacSha256(utf8(key), message)));
    for (const candidate of given) valid = timingSafeEqualBytes(utf8(candidate.toLowerCase()), expected) || valid;
  }
  return valid
    ? { ok: true }
    : refuse('the Mailgun signature does not match the timestamp and token (another signing key?)');
}
