// The per-email counts a state keeps as it folds (responses, opened, clicked, machine-only) must
// agree with its rows after a recipient is reset to a saved state: a new recipient counts as the
// saved state with the later events on top, a known one moves its counts from what it showed to
// what it shows now.
import { expect } from 'chai';
import { createResponseState, foldEvents, type ResponseState, type SavedRecipient } from '../../src/core/index';
import { event, recipientEvent } from '../support/events';

/** The server's state of r1 after these responses, a minute apart. */
const serverState = (...responses: string[]): SavedRecipient =>
  foldEvents(responses.map((response, i) => event(response, { at: i }))).saveRecipient(0);

/** The email's counts as the state keeps them, and as counted again from its rows. */
function counts(state: ResponseState, emailId: string) {
  const kept = state.emails.get(emailId)!;
  const byResponse = new Array<number>(state.rules.responses.length).fill(0);
  let opened = 0;
  let clicked = 0;
  let machineOnly = 0;
  for (let row = 0; row < state.recipients.size; row++) {
    const recipient = state.recipientAt(row);
    if (recipient.emailId !== emailId) continue;
    byResponse[state.rules.responses.findIndex((r) => r.id === recipient.response)]! += 1;
    if (recipient.clicks > 0) clicked++;
    if (recipient.opens > 0 || recipient.clicks > 0) opened++;
    else if (recipient.machineOpens > 0) machineOnly++;
  }
  return {
    kept: {
      byResponse: [...kept.byResponse],
      opened: kept.opened,
      clicked: kept.clicked,
      machineOnly: kept.machineOnly,
    },
    fromRows: { byResponse, opened, clicked, machineOnly },
  };
}

describe("an email's counts after a recipient is reset to a saved state", () => {
  it('a new recipient, with later events that change what it shows', () => {
    const state = createResponseState();
    state.apply([recipientEvent('delivered', 'r0')]);
    state.resetRecipient(serverState('delivered'), [event('clicked', { at: 5 })]);
    const { kept, fromRows } = counts(state, 'e1');
    expect(kept).to.deep.equal(fromRows);
    expect(kept).to.include({ opened: 1, clicked: 1 });
  });

  it('a known recipient whose state the saved one changes, with and without later events', () => {
    for (const later of [[], [event('opened-machine', { at: 5 })]]) {
      const state = createResponseState();
      state.apply([recipientEvent('delivered', 'r0'), event('delivered', { at: 1 }), event('clicked', { at: 2 })]);
      state.resetRecipient(serverState('provider-queued'), later);
      const { kept, fromRows } = counts(state, 'e1');
      expect(kept, JSON.stringify(later)).to.deep.equal(fromRows);
      expect(kept.clicked).to.equal(0);
    }
  });

  it('a known recipient the saved state leaves as it was', () => {
    const state = createResponseState();
    state.apply([event('delivered', { at: 0 })]);
    state.resetRecipient(serverState('delivered'));
    const { kept, fromRows } = counts(state, 'e1');
    expect(kept).to.deep.equal(fromRows);
  });
});
