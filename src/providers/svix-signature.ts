/**
 * Resend signs through Svix: `svix-signature` holds space-separated `v1,<base64>` entries, each an
 * HMAC-SHA256 of `svix-id.svix-timestamp.body` under the endpoint secret (`whsec_` + base64).
 * Several entries appear while a secret is rotated; any one matching passes. The unbranded
 * `webhook-*` headers (Standard Webhooks) are read too.
 */
import { base64ToBytes, bytesToBase64, concatBytes, utf8 } from './bytes';
import { timingSafeEqualBytes } from './constant-time';
import { hmacSha256 } from './mailgun-signature';
import { staleTimestampReason } from './signed-timestamp';
import { parseJsonBody, type ReadWebhookRequest } from './webhook-request';
import { listOf, refuse, type SvixSecrets, type VerifyWebhookOptions, type WebhookVerdict } from './webhook-types';

/** The signing key inside a `whsec_…` secret. */
export function svixKey(secret: string): Uint8Array | undefined {
  return base64ToBytes(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
}

export async function verifySvix(
  request: ReadWebhookRequest,
  secrets: SvixSecrets,
  options?: VerifyWebhookOptions,
): Promise<WebhookVerdict> {
  const id = request.header('svix-id') ?? request.header('webhook-id');
  const timestamp = request.header('svix-timestamp') ?? request.header('webhook-timestamp');
  const header = request.header('svix-signature') ?? request.header('webhook-signature');
  if (!id) return refuse('the svix-id header is missing');
  if (!timestamp) return refuse('the svix-timestamp header is missing');
  if (!header) return refuse('the svix-signature header is missing');
  const stale = staleTimestampReason(timestamp.trim(), 'the svix-timestamp header', options);
  if (stale) return refuse(stale);
  const signatures = header
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => utf8(entry.slice(3)));
  if (signatures.length === 0) return refuse('the svix-signature header has no v1 signature');
  const keys = listOf(secrets?.secret).map((secret) => (typeof secret === 'string' ? svixKey(secret) : undefined));
  if (keys.length === 0) return refuse('no Resend (Svix) signing secret is configured');
  if (keys.some((key) => key === undefined))
    return refuse('a configured Resend (Svix) secret is not whsec_ followed by base64');
  const signed = concatBytes(utf8(`${id}.${timestamp}.`), request.bytes);
  let valid = false;
  for (const key of keys) {
    const expected = utf8(bytesToBase64(await hmacSha256(key!, signed)));
    for (const signature of signatures) valid = timingSafeEqualBytes(signature, expected) || valid;
  }
  if (!valid)
    return refuse('no svix-signature entry matches the id, timestamp and body (a changed body, or another secret)');
  const json = parseJsonBody(request);
  return json.ok ? { ok: true } : refuse(`${json.reason}: a Resend webhook body is JSON`, 'unreadable');
}
