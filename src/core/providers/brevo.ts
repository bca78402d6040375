/**
 * Brevo (ex-Sendinblue) transactional and marketing webhooks: one object, or an array when the
 * webhook was created with `batched: true`. Event names drift between snake case, camel case and
 * "-ed" forms, so they are compared with case and underscores removed. `id` is the webhook's id,
 * not the event's: events get a content hash.
 */
import { eachObject, reasonText, type Collector } from './collector';
import {
  addressOf,
  asList,
  asText,
  bareMessageId,
  jsonObjectText,
  scalarEntries,
  tagList,
  type JsonObject,
} from './fields';
import { brevoLocalTime, epochTime } from './provider-time';
import type { ProviderResponse } from './provider-types';

const EVENT_RESPONSES: Record<string, ProviderResponse> = {
  request: 'provider-queued',
  sent: 'provider-queued',
  deferred: 'provider-delayed',
  delivered: 'delivered',
  softbounce: 'soft-bounce',
  softbounced: 'soft-bounce',
  hardbounce: 'hard-bounce',
  hardbounced: 'hard-bounce',
  invalidemail: 'invalid-address',
  invalid: 'invalid-address',
  error: 'delivery-error',
  spam: 'spam-complaint',
  complaint: 'spam-complaint',
  markedasspam: 'spam-complaint',
  opened: 'opened',
  open: 'opened',
  uniqueopened: 'opened',
  firstopening: 'opened',
  proxyopen: 'opened-machine',
  proxyopened: 'opened-machine',
  uniqueproxyopen: 'opened-machine',
  uniqueproxyopened: 'opened-machine',
  click: 'clicked',
  clicked: 'clicked',
  unsubscribed: 'unsubscribed',
  unsubscribe: 'unsubscribed',
};

function classify(event: string, reason: string): ProviderResponse | undefined {
  // "blocked : due to blacklist user": the contact is on Brevo's blocklist (unsubscribed or
  // complained before), so it has Do not use email. Any other block is Brevo refusing the send.
  if (event === 'blocked')
    return /black ?list|block ?list|unsubscri|complain/i.test(reason) ? 'canceled-do-not-use-email' : 'rejected';
  return Object.hasOwn(EVENT_RESPONSES, event) ? EVENT_RESPONSES[event] : undefined;
}

/** Tags arrive as a list, as one text, or as a list written as JSON text. */
function brevoTags(item: JsonObject): string[] {
  if (Array.isArray(item.tags)) return tagList(item.tags);
  const tag = asText(item.tag);
  if (tag?.startsWith('[')) {
    try {
      return tagList(JSON.parse(tag));
    } catch {
      // Not a list after all: the text is one tag, below.
    }
  }
  return tagList(tag);
}

function readEvent(item: JsonObject, out: Collector): void {
  const name = asText(item.event) ?? '';
  const event = name.replace(/[_\s-]/g, '').toLowerCase();
  const reason = asText(item.reason) ?? '';
  const response = classify(event, reason);
  if (response === undefined) {
    out.skip(
      item,
      name ? `Brevo event "${name}" says nothing about a recipient's response` : 'the item has no `event` field',
    );
    return;
  }
  const offset = out.options.brevoUtcOffsetMinutes;
  // ts_epoch (ms) and ts_event (s) are UTC; the dates are local time. Transactional `ts` is the send time,
  // so it comes last.
  let at = epochTime(item.ts_epoch);
  if (Number.isNaN(at)) at = epochTime(item.ts_event);
  if (Number.isNaN(at)) at = brevoLocalTime(item.date_event ?? item.date, offset);
  if (Number.isNaN(at)) at = epochTime(item.ts);
  const custom = item['X-Mailin-custom'];
  const metadata = scalarEntries(jsonObjectText(custom) ?? {});
  const customText = asText(custom);
  if (customText !== undefined && Object.keys(metadata).length === 0) metadata['X-Mailin-custom'] = customText;
  const campaign = asText(item.camp_id);
  if (campaign !== undefined) metadata.camp_id ??= campaign;
  const listIds = asList(item.list_id)
    .map((id) => asText(id))
    .filter((id) => id !== undefined);
  out.emit({
    response,
    type: name,
    raw: item,
    input: item,
    address: addressOf(item.email),
    // Marketing events have no message id: their campaign is the email.
    messageId: bareMessageId(item['message-id']) ?? campaign,
    metadata,
    tags: brevoTags(item),
    at,
    url: asText(item.link) ?? asText(item.URL),
    // A marketing unsubscribe names the lists it takes the contact off: one kind of email, not all.
    scope: listIds.length > 0 ? 'type' : undefined,
    reason: reasonText(
      reason,
      response === 'unsubscribed' && listIds.length > 0 ? `lists ${listIds.join(', ')}` : undefined,
    ),
  });
}

export function readBrevo(value: unknown, out: Collector): void {
  eachObject(value, out, 'Brevo event', (item) => readEvent(item, out));
}
