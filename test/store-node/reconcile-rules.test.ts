// Reconciling a snapshot page with the optimistic state, under Node (no store, no network): the
// server's row wins, every disagreement is reported, and a broken server row is refused with a reason.
import { expect } from 'chai';
import { foldEvents, type ResponseEvent } from '../../src/core/index';
import { reconcilePage, toSaved, type ServerRecipient } from '../../src/store/reconcile';
import { event, minutes } from '../support/events';

const page = (...recipients: ServerRecipient[]) => ({ emailId: 'e1', recipients });
const noLaterEvents = (): ResponseEvent[] => [];

describe('reconciling a snapshot page', () => {
  it('reports a disagreement in machine opens alone', () => {
    const state = foldEvents([event('delivered', { at: 1 }), event('opened-machine', { at: 2 })]);
    const { conflicts } = reconcilePage(
      state,
      page({ recipientId: 'r1', response: 'opened-machine', at: minutes(2), machineOpens: 3 }),
      noLaterEvents,
    );
    expect(conflicts).to.have.length(1);
    expect(conflicts[0]!.optimistic).to.include({ machineOpens: 1 });
    expect(conflicts[0]!.server).to.include({ machineOpens: 3 });
  });

  it('reports a disagreement in each of response, final, opens and clicks, and none when they agree', () => {
    const state = foldEvents([event('opened', { at: 1 }), event('clicked', { at: 2 })]);
    const agree = reconcilePage(
      state,
      page({ recipientId: 'r1', response: 'clicked', at: minutes(2), opens: 1, clicks: 1 }),
      noLaterEvents,
    );
    expect(agree.conflicts).to.deep.equal([]);
    for (const server of [
      { recipientId: 'r1', response: 'opened', at: minutes(2), opens: 1, clicks: 1 },
      { recipientId: 'r1', response: 'clicked', at: minutes(2), opens: 2, clicks: 1 },
      { recipientId: 'r1', response: 'clicked', at: minutes(2), opens: 1, clicks: 2 },
    ]) {
      const fresh = foldEvents([event('opened', { at: 1 }), event('clicked', { at: 2 })]);
      expect(reconcilePage(fresh, page(server), noLaterEvents).conflicts, JSON.stringify(server)).to.have.length(1);
    }
  });

  it('refuses negative or fractional counts from the server with a reason, and keeps the row as it was', () => {
    for (const [field, value] of [
      ['opens', -1],
      ['clicks', -2],
      ['machineOpens', 1.5],
    ] as const) {
      const state = foldEvents([event('opened', { at: 1 })]);
      const result = reconcilePage(
        state,
        page({ recipientId: 'r1', response: 'opened', at: minutes(1), [field]: value }),
        noLaterEvents,
      );
      expect(result.problems).to.deep.equal([
        `recipient r1: ${field} must be a whole number of at least 0, not ${value}`,
      ]);
      expect(result.rows).to.deep.equal([]);
      expect(state.recipient('e1', 'r1')).to.include({ response: 'opened', opens: 1 });
    }
  });

  it('reads missing counts as none', () => {
    const state = foldEvents([]);
    const saved = toSaved('e1', { recipientId: 'r9', response: 'delivered', at: minutes(1) }, state);
    expect(saved).to.include({ opens: 0, clicks: 0, machineOpens: 0 });
  });

  it("keeps the server's reason on a non-final recipient as on a final one", () => {
    const state = foldEvents([]);
    reconcilePage(
      state,
      page(
        { recipientId: 'r1', response: 'provider-delayed', at: minutes(1), reason: '451 try again later' },
        { recipientId: 'r2', response: 'hard-bounce', at: minutes(1), reason: '550 no such user' },
      ),
      noLaterEvents,
    );
    expect(state.recipient('e1', 'r1')).to.include({
      response: 'provider-delayed',
      final: false,
      reason: '451 try again later',
    });
    expect(state.recipient('e1', 'r2')).to.include({
      response: 'hard-bounce',
      final: true,
      reason: '550 no such user',
    });
  });

  it('a recipient the client had not heard of is news, not a conflict; a broken one is a problem', () => {
    const state = foldEvents([]);
    const result = reconcilePage(
      state,
      page(
        { recipientId: 'new', response: 'planned', at: minutes(0), contactId: 'c1', address: 'ann@example.com' },
        { recipientId: 'bad', response: 'no-such-response', at: minutes(0) },
        { recipientId: 'late', response: 'delivered', at: 'yesterday' },
      ),
      noLaterEvents,
    );
    expect(result.conflicts).to.deep.equal([]);
    expect(result.problems).to.deep.equal([
      '"no-such-response" is not a response in rules spec-1',
      'recipient late: at is not a time',
    ]);
    expect(state.recipient('e1', 'new')).to.include({
      response: 'planned',
      contactId: 'c1',
      address: 'ann@example.com',
    });
  });

  it('applies the events after the cursor on top of the server row', () => {
    const state = foldEvents([event('delivered', { at: 1 })]);
    const later = [event('opened', { at: 5 })];
    reconcilePage(
      state,
      page({ recipientId: 'r1', response: 'clicked', at: minutes(3), opens: 1, clicks: 1 }),
      () => later,
    );
    expect(state.recipient('e1', 'r1')).to.include({ response: 'clicked', opens: 2, clicks: 1, lastAt: minutes(5) });
  });
});
