/** Detail of `recipient-select`: the recipient a user chose (click or Enter). */
export interface RecipientSelectDetail {
  emailId: string;
  recipientId: string;
  /** Undefined when no event named the contact. */
  contactId: string | undefined;
}

export type RecipientSelectEvent = CustomEvent<RecipientSelectDetail>;

/** Detail of `columns-change`: the grid's new `columns` value, after a user showed, hid or resized a column. */
export interface ColumnsChangeDetail {
  columns: string;
}

export type ColumnsChangeEvent = CustomEvent<ColumnsChangeDetail>;

/** The grid's events, as `addEventListener` sees them. */
export interface AudienceResponseGridEventMap extends HTMLElementEventMap {
  'recipient-select': RecipientSelectEvent;
  'columns-change': ColumnsChangeEvent;
}

declare global {
  // Bubbling and composed: a listener on any ancestor, or on the document, gets the typed event.
  interface GlobalEventHandlersEventMap {
    'recipient-select': RecipientSelectEvent;
    'columns-change': ColumnsChangeEvent;
  }
}
