/** A bulk email goes once to an audience; a trigger email to participants as a campaign adds them. */
export type EmailKind = 'bulk' | 'trigger';

/**
 * One event on the wire: a fact about one recipient of one email, from the provider or from the
 * recipient. Events arrive late, twice and out of order; `id` makes a redelivery count once.
 */
export interface ResponseEvent {
  /** Unique per event; the same id delivered again is applied once. */
  id: string;
  emailId: string;
  /** One row of the email's audience. */
  recipientId: string;
  /** A catalogue id (`opened`, `hard-bounce`…); labels and aliases are accepted too. */
  response: string;
  /** When it happened: ISO-8601 with a zone, or epoch milliseconds. */
  at: string | number;
  contactId?: string;
  contactName?: string;
  /** The address the email went to. */
  address?: string;
  emailKind?: EmailKind;
  /** The email's type (newsletter, invoice…), for per-type unsubscribes. */
  emailType?: string;
  /** The email provider that reported it. */
  provider?: string;
  /** The link clicked, for Clicked. */
  url?: string;
  /** The provider's reason, SMTP code or bounce class. */
  reason?: string;
  /**
   * For Unsubscribed: what the recipient unsubscribed from. `all` (the default) sets the contact's
   * Do not use email; `type` (a per-type unsubscribe link, a provider's group or list unsubscribe)
   * unsubscribes the contact from this email's type only. Other responses ignore it.
   */
  scope?: UnsubscribeScope;
}

export type UnsubscribeScope = 'all' | 'type';

/**
 * An event's optional fields, in one order: the cache's event pages keep each as a column, the
 * conflict check compares them, and a columnar batch may send each (after its required ones). A
 * field added to `ResponseEvent` belongs here, or the cache and the conflict check lose it.
 */
export const OPTIONAL_EVENT_FIELDS = [
  'contactId',
  'contactName',
  'address',
  'emailKind',
  'emailType',
  'provider',
  'url',
  'reason',
  'scope',
] as const satisfies readonly (keyof ResponseEvent)[];
export type OptionalEventField = (typeof OPTIONAL_EVENT_FIELDS)[number];

/** Why an event was not applied, in words a host page can show as they are. */
export interface EventRejection {
  /** The input exactly as it came. */
  event: unknown;
  code: RejectionCode;
  /** The field at fault, when one is. */
  field?: string;
  reason: string;
}

export type RejectionCode =
  | 'not-an-object'
  | 'missing-field'
  | 'wrong-type'
  | 'too-long'
  | 'unknown-response'
  | 'bad-time'
  | 'time-out-of-range'
  | 'bad-value'
  | 'unsafe-url'
  /** A getter, Proxy or iterator threw while the input was read. */
  | 'unreadable'
  | 'not-json'
  /**
   * Given to a store after its `close()` (or after its `<email-responses>` left the page): it
   * would have been applied where no view, cache or tab sees it, so it is refused instead.
   */
  | 'store-closed'
  /**
   * The store's code that applies events (loaded on demand beside the page's first paint) could
   * not be fetched: the network dropped, or a deploy replaced it. Nothing was applied; give the
   * events again once the page can load it.
   */
  | 'not-loaded';
