/** Detail of `email-select`: the email a user chose, with the contact's recipient in it. */
export interface EmailSelectDetail {
  emailId: string;
  /** Give it to the email's grid: `grid.revealRecipient(recipientId)`. */
  recipientId: string;
  contactId: string;
}

export type EmailSelectEvent = CustomEvent<EmailSelectDetail>;

/** The timeline's events, as `addEventListener` sees them. */
export interface ContactResponseTimelineEventMap extends HTMLElementEventMap {
  'email-select': EmailSelectEvent;
}

declare global {
  // Bubbling and composed: a listener on any ancestor, or on the document, gets the typed event.
  interface GlobalEventHandlersEventMap {
    'email-select': EmailSelectEvent;
  }
}
