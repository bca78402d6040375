/**
 * Elastic Email HTTP web notifications: a GET request per event whose query parameters are the
 * event. The body is therefore the query string (or the whole URL), URLSearchParams, or the
 * parameters as an object. There is no event id; the id is a hash of the event's content.
 */
import { eachObject, reasonText, type Collector } from './collector';
import { addressOf, asText, jsonObjectText, lowerText, scalarEntries, type JsonObject } from './fields';
import { parseQuery } from './provider-body';
import { epochTime, isoTime, usDateTime } from './provider-time';
import type { ProviderResponse } from './provider-types';

type Verdict = ProviderResponse | { skip: string };

/** Bounce categories (Elastic Email's MessageCategory) of an `Error` notification. */
const CATEGORY_RESPONSES: Record<string, ProviderResponse> = {
  nomailbox: 'hard-bounce',
  dnsproblem: 'hard-bounce',
  accountproblem: 'soft-bounce',
  greylisted: 'soft-bounce',
  throttled: 'soft-bounce',
  timeout: 'soft-bounce',
  connectionproblem: 'soft-bounce',
  connectionterminated: 'soft-bounce',
  // Refused as spam or for the sending IP's reputation: the receiving side's block, not the recipient's.
  spam: 'soft-bounce',
  blacklisted: 'soft-bounce',
  contentfilter: 'soft-bounce',
  // The seed lists a misconfigured SPF record among Soft Bounce causes: resendable once fixed.
  spfproblem: 'soft-bounce',
  whitelistingproblem: 'delivery-error',
  codeerror: 'delivery-error',
  // The contact is suppressed at Elastic Email (earlier hard bounces or unsubscribes).
  ignore: 'canceled-do-not-use-email',
  notdelivered: 'canceled-do-not-use-email',
  // The sender canceled the send.
  manualcancel: 'stopped-manually',
  notdeliveredcancelled: 'stopped-manually',
  unknown: 'unknown',
};

function classify(status: string, category: string): Verdict {
  switch (status) {
    case 'sent':
      // Elastic Email's "Sent" means the receiving server accepted it.
      return 'delivered';
    case 'opened':
      return 'opened';
    case 'clicked':
      return 'clicked';
    case 'unsubscribed':
      return 'unsubscribed';
    case 'abusereport':
    case 'complaint':
      return 'spam-complaint';
    case 'submission':
    case 'submitted':
      return 'provider-queued';
    case 'failedattempt':
    case 'waitingtoretry':
      return 'provider-delayed';
    case 'error':
    case 'bounce':
      // An error Elastic Email cannot classify is still a final failure: the catalogue's Unknown response.
      return Object.hasOwn(CATEGORY_RESPONSES, category) ? CATEGORY_RESPONSES[category]! : 'unknown';
    default:
      return {
        skip: status
          ? `Elastic Email status "${status}" says nothing about a recipient's response`
          : 'the notification has no status',
      };
  }
}

/** The postback value is whatever the sender put in it: JSON, `key=value` pairs, or one id. */
function postbackMetadata(postback: string | undefined, channel: string | undefined): Record<string, string> {
  const metadata: Record<string, string> = {};
  if (postback !== undefined) {
    const json = jsonObjectText(postback);
    // JSON, else key=value pairs if there are any (parseQuery finds none in text without "=").
    if (json) scalarEntries(json, metadata);
    else Object.assign(metadata, parseQuery(postback) ?? {});
    metadata.postback ??= postback;
  }
  if (channel !== undefined) metadata.channel ??= channel;
  return metadata;
}

function readNotification(params: JsonObject, out: Collector): void {
  const status = lowerText(params.status);
  const category = lowerText(params.category);
  const verdict = classify(status, category);
  if (typeof verdict === 'object') {
    out.skip(params, verdict.skip);
    return;
  }
  const date = params.date;
  let at = usDateTime(date);
  if (Number.isNaN(at)) at = isoTime(date);
  if (Number.isNaN(at)) at = epochTime(date);
  const transaction = asText(params.transaction);
  const messageId = asText(params.messageid);
  const address = addressOf(params.to);
  const target = asText(params.target);
  const channel = asText(params.channel);
  out.emit({
    response: verdict,
    type: category ? `${status}/${category}` : status,
    raw: params,
    input: params,
    address,
    messageId: messageId ?? transaction,
    metadata: postbackMetadata(asText(params.postback), channel),
    tags: channel !== undefined ? [channel] : [],
    at,
    url: target,
    reason:
      status === 'error' || status === 'bounce' || status === 'failedattempt'
        ? reasonText(asText(params.category) ?? 'Unknown')
        : undefined,
    hashKey: [status, category, transaction, messageId, address, at, target],
  });
}

export function readElasticEmail(value: unknown, out: Collector): void {
  if (typeof value === 'string') {
    const params = parseQuery(value);
    if (!params) {
      out.skip(value, 'an Elastic Email notification is a query string (status=…&to=…), and this text is none');
      return;
    }
    // The label shows only if reading throws, and nothing here can: every parameter is text, and
    // emit contains its own failures.
    // Stryker disable next-line StringLiteral: unreachable, as said above
    out.guard(value, 'Elastic Email notification', () => readNotification(params, out));
    return;
  }
  eachObject(value, out, 'Elastic Email notification', (params) => readNotification(params, out));
}
