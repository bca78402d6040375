// Texts of restored rows left in their page's columns (text-runs.ts): a column's lengths become
// ends (a null as a negative end), a value is cut out only when read, and a row is found in its
// run wherever the reads jump.
import { expect } from 'chai';
import { RecipientTable } from '../../src/core/recipient-table';
import { endsOf, textAt, TextRuns, type TextRun } from '../../src/core/text-runs';

function run(values: (string | null)[], from = 0): TextRun {
  const lengths = Int32Array.from(values, (value) => (value === null ? -1 : value.length));
  const text = values.map((value) => value ?? '').join('');
  return { text, ends: endsOf(lengths, text.length, 100)!, from };
}

describe('text runs', () => {
  it('read back every value of a column, nulls and empty texts included', () => {
    const values = [null, 'ann', '', null, 'bob@example.com', null];
    const column = run(values);
    expect(values.map((_, i) => textAt(column, i) ?? null)).to.deep.equal(values);
  });

  it('refuse lengths that do not add up to the text, exceed the limit or are below -1', () => {
    expect(endsOf(Int32Array.of(2, 2), 5, 10)).to.equal(undefined);
    expect(endsOf(Int32Array.of(2, 11), 13, 10)).to.equal(undefined);
    expect(endsOf(Int32Array.of(2, -2), 2, 10)).to.equal(undefined);
    expect([...endsOf(Int32Array.of(-1, 2, -1, 0), 2, 10)!]).to.deep.equal([~0, 2, ~2, 2]);
  });

  it('find each row in its run, reading in any order, and nothing outside the runs', () => {
    const runs = new TextRuns();
    // Rows 0 to 2 from one page, rows 5 and 6 from the second half of another (`from` 2).
    runs.add(0, 3, [run(['a', 'b', 'c']), undefined]);
    runs.add(5, 2, [run(['x', 'y', 'd', 'e'], 2), run(['p', null, 'q', null], 2)]);
    const read = (row: number, field: number) => runs.get(row, field) ?? null;
    for (const [row, field, value] of [
      [6, 0, 'e'],
      [0, 0, 'a'],
      [5, 1, 'q'],
      [2, 0, 'c'],
      [6, 1, null],
      [1, 1, null],
      [3, 0, null],
      [7, 0, null],
      [5, 0, 'd'],
    ] as const)
      expect(read(row, field), `row ${row} field ${field}`).to.equal(value);
  });

  it('stand under a value written to the row: the table reads its slot first', () => {
    const table = new RecipientTable(4);
    table.add(0, 'r1');
    table.add(0, 'r2');
    const runs = new TextRuns();
    runs.add(0, 2, [run(['c1', 'c2'])]);
    table.useMetaRuns(runs);
    expect(table.text(0, 0)).to.equal(undefined);
    expect([table.contactOf(0), table.contactOf(1)]).to.deep.equal(['c1', 'c2']);
    table.setText(1, 0, 'c9');
    expect([table.contactOf(0), table.contactOf(1), table.metaOf(1, 1)]).to.deep.equal(['c1', 'c9', undefined]);
  });
});
