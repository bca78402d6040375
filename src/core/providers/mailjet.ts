/**
 * Mailjet Event API: a JSON array when "group events" is on, otherwise one object. Events have
 * no id. `MessageID` is an 18-digit integer that JSON.parse corrupts: read from text, the body
 * parser keeps it exact; from an already-parsed body, `mj_message_id` (text) is preferred.
 */
import { eachObject, reasonText, type Collector } from './collector';
import { addressOf, asFlag, asText, jsonObjectText, lowerText, scalarEntries, type JsonObject } from './fields';
import { epochTime } from './provider-time';
import type { ProviderResponse } from './provider-types';

type Verdict = ProviderResponse | { skip: string };

function blocked(relatedTo: string, error: string): ProviderResponse {
  switch (error) {
    case 'duplicate in campaign':
      return 'canceled-duplicate';
    case 'preblocked':
    case 'blacklisted':
    case 'spam reporter':
      // Mailjet blocks addresses that bounced, complained or were excluded before: Do not use email.
      return 'canceled-do-not-use-email';
    case 'user unknown':
    case 'mailbox inactive':
    case 'invalid domain':
    case 'no mail host':
    case 'typofix':
      return 'invalid-address';
    default:
      // Template errors and Mailjet's own failures are errors; spam and policy blocks are refusals.
      return relatedTo === 'content' || relatedTo === 'system' ? 'delivery-error' : 'rejected';
  }
}

function classify(event: string, item: JsonObject): Verdict {
  switch (event) {
    case 'sent':
      // Mailjet's "sent" means the receiving server accepted the message.
      return 'delivered';
    case 'open':
      return 'opened';
    case 'click':
      return 'clicked';
    case 'bounce':
      if (asFlag(item.hard_bounce)) return 'hard-bounce';
      // Greylisting is retried; any other soft bounce Mailjet reports is final for this email.
      return lowerText(item.error) === 'greylisted' ? 'provider-delayed' : 'soft-bounce';
    case 'blocked':
      return blocked(lowerText(item.error_related_to), lowerText(item.error));
    case 'spam':
      return 'spam-complaint';
    case 'unsub':
      return 'unsubscribed';
    default:
      return {
        skip: event
          ? `Mailjet event "${event}" says nothing about a recipient's response`
          : 'the item has no `event` field',
      };
  }
}

/** The message id as exact text, however the body reached us. */
function messageIdOf(item: JsonObject): string | undefined {
  const id = item.MessageID;
  if (typeof id === 'number' && !Number.isSafeInteger(id)) return asText(item.mj_message_id) ?? asText(id);
  return asText(id) ?? asText(item.mj_message_id);
}

function readEvent(item: JsonObject, out: Collector): void {
  const event = lowerText(item.event);
  const verdict = classify(event, item);
  if (typeof verdict === 'object') {
    out.skip(item, verdict.skip);
    return;
  }
  const payload = item.Payload;
  const metadata = scalarEntries(jsonObjectText(payload) ?? {});
  const payloadText = asText(payload);
  if (payloadText !== undefined && Object.keys(metadata).length === 0) metadata.Payload = payloadText;
  scalarEntries(
    { CustomID: item.CustomID, customcampaign: item.customcampaign, mj_campaign_id: item.mj_campaign_id },
    metadata,
  );
  const messageId = messageIdOf(item);
  const address = addressOf(item.email);
  const at = epochTime(item.time);
  const url = asText(item.url);
  const error = asText(item.error);
  const campaign = asText(item.customcampaign);
  const listId = asText(item.mj_list_id);
  out.emit({
    response: verdict,
    type: error !== undefined ? `${event}/${error}` : event,
    raw: item,
    input: item,
    address,
    messageId,
    metadata,
    tags: campaign !== undefined ? [campaign] : [],
    at,
    url,
    // A campaign's unsubscribe takes the recipient off the contact list it was sent to (mj_list_id).
    // The collector keeps a scope on an unsubscribe only, so other events need not be told apart here.
    scope: listId !== undefined && listId !== '0' ? 'type' : undefined,
    reason:
      event === 'bounce' || event === 'blocked'
        ? reasonText(item.error_related_to, error, item.comment)
        : event === 'spam'
          ? reasonText(item.source)
          : undefined,
    // Message_GUID rather than MessageID: it is text, so the id is the same whether the body came as text or parsed.
    hashKey: [event, asText(item.Message_GUID) ?? messageId, address, at, url, error],
  });
}

export function readMailjet(value: unknown, out: Collector): void {
  eachObject(value, out, 'Mailjet event', (item) => readEvent(item, out));
}
