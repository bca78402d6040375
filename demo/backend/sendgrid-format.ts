// The provider's own format for the provider-format switch: one SendGrid Event Webhook item per
// event, shaped like test/fixtures/providers/sendgrid/. Our ids, emails and recipients travel as
// custom args (`emailId`, `recipientId`), which is where normalizeProviderEvents looks for them,
// and `sg_event_id` is the part after `sendgrid:` of the event's id, so either path gives the same
// event id and a client that hears both counts it once.
import type { ResponseEvent } from '../../src/core/index';

/** One SendGrid webhook item (flat: custom args sit beside SendGrid's own keys). */
export interface SendgridItem {
  email: string;
  timestamp: number;
  event: string;
  sg_event_id: string;
  sg_message_id: string;
  'smtp-id': string;
  category: string[];
  type?: string;
  reason?: string;
  status?: string;
  response?: string;
  attempt?: string;
  url?: string;
  sg_machine_open?: boolean;
  useragent?: string;
  emailId: string;
  recipientId: string;
  contactId?: string;
}

type Shape = Pick<
  SendgridItem,
  'event' | 'type' | 'reason' | 'status' | 'response' | 'attempt' | 'sg_machine_open' | 'useragent'
>;

function shapeOf(event: ResponseEvent): Shape | undefined {
  switch (event.response) {
    case 'provider-queued':
      return { event: 'processed' };
    case 'provider-delayed':
      return { event: 'deferred', response: event.reason ?? '421 4.7.0 Try again later', attempt: '1' };
    case 'delivered':
      return { event: 'delivered', response: '250 2.0.0 OK' };
    case 'opened-machine':
      return { event: 'open', sg_machine_open: true, useragent: 'Mozilla/5.0' };
    case 'opened':
      return { event: 'open', sg_machine_open: false, useragent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)' };
    case 'clicked':
      return { event: 'click', useragent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)' };
    case 'unsubscribed':
      return { event: 'unsubscribe' };
    case 'spam-complaint':
      return { event: 'spamreport' };
    case 'hard-bounce':
      return { event: 'bounce', type: 'bounce', status: '5.1.1', reason: event.reason ?? '550 5.1.1 user unknown' };
    case 'soft-bounce':
      // SendGrid reports a deferral it gave up on as a bounce of type `expired`.
      return { event: 'bounce', type: 'expired', status: '4.2.2', reason: event.reason ?? 'expired' };
    case 'invalid-address':
      return { event: 'dropped', reason: 'Invalid' };
    case 'rejected':
      return { event: 'dropped', reason: 'Spam Content' };
    default:
      return undefined;
  }
}

/** The event as SendGrid would post it, or undefined for events a provider never sends. */
export function toSendgrid(event: ResponseEvent): SendgridItem | undefined {
  const shape = shapeOf(event);
  if (!shape || !event.id.startsWith('sendgrid:') || event.address === undefined || typeof event.at !== 'number')
    return undefined;
  const messageId = `${event.emailId}-${event.recipientId}`;
  const item: SendgridItem = {
    email: event.address,
    timestamp: Math.floor(event.at / 1000),
    'smtp-id': `<${messageId}@ismtpd-demo>`,
    event: shape.event,
    category: event.emailType === undefined ? [] : [event.emailType],
    sg_event_id: event.id.slice('sendgrid:'.length),
    sg_message_id: `${messageId}.recvd-demo-1`,
    emailId: event.emailId,
    recipientId: event.recipientId,
  };
  if (event.contactId !== undefined) item.contactId = event.contactId;
  for (const key of ['type', 'reason', 'status', 'response', 'attempt', 'sg_machine_open', 'useragent'] as const) {
    if (shape[key] !== undefined) Object.assign(item, { [key]: shape[key] });
  }
  if (event.url !== undefined) item.url = event.url;
  return item;
}
