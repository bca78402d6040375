// A reference fold, written straight from ../shared/spec/responses.md ("How a response changes",
// "Effects on the contact") and the decisions in ARCHITECTURE.md, to check the real fold against.
// Short, slow and plain on purpose: keep the accepted events, drop redeliveries, sort each
// recipient's events into one order, and apply the rules one event after another. No typed arrays,
// no fingerprints, no incremental counts.
import type { ResponseDefinition, ResponseRules } from '../../src/core/catalogue';
import type { ContactState } from '../../src/core/effects';
import type { RecipientState } from '../../src/core/fold';
import type { ResponseEvent } from '../../src/core/event';
import { compileRules } from '../../src/core/rules';
import { eventTime } from '../../src/core/time';
import { validateEvents } from '../../src/core/validate';

export interface ReferenceEmailCounts {
  byResponse: Record<string, number>;
  opened: number;
  clicked: number;
  machineOnly: number;
}

export interface ReferenceState {
  /** By `emailId \u0000 recipientId`. */
  recipients: Map<string, RecipientState>;
  contacts: Map<string, ContactState>;
  emails: Map<string, ReferenceEmailCounts>;
  eventCount: number;
}

interface Timed {
  event: ResponseEvent;
  at: number;
  definition: ResponseDefinition;
  index: number;
}

const META = ['contactId', 'contactName', 'address', 'provider'] as const;

/** The newest value by event time; at equal times the greater text (ARCHITECTURE.md, "Meta fields"). */
function newest<T extends string>(values: { value: T | undefined | null; at: number }[]): T | undefined {
  let best: { value: T; at: number } | undefined;
  for (const { value, at } of values) {
    if (value == null) continue;
    if (best === undefined || at > best.at || (at === best.at && value > best.value)) best = { value, at };
  }
  return best?.value;
}

/** A response named by id, label or alias, any case; an exact id first. */
function definitionOf(rules: ResponseRules, name: string): number {
  const exact = rules.responses.findIndex((r) => r.id === name);
  if (exact >= 0) return exact;
  const lower = name.toLowerCase();
  return rules.responses.findIndex((r) => [r.id, r.label, ...r.aliases].some((n) => n.toLowerCase() === lower));
}

export function referenceFold(inputs: readonly unknown[], rules: ResponseRules): ReferenceState {
  // Validation is not the fold's business: the real validator says which events are accepted.
  const { accepted } = validateEvents(inputs, compileRules(rules));
  // Rule 5: an event counts once per recipient and id.
  const distinct = new Map<string, Timed>();
  for (const event of accepted) {
    const key = `${event.emailId}\u0000${event.recipientId}\u0000${event.id}`;
    if (distinct.has(key)) continue;
    const index = definitionOf(rules, event.response);
    distinct.set(key, { event, at: eventTime(event.at), definition: rules.responses[index]!, index });
  }
  const byRecipient = new Map<string, Timed[]>();
  for (const timed of distinct.values()) {
    const key = `${timed.event.emailId}\u0000${timed.event.recipientId}`;
    byRecipient.set(key, [...(byRecipient.get(key) ?? []), timed]);
  }
  // An email's kind and type: the newest event of the email that carries them.
  const emailMeta = new Map<string, { emailKind?: 'bulk' | 'trigger'; emailType?: string }>();
  for (const emailId of new Set([...distinct.values()].map((t) => t.event.emailId))) {
    const events = [...distinct.values()].filter((t) => t.event.emailId === emailId);
    emailMeta.set(emailId, {
      emailKind: newest(events.map((t) => ({ value: t.event.emailKind, at: t.at }))),
      emailType: newest(events.map((t) => ({ value: t.event.emailType, at: t.at }))),
    });
  }

  // The statistics update period (spec, "Time"): an event dated more than N days after the
  // recipient's earliest Sent to provider is not applied. Who the recipient is (name, address,
  // contact, the email's kind and type) still comes from every event.
  const periodMs = rules.statisticsPeriodDays == null ? Infinity : rules.statisticsPeriodDays * 86_400_000;
  const recipients = new Map<string, RecipientState>();
  for (const [key, all] of byRecipient) {
    const sentAt = Math.min(...all.filter((t) => t.definition.id === 'sent-to-provider').map((t) => t.at));
    const events = all.filter((t) => t.at <= sentAt + periodMs);
    // One order for all: by time; at the same moment finals first, then the higher priority,
    // then the later catalogue entry, then the lesser reason, then an unsubscribe from everything
    // before one from a type. Applying the rules in this order,
    // the first final stands (rule 3) and a non-final replaces only a lower one (rule 2).
    const sorted = [...events].sort(
      (a, b) =>
        a.at - b.at ||
        Number(b.definition.final) - Number(a.definition.final) ||
        b.definition.priority - a.definition.priority ||
        b.index - a.index ||
        ((a.event.reason ?? '') < (b.event.reason ?? '')
          ? -1
          : (a.event.reason ?? '') > (b.event.reason ?? '')
            ? 1
            : 0) ||
        Number(a.event.scope === 'type') - Number(b.event.scope === 'type'),
    );
    let current: Timed | undefined;
    let opens = 0;
    let clicks = 0;
    let machineOpens = 0;
    for (const timed of sorted) {
      // Rule 4: counters count every distinct event, whatever the response does.
      if (timed.definition.counter === 'opens') opens++;
      if (timed.definition.counter === 'clicks') clicks++;
      if (timed.definition.counter === 'machineOpens') machineOpens++;
      if (current?.definition.final) continue; // rules 1 and 3: nothing follows a final response
      if (timed.definition.final) current = timed;
      else if (current === undefined || outranks(timed, current)) current = timed;
    }
    const { definition, at, event } = current!;
    const state: RecipientState = {
      emailId: event.emailId,
      recipientId: event.recipientId,
      response: definition.id,
      label: definition.label,
      final: definition.final,
      group: definition.group,
      at,
      // Rule 4: a click implies an open.
      opens: clicks > 0 && opens === 0 ? 1 : opens,
      clicks,
      machineOpens,
      firstAt: Math.min(...sorted.map((t) => t.at)),
      lastAt: Math.max(...sorted.map((t) => t.at)),
    };
    // An empty reason is no reason (the wire allows null and '' for none).
    if (event.reason) state.reason = event.reason;
    // Only an Unsubscribed has a scope; "all" and none are the same: from everything.
    if (definition.id === 'unsubscribed' && event.scope === 'type') state.scope = 'type';
    for (const field of META) {
      const value = newest(all.map((t) => ({ value: t.event[field], at: t.at })));
      if (value !== undefined) state[field] = value;
    }
    const meta = emailMeta.get(event.emailId)!;
    if (meta.emailKind !== undefined) state.emailKind = meta.emailKind;
    if (meta.emailType !== undefined) state.emailType = meta.emailType;
    recipients.set(key, state);
  }

  const emails = new Map<string, ReferenceEmailCounts>();
  for (const state of recipients.values()) {
    const counts = emails.get(state.emailId) ?? { byResponse: {}, opened: 0, clicked: 0, machineOnly: 0 };
    counts.byResponse[state.response] = (counts.byResponse[state.response] ?? 0) + 1;
    if (state.opens > 0) counts.opened++;
    if (state.clicks > 0) counts.clicked++;
    if (state.opens === 0 && state.machineOpens > 0) counts.machineOnly++;
    emails.set(state.emailId, counts);
  }

  const contacts = new Map<string, ContactState>();
  const contactIds = new Set([...recipients.values()].flatMap((r) => (r.contactId === undefined ? [] : [r.contactId])));
  for (const contactId of contactIds) {
    contacts.set(
      contactId,
      referenceContact(
        contactId,
        [...recipients.values()].filter((r) => r.contactId === contactId),
        rules,
      ),
    );
  }
  return { recipients, contacts, emails, eventCount: distinct.size };
}

