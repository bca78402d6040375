/**
 * Provider webhooks to canonical events. A host (or its backend) passes each webhook body as the
 * provider sent it and gets back ResponseEvents ready for the fold, plus the parts that gave no
 * event and why. Nothing here throws, whatever the body.
 */
import { Collector, describeValue } from './collector';
import { asObject } from './fields';
import { readBody } from './provider-body';
import {
  PROVIDER_NAMES,
  type NormalizeProviderOptions,
  type NormalizeProviderResult,
  type ProviderName,
} from './provider-types';
import { readBrevo } from './brevo';
import { readElasticEmail } from './elastic-email';
import { readMailgun } from './mailgun';
import { readMailjet } from './mailjet';
import { readPostmark } from './postmark';
import { readResend } from './resend';
import { readSendgrid } from './sendgrid';
import { readSes } from './ses';
import { readSparkpost } from './sparkpost';

export type {
  NormalizeProviderOptions,
  NormalizeProviderResult,
  ProviderEventInfo,
  ProviderHeaders,
  ProviderIdFinder,
  ProviderIdOptions,
  ProviderName,
  ProviderResponse,
  ProviderSkip,
} from './provider-types';
export { PROVIDER_NAMES } from './provider-types';

const READERS: Record<ProviderName, (value: unknown, out: Collector) => void> = {
  sendgrid: readSendgrid,
  mailgun: readMailgun,
  ses: readSes,
  postmark: readPostmark,
  'elastic-email': readElasticEmail,
  sparkpost: readSparkpost,
  brevo: readBrevo,
  mailjet: readMailjet,
  resend: readResend,
};

/**
 * Text bodies that are not JSON are only meaningful to Elastic Email (a query string) and a few readers that
 * explain them.
 */
const READS_TEXT = new Set<ProviderName>(['elastic-email', 'mailgun', 'ses']);

/**
 * Reads one webhook body from `provider` into canonical events.
 *
 * `body` is the request body as the provider sent it: raw text (best: Mailjet's big ids survive
 * only as text), bytes, URLSearchParams or a query string (Elastic Email), or JSON the host already
 * parsed. Arrays and batches, SNS envelopes and Events API pages are unwrapped.
 *
 * Every event has an `id` made from the provider's event id (or, where the provider has none, a
 * hash of the event's content), so the same webhook delivered again gives the same ids and the
 * fold applies it once.
 */
export function normalizeProviderEvents(
  provider: ProviderName,
  body: unknown,
  options: NormalizeProviderOptions = {},
): NormalizeProviderResult {
  if (typeof provider !== 'string' || !Object.hasOwn(READERS, provider)) {
    const shown = typeof provider === 'string' ? `"${provider}"` : describeValue(provider);
    return {
      events: [],
      skipped: [
        { input: body, reason: `${shown} is not a provider this library reads (${PROVIDER_NAMES.join(', ')})` },
      ],
    };
  }
  let out: Collector;
  try {
    out = new Collector(provider, (asObject(options) ?? {}) as NormalizeProviderOptions);
  } catch (error) {
    const reason = `the options are not usable: ${error instanceof Error ? error.message : String(error)}`;
    return { events: [], skipped: [{ input: body, reason }] };
  }
  try {
    const reading = readBody(body);
    if (!reading.ok) {
      out.skip(body, reading.reason);
    } else if (typeof reading.value === 'string' && !READS_TEXT.has(provider)) {
      out.skip(body, `a ${provider} webhook body is JSON, not ${describeValue(reading.value)}`);
    } else if (typeof reading.value !== 'object' && typeof reading.value !== 'string') {
      out.skip(body, `a webhook body must be JSON text or an object, not ${describeValue(reading.value)}`);
    } else {
      READERS[provider](reading.value, out);
    }
  } catch (error) {
    // A last guard: the readers already contain their failures item by item.
    out.skip(body, `the body could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { events: out.events, skipped: out.skipped };
}
