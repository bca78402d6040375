// A snapshot page whose recipients come as columns (docs/wire-format.md, "Snapshot columns") is
// reconciled as the same rows as objects: each good row makes the server's state win; a row
// whose dictionary index is wrong, or that fails the checks of a server recipient, is a problem
// named with its row index; a malformed batch is one problem and changes nothing.
import { expect } from 'chai';
import { SNAPSHOT_COLUMNS, encodeColumns, foldEvents, type ResponseEvent } from '../../src/core/index';
import { reconcilePage, type ServerRecipient } from '../../src/store/reconcile';
import { event, minutes } from '../support/events';
import { withRowsSaved } from '../support/page-result';

const noLaterEvents = (): ResponseEvent[] => [];
const asColumns = (rows: ServerRecipient[]) => encodeColumns(rows, SNAPSHOT_COLUMNS, { plain: ['recipientId'] });

const rows: ServerRecipient[] = [
  { recipientId: 'r1', response: 'opened', at: minutes(2), opens: 2 },
  { recipientId: 'r2', response: 'hard-bounce', at: minutes(3), reason: '550 gone' },
  { recipientId: 'r3', response: 'delivered', at: minutes(1), contactId: 'c3' },
];

describe('reconciling a snapshot page of columns', () => {
  it('applies every row as the same rows as objects would', () => {
    const byColumns = foldEvents([event('delivered', { at: 1 })]);
    const byObjects = foldEvents([event('delivered', { at: 1 })]);
    const fromColumns = reconcilePage(byColumns, { emailId: 'e1', recipients: asColumns(rows) }, noLaterEvents);
    const fromObjects = reconcilePage(byObjects, { emailId: 'e1', recipients: rows }, noLaterEvents);
    expect(withRowsSaved(fromColumns)).to.deep.equal(withRowsSaved(fromObjects));
    expect(fromColumns.rows).to.have.length(3);
    expect(fromColumns.problems).to.deep.equal([]);
    expect(byColumns.recipient('e1', 'r2')).to.include({ response: 'hard-bounce', reason: '550 gone' });
    expect(byColumns.recipient('e1', 'r3')).to.include({ response: 'delivered', contactId: 'c3' });
  });

  it('names a row whose dictionary index is wrong, once, and applies the others', () => {
    const batch = asColumns(rows);
    const broken = { ...batch, columns: { ...batch.columns, response: [0, 7, 2] } };
    const state = foldEvents([]);
    const result = reconcilePage(state, { emailId: 'e1', recipients: broken }, noLaterEvents);
    expect(result.problems).to.deep.equal(['row 1: response refers to entry 7 of its dictionary, which has 3 entries']);
    expect(result.rejected).to.have.length(1);
    expect(result.rejected[0]).to.deep.include({ code: 'bad-value', field: 'response', row: 1 });
    expect(result.rows).to.have.length(2);
    expect(result.saved.map((saved) => saved.recipientId)).to.deep.equal(['r1', 'r3']);
    expect(state.recipient('e1', 'r2')).to.equal(undefined);
  });

  it('names a row that fails the checks of a server recipient with its index, and the same words', () => {
    const bad = [rows[0]!, { ...rows[1]!, opens: -1 }, rows[2]!];
    const state = foldEvents([]);
    const result = reconcilePage(state, { emailId: 'e1', recipients: asColumns(bad) }, noLaterEvents);
    const reason = 'recipient r2: opens must be a whole number of at least 0, not -1';
    expect(result.problems).to.deep.equal([`row 1: ${reason}`]);
    expect(result.rejected[0]).to.deep.include({ reason: `row 1: ${reason}`, row: 1, field: 'opens' });
    // As objects, the same row is the same problem without a row index.
    const plain = reconcilePage(foldEvents([]), { emailId: 'e1', recipients: bad }, noLaterEvents);
    expect(plain.problems).to.deep.equal([reason]);
    expect(plain.rejected[0]).to.not.have.property('row');
  });

  it('a malformed batch is one problem, and no row changes', () => {
    const batch = asColumns(rows);
    const state = foldEvents([event('delivered', { at: 1 })]);
    const result = reconcilePage(state, { emailId: 'e1', recipients: { ...batch, count: 2 } }, noLaterEvents);
    expect(result.problems).to.deep.equal([
      'the recipientId column has 3 values for a count of 2; none of it was applied',
    ]);
    expect(result.rows).to.deep.equal([]);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'delivered' });
  });
});
