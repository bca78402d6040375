// The small pieces under the provider readers: content hash, big-integer JSON, provider times.
import { expect } from 'chai';
import { quoteBigIntegers, parseJsonKeepingBigIntegers } from '../../../src/core/providers/big-int-json';
import { reasonText } from '../../../src/core/providers/collector';
import { contentHash, hashParts } from '../../../src/core/providers/content-hash';
import { brevoLocalTime, epochTime, firstTime, isoTime, usDateTime } from '../../../src/core/providers/provider-time';

describe('contentHash', () => {
  it('is 16 hex digits, stable across runs and runtimes', () => {
    expect(contentHash('')).to.match(/^[0-9a-f]{16}$/);
    // Fixed values: a change here changes every hashed event id, so replays stop deduping.
    expect(contentHash('hello')).to.equal('bfb06f3a63cd7226');
    expect(contentHash('')).to.equal('488bdcb81aee8d83');
    expect(contentHash('hello', 1)).to.equal('725897bfcd0b3443');
    expect(hashParts(['ab', 'c'])).to.equal('a7fa1d5315bfb15b');
    expect(hashParts([undefined, 'x'])).to.equal('f4f5b4a26d871220');
    expect(hashParts(['open', 'm1', 'a@b.c', 1727093703000])).to.equal('0daaf021f23d8dc3');
  });

  it('differs for different content, seeds and splits', () => {
    expect(contentHash('hello')).to.not.equal(contentHash('hellp'));
    expect(contentHash('hello', 1)).to.not.equal(contentHash('hello'));
    expect(hashParts(['ab', 'c'])).to.not.equal(hashParts(['a', 'bc']));
    expect(hashParts([undefined, 'x'])).to.not.equal(hashParts(['x', undefined]));
  });

  it('rarely collides on near-identical inputs', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++)
      seen.add(hashParts(['open', 'message', `user${i}@example.com`, 1727093703000 + i]));
    expect(seen.size).to.equal(20_000);
  });
});

describe('big-integer JSON', () => {
  it('quotes integers beyond 2^53 and nothing else', () => {
    expect(quoteBigIntegers('{"MessageID": 288230393467521450, "time": 1727093703}')).to.equal(
      '{"MessageID": "288230393467521450", "time": 1727093703}',
    );
    expect(quoteBigIntegers('[9007199254740991, -9007199254740993, 1.5e300, 12345678901234567.5]')).to.equal(
      '[9007199254740991, "-9007199254740993", 1.5e300, 12345678901234567.5]',
    );
  });

  it('leaves digits inside strings alone, escaped quotes included', () => {
    const text = '{"a": "x\\" 288230393467521450 \\\\", "b": 288230393467521450}';
    expect(parseJsonKeepingBigIntegers(text)).to.deep.equal({ a: 'x" 288230393467521450 \\', b: '288230393467521450' });
  });

  it('parses like JSON.parse otherwise, and throws on what JSON.parse throws on', () => {
    const text = '{"n": [1, -2, 3.25, 1e3], "s": "é\\u00e9", "t": true, "z": null}';
    expect(parseJsonKeepingBigIntegers(text)).to.deep.equal(JSON.parse(text));
    expect(() => parseJsonKeepingBigIntegers('{"a": 1234567890123456789')).to.throw(SyntaxError);
  });
});

describe('provider times', () => {
  it('reads epoch seconds, fractional seconds, milliseconds and numeric text', () => {
    expect(epochTime(1727093703)).to.equal(1727093703000);
    expect(epochTime(1727093700.641821)).to.equal(1727093700642);
    expect(epochTime('1727093703')).to.equal(1727093703000);
    expect(epochTime(1727093703123)).to.equal(1727093703123);
    expect(epochTime(1591726752372)).to.equal(1591726752372);
    for (const bad of [0, -5, NaN, Infinity, '', '12abc', null, {}, '1e9']) expect(epochTime(bad)).to.be.NaN;
  });

  it('reads ISO text with seven fractional digits and offsets', () => {
    expect(isoTime('2016-04-27T16:28:50.3963933-04:00')).to.equal(Date.UTC(2016, 3, 27, 20, 28, 50, 396));
    expect(isoTime('2024-09-23T12:15:00.894719+00:00')).to.equal(Date.UTC(2024, 8, 23, 12, 15, 0, 894));
    expect(isoTime('2024-09-23 14:15:03')).to.be.NaN;
    expect(firstTime(undefined, 'nonsense', '2024-09-23T12:15:03Z', 5)).to.equal(Date.UTC(2024, 8, 23, 12, 15, 3));
  });

  it("reads Brevo's dates as Paris time, summer and winter", () => {
    expect(brevoLocalTime('2024-09-23 14:15:03')).to.equal(Date.UTC(2024, 8, 23, 12, 15, 3));
    expect(brevoLocalTime('2024-01-10 09:00:00')).to.equal(Date.UTC(2024, 0, 10, 8));
    // 2024's switches: 31 March and 27 October, at 01:00 UTC.
    expect(brevoLocalTime('2024-03-31 01:59:59')).to.equal(Date.UTC(2024, 2, 31, 0, 59, 59));
    expect(brevoLocalTime('2024-03-31 03:00:00')).to.equal(Date.UTC(2024, 2, 31, 1));
    expect(brevoLocalTime('2024-10-27 02:30:00')).to.equal(Date.UTC(2024, 9, 27, 0, 30));
    expect(brevoLocalTime('2024-10-27 03:30:00')).to.equal(Date.UTC(2024, 9, 27, 2, 30));
    expect(brevoLocalTime('2024-09-23 14:15:03', 0)).to.equal(Date.UTC(2024, 8, 23, 14, 15, 3));
    expect(brevoLocalTime('2024-02-30 10:00:00')).to.be.NaN;
    expect(brevoLocalTime('yesterday')).to.be.NaN;
  });

  it("reads Elastic Email's M/D/YYYY h:mm:ss AM dates in UTC", () => {
    expect(usDateTime('9/23/2024 12:15:03 PM')).to.equal(Date.UTC(2024, 8, 23, 12, 15, 3));
    expect(usDateTime('9/26/2024 8:41:02 AM')).to.equal(Date.UTC(2024, 8, 26, 8, 41, 2));
    expect(usDateTime('1/1/2025 12:00:00 AM')).to.equal(Date.UTC(2025, 0, 1, 0));
    expect(usDateTime('12/31/2024 11:59:59 pm')).to.equal(Date.UTC(2024, 11, 31, 23, 59, 59));
    expect(usDateTime('9/23/2024 17:05')).to.equal(Date.UTC(2024, 8, 23, 17, 5));
    for (const bad of [
      '2/30/2024 1:00:00 PM',
      '13/1/2024 1:00:00 PM',
      '9/23/2024 13:00:00 PM',
      '9/23/2024 0:00:00 AM',
      '23.9.2024 12:00',
    ]) {
      expect(usDateTime(bad), bad).to.be.NaN;
    }
  });
});

describe('reasonText', () => {
  it('joins the parts, drops the ones another part already says, and clips', () => {
    expect(reasonText('Invalid Address', '550 5.1.1 user unknown', '5.1.1', undefined, '')).to.equal(
      'Invalid Address; 550 5.1.1 user unknown',
    );
    expect(reasonText('5.1.1', '550 5.1.1 user unknown')).to.equal('550 5.1.1 user unknown');
    expect(reasonText(undefined, null, '  ')).to.equal(undefined);
    expect(reasonText('x'.repeat(1000))!.length).to.equal(300);
  });
});
