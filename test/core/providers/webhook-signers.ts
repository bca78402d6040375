// Test-only signers: what each provider does on its side, with keys made in the test by
// crypto.subtle (ECDSA P-256 for SendGrid, HMAC for Mailgun and Svix, RSA with a self-signed
// X.509 certificate built here for SNS). Not a test file itself.
import { asBufferSource, bytesToBase64, bytesToHex, concatBytes, utf8 as encode } from '../../../src/providers/bytes';

const utf8 = (text: string) => asBufferSource(encode(text));

const bytes = (buffer: ArrayBuffer): Uint8Array => new Uint8Array(buffer);

// ---- DER writing, just enough for a certificate and an ECDSA signature ----
function length(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const out: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) out.unshift(rest & 0xff);
  return Uint8Array.of(0x80 | out.length, ...out);
}
export const tlv = (tag: number, ...content: Uint8Array[]): Uint8Array => {
  const body = concatBytes(...content);
  return concatBytes(Uint8Array.of(tag), length(body.length), body);
};
const sequence = (...content: Uint8Array[]) => tlv(0x30, ...content);
function integer(value: Uint8Array): Uint8Array {
  let v = value;
  while (v.length > 1 && v[0] === 0 && v[1]! < 0x80) v = v.subarray(1);
  return tlv(0x02, v[0]! >= 0x80 ? concatBytes(Uint8Array.of(0), v) : v);
}
function oid(dotted: string): Uint8Array {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [a! * 40 + b!];
  for (const part of rest) {
    const chunk: number[] = [];
    for (let v = part; ; v = Math.floor(v / 128)) {
      chunk.unshift((v & 0x7f) | (chunk.length ? 0x80 : 0));
      if (v < 128) break;
    }
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}
const utcTime = (ms: number) => {
  const d = new Date(ms).toISOString();
  return tlv(
    0x17,
    utf8(`${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}Z`),
  );
};
const name = (cn: string) => sequence(tlv(0x31, sequence(oid('2.5.4.3'), tlv(0x0c, utf8(cn)))));

/** WebCrypto's raw r‖s ECDSA signature as the DER SendGrid sends. */
export function rawToDerSignature(raw: Uint8Array): Uint8Array {
  return sequence(integer(raw.subarray(0, 32)), integer(raw.subarray(32)));
}

// ---- SendGrid ----
export interface SendgridSigner {
  /** The verification key as SendGrid shows it: base64 DER SubjectPublicKeyInfo. */
  publicKey: string;
  sign(body: string, timestamp: string): Promise<Record<string, string>>;
}

export async function sendgridSigner(): Promise<SendgridSigner> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const publicKey = bytesToBase64(bytes(await crypto.subtle.exportKey('spki', pair.publicKey)));
  return {
    publicKey,
    async sign(body, timestamp) {
      const raw = bytes(
        await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, utf8(timestamp + body)),
      );
      return {
        'X-Twilio-Email-Event-Webhook-Signature': bytesToBase64(rawToDerSignature(raw)),
        'X-Twilio-Email-Event-Webhook-Timestamp': timestamp,
      };
    },
  };
}

// ---- HMAC (Mailgun, Svix) ----
export async function hmacSha256(key: Uint8Array, message: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    asBufferSource(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return bytes(await crypto.subtle.sign('HMAC', cryptoKey, utf8(message)));
}

export async function mailgunBody(
  signingKey: string,
  timestamp: string,
  eventData: unknown,
  token = 'e0b5477167110d68991efc6b9f89f0a11066af27834600e123',
): Promise<string> {
  const signature = bytesToHex(await hmacSha256(utf8(signingKey), timestamp + token));
  return JSON.stringify({ signature: { token, timestamp, signature }, 'event-data': eventData });
}

export async function svixHeaders(
  secret: string,
  id: string,
  timestamp: string,
  body: string,
): Promise<Record<string, string>> {
  const key = Uint8Array.from(atob(secret.slice('whsec_'.length)), (c) => c.charCodeAt(0));
  const signature = bytesToBase64(await hmacSha256(key, `${id}.${timestamp}.${body}`));
  return { 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': `v1,${signature}` };
}

// ---- SNS ----
export interface SnsSigner {
  /** The self-signed certificate, PEM. */
  certificatePem: string;
  sign(message: Record<string, string>, version: '1' | '2', certUrl: string): Promise<string>;
}

/** An RSA key and a self-signed X.509 certificate for it, valid from `from` to `until`. */
export async function snsSigner(
  from = Date.now() - 86_400_000,
  until = Date.now() + 365 * 86_400_000,
): Promise<SnsSigner> {
  const algorithm = {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: Uint8Array.of(1, 0, 1),
    hash: 'SHA-256',
  };
  const pair = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const spki = bytes(await crypto.subtle.exportKey('spki', pair.publicKey));
  const sha256WithRsa = sequence(oid('1.2.840.113549.1.1.11'), tlv(0x05));
  const tbs = sequence(
    tlv(0xa0, integer(Uint8Array.of(2))),
    integer(Uint8Array.of(0x1d, 0x2c, 0x3b)),
    sha256WithRsa,
    name('sns.test-signing'),
    sequence(utcTime(from), utcTime(until)),
    name('sns.test-signing'),
    spki,
  );
  const tbsSignature = bytes(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, asBufferSource(tbs)));
  const certificate = sequence(tbs, sha256WithRsa, tlv(0x03, Uint8Array.of(0), tbsSignature));
  const base64 = bytesToBase64(certificate).replace(/.{64}/g, '$&\n');
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  const sha1Key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }, false, [
    'sign',
  ]);
  return {
    certificatePem: `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`,
    async sign(message, version, certUrl) {
      const fields =
        message.Type === 'Notification'
          ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
          : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
      const text = fields
        .filter((f) => message[f] !== undefined)
        .map((f) => `${f}\n${message[f]}\n`)
        .join('');
      const key = version === '1' ? sha1Key : pair.privateKey;
      const signature = bytesToBase64(bytes(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, utf8(text))));
      return JSON.stringify({ ...message, SignatureVersion: version, Signature: signature, SigningCertURL: certUrl });
    },
  };
}
