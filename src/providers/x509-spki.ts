/**
 * Just enough of X.509 to verify an SNS signature with WebCrypto: the certificate's
 * SubjectPublicKeyInfo (which `importKey('spki')` takes as it is) and its validity period.
 * A strict DER walk over the outer structure; anything unexpected is refused, never guessed.
 *
 *   Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
 *   TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer,
 *                                 validity, subject, subjectPublicKeyInfo, ... }
 */

interface Element {
  tag: number;
  /** The whole element, header included. */
  start: number;
  /** The content. */
  contentStart: number;
  end: number;
}

/** One DER element at `at`, within `limit`; undefined when malformed. */
function readElement(der: Uint8Array, at: number, limit: number): Element | undefined {
  if (at + 2 > limit) return undefined;
  const tag = der[at]!;
  if ((tag & 0x1f) === 0x1f) return undefined; // high tag numbers do not occur in this walk
  let length = der[at + 1]!;
  let contentStart = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || contentStart + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  return end <= limit ? { tag, start: at, contentStart, end } : undefined;
}

function children(der: Uint8Array, parent: Element, max: number): Element[] | undefined {
  const out: Element[] = [];
  for (let at = parent.contentStart; at < parent.end && out.length < max;) {
    const child = readElement(der, at, parent.end);
    if (!child) return undefined;
    out.push(child);
    at = child.end;
  }
  return out;
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ) as epoch ms. */
function readTime(der: Uint8Array, element: Element): number | undefined {
  const text = String.fromCharCode(...der.subarray(element.contentStart, element.end));
  const match =
    element.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : element.tag === 0x18
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
        : null;
  if (!match) return undefined;
  let year = Number(match[1]);
  if (element.tag === 0x17) year += year < 50 ? 2000 : 1900;
  return Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]));
}

export interface CertificateKey {
  /** The DER SubjectPublicKeyInfo, ready for `crypto.subtle.importKey('spki', …)`. */
  spki: Uint8Array;
  notBefore: number;
  notAfter: number;
}

export type CertificateReading = { ok: true; certificate: CertificateKey } | { ok: false; reason: string };

export function readCertificate(der: Uint8Array): CertificateReading {
  const fail = (what: string): CertificateReading => ({
    ok: false,
    reason: `the certificate is not X.509 DER: ${what}`,
  });
  const certificate = readElement(der, 0, der.length);
  if (!certificate || certificate.tag !== 0x30 || certificate.end !== der.length) return fail('no outer SEQUENCE');
  const tbs = readElement(der, certificate.contentStart, certificate.end);
  if (!tbs || tbs.tag !== 0x30) return fail('no TBSCertificate');
  const fields = children(der, tbs, 8);
  if (!fields) return fail('a malformed TBSCertificate');
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version, absent in v1 certificates
  const validity = fields[offset + 3];
  const spki = fields[offset + 5];
  if (!validity || validity.tag !== 0x30 || !spki || spki.tag !== 0x30)
    return fail('no validity or subjectPublicKeyInfo');
  const times = children(der, validity, 2);
  const notBefore = times?.[0] && readTime(der, times[0]);
  const notAfter = times?.[1] && readTime(der, times[1]);
  if (notBefore === undefined || notAfter === undefined) return fail('an unreadable validity period');
  return { ok: true, certificate: { spki: der.slice(spki.start, spki.end), notBefore, notAfter } };
}
