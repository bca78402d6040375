// docs/wire-format.md, "Text columns" and "Each row": in a column with a dictionary, each value is
// the index of one of its entries (a whole number from 0 to its length - 1) or null; a row whose
// index is anything else is rejected alone, with its index and the column named, and the other
// rows are read. `null` (or a hole) is an absent value, with or without a dictionary.
import { expect } from 'chai';
import { EVENT_COLUMNS, decodeColumns, type ColumnarBatch } from '../../src/core/index';
import { BASE_TIME } from '../support/events';

/** Two events of email e1 for r1 and r2, with `emailId` and `response` through dictionaries. */
function batchOf(
  columns: Partial<ColumnarBatch['columns']>,
  dictionaries?: ColumnarBatch['dictionaries'],
): ColumnarBatch {
  return {
    format: 'columns',
    version: 1,
    count: 2,
    dictionaries: dictionaries ?? { emailId: ['e1'], response: ['delivered', 'opened'] },
    columns: {
      id: ['a', 'b'],
      emailId: [0, 0],
      recipientId: ['r1', 'r2'],
      response: [0, 1],
      at: [BASE_TIME, BASE_TIME],
      ...columns,
    },
  };
}

describe('the ids of a dictionary column', () => {
  it('stand for the entries they index, from 0 to the last', () => {
    expect(decodeColumns(batchOf({}), EVENT_COLUMNS)).to.deep.equal({
      ok: true,
      rows: [
        { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'delivered', at: BASE_TIME },
        { id: 'b', emailId: 'e1', recipientId: 'r2', response: 'opened', at: BASE_TIME },
      ],
      rejected: [],
    });
  });

  it('reject the row, alone, when the id is not an entry: its index and the column named', () => {
    const described: [unknown, string][] = [
      // One past the last entry (the dictionary has 2).
      [2, '2'],
      [-1, '-1'],
      [0.5, '0.5'],
      [Number.NaN, 'NaN'],
      ['1', '"1"'],
      [true, 'true'],
      [[0], 'a list'],
      [{ index: 0 }, 'a object'],
    ];
    for (const [id, words] of described) {
      const decoded = decodeColumns(batchOf({ response: [0, id] }), EVENT_COLUMNS);
      expect(decoded, words).to.deep.equal({
        ok: true,
        rows: [{ id: 'a', emailId: 'e1', recipientId: 'r1', response: 'delivered', at: BASE_TIME }, undefined],
        rejected: [
          {
            // The row as far as it could be read: every field but the one at fault.
            event: { id: 'b', emailId: 'e1', recipientId: 'r2', at: BASE_TIME },
            code: 'bad-value',
            field: 'response',
            reason: `row 1: response refers to entry ${words} of its dictionary, which has 2 entries`,
            row: 1,
          },
        ],
      });
    }
  });

  it('count rows from 0: the first row is row 0', () => {
    const decoded = decodeColumns(batchOf({ emailId: [1, 0] }), EVENT_COLUMNS);
    expect(decoded).to.deep.equal({
      ok: true,
      rows: [undefined, { id: 'b', emailId: 'e1', recipientId: 'r2', response: 'opened', at: BASE_TIME }],
      rejected: [
        {
          event: { id: 'a', recipientId: 'r1', response: 'delivered', at: BASE_TIME },
          code: 'bad-value',
          field: 'emailId',
          reason: 'row 0: emailId refers to entry 1 of its dictionary, which has 1 entries',
          row: 0,
        },
      ],
    });
  });

  it('name the first column at fault when a row has several, in the order of the columns', () => {
    const decoded = decodeColumns(batchOf({ emailId: [0, 5], response: [0, 9] }), EVENT_COLUMNS);
    if (!decoded.ok) throw new Error('rejected whole');
    expect(decoded.rejected).to.deep.equal([
      {
        event: { id: 'b', recipientId: 'r2', at: BASE_TIME },
        code: 'bad-value',
        field: 'emailId',
        reason: 'row 1: emailId refers to entry 5 of its dictionary, which has 1 entries',
        row: 1,
      },
    ]);
  });

  it('in an empty dictionary, no id is an entry', () => {
    const decoded = decodeColumns(
      batchOf({ url: [0, null] }, { emailId: ['e1'], response: ['delivered', 'opened'], url: [] }),
      EVENT_COLUMNS,
    );
    if (!decoded.ok) throw new Error('rejected whole');
    expect(decoded.rejected.map((r) => [r.row, r.field, r.reason])).to.deep.equal([
      [0, 'url', 'row 0: url refers to entry 0 of its dictionary, which has 0 entries'],
    ]);
    expect(decoded.rows[1]).to.deep.equal({
      id: 'b',
      emailId: 'e1',
      recipientId: 'r2',
      response: 'opened',
      at: BASE_TIME,
    });
  });

  it('a null or a hole is an absent value, in a dictionary column or a plain one', () => {
    // eslint-disable-next-line no-sparse-arrays -- a hole is what an array written by hand may hold
    const holes: unknown[] = [, null];
    const decoded = decodeColumns(
      batchOf(
        { provider: [null, 0], url: holes, reason: [undefined, '550 gone'] },
        {
          emailId: ['e1'],
          response: ['delivered', 'opened'],
          provider: ['ses'],
        },
      ),
      EVENT_COLUMNS,
    );
    expect(decoded).to.deep.equal({
      ok: true,
      rows: [
        { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'delivered', at: BASE_TIME },
        {
          id: 'b',
          emailId: 'e1',
          recipientId: 'r2',
          response: 'opened',
          at: BASE_TIME,
          provider: 'ses',
          reason: '550 gone',
        },
      ],
      rejected: [],
    });
  });

  it('a column without a dictionary carries its values as they are, whatever they are', () => {
    // The checks of a plain event, not of the batch, say whether they are good.
    const decoded = decodeColumns(batchOf({ recipientId: [7, { r: 1 }] }), EVENT_COLUMNS);
    if (!decoded.ok) throw new Error('rejected whole');
    expect(decoded.rejected).to.deep.equal([]);
    expect(decoded.rows.map((row) => row?.recipientId)).to.deep.equal([7, { r: 1 }]);
  });
});
