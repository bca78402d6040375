/**
 * SparkPost (Bird) webhooks: a JSON array of `{"msys": {"<event class>": {...}}}`, where an
 * empty `{"msys": {}}` is a ping. `event_id` is unique per event.
 */
import { eachObject, reasonText, type Collector } from './collector';
import { addressOf, asFlag, asObject, asText, lowerText, scalarEntries, tagList, type JsonObject } from './fields';
import { epochTime, isoTime } from './provider-time';
import type { ProviderResponse } from './provider-types';

type Verdict = ProviderResponse | { skip: string };

/** Bounce classes: Momentum's table, which SparkPost documents and anymail follows. */
function bounceClass(code: number, reason: string): Verdict {
  switch (code) {
    case 10: // invalid recipient
    case 30: // generic bounce, no RCPT
      return 'hard-bounce';
    case 20:
    case 21:
    case 22:
    case 23:
    case 24:
    case 40:
    // Stryker disable next-line ConditionalExpression: emptied, it falls through to 50-54, also Soft Bounce
    case 70:
      return 'soft-bounce';
    case 50:
    case 51:
    case 52:
    case 53:
    case 54:
      // Mail, spam, content and relaying blocks: the receiving side refused, retrying later may pass.
      return 'soft-bounce';
    case 25:
    case 26:
      // Admin failure: SparkPost's own policy stopped it; a suppressed recipient has Do not use email.
      return /suppress/i.test(reason) ? 'canceled-do-not-use-email' : 'rejected';
    case 90:
      return 'unsubscribed';
    case 60:
      return { skip: 'a bounce of class 60 is an auto-reply, not a response' };
    case 80:
      return { skip: 'a bounce of class 80 is a subscribe request, not a response' };
    case 100:
      return { skip: 'a bounce of class 100 is a challenge-response request, not a response' };
    default:
      // Class 1 (undetermined) and any class not in the table: a final failure nobody classified.
      return 'unknown';
  }
}

function classify(type: string, event: JsonObject, reason: string): Verdict {
  switch (type) {
    case 'injection':
      return 'provider-queued';
    case 'delay':
      return 'provider-delayed';
    case 'delivery':
      return 'delivered';
    case 'bounce':
    case 'out_of_band':
      return bounceClass(Number(asText(event.bounce_class) ?? NaN), reason);
    case 'policy_rejection':
    case 'generation_rejection':
      return /suppress/i.test(reason) ? 'canceled-do-not-use-email' : 'rejected';
    case 'generation_failure':
      return 'delivery-error';
    case 'spam_complaint':
      return lowerText(event.fbtype) === 'not-spam'
        ? { skip: 'a not-spam feedback report withdraws a complaint' }
        : 'spam-complaint';
    case 'open':
    case 'initial_open':
    case 'amp_open':
    case 'amp_initial_open': {
      const parsed = asObject(event.user_agent_parsed);
      return asFlag(parsed?.is_prefetched) || asFlag(parsed?.is_proxy) ? 'opened-machine' : 'opened';
    }
    case 'click':
    case 'amp_click':
      return 'clicked';
    case 'list_unsubscribe':
    case 'link_unsubscribe':
      return 'unsubscribed';
    default:
      return {
        skip: type ? `SparkPost event "${type}" says nothing about a recipient's response` : 'the event has no type',
      };
  }
}

function readItem(item: JsonObject, index: number, out: Collector): void {
  const msys = asObject(item.msys);
  if (!msys) {
    out.skip(item, 'a SparkPost event is {"msys": {...}}');
    return;
  }
  const classes = Object.keys(msys);
  if (classes.length === 0) {
    out.skip(item, 'an empty {"msys": {}} is SparkPost\'s ping');
    return;
  }
  const eventClass = classes[0]!;
  const event = asObject(msys[eventClass]);
  if (!event) {
    out.skip(item, `the SparkPost ${eventClass} is not an object`);
    return;
  }
  const type = lowerText(event.type);
  const rawReason = asText(event.raw_reason) ?? asText(event.reason) ?? '';
  const verdict = classify(type, event, rawReason);
  if (typeof verdict === 'object') {
    out.skip(item, verdict.skip);
    return;
  }
  const bounce = asText(event.bounce_class);
  const batch = out.header('x-messagesystems-batch-id');
  const eventId = asText(event.event_id) ?? (batch !== undefined ? `${batch}:${index}` : undefined);
  let at = epochTime(event.timestamp);
  if (Number.isNaN(at)) at = isoTime(event.timestamp);
  const engagement =
    verdict === 'opened' || verdict === 'opened-machine' || verdict === 'clicked' || verdict === 'delivered';
  out.emit({
    response: verdict,
    type: bounce !== undefined ? `${type}/${bounce}` : type,
    raw: event,
    input: item,
    eventId,
    address: addressOf(event.rcpt_to ?? event.raw_rcpt_to),
    messageId: asText(event.transmission_id) ?? asText(event.message_id),
    metadata: scalarEntries(event.rcpt_meta),
    tags: tagList(event.rcpt_tags),
    at,
    url: asText(event.target_link_url),
    reason: engagement
      ? undefined
      : reasonText(
          bounce !== undefined ? `bounce class ${bounce}` : undefined,
          rawReason,
          event.error_code,
          event.fbtype,
          Number(asText(event.num_retries)) > 0 ? `retries ${asText(event.num_retries)}` : undefined,
        ),
  });
}

export function readSparkpost(value: unknown, out: Collector): void {
  eachObject(value, out, 'SparkPost event', (item, index) => readItem(item, index, out));
}
