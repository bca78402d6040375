import type { ContactState } from '../../core/effects';
import type { ResponseState } from '../../core/fold';
import type { StoreChange } from '../../store/store-events';
import { contactEmails, type TimelineEmail } from './timeline-model';

/**
 * One contact's emails and flags as last read from the state, and whether a store change makes
 * them stale. DOM-free. Reading costs one `recipientAt` per email of the contact (a few ms for
 * thousands), so it happens only when a change touches the contact, not on every change.
 */
export class TimelineData {
  private built:
    { state: ResponseState; contactId: string; emails: TimelineEmail[]; contact: ContactState } | undefined;
  /** What the last read saw, to tell a change that touches this contact. */
  private rows: ReadonlySet<number> = new Set();
  private emailMeta = new Map<string, string>();

  /** The contact's emails, newest first, read again if stale. */
  emails(state: ResponseState, contactId: string): TimelineEmail[] {
    return this.read(state, contactId).emails;
  }

  contact(state: ResponseState, contactId: string): ContactState {
    return this.read(state, contactId).contact;
  }

  invalidate(): void {
    this.built = undefined;
  }

  /**
   * Marks the data stale when a change is this contact's: a reset, one of its recipients changed
   * (or joined it, or left it for another contact), or an email it was in changed kind or type.
   * Returns whether it did.
   */
  follow(change: StoreChange, state: ResponseState, contactId: string): boolean {
    if (!this.built) return true;
    if (
      change.reset ||
      state !== this.built.state ||
      this.built.contactId !== contactId ||
      this.touches(change, state, contactId)
    ) {
      this.built = undefined;
      return true;
    }
    return false;
  }

  private read(state: ResponseState, contactId: string) {
    const built = this.built;
    if (built && built.state === state && built.contactId === contactId) return built;
    const emails = contactEmails(state, contactId);
    this.rows = new Set(state.contactRows(contactId));
    this.emailMeta = new Map(emails.map((email) => [email.emailId, metaKey(email.kind, email.type)]));
    return (this.built = { state, contactId, emails, contact: state.contact(contactId) });
  }

  private touches(change: StoreChange, state: ResponseState, contactId: string): boolean {
    if (change.contacts.has(contactId)) return true;
    for (const row of change.rows) if (this.rows.has(row)) return true;
    for (const emailId of change.emails) {
      const before = this.emailMeta.get(emailId);
      const entry = before === undefined ? undefined : state.emails.get(emailId);
      if (entry && metaKey(entry.kind, entry.type) !== before) return true;
    }
    return false;
  }
}

function metaKey(kind: string | undefined, type: string | undefined): string {
  return `${kind ?? ''}\u0000${type ?? ''}`;
}
