// The grid's response cell names the email type of an unsubscribe scoped to it.
import { expect } from 'chai';
import { mountGrid, rows } from './grid-fixtures';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

describe('<audience-response-grid>: unsubscribes from one email type', () => {
  it('says "Unsubscribed from newsletter" beside the response, and nothing for a global one', async () => {
    const grid = await mountGrid(
      await storeWith([
        ev('unsubscribed', 'a', { emailType: 'newsletter', scope: 'type', at: 1 }),
        ev('unsubscribed', 'b', { scope: 'all', at: 2 }),
      ]),
    );
    const [typeOnly, everything] = rows(grid);
    expect(typeOnly!.querySelector('[part~="scope"]')!.textContent).to.equal('Unsubscribed from newsletter');
    expect(everything!.querySelector('[part~="scope"]')).to.equal(null);
  });
});
