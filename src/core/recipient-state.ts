// Its own module so the fold (which builds it) and the contact effects (which read it) both
// import it from here, not from each other.
import type { EmailKind, UnsubscribeScope } from './event';

/** One recipient's state, as the views and the host see it. */
export interface RecipientState {
  emailId: string;
  recipientId: string;
  /** Catalogue id of the current response. */
  response: string;
  label: string;
  final: boolean;
  /** `sent` when the email reached the recipient. */
  group: 'sent' | 'not-sent';
  /** When the current response happened (epoch ms). */
  at: number;
  /** Opens shown: distinct human opens, at least 1 when there are clicks (images blocked). */
  opens: number;
  clicks: number;
  /** Opens by bots, scanners and mail privacy protection; not in `opens`. */
  machineOpens: number;
  /** Earliest and latest time of any event applied (epoch ms). */
  firstAt: number;
  lastAt: number;
  reason?: string;
  /**
   * `type` when the response is an Unsubscribed from this email's type only (see
   * `ResponseEvent.scope`); absent for an unsubscribe from everything and for other responses.
   */
  scope?: UnsubscribeScope;
  contactId?: string;
  contactName?: string;
  address?: string;
  provider?: string;
  emailKind?: EmailKind;
  emailType?: string;
}
