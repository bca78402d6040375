// docs/wire-format.md, "The batch's shape": a columnar batch whose shape is wrong is rejected
// whole, with one rejection whose `event` is the batch, a `code`, the member or column at fault as
// `field`, and a `reason` that says what is wrong and that none of it was applied. These are the
// exact words a host shows, so each rule is pinned with its reason.
import { expect } from 'chai';
import {
  COLUMNAR_FORMAT,
  COLUMNAR_VERSION,
  EVENT_COLUMNS,
  MAX_COLUMNAR_ROWS,
  SNAPSHOT_COLUMNS,
  decodeColumns,
  encodeColumns,
  isColumnarBatch,
  type ColumnSchema,
  type EventRejection,
} from '../../src/core/index';
import { BASE_TIME } from '../support/events';

const none = 'none of it was applied';

/** A good batch of one event: id `a` of recipient r1, opened. */
const good = encodeColumns([{ id: 'a', emailId: 'e1', recipientId: 'r1', response: 'opened', at: BASE_TIME }]);

/** The one rejection of a batch rejected whole (fails when the batch was read). */
function rejectionOf(batch: unknown, schema: ColumnSchema = EVENT_COLUMNS): EventRejection {
  const decoded = decodeColumns(batch, schema);
  if (decoded.ok) throw new Error(`the batch was read: ${JSON.stringify(decoded)}`);
  expect(decoded.rejection.event).to.equal(batch);
  return decoded.rejection;
}

/** The rejection without its `event` (the batch itself, checked by `rejectionOf`). */
function whyRejected(batch: unknown, schema?: ColumnSchema): Omit<EventRejection, 'event'> {
  const { event: _event, ...rest } = rejectionOf(batch, schema);
  return rest;
}

