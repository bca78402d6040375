/**
 * The parts of a webhook request the checks read: the raw body as the provider sent it, the
 * headers, and the URL (for a token in the query). A fetch `Request` or a plain object will do.
 */
import type { ProviderHeaders } from '../core/providers/index';
import { utf8 } from './bytes';

/** A webhook request already read: what a server framework hands over after buffering the body. */
export interface WebhookRequestParts {
  /** The body exactly as received: bytes, or text decoded from them. Never JSON re-serialized. */
  body: string | Uint8Array;
  headers: ProviderHeaders;
  /** The full request URL (a relative one is read against http://localhost). Needed for query tokens and Elastic Email. */
  url?: string;
  method?: string;
}

/** What verifyProviderWebhook reads: a fetch Request (read from a clone) or the parts. */
export type WebhookRequest = Request | WebhookRequestParts;

/** The request with its body as both bytes (for signatures) and text (for parsing). */
export interface ReadWebhookRequest {
  bytes: Uint8Array;
  text: string;
  header(name: string): string | undefined;
  url: URL | undefined;
  method: string;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function isFetchRequest(value: unknown): value is Request {
  return typeof Request !== 'undefined' && value instanceof Request;
}

/** One header's value, any case; several values are joined as fetch joins them. */
export function headerReader(headers: ProviderHeaders | undefined): (name: string) => string | undefined {
  if (!headers || typeof headers !== 'object') return () => undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const get = (headers as { get(name: string): string | null }).get.bind(headers);
    return (name) => {
      try {
        return get(name) ?? undefined;
      } catch {
        return undefined;
      }
    };
  }
  const lower = new Map<string, string>();
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    const text =
      typeof value === 'string'
        ? value
        : Array.isArray(value)
          ? value.filter((v) => typeof v === 'string').join(', ')
          : undefined;
    if (text !== undefined) lower.set(key.toLowerCase(), text);
  }
  return (name) => lower.get(name.toLowerCase());
}

function parseUrl(url: string | undefined): URL | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url, 'http://localhost');
  } catch {
    return undefined;
  }
}

export type RequestReading = { ok: true; request: ReadWebhookRequest } | { ok: false; reason: string };

/** Reads the request once; a fetch Request is cloned first, so its body stays readable. */
export async function readWebhookRequest(request: WebhookRequest): Promise<RequestReading> {
  try {
    if (isFetchRequest(request)) {
      const bytes = new Uint8Array(await request.clone().arrayBuffer());
      return {
        ok: true,
        request: fromParts({ body: bytes, headers: request.headers, url: request.url, method: request.method }),
      };
    }
    if (!request || typeof request !== 'object')
      return { ok: false, reason: 'the request is not a fetch Request nor { body, headers }' };
    const body = (request as { body?: unknown }).body;
    if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
      return {
        ok: false,
        reason: 'the request body must be the raw text or bytes the provider sent (a parsed body cannot be verified)',
      };
    }
    return { ok: true, request: fromParts(request) };
  } catch (error) {
    return {
      ok: false,
      reason: `the request body could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export function fromParts(parts: WebhookRequestParts): ReadWebhookRequest {
  const bytes = typeof parts.body === 'string' ? utf8(parts.body) : parts.body;
  const text = typeof parts.body === 'string' ? parts.body : decoder.decode(parts.body);
  return {
    bytes,
    text,
    header: headerReader(parts.headers),
    url: parseUrl(parts.url),
    method: typeof parts.method === 'string' ? parts.method.toUpperCase() : 'POST',
  };
}

/** The body as JSON, or why not. */
export function parseJsonBody(
  request: ReadWebhookRequest,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  const text = request.text.replace(/^\uFEFF/, '');
  if (text.trim().length === 0) return { ok: false, reason: 'the body is empty' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'the body is not JSON' };
  }
}
