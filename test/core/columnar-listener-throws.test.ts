// A listener made for columns (columnar-listeners.ts) hears a row through the shared `heard`
// record, set only while the fold applies that row. When applying throws, `heard` must not go on
// naming the row: the store's log would then take the next plain event for it.
import { expect } from 'chai';
import { applyItems, createResponseState, encodeColumns, type ResponseEvent } from '../../src/core/index';
import { forColumns, heard } from '../../src/core/columnar-listeners';
import { minutes } from '../support/events';

const events: ResponseEvent[] = ['r1', 'r2', 'r3'].map((recipientId, i) => ({
  id: `ev-${i}`,
  emailId: 'e1',
  recipientId,
  response: 'opened',
  at: minutes(i),
}));

describe('a listener for columns that throws', () => {
  it('leaves no row named in `heard` once the fold has given up', () => {
    const failing = forColumns(() => {
      throw new Error('the listener failed');
    });
    expect(() =>
      applyItems(
        createResponseState(),
        [encodeColumns(events)],
        failing,
        forColumns(() => undefined),
      ),
    ).to.throw('the listener failed');
    expect(heard.rows).to.equal(undefined);
  });
});
