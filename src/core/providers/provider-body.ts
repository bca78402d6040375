/**
 * Turns a webhook body, in whatever form the host has it, into a value the provider readers
 * walk. Hosts hand over raw text (needed anyway for signature checks, and the only form in
 * which Mailjet's big ids survive), bytes, URLSearchParams (Elastic Email's GET query) or
 * JSON they already parsed.
 */
import { parseJsonKeepingBigIntegers } from './big-int-json';

export type BodyReading = { ok: true; value: unknown } | { ok: false; reason: string };

/** Bodies longer than this are refused unread: no provider batch comes near it. */
export const MAX_BODY_CHARACTERS = 32 * 1024 * 1024;

function decodeBytes(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Reads a text body: JSON when it looks like JSON, otherwise the text itself. */
export function readText(text: string): BodyReading {
  if (text.length > MAX_BODY_CHARACTERS)
    return { ok: false, reason: `the body has ${text.length} characters, more than any provider sends` };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.length === 0) return { ok: false, reason: 'the body is empty' };
  const first = trimmed.charCodeAt(0);
  if (first === 123 || first === 91) {
    try {
      return { ok: true, value: parseJsonKeepingBigIntegers(trimmed) };
    } catch (error) {
      return {
        ok: false,
        // JSON.parse throws only SyntaxErrors.
        reason: `the body is not valid JSON (${(error as SyntaxError).message})`,
      };
    }
  }
  return { ok: true, value: trimmed };
}

/** Reads any body form; text that is not JSON comes back as text for the reader to judge. */
export function readBody(body: unknown): BodyReading {
  if (typeof body === 'string') return readText(body);
  // Stryker disable next-line ConditionalExpression: a Uint8Array is also an ArrayBuffer view, read the same way below
  if (body instanceof Uint8Array) return readText(decodeBytes(body));
  if (body instanceof ArrayBuffer) return readText(decodeBytes(new Uint8Array(body)));
  if (ArrayBuffer.isView(body))
    return readText(decodeBytes(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)));
  // Stryker disable next-line ConditionalExpression,StringLiteral: every runtime here has URLSearchParams
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams)
    return { ok: true, value: queryObject(body) };
  if (body === undefined || body === null) return { ok: false, reason: `the body is ${String(body)}` };
  return { ok: true, value: body };
}

/** Query parameters as an object; a repeated name keeps its first value. */
export function queryObject(params: URLSearchParams): Record<string, string> {
  const object: Record<string, string> = {};
  params.forEach((value, key) => {
    if (!(key in object)) object[key] = value;
  });
  return object;
}

/** A query string, with or without `?`, or a whole URL whose query is the payload. */
export function parseQuery(text: string): Record<string, string> | undefined {
  const trimmed = text.trim();
  const question = trimmed.indexOf('?');
  const query = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)
    ? // Stryker disable next-line EqualityOperator: a URL starts with its scheme, so its ? is never at 0
      question >= 0
      ? trimmed.slice(question + 1)
      : // Stryker disable next-line StringLiteral: any text without = gives no query, as '' does
        ''
    : trimmed.replace(/^\?/, '');
  if (!query.includes('=')) return undefined;
  // URLSearchParams reads any text without throwing.
  return queryObject(new URLSearchParams(query));
}
