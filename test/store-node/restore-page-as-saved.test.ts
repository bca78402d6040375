import { expect } from 'chai';
import { createResponseState, foldEvents, type ResponseEvent } from '../../src/core/index';
import { packRowPage } from '../../src/store/cache/row-pages';
import { event, recipientEvent } from '../support/events';

// A cache page restored on a cold start must give back each recipient exactly as it was saved
// (src/core/saved-recipient.ts, restoreColumns): its responses, reasons, scope, counters and
// contact fields, and the row filed under its contact. A row with no non-final response, or none
// of the page's reasons, is as much a row as any other.

function savedRows(events: ResponseEvent[]) {
  const state = foldEvents(events);
  return state.emails.get('e1')!.order.map((row) => state.saveRecipient(row));
}

describe('restoring a page of saved recipients', () => {
  it('gives back every row as it was saved, and files each under its contact', () => {
    const rows = savedRows([
      // First in the page, and with only a final response: the page's response 0 is its final.
      recipientEvent('hard-bounce', 'r1', { at: 1, reason: '550 gone' }),
      recipientEvent('provider-queued', 'r2', { at: 1, reason: 'greylisted' }),
      recipientEvent('delivered', 'r3', { at: 1, contactId: 'c3', contactName: 'Ann', address: 'ann@example.com' }),
      recipientEvent('opened', 'r3', { at: 2, provider: 'sendgrid' }),
      recipientEvent('unsubscribed', 'r3', { at: 3, scope: 'type', reason: 'too many' }),
      recipientEvent('delivered', 'r4', { at: 1, contactId: 'c4' }),
    ]);
    expect(rows[0]).to.include({ nonFinal: null, final: 'hard-bounce' });
    const page = packRowPage('e1', 0, rows);
    const state = createResponseState();
    expect([...state.contactIds()], 'the contact index is built before the restore').to.deep.equal([]);
    expect(state.restoreRecipients(page)).to.equal(0);
    expect(rows.map((_, row) => state.saveRecipient(row))).to.deep.equal(rows);
    expect([...state.contactIds()].sort()).to.deep.equal(['c3', 'c4']);
    expect(state.contactRows('c3')).to.deep.equal([2]);
    expect(state.contactRows('Ann'), 'a name is no contact id').to.deep.equal([]);
  });

  it('restores a page that has no reason or scope column at all', () => {
    const rows = savedRows([recipientEvent('delivered', 'r1'), recipientEvent('opened', 'r2')]);
    const page = packRowPage('e1', 0, rows);
    expect(page.finalReason ?? page.nonFinalReason ?? page.finalScope, 'no such column').to.equal(undefined);
    const state = createResponseState();
    expect(state.restoreRecipients(page)).to.equal(0);
    expect(rows.map((_, row) => state.saveRecipient(row))).to.deep.equal(rows);
  });

  it('refuses a page row with no response at all, and restores the others', () => {
    const page = packRowPage(
      'e1',
      0,
      savedRows([recipientEvent('delivered', 'r1'), recipientEvent('delivered', 'r2')]),
    );
    page.nonFinal[0] = -1;
    const state = createResponseState();
    expect(state.restoreRecipients(page)).to.equal(1);
    expect(state.emails.get('e1')!.order.map((row) => state.saveRecipient(row).recipientId)).to.deep.equal(['r2']);
  });
});

describe('restoring one saved recipient', () => {
  it('refuses a recipient it has already, and keeps the first', () => {
    const [saved] = savedRows([event('delivered')]);
    const state = createResponseState();
    expect(state.restoreRecipient(saved!)).to.equal(0);
    expect(state.restoreRecipient({ ...saved!, final: 'hard-bounce', finalAt: saved!.nonFinalAt })).to.equal(-1);
    expect(state.recipients.size).to.equal(1);
    expect(state.saveRecipient(0)).to.deep.equal(saved);
  });

  it('refuses a saved recipient with no response at all', () => {
    const [saved] = savedRows([event('delivered')]);
    const state = createResponseState();
    expect(state.restoreRecipient({ ...saved!, nonFinal: null })).to.equal(-1);
    expect(state.recipients.size).to.equal(0);
  });
});
