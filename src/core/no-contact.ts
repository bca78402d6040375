// Apart from effects.ts, which loads with the rows' code (recipient-rows.ts): a state with no
// row yet answers a contact without that code (issue 14: the grid's entry).
import type { ContactState } from './effects';

/**
 * The flags of a contact with no email: what `contactFlags` gives for no recipients (no streak
 * reaches the rules' threshold, which is at least 1).
 */
export function noContact(contactId: string): ContactState {
  return {
    contactId,
    doNotUseEmail: false,
    valid: true,
    invalidAddresses: [],
    unsubscribedEmailTypes: [],
    softBounceStreak: 0,
    softBounceWarning: false,
    causes: [],
    emails: 0,
  };
}