/** Rule 2: a higher priority replaces a lower one; equal priorities follow the catalogue's order. */
function outranks(a: Timed, b: Timed): boolean {
  return (
    a.definition.priority > b.definition.priority ||
    (a.definition.priority === b.definition.priority && a.index > b.index)
  );
}

/** The spec's "Effects on the contact", from the contact's recipients. */
function referenceContact(contactId: string, recipients: RecipientState[], rules: ResponseRules): ContactState {
  // An Unsubscribed from one email type unsubscribes from that type only (spec, "Effects on the
  // contact"): it neither sets Do not use email nor is a cause of it.
  const effectsOf = (r: RecipientState): NonNullable<ResponseDefinition['effects']> =>
    r.scope === 'type'
      ? { unsubscribesEmailType: true }
      : (rules.responses.find((d) => d.id === r.response)?.effects ?? {});
  // Oldest email first; the same order whatever order the recipients came in.
  const sorted = [...recipients].sort(
    (a, b) =>
      a.firstAt - b.firstAt ||
      (a.emailId < b.emailId ? -1 : a.emailId > b.emailId ? 1 : 0) ||
      (a.recipientId < b.recipientId ? -1 : 1),
  );
  // The contact's address: the one its newest email went to.
  const address = sorted.filter((r) => r.address !== undefined).at(-1)?.address;
  const invalidating = sorted.filter((r) => effectsOf(r).invalidatesAddress);
  const invalidAddresses = [
    ...new Set(invalidating.flatMap((r) => (r.address === undefined ? [] : [r.address.toLowerCase()]))),
  ].sort();
  const valid = !invalidating.some(
    (r) => r.address === undefined || (address !== undefined && r.address.toLowerCase() === address.toLowerCase()),
  );
  // Soft Bounces in a row on one address, from its newest email back; a recipient still in
  // flight neither breaks nor extends the run. Equal runs: the address used first.
  const addresses = [...new Set(sorted.map((r) => r.address?.toLowerCase() ?? ''))];
  let streak = 0;
  let streakAddress: string | undefined;
  for (const key of addresses) {
    let length = 0;
    for (const r of sorted.filter((s) => (s.address?.toLowerCase() ?? '') === key).reverse()) {
      if (effectsOf(r).softBounce) length++;
      else if (r.final || r.group === 'sent') break;
    }
    if (length > streak) {
      streak = length;
      streakAddress = key === '' ? undefined : key;
    }
  }
  const state: ContactState = {
    contactId,
    doNotUseEmail: sorted.some((r) => effectsOf(r).doNotUseEmail),
    valid,
    invalidAddresses,
    unsubscribedEmailTypes: [
      ...new Set(
        sorted.filter((r) => effectsOf(r).unsubscribesEmailType && r.emailType !== undefined).map((r) => r.emailType!),
      ),
    ].sort(),
    softBounceStreak: streak,
    softBounceWarning: streak >= rules.softBounceWarningThreshold,
    causes: sorted
      .filter((r) => effectsOf(r).doNotUseEmail || effectsOf(r).invalidatesAddress)
      .map((r) => ({ emailId: r.emailId, recipientId: r.recipientId, response: r.response })),
    emails: recipients.length,
  };
  if (address !== undefined) state.address = address;
  if (streakAddress !== undefined) state.softBounceAddress = streakAddress;
  return state;
}
