/**
 * The pre-send cascade (spec: "Before sending: why a recipient is canceled"): for each audience
 * row, the first rule that matches gives its not-sent response; a row no rule stops goes out as
 * Sent to provider.
 */

export interface AudienceRow {
  recipientId: string;
  contactId?: string;
  /** The address to send to; empty or missing means the contact has none. */
  address?: string;
  /** The address's Valid flag (default true). */
  valid?: boolean;
  /** The contact's Do not use email flag. */
  doNotUseEmail?: boolean;
  /** Email types the contact unsubscribed from. */
  unsubscribedEmailTypes?: readonly string[];
  /** A communication-limit rule stops this send. */
  limitReached?: boolean;
  /** A content variant fits this recipient (default true). */
  hasTemplate?: boolean;
  /** For trigger emails: the launch this row belongs to (duplicates are found within one). */
  launch?: string;
}

export interface PresendEmail {
  kind: 'bulk' | 'trigger';
  emailType?: string;
  /** System emails skip the Do not use email and per-type unsubscribe checks. */
  system?: boolean;
  /** The PreventDuplicatesSending setting. */
  preventDuplicates?: boolean;
  /** The sender's domain or address is verified (default true). */
  senderVerified?: boolean;
  /** The sender name as it comes out for this email; empty is not valid. */
  senderName?: string;
  /** The email was stopped by hand before these rows were sent. */
  stopped?: boolean;
  /** The sending window expired before these rows were sent. */
  expired?: boolean;
}

export interface PresendDecision {
  recipientId: string;
  /** A catalogue id: `sent-to-provider` or the not-sent response that stops the row. */
  response: string;
}

/** A pragmatic address format check: one @, a dotted domain, no spaces or angle brackets. */
const ADDRESS_FORMAT = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

export function isWellFormedAddress(address: string): boolean {
  return address.length <= 320 && ADDRESS_FORMAT.test(address);
}

/**
 * Decides every row of one send, in audience order. The duplicate check looks at earlier rows of
 * the same send (for trigger emails, of the same launch), comparing addresses case-insensitively.
 */
export function presendCascade(rows: readonly AudienceRow[], email: PresendEmail): PresendDecision[] {
  const seenAddresses = new Set<string>();
  return rows.map((row) => {
    const response = decide(row, email, seenAddresses);
    return { recipientId: row.recipientId, response };
  });
}

function decide(row: AudienceRow, email: PresendEmail, seen: Set<string>): string {
  if (email.stopped) return 'stopped-manually';
  if (email.expired) return 'stopped-expired';
  const address = row.address?.trim() ?? '';
  if (address === '') return 'canceled-no-email';
  if (row.valid === false) return 'canceled-invalid-email';
  if (!email.system && row.doNotUseEmail) return 'canceled-do-not-use-email';
  if (!email.system && email.emailType !== undefined && row.unsubscribedEmailTypes?.includes(email.emailType)) {
    return 'canceled-unsubscribed-type';
  }
  if (!isWellFormedAddress(address)) return 'canceled-incorrect-email';
  if (row.limitReached) return 'limit-reached';
  if (email.preventDuplicates) {
    const key = `${email.kind === 'trigger' ? (row.launch ?? '') : ''}\u0000${address.toLowerCase()}`;
    if (seen.has(key)) return 'canceled-duplicate';
    seen.add(key);
  }
  if (row.hasTemplate === false) return 'canceled-no-template';
  if (email.senderVerified === false) return 'canceled-sender-domain';
  if (email.senderName !== undefined && email.senderName.trim() === '') return 'canceled-sender-name';
  return 'sent-to-provider';
}

/** When the hand-over of a batch to the provider fails, every row of that batch gets Delivery error. */
export function failedHandOver(decisions: readonly PresendDecision[]): PresendDecision[] {
  return decisions.map((decision) =>
    decision.response === 'sent-to-provider' ? { ...decision, response: 'delivery-error' } : decision,
  );
}
