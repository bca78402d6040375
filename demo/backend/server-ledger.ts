// What the backend itself knows: every event it emitted (and every provider webhook it took in),
// folded with the same core rules the page uses. Snapshot pages are read from it.
import { createResponseState } from '../../src/core/index';
import type { ServerRecipient, SnapshotPage } from '../../src/store/snapshot-page';
import type { Campaign } from './campaign';
import { contactId } from './contacts';

export const SNAPSHOT_PAGE_SIZE = 5000;

/** A snapshot page as the endpoint sends it. */
export interface SnapshotResponse extends SnapshotPage {
  /** The main stream's cursor this page is as of. */
  cursor: string;
  /** The SendGrid stream's cursor this page is as of. */
  providerCursor: string;
  recipients: ServerRecipient[];
  next: string | null;
  /** Audience rows known so far, over all pages. */
  total: number;
  pageSize: number;
}

export class ServerLedger {
  readonly state = createResponseState();
  readonly #campaign: Campaign;

  constructor(campaign: Campaign) {
    this.#campaign = campaign;
  }

  apply(events: readonly unknown[]): void {
    if (events.length > 0) this.state.apply(events);
  }

  /** Rows an email's audience has so far: the whole bulk audience, the trigger's joined participants. */
  total(emailId: string): number {
    const campaign = this.#campaign;
    if (emailId === campaign.bulk.id) return campaign.audience;
    if (emailId === campaign.trigger.id) return campaign.participants.count;
    return -1;
  }

  /**
   * One page of an email's audience in audience order, as of the given cursors. A row with no
   * event yet is Planned, as the CRM shows a row it has not started on. Undefined for an unknown
   * email or page.
   */
  page(emailId: string, page: number, cursor: number, providerCursor: number): SnapshotResponse | undefined {
    const total = this.total(emailId);
    const first = page * SNAPSHOT_PAGE_SIZE;
    if (total < 0 || !Number.isInteger(page) || page < 0 || (first >= total && page > 0)) return undefined;
    const end = Math.min(total, first + SNAPSHOT_PAGE_SIZE);
    const offset = emailId === this.#campaign.bulk.id ? 0 : this.#campaign.audience;
    const recipients: ServerRecipient[] = [];
    for (let ref = offset + first; ref < offset + end; ref++) recipients.push(this.#recipient(emailId, ref));
    return {
      emailId,
      cursor: String(cursor),
      providerCursor: String(providerCursor),
      recipients,
      next: end < total ? String(page + 1) : null,
      total,
      pageSize: SNAPSHOT_PAGE_SIZE,
    };
  }

  #recipient(emailId: string, ref: number): ServerRecipient {
    const campaign = this.#campaign;
    const state = this.state;
    const recipientId = campaign.recipientIdOf(ref);
    const row = state.rowOf(emailId, recipientId);
    if (row < 0) {
      const contact = campaign.contactOf(ref);
      const at =
        ref < campaign.audience ? campaign.bulk.startsAt : campaign.participants.joinAt[ref - campaign.audience]!;
      const planned: ServerRecipient = {
        recipientId,
        response: 'planned',
        at,
        contactId: contactId(contact),
        contactName: campaign.book.name(contact),
      };
      const address = campaign.book.address(contact);
      if (address !== undefined) planned.address = address;
      return planned;
    }
    const shown = state.recipientAt(row);
    // Raw counters: the page's "a click implies an open" is the client's to add, not to store.
    const saved = state.saveRecipient(row);
    const recipient: ServerRecipient = {
      recipientId,
      response: shown.response,
      at: shown.at,
      opens: saved.opens,
      clicks: saved.clicks,
      machineOpens: saved.machineOpens,
    };
    for (const field of ['reason', 'contactId', 'contactName', 'address', 'provider'] as const) {
      const value = shown[field];
      if (value !== undefined) recipient[field] = value;
    }
    return recipient;
  }
}
