// What a ResponseState shows per recipient, per contact and per email, keyed as the reference fold
// keys it, so a test can compare a state with the reference (reference-fold.ts) or with another
// state reached another way.
import { expect } from 'chai';
import type { ResponseState } from '../../src/core/index';
import type { ReferenceState } from './reference-fold';

/** Everything the state shows per recipient, per contact and per email, keyed like the reference. */
export function observed(state: ResponseState): ReferenceState {
  const out: ReferenceState = { recipients: new Map(), contacts: new Map(), emails: new Map(), eventCount: 0 };
  out.eventCount = state.eventCount;
  for (const emailId of state.emails.ids()) {
    const entry = state.emails.get(emailId)!;
    for (const row of entry.order) {
      const recipient = state.recipientAt(row);
      out.recipients.set(`${recipient.emailId}\u0000${recipient.recipientId}`, recipient);
    }
    const byResponse: Record<string, number> = {};
    entry.byResponse.forEach((count, index) => {
      if (count !== 0) byResponse[state.rules.responses[index]!.id] = count;
    });
    const { opened, clicked, machineOnly } = entry;
    out.emails.set(emailId, { byResponse, opened, clicked, machineOnly });
  }
  for (const contactId of state.contactIds())
    if (state.contactRows(contactId).length > 0) out.contacts.set(contactId, state.contact(contactId));
  return out;
}

/** A map's entries by key, for comparing maps whatever their insertion order. */
export const sorted = <V>(map: Map<string, V>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

export function expectSame(actual: ReferenceState, expected: ReferenceState): void {
  expect(sorted(actual.recipients)).to.deep.equal(sorted(expected.recipients));
  expect(sorted(actual.contacts)).to.deep.equal(sorted(expected.contacts));
  expect(sorted(actual.emails)).to.deep.equal(sorted(expected.emails));
  expect(actual.eventCount).to.equal(expected.eventCount);
}
