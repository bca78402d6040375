/**
 * SendGrid's Signed Event Webhook: ECDSA P-256 with SHA-256 over the timestamp header followed by
 * the raw body. The signature arrives DER-encoded (as OpenSSL writes it); WebCrypto verifies
 * the raw r‖s form, so it is converted here.
 */
import { asBufferSource, base64ToBytes, concatBytes, pemOrBase64ToBytes, utf8 } from './bytes';
import { staleTimestampReason } from './signed-timestamp';
import type { ReadWebhookRequest } from './webhook-request';
import { listOf, refuse, type SendgridSecrets, type VerifyWebhookOptions, type WebhookVerdict } from './webhook-types';
import { parseJsonBody } from './webhook-request';

export const SENDGRID_SIGNATURE_HEADER = 'X-Twilio-Email-Event-Webhook-Signature';
export const SENDGRID_TIMESTAMP_HEADER = 'X-Twilio-Email-Event-Webhook-Timestamp';

const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const importedKeys = new Map<string, Promise<CryptoKey | undefined>>();

/** A DER ECDSA signature (SEQUENCE of two INTEGERs) as the 64-byte r‖s WebCrypto expects. */
export function derSignatureToRaw(der: Uint8Array, size = 32): Uint8Array | undefined {
  let at = 0;
  const readLength = (): number | undefined => {
    const first = der[at++];
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    if (first !== 0x81) return undefined; // a P-256 signature never needs more than one length byte
    const next = der[at++];
    return next !== undefined && next >= 0x80 ? next : undefined;
  };
  if (der[at++] !== 0x30) return undefined;
  const total = readLength();
  if (total === undefined || at + total !== der.length) return undefined;
  const out = new Uint8Array(size * 2);
  for (let part = 0; part < 2; part++) {
    if (der[at++] !== 0x02) return undefined;
    const length = readLength();
    if (length === undefined || length === 0 || at + length > der.length) return undefined;
    let integer = der.subarray(at, at + length);
    at += length;
    while (integer.length > 1 && integer[0] === 0) integer = integer.subarray(1);
    if (integer.length > size) return undefined;
    out.set(integer, part * size + size - integer.length);
  }
  return at === der.length ? out : undefined;
}

/** Imports SendGrid's verification key once per key text; undefined when it is not a P-256 public key. */
export function importSendgridKey(key: string): Promise<CryptoKey | undefined> {
  let imported = importedKeys.get(key);
  if (!imported) {
    const der = pemOrBase64ToBytes(key);
    imported = der
      ? crypto.subtle.importKey('spki', asBufferSource(der), P256, false, ['verify']).catch(() => undefined)
      : Promise.resolve(undefined);
    if (importedKeys.size > 32) importedKeys.clear();
    importedKeys.set(key, imported);
  }
  return imported;
}

export async function verifySendgrid(
  request: ReadWebhookRequest,
  secrets: SendgridSecrets,
  options?: VerifyWebhookOptions,
): Promise<WebhookVerdict> {
  const signature = request.header(SENDGRID_SIGNATURE_HEADER);
  const timestamp = request.header(SENDGRID_TIMESTAMP_HEADER);
  if (!signature) return refuse(`the ${SENDGRID_SIGNATURE_HEADER} header is missing (is the Signed Event Webhook on?)`);
  if (!timestamp) return refuse(`the ${SENDGRID_TIMESTAMP_HEADER} header is missing`);
  const stale = staleTimestampReason(timestamp.trim(), `the ${SENDGRID_TIMESTAMP_HEADER} header`, options);
  if (stale) return refuse(stale);
  const der = base64ToBytes(signature);
  const raw = der && derSignatureToRaw(der);
  if (!raw) return refuse('the SendGrid signature is not a base64 DER ECDSA signature');
  const keys = listOf(secrets?.publicKey);
  if (keys.length === 0) return refuse('no SendGrid verification key is configured');
  const signed = concatBytes(utf8(timestamp), request.bytes);
  let usableKey = false;
  for (const key of keys) {
    const cryptoKey = typeof key === 'string' ? await importSendgridKey(key) : key;
    if (!cryptoKey) continue;
    usableKey = true;
    const valid = await crypto.subtle
      .verify({ name: 'ECDSA', hash: 'SHA-256' }, cryptoKey, asBufferSource(raw), asBufferSource(signed))
      .catch(() => false);
    if (valid) {
      const json = parseJsonBody(request);
      return json.ok ? { ok: true } : refuse(`${json.reason}: a SendGrid webhook body is a JSON array`, 'unreadable');
    }
  }
  if (!usableKey)
    return refuse('the configured SendGrid verification key is not a P-256 public key (base64 DER or PEM)');
  return refuse('the SendGrid signature does not match the body and timestamp (a changed body, or another key)');
}
