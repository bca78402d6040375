/**
 * createWebhookHandler: a fetch handler (`Request` → `Response`) for one provider's webhooks, for
 * any server that speaks fetch (Workers, Deno, Bun, Hono) or adapts to it (node:http, Express,
 * Fastify). It reads the raw body once, verifies it, normalizes it and hands the events to the
 * caller. A refused request never reaches `onEvents`.
 *
 * Status codes: 401 when the request does not prove its origin, 400 when its body cannot be
 * read, 413 when it is too large, 405 for a method no provider uses, 500 when `onEvents` throws
 * (the provider retries later, so nothing is lost), 200 otherwise: a body that yields no event
 * is still a delivery, and retrying it would not change that.
 */
import type { ResponseEvent } from '../core/event';
import {
  normalizeProviderEvents,
  type NormalizeProviderOptions,
  type ProviderName,
  type ProviderSkip,
} from '../core/providers/index';
import { fromParts } from './webhook-request';
import { verifyReadRequest } from './webhook-verify';
import type { SnsSubscription, VerifyWebhookOptions, WebhookRefusal, WebhookSecrets } from './webhook-types';

/** What one verified webhook request gave. */
export interface WebhookDelivery<P extends ProviderName = ProviderName> {
  provider: P;
  events: ResponseEvent[];
  /** The parts of the body that gave no event, each with its reason. */
  skipped: ProviderSkip[];
  /** The request (its body already read), for routing by path or header. */
  request: Request;
  /** SNS only: a subscription handshake to confirm (visit `subscribeUrl`) before events flow. */
  subscription?: SnsSubscription;
}

export interface RefusedWebhook {
  reason: string;
  refusal: WebhookRefusal | 'method' | 'too-large' | 'handler-failed';
  status: number;
  request: Request;
}

export interface WebhookHandlerOptions<P extends ProviderName> {
  provider: P;
  secrets: WebhookSecrets<P>;
  /** Receives the events of each verified request; a throw answers 500 so the provider retries. */
  onEvents: (delivery: WebhookDelivery<P>) => void | Promise<void>;
  /** Hears every refusal, with its reason in words a log can keep. */
  onRefused?: (refused: RefusedWebhook) => void;
  /** Passed to normalizeProviderEvents (the request's headers are added). */
  normalize?: NormalizeProviderOptions;
  verify?: VerifyWebhookOptions;
  /** Larger bodies are refused unread (413). Default 32 MiB. */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

function answer(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export function createWebhookHandler<P extends ProviderName>(
  options: WebhookHandlerOptions<P>,
): (request: Request) => Promise<Response> {
  const { provider, secrets, onEvents, onRefused, normalize, verify } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // Elastic Email's classic notifications are GET requests with the event in the query.
  const methods = provider === 'elastic-email' ? ['POST', 'GET'] : ['POST'];

  const refused = (request: Request, status: number, refusal: RefusedWebhook['refusal'], reason: string): Response => {
    try {
      onRefused?.({ reason, refusal, status, request });
    } catch {
      // A logger that throws must not change the answer.
    }
    return answer(status, reason);
  };

  return async (request: Request): Promise<Response> => {
    if (!methods.includes(request.method.toUpperCase())) {
      return refused(
        request,
        405,
        'method',
        `${provider} webhooks are ${methods.join(' or ')} requests, not ${request.method}`,
      );
    }
    const declared = Number(request.headers.get('content-length'));
    if (declared > maxBodyBytes)
      return refused(request, 413, 'too-large', `the body (${declared} bytes) is larger than ${maxBodyBytes} bytes`);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await request.arrayBuffer());
    } catch (error) {
      return refused(
        request,
        400,
        'unreadable',
        `the body could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (bytes.length > maxBodyBytes)
      return refused(request, 413, 'too-large', `the body is larger than ${maxBodyBytes} bytes`);
    const read = fromParts({ body: bytes, headers: request.headers, url: request.url, method: request.method });
    const verdict = await verifyReadRequest(provider, read, secrets, verify);
    if (!verdict.ok)
      return refused(request, verdict.refusal === 'unreadable' ? 400 : 401, verdict.refusal, verdict.reason);

    const body = read.method === 'GET' ? request.url : read.text;
    const { events, skipped } = normalizeProviderEvents(provider, body, { ...normalize, headers: request.headers });
    const delivery: WebhookDelivery<P> = { provider, events, skipped, request };
    if (verdict.subscription) delivery.subscription = verdict.subscription;
    try {
      await onEvents(delivery);
    } catch (error) {
      return refused(
        request,
        500,
        'handler-failed',
        `the events could not be taken: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return answer(
      200,
      verdict.subscription
        ? `${verdict.subscription.type} verified`
        : `${events.length} events, ${skipped.length} skipped`,
    );
  };
}
