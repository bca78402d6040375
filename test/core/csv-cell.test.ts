import { expect } from 'chai';
import { csvCell } from '../../src/core/csv-cell';

// Issue 15, item 13: OWASP's CSV injection guidance. A spreadsheet runs a cell as a formula when it
// starts with = + - @ (or tab, CR), and several read the full-width and small forms the same, or
// skip leading spaces, NBSP, line breaks and zero-width characters first.
describe('csvCell neutralizes formulas (OWASP CSV injection)', () => {
  const formulas = [
    '=1+1',
    '+1',
    '-1',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '\uff1d1+1', // ＝
    '\uff0b1', // ＋
    '\uff0d1', // －
    '\uff20SUM(A1)', // ＠
    '\ufe661+1', // ﹦
    '\ufe621', // ﹢
    '\ufe631', // ﹣
    '\ufe6bSUM(A1)', // ﹫
    ' =1+1',
    '   +1',
    '\u00a0=1+1',
    '\n=1+1',
    '\u200b=1+1',
    '\ufeff=1+1',
    ' \u00a0\u200b\n=HYPERLINK("http://x")',
    '\u3000=1', // ideographic space
    // A tab or CR at the very start is itself the formula character, whatever follows it.
    '\tplain',
    '\rplain',
  ];

  for (const value of formulas) {
    it(`neutralizes ${JSON.stringify(value)}`, () => {
      const cell = csvCell(value);
      // Unquoted, or quoted with the apostrophe right after the opening quote.
      const inner = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      expect(inner).to.equal(`'${value}`);
    });
  }

  it('leaves ordinary text, numbers and text with spaces alone', () => {
    expect(csvCell('plain')).to.equal('plain');
    expect(csvCell(42)).to.equal('42');
    expect(csvCell(-3)).to.equal('-3');
    expect(csvCell('a = b')).to.equal('a = b');
    expect(csvCell(' hello')).to.equal('" hello"');
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
  });
});
