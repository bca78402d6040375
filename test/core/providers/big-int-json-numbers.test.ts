// Big integers in webhook JSON (Mailjet's 18-digit MessageID) arrive as their exact decimal text;
// every other number, and every number written with a fraction or an exponent, parses as JSON.parse
// parses it.
import { expect } from 'chai';
import { parseJsonKeepingBigIntegers, quoteBigIntegers } from '../../../src/core/providers/big-int-json';

describe('big integers in webhook JSON', () => {
  it('keeps 2^53 - 1 a number and makes 2^53 its text', () => {
    expect(parseJsonKeepingBigIntegers('{"a": 9007199254740991}')).to.deep.equal({ a: 9007199254740991 });
    expect(parseJsonKeepingBigIntegers('{"a":9007199254740992}')).to.deep.equal({ a: '9007199254740992' });
  });

  it('reads every digit of a big integer, zeros and nines included, and its sign', () => {
    expect(parseJsonKeepingBigIntegers('[100000000000000000, 99999999999999999, -12345678901234567]')).to.deep.equal([
      '100000000000000000',
      '99999999999999999',
      '-12345678901234567',
    ]);
  });

  it('quotes each big integer of a list, and only those', () => {
    expect(quoteBigIntegers('[1234567890123456,12345678901234567,7,288230393467521450]')).to.equal(
      '[1234567890123456,"12345678901234567",7,"288230393467521450"]',
    );
  });

  it('parses numbers with long fractions or exponents as JSON.parse does', () => {
    for (const text of [
      '[0.12345678901234567]',
      '[12345678901234567e2]',
      '[12345678901234567E-2]',
      '[1e+12345678901234567]',
      '[1E12345678901234567]',
      '[2.5e-12345678901234567]',
    ])
      expect(parseJsonKeepingBigIntegers(text), text).to.deep.equal(JSON.parse(text));
  });

  it('still quotes a big integer that follows a number with a fraction or an exponent', () => {
    expect(parseJsonKeepingBigIntegers('[0.5, 1e5, 2.5E-3, 12345678901234567]')).to.deep.equal([
      0.5,
      1e5,
      2.5e-3,
      '12345678901234567',
    ]);
    expect(parseJsonKeepingBigIntegers('[1e5,12345678901234567]')).to.deep.equal([1e5, '12345678901234567']);
    expect(parseJsonKeepingBigIntegers('[0.5,12345678901234567]')).to.deep.equal([0.5, '12345678901234567']);
  });

  it('leaves text without a run of 16 digits as it is', () => {
    const text = '{"MessageID": 123456789012345, "s": "9007199254740993"}';
    expect(quoteBigIntegers(text)).to.equal(text);
  });
});
