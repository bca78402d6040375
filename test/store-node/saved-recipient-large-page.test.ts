import { expect } from 'chai';
import { createResponseState, foldEvents, type ResponseEvent } from '../../src/core/index';
import { packRowPage } from '../../src/store/cache/row-pages';
import { minutes, recipientEvent } from '../support/events';

// A page of saved recipients restored at once (src/core/saved-recipient.ts, restoreColumns) gives
// back every row, however many rows the state holds already and however large the page: a page
// larger than the room left, or larger than twice the state's first size (1,024 rows), included.

/** `count` recipients of email e1, each with its own response time. */
function savedPage(count: number) {
  const events: ResponseEvent[] = [];
  for (let n = 0; n < count; n++) events.push(recipientEvent(n % 3 ? 'delivered' : 'opened', `r${n}`, { at: n % 60 }));
  const state = foldEvents(events);
  const rows = state.emails.get('e1')!.order.map((row) => state.saveRecipient(row));
  return { rows, page: packRowPage('e1', 0, rows) };
}

describe('restoring a large page of saved recipients', () => {
  it('a page of 2,100 rows into an empty state: every row as saved', () => {
    const { rows, page } = savedPage(2100);
    const state = createResponseState();
    expect(state.restoreRecipients(page)).to.equal(0);
    expect(rows.map((_, row) => state.saveRecipient(row))).to.deep.equal(rows);
    expect(state.recipient('e1', 'r2099')).to.include({ response: 'delivered', at: minutes(2099 % 60) });
  });

  it('a page of 100 rows into a state with 1,000 rows already: every row as saved', () => {
    const { rows, page } = savedPage(100);
    const state = createResponseState();
    const others: ResponseEvent[] = [];
    for (let n = 0; n < 1000; n++) others.push(recipientEvent('delivered', `o${n}`, { emailId: 'e0' }));
    state.apply(others);
    expect(state.restoreRecipients(page)).to.equal(0);
    expect(rows.map((_, k) => state.saveRecipient(1000 + k))).to.deep.equal(rows);
    expect(state.recipient('e1', 'r99')).to.include({ response: 'opened', at: minutes(39) });
  });
});
