import type { RecipientState } from './recipient-state';
import type { CompiledRules } from './rules';

/** What a contact's responses across all its emails mean for the contact (spec: "Effects"). */
export interface ContactState {
  contactId: string;
  /** Set by Unsubscribed, Spam complaint or Hard Bounce in any email: no email goes out to it. */
  doNotUseEmail: boolean;
  /** Cleared by Hard Bounce or Invalid email address on the contact's current address. */
  valid: boolean;
  /** The contact's current address: the one its newest email went to. */
  address?: string;
  /** Addresses a Hard Bounce or Invalid email address was reported for. */
  invalidAddresses: string[];
  /**
   * Email types the contact unsubscribed from: an Unsubscribed scoped to the email's type, or
   * Canceled (unsubscribed by email type). Sorted, so the order events came in never shows.
   */
  unsubscribedEmailTypes: string[];
  /** The longest run of Soft Bounces on one address in its newest emails. */
  softBounceStreak: number;
  /** The address of that run, when known. */
  softBounceAddress?: string;
  /** The streak reached the rules' threshold: the address may no longer be used. */
  softBounceWarning: boolean;
  /** The responses that set Do not use email or cleared Valid, so a view can say why. */
  causes: { emailId: string; recipientId: string; response: string }[];
  /** How many emails the contact was in. */
  emails: number;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Oldest first; a full order, so the result never depends on the order rows were added in. */
function byTime(a: RecipientState, b: RecipientState): number {
  return a.firstAt - b.firstAt || compareText(a.emailId, b.emailId) || compareText(a.recipientId, b.recipientId);
}

/** Derives a contact's flags from its recipients' current responses. Pure; order-free. */
export function contactFlags(
  contactId: string,
  recipients: readonly RecipientState[],
  rules: CompiledRules,
): ContactState {
  const sorted = [...recipients].sort(byTime);
  const byId = new Map(rules.responses.map((response) => [response.id, response]));
  const address = [...sorted].reverse().find((recipient) => recipient.address !== undefined)?.address;
  const invalid = new Set<string>();
  const types = new Set<string>();
  const causes: ContactState['causes'] = [];
  let doNotUseEmail = false;
  let invalidWithoutAddress = false;
  for (const recipient of sorted) {
    const effects = byId.get(recipient.response)?.effects;
    if (!effects) continue;
    // An unsubscribe from one email type (spec: "Effects on the contact") leaves Do not use email.
    if (recipient.scope === 'type') {
      if (recipient.emailType !== undefined) types.add(recipient.emailType);
      continue;
    }
    if (effects.doNotUseEmail) doNotUseEmail = true;
    if (effects.invalidatesAddress) {
      if (recipient.address === undefined) invalidWithoutAddress = true;
      else invalid.add(recipient.address.toLowerCase());
    }
    if (effects.unsubscribesEmailType && recipient.emailType !== undefined) types.add(recipient.emailType);
    if (effects.doNotUseEmail || effects.invalidatesAddress) {
      causes.push({ emailId: recipient.emailId, recipientId: recipient.recipientId, response: recipient.response });
    }
  }
  const streak = softBounceStreak(sorted, byId);
  const state: ContactState = {
    contactId,
    doNotUseEmail,
    valid: !(invalidWithoutAddress || (address !== undefined && invalid.has(address.toLowerCase()))),
    invalidAddresses: [...invalid].sort(),
    unsubscribedEmailTypes: [...types].sort(),
    softBounceStreak: streak.length,
    softBounceWarning: streak.length >= rules.source.softBounceWarningThreshold,
    causes,
    emails: recipients.length,
  };
  if (address !== undefined) state.address = address;
  if (streak.address !== undefined) state.softBounceAddress = streak.address;
  return state;
}

/**
 * Soft Bounces in a row on one address, counted back from its newest email. A recipient still in
 * flight (no final response, not delivered) has no outcome yet and neither breaks nor extends it.
 */
function softBounceStreak(
  sorted: readonly RecipientState[],
  byId: ReadonlyMap<string, CompiledRules['responses'][number]>,
): { length: number; address?: string } {
  const perAddress = new Map<string, RecipientState[]>();
  for (const recipient of sorted) {
    const key = recipient.address?.toLowerCase() ?? '';
    const list = perAddress.get(key);
    if (list) list.push(recipient);
    else perAddress.set(key, [recipient]);
  }
  let best: { length: number; address?: string } = { length: 0 };
  for (const [key, list] of perAddress) {
    let length = 0;
    for (let i = list.length - 1; i >= 0; i--) {
      const recipient = list[i]!;
      const definition = byId.get(recipient.response);
      if (definition?.effects?.softBounce) length++;
      else if (recipient.final || recipient.group === 'sent') break;
    }
    if (length > best.length) best = key === '' ? { length } : { length, address: key };
  }
  return best;
}
