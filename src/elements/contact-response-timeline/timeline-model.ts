/**
 * The timeline's rows, DOM-free: a contact's emails, newest first, each with the contact's
 * recipients in it (nearly always one; two when the audience held the contact twice).
 */
import type { EmailKind } from '../../core/event';
import type { RecipientState, ResponseState } from '../../core/fold';

/** Where an email sits in the timeline, and the key paging continues after. */
export interface TimelineKey {
  /** When the email first reached the contact: its recipients' earliest event (epoch ms). */
  at: number;
  emailId: string;
}

export interface TimelineEmail extends TimelineKey {
  kind: EmailKind | undefined;
  type: string | undefined;
  /** The contact's recipients in this email, in the order they first appeared. */
  recipients: RecipientState[];
}

/** Newest first; equal times by email id, so the order is total and a key names one place. */
export function compareKeys(a: TimelineKey, b: TimelineKey): number {
  return b.at - a.at || (a.emailId < b.emailId ? -1 : a.emailId > b.emailId ? 1 : 0);
}

/**
 * Every email the contact was in, newest first. The time is the first event rather than the
 * newest so that an email does not jump to the top every time the contact opens it again.
 */
export function contactEmails(state: ResponseState, contactId: string): TimelineEmail[] {
  const byEmail = new Map<string, TimelineEmail>();
  for (const row of state.contactRows(contactId)) {
    const r = state.recipientAt(row);
    const email = byEmail.get(r.emailId);
    if (email) {
      email.at = Math.min(email.at, r.firstAt);
      email.recipients.push(r);
    } else {
      byEmail.set(r.emailId, {
        at: r.firstAt,
        emailId: r.emailId,
        kind: r.emailKind,
        type: r.emailType,
        recipients: [r],
      });
    }
  }
  return [...byEmail.values()].sort(compareKeys);
}

/** The emails where one of the contact's recipients has this response now ('' keeps all). */
export function withResponse(emails: readonly TimelineEmail[], response: string): readonly TimelineEmail[] {
  return response === '' ? emails : emails.filter((email) => email.recipients.some((r) => r.response === response));
}

/** How many of the contact's emails have each response now, for the filter's options. */
export function responseCounts(emails: readonly TimelineEmail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const email of emails) {
    const seen = new Set(email.recipients.map((r) => r.response));
    for (const response of seen) counts.set(response, (counts.get(response) ?? 0) + 1);
  }
  return counts;
}
