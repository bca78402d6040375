/**
 * SendGrid Event Webhook: always a JSON array of flat events, custom args merged in at the top
 * level, `sg_event_id` unique per event ("use for deduplication").
 */
import { eachObject, reasonText, type Collector } from './collector';
import { addressOf, asFlag, asText, bareMessageId, lowerText, tagList, type JsonObject } from './fields';
import { epochTime } from './provider-time';
import type { ProviderResponse } from './provider-types';

/** SendGrid's own keys; every other top-level key is one of the sender's custom args. */
const SENDGRID_KEYS = new Set([
  'email',
  'timestamp',
  'smtp-id',
  'event',
  'category',
  'sg_event_id',
  'sg_message_id',
  'sg_template_id',
  'sg_template_name',
  'sg_content_type',
  'sg_machine_open',
  'sg_user_id',
  'ip',
  'useragent',
  'reason',
  'status',
  'response',
  'tls',
  'attempt',
  'url',
  'url_offset',
  'asm_group_id',
  'type',
  'bounce_classification',
  'pool',
  'send_at',
  'cert_err',
  'marketing_campaign_id',
  'marketing_campaign_name',
  'marketing_campaign_version',
  'marketing_campaign_split_id',
  'singlesend_id',
  'singlesend_name',
  'template_id',
  'template_version_id',
  'template_name',
  'mc_stats',
  'phase_id',
  'variation_id',
  'post_type',
  'newsletter',
]);

type Verdict = ProviderResponse | { skip: string };

function dropped(item: JsonObject): ProviderResponse {
  const reason = lowerText(item.reason);
  // A per-group unsubscribe is an unsubscribe from one email type; a global one means Do not use email.
  if (reason.includes('unsubscribed address'))
    return item.asm_group_id !== undefined ? 'canceled-unsubscribed-type' : 'canceled-do-not-use-email';
  if (reason.includes('spam reporting address')) return 'canceled-do-not-use-email';
  if (reason.includes('bounced address')) return 'hard-bounce';
  if (reason.includes('smtpapi') || reason.includes('quota')) return 'delivery-error';
  if (reason.includes('invalid')) return 'invalid-address';
  if (reason.includes('duplicate')) return 'canceled-duplicate';
  // Spam Content and any drop reason added later: SendGrid refused to send the message.
  return 'rejected';
}

function classify(event: string, item: JsonObject): Verdict {
  switch (event) {
    case 'processed': {
      const sendAt = epochTime(item.send_at);
      const at = epochTime(item.timestamp);
      // No send_at, or one that does not read, is NaN: never later than the event.
      return sendAt > at ? 'planned' : 'provider-queued';
    }
    case 'deferred':
      return 'provider-delayed';
    case 'delivered':
      return 'delivered';
    case 'bounce': {
      const type = lowerText(item.type);
      // `blocked` is temporary by SendGrid's own doc and not put on a suppression list; `expired` is a
      // deferral given up.
      return type === 'blocked' || type === 'expired' ? 'soft-bounce' : 'hard-bounce';
    }
    case 'dropped':
      return dropped(item);
    case 'open':
      return asFlag(item.sg_machine_open) ? 'opened-machine' : 'opened';
    case 'click':
      return 'clicked';
    case 'spamreport':
      return 'spam-complaint';
    case 'unsubscribe':
    case 'group_unsubscribe':
      return 'unsubscribed';
    case 'group_resubscribe':
      return {
        skip: 'a resubscribe to an unsubscribe group says nothing about how the recipient responded to the email',
      };
    case 'account_status_change':
      return { skip: 'an account status change is about the SendGrid account, not a recipient' };
    default:
      return {
        skip: event
          ? `SendGrid event "${event}" says nothing about a recipient's response`
          : 'the item has no `event` field',
      };
  }
}

function readEvent(item: JsonObject, out: Collector): void {
  const event = lowerText(item.event);
  const verdict = classify(event, item);
  if (typeof verdict === 'object') {
    out.skip(item, verdict.skip);
    return;
  }
  const bounceType = event === 'bounce' ? asText(item.type) : undefined;
  const metadata: Record<string, string> = {};
  for (const key of Object.keys(item)) {
    if (SENDGRID_KEYS.has(key)) continue;
    const value = asText(item[key]);
    if (value !== undefined) metadata[key] = value;
  }
  // sg_message_id is "<X-Message-Id>.<filter suffix>": the prefix is what the send API returned.
  const sgMessageId = asText(item.sg_message_id);
  const messageId = sgMessageId !== undefined ? sgMessageId.split('.')[0] : bareMessageId(item['smtp-id']);
  const attempt = asText(item.attempt);
  out.emit({
    response: verdict,
    type: bounceType ? `${event}/${bounceType}` : event,
    raw: item,
    input: item,
    eventId: asText(item.sg_event_id),
    address: addressOf(item.email),
    messageId,
    metadata,
    tags: tagList(item.category),
    at: epochTime(item.timestamp),
    url: asText(item.url),
    // An unsubscribe group is one kind of email: the recipient stays subscribed to the others.
    scope: event === 'group_unsubscribe' ? 'type' : undefined,
    reason:
      verdict === 'delivered' || verdict === 'opened' || verdict === 'opened-machine' || verdict === 'clicked'
        ? undefined
        : reasonText(
            item.bounce_classification,
            item.reason,
            item.status,
            item.response,
            attempt ? `attempt ${attempt}` : undefined,
          ),
  });
}

export function readSendgrid(value: unknown, out: Collector): void {
  eachObject(value, out, 'SendGrid event', (item) => readEvent(item, out));
}
