/** What a backend's snapshot endpoint returns: the authoritative state of an email's audience. */

/**
 * One recipient as the server sees it: the authoritative state a snapshot page carries.
 * `response` is a catalogue id; `at` when it happened (ISO-8601 with a zone, or epoch ms).
 */
export interface ServerRecipient {
  recipientId: string;
  response: string;
  at: string | number;
  opens?: number;
  clicks?: number;
  machineOpens?: number;
  reason?: string;
  contactId?: string;
  contactName?: string;
  address?: string;
  provider?: string;
}

/** One page of an email's audience from the snapshot endpoint. */
export interface SnapshotPage {
  emailId: string;
  /** The stream cursor this snapshot is as of: events after it are applied on top. */
  cursor?: string;
  recipients: ServerRecipient[];
  /** The next page's token, or null on the last page. */
  next?: string | null;
  /**
   * How many recipients the email's audience has in all, over every page (optional). The store
   * keeps the latest as `audienceSize(emailId)`, and the report shows "loading 2,400 of 100,000"
   * until that many rows are here.
   */
  total?: number;
}
