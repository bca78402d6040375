/**
 * Mailgun webhooks: one `{signature, event-data}` object per request. A page of the Events API
 * (`{items: [...]}`) and bare event-data objects are read too, as hosts often poll instead.
 */
import { eachObject, reasonText, type Collector } from './collector';
import {
  addressOf,
  asList,
  asObject,
  asText,
  bareMessageId,
  lowerText,
  pick,
  scalarEntries,
  tagList,
  type JsonObject,
} from './fields';
import { epochTime } from './provider-time';
import type { ProviderResponse } from './provider-types';

type Verdict = ProviderResponse | { skip: string };

function failed(data: JsonObject): ProviderResponse {
  if (lowerText(data.severity) === 'temporary') return 'provider-delayed';
  const reason = lowerText(data.reason);
  const code = Number(pick(data, 'delivery-status', 'code'));
  if (reason === 'suppress-bounce' || code === 605) return 'hard-bounce';
  // The address is on the account's unsubscribe or complaint list: the contact has Do not use email.
  if (reason === 'suppress-unsubscribe' || reason === 'suppress-complaint' || code === 606 || code === 607)
    return 'canceled-do-not-use-email';
  if (pick(data, 'flags', 'is-delayed-bounce') === true) return 'hard-bounce';
  // Permanent after retries on a temporary SMTP answer, or an ESP block: the final soft failure.
  if ((code >= 400 && code < 500) || reason === 'espblock' || reason === 'old') return 'soft-bounce';
  return 'hard-bounce';
}

function classify(event: string, data: JsonObject): Verdict {
  switch (event) {
    case 'accepted':
      return 'provider-queued';
    case 'rejected':
      return 'rejected';
    case 'delivered':
      return 'delivered';
    case 'failed':
      return failed(data);
    case 'opened':
      // client-info.bot: apple (Mail Privacy Protection), gmail (image proxy), generic (scanner).
      return asText(pick(data, 'client-info', 'bot')) !== undefined ? 'opened-machine' : 'opened';
    case 'clicked':
      return 'clicked';
    case 'unsubscribed':
      return 'unsubscribed';
    case 'complained':
      return 'spam-complaint';
    default:
      return {
        skip: event
          ? `Mailgun event "${event}" says nothing about a recipient's response`
          : 'the event data has no `event` field',
      };
  }
}

/** The recipients of an event that names none (a rejected send): the To header's addresses. */
function headerRecipients(data: JsonObject): string[] {
  const to = asText(pick(data, 'message', 'headers', 'to')) ?? asText(pick(data, 'envelope', 'targets'));
  if (to === undefined) return [];
  const found = to.slice(0, 10_000).match(/[^\s<>,;:"]+@[^\s<>,;:"]+/g) ?? [];
  return [...new Set(found.map((address) => address.toLowerCase()))];
}

function readEventData(data: JsonObject, input: unknown, out: Collector): void {
  const event = lowerText(data.event);
  const verdict = classify(event, data);
  if (typeof verdict === 'object') {
    out.skip(input, verdict.skip);
    return;
  }
  const at = epochTime(data.timestamp);
  const recipient = addressOf(data.recipient);
  const addresses: (string | undefined)[] = recipient !== undefined ? [recipient] : headerRecipients(data);
  // With no address at all the event still goes on, for options.recipientId to identify.
  if (addresses.length === 0) addresses.push(undefined);
  const status = asObject(data['delivery-status']);
  const reason =
    verdict === 'rejected'
      ? reasonText(pick(data, 'reject', 'reason'), pick(data, 'reject', 'description'))
      : event === 'failed'
        ? reasonText(data.reason, status?.code, status?.['enhanced-code'], status?.message, status?.description)
        : undefined;
  // event-data.id is unique only within a day, so the event's own time completes it. Without
  // both, the collector hashes the event's content: the signature token is made per request, so
  // a redelivered webhook may carry a new one and would count twice; the content does not change.
  const id = asText(data.id);
  const baseId = id !== undefined && !Number.isNaN(at) ? `${id}:${at}` : undefined;
  addresses.forEach((address, index) => {
    out.emit({
      response: verdict,
      type: event === 'failed' ? `failed/${lowerText(data.severity) || 'permanent'}` : event,
      raw: data,
      input,
      eventId: baseId !== undefined && addresses.length > 1 ? `${baseId}:${index}` : baseId,
      address,
      messageId: bareMessageId(pick(data, 'message', 'headers', 'message-id')),
      metadata: scalarEntries(data['user-variables']),
      tags: tagList(data.tags),
      at,
      url: asText(data.url),
      // %mailing_list_unsubscribe_url%: off one mailing list; %unsubscribe_url% is domain-wide.
      scope: asObject(data['mailing-list']) !== undefined ? 'type' : undefined,
      reason,
    });
  });
}

function readPayload(payload: JsonObject, out: Collector): void {
  const data = asObject(payload['event-data']);
  if (data) {
    readEventData(data, payload, out);
    return;
  }
  if (Array.isArray(payload.items)) {
    eachObject(asList(payload.items), out, 'Mailgun event', (item) => readEventData(item, item, out));
    return;
  }
  if (payload.event !== undefined && payload.signature === undefined) {
    readEventData(payload, payload, out);
    return;
  }
  out.skip(payload, 'a Mailgun webhook body has `event-data` (or, from the Events API, `items`)');
}

export function readMailgun(value: unknown, out: Collector): void {
  if (typeof value === 'string') {
    out.skip(value, 'Mailgun form-encoded (legacy) webhooks are not read; configure the JSON webhooks');
    return;
  }
  eachObject(value, out, 'Mailgun webhook', (payload) => readPayload(payload, out));
}
