/**
 * Amazon SES event publishing (`eventType`) and identity notifications (`notificationType`), as
 * SNS posts them (the SES event JSON-encoded as text in the envelope's `Message`), as SNS raw
 * message delivery or a host forwards them (the bare SES event), or inside an EventBridge event.
 * One notification can concern several recipients; each gets its own event.
 */
import { parseJsonKeepingBigIntegers } from './big-int-json';
import { eachObject, reasonText, type Collector } from './collector';
import { addressOf, asList, asObject, asText, lowerText, pick, type JsonObject } from './fields';
import { firstTime } from './provider-time';
import type { ProviderResponse } from './provider-types';

interface Target {
  address: string | undefined;
  reason?: string;
}

interface Reading {
  response: ProviderResponse;
  type: string;
  targets: Target[];
  /** The event's own object (`bounce`, `delivery`…), whose timestamp is the event time. */
  detail: JsonObject | undefined;
  url?: string;
  reason?: string;
  scope?: 'type';
}

function destinations(mail: JsonObject | undefined): Target[] {
  return asList(mail?.destination).map((address) => ({ address: addressOf(address) }));
}

function bounceResponse(type: string, subType: string): ProviderResponse {
  if (type === 'undetermined') return 'unknown';
  // SES publishes a transient bounce only once it has stopped retrying: a final soft failure.
  if (type === 'transient') return 'soft-bounce';
  if (subType === 'emailvalidationsuppressed') return 'invalid-address';
  // SES list management: the recipient opted out of the contact list's topic, i.e. this email type.
  if (subType === 'unsubscribedrecipient') return 'canceled-unsubscribed-type';
  return 'hard-bounce';
}

/** An opt-out in the new preferences that the old ones did not have. */
function optedOut(subscription: JsonObject): boolean {
  if (pick(subscription, 'newTopicPreferences', 'unsubscribeAll') === true) {
    return pick(subscription, 'oldTopicPreferences', 'unsubscribeAll') !== true;
  }
  const old = new Map<string, string>();
  for (const topic of asList(pick(subscription, 'oldTopicPreferences', 'topicSubscriptionStatus'))) {
    old.set(lowerText(pick(topic, 'topicName')), lowerText(pick(topic, 'subscriptionStatus')));
  }
  return asList(pick(subscription, 'newTopicPreferences', 'topicSubscriptionStatus')).some(
    (topic) =>
      lowerText(pick(topic, 'subscriptionStatus')) === 'optout' &&
      old.get(lowerText(pick(topic, 'topicName'))) !== 'optout',
  );
}

function classify(kind: string, event: JsonObject, mail: JsonObject | undefined): Reading | { skip: string } {
  const everyone = destinations(mail);
  const read = (
    response: ProviderResponse,
    targets: Target[],
    detail: unknown,
    extra: Partial<Reading> = {},
  ): Reading => ({
    response,
    type: kind,
    targets,
    detail: asObject(detail),
    ...extra,
  });
  switch (kind.replace(/\s/g, '').toLowerCase()) {
    case 'send':
      return read('provider-queued', everyone, undefined);
    case 'reject':
      return read('rejected', everyone, event.reject, { reason: reasonText(pick(event, 'reject', 'reason')) });
    case 'renderingfailure':
      return read('delivery-error', everyone, event.failure, {
        reason: reasonText(pick(event, 'failure', 'templateName'), pick(event, 'failure', 'errorMessage')),
      });
    case 'delivery': {
      const recipients = asList(pick(event, 'delivery', 'recipients')).map((address) => ({
        address: addressOf(address),
      }));
      return read('delivered', recipients.length > 0 ? recipients : everyone, event.delivery);
    }
    case 'deliverydelay': {
      const delayType = pick(event, 'deliveryDelay', 'delayType');
      const targets = asList(pick(event, 'deliveryDelay', 'delayedRecipients')).map((recipient) => ({
        address: addressOf(pick(recipient, 'emailAddress')),
        reason: reasonText(delayType, pick(recipient, 'status'), pick(recipient, 'diagnosticCode')),
      }));
      return read('provider-delayed', targets.length > 0 ? targets : everyone, event.deliveryDelay, {
        reason: reasonText(delayType),
      });
    }
    case 'bounce': {
      const type = asText(pick(event, 'bounce', 'bounceType')) ?? 'Undetermined';
      const subType = asText(pick(event, 'bounce', 'bounceSubType')) ?? 'Undetermined';
      const targets = asList(pick(event, 'bounce', 'bouncedRecipients')).map((recipient) => ({
        address: addressOf(pick(recipient, 'emailAddress')),
        reason: reasonText(`${type}/${subType}`, pick(recipient, 'status'), pick(recipient, 'diagnosticCode')),
      }));
      const response = bounceResponse(type.toLowerCase(), subType.toLowerCase());
      // Every bounced recipient's reason starts with the bounce type: the event needs none of its own.
      return read(response, targets, event.bounce, { type: `${kind}/${type}/${subType}` });
    }
    case 'complaint': {
      const complaint = asObject(event.complaint);
      const feedback = asText(complaint?.complaintFeedbackType);
      if (feedback?.toLowerCase() === 'not-spam')
        return { skip: 'an SES complaint of type not-spam withdraws a complaint; it is no response' };
      // Accepted but not sent: the address is on the suppression list after an earlier complaint.
      const suppressed = lowerText(complaint?.complaintSubType) === 'onaccountsuppressionlist';
      const targets = asList(complaint?.complainedRecipients).map((recipient) => ({
        address: addressOf(pick(recipient, 'emailAddress')),
      }));
      return read(suppressed ? 'canceled-do-not-use-email' : 'spam-complaint', targets, complaint, {
        type: feedback ? `${kind}/${feedback}` : kind,
        reason: reasonText(feedback, complaint?.complaintSubType),
      });
    }
    case 'open':
      // SES reports opens and clicks per message, not per recipient: every destination gets one.
      return read('opened', everyone, event.open);
    case 'click':
      return read('clicked', everyone, event.click, { url: asText(pick(event, 'click', 'link')) });
    case 'subscription': {
      const subscription = asObject(event.subscription);
      if (!subscription || !optedOut(subscription)) {
        return {
          skip: 'an SES subscription change without a new opt-out (a resubscribe) says nothing about a response',
        };
      }
      // The subscription object names no contact: only the email's destinations say who opted
      // out. Unsubscribed is final and blocks all future email, so an email to several recipients
      // must not unsubscribe them all for what one of them did.
      if (everyone.length > 1) {
        return {
          skip: `an SES subscription opt-out names no recipient and the email went to ${everyone.length} recipients: skipped rather than unsubscribe them all`,
        };
      }
      // An opt-out of topics only (not unsubscribeAll) leaves the contact list's other topics: one email type.
      const fromAll = pick(subscription, 'newTopicPreferences', 'unsubscribeAll') === true;
      return read('unsubscribed', everyone, subscription, {
        reason: reasonText(subscription.contactList, subscription.source),
        ...(fromAll ? {} : { scope: 'type' as const }),
      });
    }
    default:
      return {
        skip: kind
          ? `SES event "${kind}" says nothing about a recipient's response`
          : 'the SES event has no eventType or notificationType',
      };
  }
}

