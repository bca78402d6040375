/** Detail of `recipient-select`: the recipient a user chose (click or Enter). */
export interface RecipientSelectDetail {
  emailId: string;
  recipientId: string;
  /** Undefined when no event named the contact. */
  contactId: string | undefined;
}

export type RecipientSelectEvent = CustomEvent<RecipientSelectDetail>;

/** The grid's events, as `addEventListener` sees them. */
export interface AudienceResponseGridEventMap extends HTMLElementEventMap {
  'recipient-select': RecipientSelectEvent;
}

declare global {
  // Bubbling and composed: a listener on any ancestor, or on the document, gets the typed event.
  interface GlobalEventHandlersEventMap {
    'recipient-select': RecipientSelectEvent;
  }
}
