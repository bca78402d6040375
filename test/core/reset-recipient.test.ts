import { expect } from 'chai';
import { createResponseState, foldEvents, reportEmail, type SavedRecipient } from '../../src/core/index';
import { event, minutes, recipientEvent } from '../support/events';

// `resetRecipient`: the server's saved state of a recipient becomes the state here, and the events
// that came after the server's snapshot are applied on top (src/core/reset-recipient.ts).

/** The server's state of r1 after these events. */
const serverState = (...responses: string[]): SavedRecipient =>
  foldEvents(responses.map((response, i) => event(response, { at: i }))).saveRecipient(0);

describe('resetting a recipient to a saved state', () => {
  it('a recipient seen here for the first time: the saved state, then the later events on top', () => {
    const state = createResponseState();
    const row = state.resetRecipient(serverState('sent-to-provider', 'delivered'), [event('opened', { at: 5 })]);
    expect(row).to.equal(0);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'opened', opens: 1 });
    expect(reportEmail(state, 'e1')).to.include({ recipients: 1 });
    expect(reportEmail(state, 'e1')!.uniqueOpens.count).to.equal(1);
  });

  it('the same for a recipient that is not the first row', () => {
    const state = createResponseState();
    state.apply([recipientEvent('delivered', 'r0')]);
    const row = state.resetRecipient(serverState('delivered'), [event('clicked', { at: 5 })]);
    expect(row).to.equal(1);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'clicked', clicks: 1, opens: 1 });
    expect(reportEmail(state, 'e1')!.uniqueClicks.count).to.equal(1);
    expect(reportEmail(state, 'e1')!.byResponse).to.include({ delivered: 1, clicked: 1 });
  });

  it('a recipient known here: its state is replaced, not merged, and the counts move with it', () => {
    const state = createResponseState();
    state.apply([event('delivered', { at: 1 }), event('opened', { at: 2 })]);
    const row = state.resetRecipient(serverState('provider-queued'));
    expect(row).to.equal(0);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'provider-queued', opens: 0 });
    const summary = reportEmail(state, 'e1')!;
    expect(summary.byResponse).to.include({ opened: 0, 'provider-queued': 1 });
    expect(summary.uniqueOpens.count).to.equal(0);
    expect(summary.recipients).to.equal(1);
  });

  it('a saved state the rules cannot read (a response they lack) changes nothing and answers -1', () => {
    const unknown = { ...serverState('delivered'), nonFinal: 'teleported' };
    const fresh = createResponseState();
    expect(fresh.resetRecipient(unknown, [event('opened', { at: 5 })])).to.equal(-1);
    expect(fresh.recipient('e1', 'r1')).to.equal(undefined);

    const known = createResponseState();
    known.apply([event('delivered', { at: 1 })]);
    expect(known.resetRecipient(unknown, [event('opened', { at: 5 })])).to.equal(-1);
    expect(known.recipient('e1', 'r1')).to.include({ response: 'delivered', opens: 0 });
    expect(reportEmail(known, 'e1')!.byResponse).to.include({ delivered: 1 });
  });

  it('later events the rules do not know, or with no readable time, are passed over', () => {
    const state = createResponseState();
    state.resetRecipient(serverState('delivered'), [
      event('teleported', { at: 5 }),
      { ...event('opened'), at: 'yesterday' } as never,
      event('OPENED', { at: 6 }),
    ]);
    // A response id is matched as given or in lower case, as the fold matches it.
    expect(state.recipient('e1', 'r1')).to.include({ response: 'opened', opens: 1 });
  });
});

describe('saving a recipient', () => {
  it('keeps the final and the non-final response each with its own time and reason', () => {
    const state = foldEvents([
      event('provider-delayed', { at: 2, reason: '421 later' }),
      event('hard-bounce', { at: 7, reason: '550 no such user' }),
    ]);
    expect(state.saveRecipient(0)).to.include({
      nonFinal: 'provider-delayed',
      nonFinalAt: minutes(2),
      nonFinalReason: '421 later',
      final: 'hard-bounce',
      finalAt: minutes(7),
      finalReason: '550 no such user',
    });
  });

  it('a saved final the rules lack cannot be restored', () => {
    const saved = { ...serverState('hard-bounce'), final: 'teleported' };
    const state = createResponseState();
    expect(state.restoreRecipient(saved)).to.equal(-1);
    expect(state.resetRecipient(saved)).to.equal(-1);
    expect(state.recipient('e1', 'r1')).to.equal(undefined);
  });
});