describe('a columnar batch of the wrong shape is rejected whole', () => {
  it('the format and version the reader knows', () => {
    expect(COLUMNAR_FORMAT).to.equal('columns');
    expect(COLUMNAR_VERSION).to.equal(1);
    expect(MAX_COLUMNAR_ROWS).to.equal(10_000_000);
  });

  it('a value that is not an object is not a batch: no field is named', () => {
    const aFunction = Object.assign(() => good, { ...good });
    for (const value of [42, 'columns', null, undefined, [good], aFunction]) {
      expect(whyRejected(value), String(value)).to.deep.equal({
        code: 'not-an-object',
        reason: 'a columnar batch must be an object',
      });
    }
  });

  it('a batch of another format', () => {
    expect(whyRejected({ ...good, format: 'rows' })).to.deep.equal({
      code: 'bad-value',
      field: 'format',
      reason: `a columnar batch has format "columns"; ${none}`,
    });
  });

  it('a version other than 1, the version described as it came', () => {
    const described: [unknown, string][] = [
      [2, '2'],
      [0, '0'],
      ['1', '"1"'],
      [true, 'true'],
      [null, 'null'],
      [undefined, 'undefined'],
      [[1], 'a list'],
      [{ major: 1 }, 'a object'],
      // A text is cut at 40 characters, with an ellipsis.
      ['v'.repeat(40), `"${'v'.repeat(40)}"`],
      ['v'.repeat(41), `"${'v'.repeat(40)}…"`],
    ];
    for (const [version, words] of described) {
      expect(whyRejected({ ...good, version }), words).to.deep.equal({
        code: 'bad-value',
        field: 'version',
        reason: `columnar batch version ${words} is not supported (this reader knows version 1); ${none}`,
      });
    }
  });

  it('a count that is not a whole number from 0 to 10,000,000', () => {
    const described: [unknown, string][] = [
      [-1, '-1'],
      [1.5, '1.5'],
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
      [MAX_COLUMNAR_ROWS + 1, '10000001'],
      ['1', '"1"'],
      [undefined, 'undefined'],
    ];
    for (const [count, words] of described) {
      expect(whyRejected({ ...good, count }), words).to.deep.equal({
        code: 'bad-value',
        field: 'count',
        reason: `a columnar batch's count must be a whole number from 0 to 10000000, not ${words}; ${none}`,
      });
    }
  });

  it('a count of exactly 10,000,000 is in range: it is the columns that disagree with it', () => {
    expect(whyRejected({ ...good, count: MAX_COLUMNAR_ROWS })).to.deep.equal({
      code: 'bad-value',
      field: 'id',
      reason: `the id column has 1 values for a count of 10000000; ${none}`,
    });
  });

  it('columns that are not an object', () => {
    for (const columns of [undefined, null, [], 'id', Object.assign(() => good, { ...good.columns })]) {
      expect(whyRejected({ ...good, columns }), String(columns)).to.deep.equal({
        code: 'wrong-type',
        field: 'columns',
        reason: `a columnar batch's columns must be an object; ${none}`,
      });
    }
  });

  it('dictionaries that are not an object; none at all (absent or null) is fine', () => {
    for (const dictionaries of [[], 'emailId', 3]) {
      expect(whyRejected({ ...good, dictionaries }), String(dictionaries)).to.deep.equal({
        code: 'wrong-type',
        field: 'dictionaries',
        reason: `a columnar batch's dictionaries must be an object; ${none}`,
      });
    }
    const plainTexts = { ...good.columns, emailId: ['e1'], recipientId: ['r1'], response: ['opened'] };
    for (const dictionaries of [undefined, null]) {
      const decoded = decodeColumns({ ...good, dictionaries, columns: plainTexts }, EVENT_COLUMNS);
      expect(decoded, String(dictionaries)).to.deep.include({ ok: true, rejected: [] });
    }
  });

  it('a column that is not one of the kind of row, named as far as 40 characters', () => {
    expect(whyRejected({ ...good, columns: { ...good.columns, colour: ['red'] } })).to.deep.equal({
      code: 'bad-value',
      field: 'colour',
      reason: `"colour" is not a column of a event batch; ${none}`,
    });
    const long = 'c'.repeat(41);
    expect(whyRejected({ ...good, columns: { ...good.columns, [long]: ['red'] } })).to.deep.equal({
      code: 'bad-value',
      field: long,
      reason: `"${'c'.repeat(40)}…" is not a column of a event batch; ${none}`,
    });
    // An event's id is not a column of a snapshot's recipients; `opens` is not one of an event's.
    const snapshotRows = encodeColumns([{ recipientId: 'r1', response: 'opened', at: BASE_TIME }], SNAPSHOT_COLUMNS);
    expect(
      whyRejected({ ...snapshotRows, columns: { ...snapshotRows.columns, id: ['a'] } }, SNAPSHOT_COLUMNS),
    ).to.deep.equal({
      code: 'bad-value',
      field: 'id',
      reason: `"id" is not a column of a snapshot recipient batch; ${none}`,
    });
    expect(whyRejected({ ...good, columns: { ...good.columns, opens: [1] } })).to.deep.equal({
      code: 'bad-value',
      field: 'opens',
      reason: `"opens" is not a column of a event batch; ${none}`,
    });
  });

  it('a column that is not a list', () => {
    for (const values of ['a', null, { 0: 'a' }]) {
      expect(whyRejected({ ...good, columns: { ...good.columns, id: values } }), String(values)).to.deep.equal({
        code: 'wrong-type',
        field: 'id',
        reason: `the id column must be a list; ${none}`,
      });
    }
  });

  it('a column whose length disagrees with the count, longer or shorter', () => {
    expect(whyRejected({ ...good, count: 2 })).to.deep.equal({
      code: 'bad-value',
      field: 'id',
      reason: `the id column has 1 values for a count of 2; ${none}`,
    });
    expect(whyRejected({ ...good, count: 0 })).to.deep.equal({
      code: 'bad-value',
      field: 'id',
      reason: `the id column has 1 values for a count of 0; ${none}`,
    });
    // Only the one column that disagrees: the others have the count's length.
    expect(whyRejected({ ...good, columns: { ...good.columns, url: ['https://x', null] } })).to.deep.equal({
      code: 'bad-value',
      field: 'url',
      reason: `the url column has 2 values for a count of 1; ${none}`,
    });
  });

  it('a dictionary that is not a list; a null one is no dictionary', () => {
    expect(whyRejected({ ...good, dictionaries: { ...good.dictionaries, emailId: 'e1' } })).to.deep.equal({
      code: 'wrong-type',
      field: 'emailId',
      reason: `the emailId dictionary must be a list; ${none}`,
    });
    const batch = {
      ...good,
      dictionaries: { ...good.dictionaries, emailId: null },
      columns: { ...good.columns, emailId: ['e1'] },
    };
    const decoded = decodeColumns(batch, EVENT_COLUMNS);
    expect(decoded).to.deep.equal({
      ok: true,
      rows: [{ id: 'a', emailId: 'e1', recipientId: 'r1', response: 'opened', at: BASE_TIME }],
      rejected: [],
    });
  });

  it('a required column missing; an undefined column is a missing one', () => {
    for (const name of EVENT_COLUMNS.required) {
      const columns: Record<string, unknown> = { ...good.columns };
      delete columns[name];
      const dictionaries: Record<string, unknown> = { ...good.dictionaries };
      delete dictionaries[name];
      expect(whyRejected({ ...good, columns, dictionaries }), name).to.deep.equal({
        code: 'missing-field',
        field: name,
        reason: `a columnar event batch has no ${name} column; ${none}`,
      });
    }
    expect(whyRejected({ ...good, columns: { ...good.columns, at: undefined } })).to.deep.equal({
      code: 'missing-field',
      field: 'at',
      reason: `a columnar event batch has no at column; ${none}`,
    });
    expect(EVENT_COLUMNS.required).to.deep.equal(['id', 'emailId', 'recipientId', 'response', 'at']);
    expect(SNAPSHOT_COLUMNS.required).to.deep.equal(['recipientId', 'response', 'at']);
  });

  it('an undefined optional column is no column: the batch is read', () => {
    const decoded = decodeColumns({ ...good, columns: { ...good.columns, url: undefined } }, EVENT_COLUMNS);
    expect(decoded).to.deep.include({ ok: true, rejected: [] });
  });

  it('a dictionary that belongs to no text column present', () => {
    const cases: [Record<string, unknown>, string][] = [
      // `at` is a value column: it never has a dictionary.
      [{ ...good.dictionaries, at: [BASE_TIME] }, 'at'],
      // `url` is a text column, but the batch has no url column.
      [{ ...good.dictionaries, url: ['https://x'] }, 'url'],
      [{ ...good.dictionaries, colour: [] }, 'colour'],
      [{ ...good.dictionaries, ['d'.repeat(41)]: [] }, 'd'.repeat(41)],
    ];
    for (const [dictionaries, name] of cases) {
      expect(whyRejected({ ...good, dictionaries }), name).to.deep.equal({
        code: 'bad-value',
        field: name,
        reason: `the dictionary "${name.length > 40 ? `${name.slice(0, 40)}…` : name}" belongs to no text column of the batch; ${none}`,
      });
    }
  });

  it('a batch that throws as it is read: unreadable, with what it threw', () => {
    const throwing = new Proxy(good, {
      get(target, key) {
        if (key === 'columns') throw new Error('boom');
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(whyRejected(throwing)).to.deep.equal({
      code: 'unreadable',
      reason: 'the columnar batch could not be read: boom',
    });
  });
});

describe('what claims to be a columnar batch', () => {
  it('an object (not a list) whose format is "columns", whatever else it holds', () => {
    expect(isColumnarBatch(good)).to.equal(true);
    expect(isColumnarBatch({ format: 'columns' })).to.equal(true);
    expect(isColumnarBatch({ ...good, format: 'rows' })).to.equal(false);
    expect(isColumnarBatch(Object.assign([], { format: 'columns' }))).to.equal(false);
    expect(isColumnarBatch(null)).to.equal(false);
    expect(isColumnarBatch('columns')).to.equal(false);
    expect(isColumnarBatch(undefined)).to.equal(false);
    expect(isColumnarBatch(Object.assign(() => good, { format: 'columns' }))).to.equal(false);
  });

  it('not a value whose format cannot be read', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    expect(isColumnarBatch(throwing)).to.equal(false);
  });
});
