// What the backend itself knows: every event it emitted (and every provider webhook it took in),
// folded with the same core rules the page uses. Snapshot pages are read from it.
import { createResponseState } from '../../src/core/index';
import type { ServerRecipient, SnapshotPage } from '../../src/store/snapshot-page';
import type { Campaign } from './campaign';
import { contactId, nameOfCode } from './contacts';
import type { JsonRaw } from './json-bytes';
import { SnapshotColumnsWriter } from './snapshot-columns-writer';

export const SNAPSHOT_PAGE_SIZE = 50_000;

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

/** A snapshot page with its rows as one columnar batch, written as JSON already (jsonBytesOf copies it). */
export interface ColumnsSnapshotResponse extends Omit<SnapshotResponse, 'recipients'> {
  recipients: JsonRaw;
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
    const range = this.#range(emailId, page);
    if (!range) return undefined;
    const recipients: ServerRecipient[] = [];
    for (let ref = range.first; ref < range.end; ref++) recipients.push(this.#recipient(emailId, ref));
    return { ...this.#head(emailId, page, range, cursor, providerCursor), recipients };
  }

  /**
   * The same page with its rows as one columnar batch (docs/wire-format.md), written straight
   * into the bytes of its columns (snapshot-columns-writer.ts): a Planned row never becomes an
   * object.
   */
  columnsPage(
    emailId: string,
    page: number,
    cursor: number,
    providerCursor: number,
  ): ColumnsSnapshotResponse | undefined {
    const range = this.#range(emailId, page);
    if (!range) return undefined;
    const campaign = this.#campaign;
    const book = campaign.book;
    // Most of a fresh campaign's audience has no event yet: no row in the ledger to look for.
    const known = (this.state.emails.get(emailId)?.rows.size ?? 0) > 0;
    const writer = new SnapshotColumnsWriter(range.end - range.first);
    for (let ref = range.first; ref < range.end; ref++) {
      if (known && this.state.rowOf(emailId, campaign.recipientIdOf(ref)) >= 0) {
        writer.add(this.#recipient(emailId, ref));
        continue;
      }
      const contact = campaign.contactOf(ref);
      writer.planned(
        campaign.recipientIdOf(ref),
        this.#plannedAt(ref),
        contactId(contact),
        book.nameCode(contact),
        nameOfCode,
        book.address(contact),
      );
    }
    return { ...this.#head(emailId, page, range, cursor, providerCursor), recipients: writer.batch() };
  }

  /** The audience refs a page lists, or undefined for an unknown email or page. */
  #range(emailId: string, page: number): { first: number; end: number; total: number } | undefined {
    const total = this.total(emailId);
    const first = page * SNAPSHOT_PAGE_SIZE;
    if (total < 0 || !Number.isInteger(page) || page < 0 || (first >= total && page > 0)) return undefined;
    const end = Math.min(total, first + SNAPSHOT_PAGE_SIZE);
    const offset = emailId === this.#campaign.bulk.id ? 0 : this.#campaign.audience;
    return { first: offset + first, end: offset + end, total };
  }

  #head(
    emailId: string,
    page: number,
    range: { first: number; end: number; total: number },
    cursor: number,
    providerCursor: number,
  ): Omit<SnapshotResponse, 'recipients'> {
    const { total } = range;
    const end = (page + 1) * SNAPSHOT_PAGE_SIZE;
    return {
      emailId,
      cursor: String(cursor),
      providerCursor: String(providerCursor),
      next: end < total ? String(page + 1) : null,
      total,
      pageSize: SNAPSHOT_PAGE_SIZE,
    };
  }

  /** When a recipient with no event yet is Planned: the bulk send's start, or when a participant joined. */
  #plannedAt(ref: number): number {
    const campaign = this.#campaign;
    return ref < campaign.audience ? campaign.bulk.startsAt : campaign.participants.joinAt[ref - campaign.audience]!;
  }

  #recipient(emailId: string, ref: number): ServerRecipient {
    const campaign = this.#campaign;
    const state = this.state;
    const recipientId = campaign.recipientIdOf(ref);
    const row = state.rowOf(emailId, recipientId);
    if (row < 0) {
      const contact = campaign.contactOf(ref);
      const at = this.#plannedAt(ref);
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