function readSesEvent(
  event: JsonObject,
  input: unknown,
  notificationId: string | undefined,
  notifiedAt: unknown,
  out: Collector,
): void {
  const kind = asText(event.eventType) ?? asText(event.notificationType) ?? '';
  const mail = asObject(event.mail);
  const reading = classify(kind, event, mail);
  if ('skip' in reading) {
    out.skip(input, reading.skip);
    return;
  }
  if (reading.targets.length === 0) {
    out.skip(input, `SES ${reading.type}: the event names no recipient`);
    return;
  }
  const metadata: Record<string, string> = {};
  const tags = asObject(mail?.tags);
  for (const key of Object.keys(tags ?? {})) {
    const value = asText(asList(tags![key])[0]);
    if (value !== undefined) metadata[key] = value;
  }
  const at = firstTime(reading.detail?.timestamp, mail?.timestamp, notifiedAt);
  reading.targets.forEach((target, index) => {
    out.emit({
      response: reading.response,
      type: reading.type,
      raw: event,
      input,
      // One SNS notification, several recipients: the notification id plus the recipient's place.
      eventId:
        notificationId !== undefined && reading.targets.length > 1 ? `${notificationId}:${index}` : notificationId,
      address: target.address,
      messageId: asText(mail?.messageId),
      metadata,
      at,
      url: reading.url,
      scope: reading.scope,
      reason: target.reason ?? reading.reason,
    });
  });
}

function readEnvelope(envelope: JsonObject, out: Collector): void {
  const type = asText(envelope.Type) ?? '';
  if (type === 'SubscriptionConfirmation' || type === 'UnsubscribeConfirmation') {
    out.skip(
      envelope,
      `an SNS ${type}, not an email event: confirm the subscription by visiting its SubscribeURL (after checking its signature)`,
    );
    return;
  }
  if (type !== 'Notification') {
    out.skip(envelope, `SNS message type "${type}" carries no email event`);
    return;
  }
  const message = envelope.Message;
  let inner: JsonObject | undefined;
  if (typeof message === 'string') {
    try {
      inner = asObject(parseJsonKeepingBigIntegers(message));
    } /* Stryker disable next-line BlockStatement: an empty catch leaves inner undefined too */ catch {
      inner = undefined;
    }
  } else {
    inner = asObject(message);
  }
  if (!inner) {
    const preview = typeof message === 'string' ? `: "${message.slice(0, 80)}"` : '';
    out.skip(
      envelope,
      `the SNS notification's Message is not an SES event (SES sends a text test message when a topic is set up)${preview}`,
    );
    return;
  }
  readSesEvent(inner, envelope, asText(envelope.MessageId), envelope.Timestamp, out);
}

function readPayload(payload: JsonObject, headerId: string | undefined, out: Collector): void {
  if (payload.Type !== undefined && (payload.Message !== undefined || payload.TopicArn !== undefined)) {
    readEnvelope(payload, out);
    return;
  }
  const detail = asObject(payload.detail);
  if (detail && (detail.eventType !== undefined || detail.notificationType !== undefined)) {
    readSesEvent(detail, payload, asText(payload.id), payload.time, out);
    return;
  }
  if (payload.eventType !== undefined || payload.notificationType !== undefined) {
    // SNS raw message delivery sends the bare event and the notification id as a header.
    readSesEvent(payload, payload, headerId, undefined, out);
    return;
  }
  out.skip(payload, 'not an SES event: expected an SNS envelope (Type, Message) or an SES event (eventType, mail)');
}

export function readSes(value: unknown, out: Collector): void {
  if (typeof value === 'string') {
    out.skip(
      value,
      `the body is not JSON${value.startsWith('Successfully validated') ? " (SES's topic validation message)" : ''}`,
    );
    return;
  }
  const headerId = Array.isArray(value) ? undefined : out.header('x-amz-sns-message-id');
  eachObject(value, out, 'SNS message', (payload) => readPayload(payload, headerId, out));
}
