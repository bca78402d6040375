// Everything a view can read from a state, as plain data, so two states can be compared whole.
import { reportEmail, type ResponseState } from '../../src/core/index';

export function snapshot(state: ResponseState): unknown {
  const recipients = [];
  for (let row = 0; row < state.recipients.size; row++) recipients.push(state.recipientAt(row));
  recipients.sort((a, b) => (a.emailId + '\u0000' + a.recipientId < b.emailId + '\u0000' + b.recipientId ? -1 : 1));
  const contacts = [...state.contactIds()].sort().map((id) => {
    const contact = state.contact(id);
    // Causes are listed in time order; ties between emails may list in either order.
    return { ...contact, causes: [...contact.causes].sort((a, b) => (a.emailId < b.emailId ? -1 : 1)) };
  });
  // The report read from the rows, and the counts the state keeps up to date as it folds.
  const emails = [...state.emails.ids()].sort().map((id) => {
    const { byResponse, opened, clicked, machineOnly } = state.emails.get(id)!;
    return { report: reportEmail(state, id), counts: { byResponse: [...byResponse], opened, clicked, machineOnly } };
  });
  return { recipients, contacts, emails, events: state.eventCount };
}
