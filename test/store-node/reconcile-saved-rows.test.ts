// What reconciling a page hands back and asks for: the server's state of each row it applied
// (in the order of the rows), the contact texts the server sent (and only those) dated at the
// row's time, and the events after the cursor asked for only for recipients the client had.
import { expect } from 'chai';
import { foldEvents, type ResponseEvent } from '../../src/core/index';
import { reconcilePage, toSaved, type ServerRecipient } from '../../src/store/reconcile';
import { event, minutes } from '../support/events';

const page = (...recipients: ServerRecipient[]) => ({ emailId: 'e1', recipients });

describe('the server state reconciling saves', () => {
  it('keeps the contact texts the server sent, dated at its time, and no others', () => {
    const state = foldEvents([]);
    const saved = toSaved(
      'e1',
      { recipientId: 'r1', response: 'delivered', at: minutes(4), contactName: 'Ann', provider: 'ses' },
      state,
    );
    expect(saved).to.deep.include({ meta: { contactName: ['Ann', minutes(4)], provider: ['ses', minutes(4)] } });
    const bare = toSaved('e1', { recipientId: 'r2', response: 'delivered', at: minutes(4) }, state);
    expect(bare).to.deep.include({ meta: {} });
  });

  it('hands back the server state of each row applied, in the order of the rows', () => {
    const state = foldEvents([event('delivered', { recipientId: 'r2', at: 1 })]);
    const result = reconcilePage(
      state,
      page(
        { recipientId: 'r1', response: 'opened', at: minutes(2), opens: 1 },
        { recipientId: 'bad', response: 'no-such-response', at: minutes(2) },
        { recipientId: 'r2', response: 'hard-bounce', at: minutes(3) },
      ),
      () => [],
    );
    expect(result.saved.map((saved) => [saved.recipientId, saved.nonFinal, saved.final])).to.deep.equal([
      ['r1', 'opened', null],
      ['r2', null, 'hard-bounce'],
    ]);
    expect(result.rows).to.deep.equal([state.rowOf('e1', 'r1'), state.rowOf('e1', 'r2')]);
  });

  it('asks for the events after the cursor only of the recipients the client had', () => {
    const state = foldEvents([event('delivered', { recipientId: 'r2', at: 1 })]);
    const had = state.rowOf('e1', 'r2');
    const asked: number[] = [];
    const later = (row: number): ResponseEvent[] => {
      asked.push(row);
      return [event('opened', { recipientId: 'r2', at: 5 })];
    };
    reconcilePage(
      state,
      page(
        { recipientId: 'r1', response: 'delivered', at: minutes(2) },
        { recipientId: 'r2', response: 'delivered', at: minutes(2) },
      ),
      later,
    );
    expect(asked).to.deep.equal([had]);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'delivered', opens: 0 });
    expect(state.recipient('e1', 'r2')).to.include({ response: 'opened', opens: 1 });
  });
});
