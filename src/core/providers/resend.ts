/**
 * Resend webhooks (delivered through Svix): one `{type, created_at, data}` object per request.
 * The event id is the `svix-id` header, stable across retries and replays; pass the headers in
 * the options, or the id falls back to a content hash.
 */
import { eachObject, reasonText, type Collector } from './collector';
import { addressOf, asList, asObject, asText, lowerText, pick, scalarEntries, type JsonObject } from './fields';
import { firstTime } from './provider-time';
import type { ProviderResponse } from './provider-types';

type Verdict = ProviderResponse | { skip: string };

function bounced(data: JsonObject): ProviderResponse {
  const type = lowerText(pick(data, 'bounce', 'type'));
  if (type === 'transient') return 'soft-bounce';
  if (type === 'undetermined') return 'unknown';
  // "Permanently rejected", including sends to suppressed addresses (they bounced before).
  return 'hard-bounce';
}

function classify(type: string, data: JsonObject): Verdict {
  switch (type) {
    case 'email.scheduled':
      return 'planned';
    case 'email.sent':
      return 'provider-queued';
    case 'email.delivery_delayed':
      return 'provider-delayed';
    case 'email.delivered':
      return 'delivered';
    case 'email.bounced':
      return bounced(data);
    case 'email.failed':
      return 'delivery-error';
    case 'email.suppressed':
      // Not sent because the address is on the account's suppression list.
      return 'canceled-do-not-use-email';
    case 'email.complained':
      return 'spam-complaint';
    case 'email.opened':
      return 'opened';
    case 'email.clicked':
      return 'clicked';
    default:
      return {
        skip: type
          ? `Resend event "${type}" says nothing about a recipient's response to an email`
          : 'the body has no `type` field',
      };
  }
}

/** Tags are `{name: value}` in webhooks and `[{name, value}]` in the send API. */
function tagMetadata(tags: unknown): Record<string, string> {
  if (!Array.isArray(tags)) return scalarEntries(tags);
  const metadata: Record<string, string> = {};
  for (const tag of asList(tags)) {
    const name = asText(pick(tag, 'name'));
    const value = asText(pick(tag, 'value'));
    if (name !== undefined && value !== undefined) metadata[name] ??= value;
  }
  return metadata;
}

function readEvent(body: JsonObject, headerId: string | undefined, out: Collector): void {
  const type = lowerText(body.type);
  const data = asObject(body.data) ?? {};
  const verdict = classify(type, data);
  if (typeof verdict === 'object') {
    out.skip(body, verdict.skip);
    return;
  }
  // One recipient as text, or none: [undefined] names no address.
  const recipients = Array.isArray(data.to) ? data.to : [data.to];
  if (recipients.length > 1) {
    out.skip(
      body,
      `Resend does not say which of the email's ${recipients.length} recipients this ${type} is about; send one recipient per email`,
    );
    return;
  }
  const bounce = asObject(data.bounce);
  // Read as text first: a blank type or an odd subType must not show as "undefined" in the reason.
  const bounceType = asText(bounce?.type);
  const bounceSubType = asText(bounce?.subType);
  const suppressed = asObject(data.suppressed);
  const reason =
    type === 'email.bounced'
      ? reasonText(
          bounceType !== undefined && bounceSubType !== undefined ? `${bounceType}/${bounceSubType}` : bounceType,
          bounce?.message,
        )
      : type === 'email.failed'
        ? reasonText(pick(data, 'failed', 'reason'))
        : type === 'email.suppressed'
          ? reasonText(suppressed?.type, suppressed?.message)
          : undefined;
  out.emit({
    response: verdict,
    type,
    raw: body,
    input: body,
    eventId: headerId,
    address: addressOf(recipients[0]),
    messageId: asText(data.email_id),
    metadata: tagMetadata(data.tags),
    at: firstTime(body.created_at, pick(data, 'click', 'timestamp')),
    url: asText(pick(data, 'click', 'link')),
    reason,
  });
}

export function readResend(value: unknown, out: Collector): void {
  // The header names one event: it cannot identify the items of a list a host put together.
  const headerId = Array.isArray(value) ? undefined : out.header('svix-id');
  eachObject(value, out, 'Resend event', (body) => readEvent(body, headerId, out));
}
