/**
 * Postmark webhooks: one object per request, told apart by `RecordType`. Bounce records carry
 * many kinds of news (auto-replies, unsubscribe requests, DNS errors still retried), so they are
 * classified by their `Type` text; `TypeCode` is only a fallback, because Postmark's own examples
 * contradict its enum (a SpamComplaint with code 512).
 */
import { eachObject, reasonText, type Collector } from './collector';
import { addressOf, asText, asFlag, lowerText, scalarEntries, tagList, type JsonObject } from './fields';
import { firstTime } from './provider-time';
import type { ProviderResponse } from './provider-types';

type Verdict = ProviderResponse | { skip: string };

const TYPE_NAMES: Record<number, string> = {
  1: 'HardBounce',
  2: 'Transient',
  16: 'Unsubscribe',
  32: 'Subscribe',
  64: 'AutoResponder',
  128: 'AddressChange',
  256: 'DnsError',
  512: 'SpamNotification',
  1024: 'OpenRelayTest',
  2048: 'Unknown',
  4096: 'SoftBounce',
  8192: 'VirusNotification',
  16384: 'ChallengeVerification',
  100000: 'BadEmailAddress',
  100001: 'SpamComplaint',
  100002: 'ManuallyDeactivated',
  100003: 'Unconfirmed',
  100006: 'Blocked',
  100007: 'SMTPApiError',
  100008: 'InboundError',
  100009: 'DMARCPolicy',
  100010: 'TemplateRenderingFailed',
};

const BOUNCE_RESPONSES: Record<string, Verdict> = {
  hardbounce: 'hard-bounce',
  softbounce: 'soft-bounce',
  // Transient and DNS errors are reported while Postmark still retries.
  transient: 'provider-delayed',
  dnserror: 'provider-delayed',
  bademailaddress: 'invalid-address',
  // An ISP block and a spam-filter notice are refusals by the receiving side, not by the recipient.
  blocked: 'soft-bounce',
  spamnotification: 'soft-bounce',
  virusnotification: 'delivery-error',
  // The sender's domain failed authentication: a Soft Bounce in the seed (its misconfigured SPF record).
  dmarcpolicy: 'soft-bounce',
  smtpapierror: 'delivery-error',
  templaterenderingfailed: 'delivery-error',
  unconfirmed: 'delivery-error',
  manuallydeactivated: 'canceled-do-not-use-email',
  unsubscribe: 'unsubscribed',
  spamcomplaint: 'spam-complaint',
  unknown: 'unknown',
  autoresponder: { skip: 'a Postmark auto-responder bounce is an automatic reply, not a response' },
  addresschange: { skip: 'a Postmark address-change notice is not a response' },
  challengeverification: {
    skip: 'a Postmark challenge-verification bounce asks the sender to verify; it is not a response',
  },
  subscribe: { skip: 'a Postmark subscribe request is not a response to this email' },
  openrelaytest: { skip: 'a Postmark open-relay test is not a response' },
  inbounderror: { skip: 'a Postmark inbound error concerns inbound mail' },
};

function bounce(record: JsonObject): { verdict: Verdict; type: string } {
  // A number or its text: asText gives a finite number's own digits back.
  const code = Number(asText(record.TypeCode));
  const type = asText(record.Type) ?? TYPE_NAMES[code] ?? 'Unknown';
  const key = type.toLowerCase();
  const verdict = Object.hasOwn(BOUNCE_RESPONSES, key)
    ? BOUNCE_RESPONSES[key]!
    : { skip: `Postmark bounce type "${type}" is not one this reader knows` };
  return { verdict, type };
}

function subscriptionChange(record: JsonObject): Verdict {
  if (!asFlag(record.SuppressSending))
    return { skip: 'a Postmark reactivation (SuppressSending false) is a resubscribe, not a response' };
  const why = lowerText(record.SuppressionReason);
  if (why === 'hardbounce' || why === 'spamcomplaint') {
    return {
      skip: `a Postmark suppression after a ${why === 'hardbounce' ? 'hard bounce' : 'spam complaint'} repeats that event`,
    };
  }
  if (lowerText(record.Origin) !== 'recipient')
    return { skip: 'a suppression made by the sender, not the recipient, is no response to this email' };
  return 'unsubscribed';
}

function readRecord(record: JsonObject, out: Collector): void {
  const recordType = asText(record.RecordType) ?? '';
  let verdict: Verdict;
  let type = recordType;
  switch (recordType.toLowerCase()) {
    case 'delivery':
      verdict = 'delivered';
      break;
    case 'bounce': {
      const read = bounce(record);
      verdict = read.verdict;
      type = `Bounce/${read.type}`;
      break;
    }
    case 'spamcomplaint':
      verdict = 'spam-complaint';
      break;
    case 'open':
      verdict = 'opened';
      break;
    case 'click':
      verdict = 'clicked';
      break;
    case 'subscriptionchange':
      verdict = subscriptionChange(record);
      break;
    default:
      verdict = {
        skip: recordType
          ? `Postmark record type "${recordType}" says nothing about a recipient's response`
          : 'the record has no RecordType',
      };
  }
  if (typeof verdict === 'object') {
    out.skip(record, verdict.skip);
    return;
  }
  const id = asText(record.ID);
  // Only the six record types above get here, and no other one contains either name.
  // Stryker disable next-line Regex: without ^ or $ the same records match, as said above
  const isBounceRecord = /^(bounce|spamcomplaint)$/i.test(recordType);
  out.emit({
    response: verdict,
    type,
    raw: record,
    input: record,
    // Only bounce and complaint records have an id of their own; it is unique per record.
    eventId: isBounceRecord && id !== undefined ? `bounce-${id}` : undefined,
    address: addressOf(record.Recipient ?? record.Email),
    messageId: asText(record.MessageID),
    metadata: scalarEntries(record.Metadata),
    tags: tagList(record.Tag),
    at: firstTime(record.DeliveredAt, record.BouncedAt, record.ReceivedAt, record.ChangedAt),
    url: asText(record.OriginalLink),
    reason: isBounceRecord
      ? reasonText(asText(record.Type), asText(record.Details) ?? asText(record.Description))
      : undefined,
  });
}

export function readPostmark(value: unknown, out: Collector): void {
  eachObject(value, out, 'Postmark record', (record) => readRecord(record, out));
}
