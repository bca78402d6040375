// The timestamp forms of the providers, at their edges: seconds against milliseconds, numeric text,
// Brevo's Paris time around both clock changes and under a fixed offset, Elastic Email's US dates.
import { expect } from 'chai';
import { brevoLocalTime, epochTime, firstTime, isoTime, usDateTime } from '../../../src/core/providers/provider-time';

describe('provider times: epoch numbers', () => {
  it('reads numbers below 1e11 as seconds and from 1e11 on as milliseconds', () => {
    expect(epochTime(99_999_999_999)).to.equal(99_999_999_999_000);
    expect(epochTime(100_000_000_000)).to.equal(100_000_000_000);
  });

  it('rounds to the nearest millisecond', () => {
    expect(epochTime(1727093703.0005)).to.equal(1727093703001);
    expect(epochTime(1727093703123.5)).to.equal(1727093703124);
    expect(epochTime(1727093703123.4)).to.equal(1727093703123);
  });

  it('reads numeric text with spaces around it and a decimal fraction, and no other text', () => {
    expect(epochTime(' 1727093703 ')).to.equal(1727093703000);
    expect(epochTime('1727093703.25')).to.equal(1727093703250);
    for (const bad of [
      '-1727093703',
      '+1727093703',
      '1727093703.',
      '.5',
      'x1727093703',
      '1727093703 x',
      '0x10',
      'Infinity',
    ])
      expect(epochTime(bad), bad).to.be.NaN;
  });

  it('has no time for zero, negative numbers and values that are not numbers or text', () => {
    for (const bad of [0, '0', -1, -Infinity, true, [1727093703], undefined])
      expect(epochTime(bad), String(bad)).to.be.NaN;
  });
});

describe('provider times: ISO text', () => {
  it('reads ISO text with spaces around it, and nothing that is not text', () => {
    expect(isoTime('  2024-09-23T12:15:03Z ')).to.equal(Date.UTC(2024, 8, 23, 12, 15, 3));
    expect(isoTime(1727093703)).to.be.NaN;
  });

  it('takes the first candidate that reads, numeric text as epoch seconds and other text as ISO', () => {
    expect(firstTime('1727093703', '2024-01-01T00:00:00Z')).to.equal(1727093703000);
    expect(firstTime(' 1727093703.5 ')).to.equal(1727093703500);
    expect(firstTime('1727093703.25')).to.equal(1727093703250);
    // A number is epoch time even when JavaScript would write it with an exponent.
    expect(firstTime(1e21)).to.equal(1e21);
    expect(firstTime(null, {}, '2024-09-23T12:15:03+02:00')).to.equal(Date.UTC(2024, 8, 23, 10, 15, 3));
    expect(firstTime(1727093703, '2024-01-01T00:00:00Z')).to.equal(1727093703000);
    expect(firstTime('1e9', 'soon')).to.be.NaN;
    expect(firstTime()).to.be.NaN;
  });
});

describe("provider times: Brevo's Paris dates", () => {
  it('reads a T between date and time, minutes without seconds and a fraction of a second', () => {
    expect(brevoLocalTime('2024-09-23T14:15:03')).to.equal(Date.UTC(2024, 8, 23, 12, 15, 3));
    expect(brevoLocalTime('2024-09-23 14:15')).to.equal(Date.UTC(2024, 8, 23, 12, 15));
    expect(brevoLocalTime(' 2024-09-23 14:15:03.250 ')).to.equal(Date.UTC(2024, 8, 23, 12, 15, 3, 250));
  });

  it('refuses a date that already names its zone, other text and values that are not text', () => {
    for (const bad of [
      '2024-09-23 14:15:03Z',
      '2024-09-23 14:15:03+02:00',
      '2024-09-23 14:15:03,5',
      'on 2024-09-23 14:15',
      '2024-09-23',
      20240923,
    ])
      expect(brevoLocalTime(bad), String(bad)).to.be.NaN;
  });

  it('switches to summer time at 01:00 UTC on the last Sunday of March', () => {
    expect(brevoLocalTime('2025-03-30 01:59:59')).to.equal(Date.UTC(2025, 2, 30, 0, 59, 59));
    expect(brevoLocalTime('2025-03-30 03:00:00')).to.equal(Date.UTC(2025, 2, 30, 1));
    expect(brevoLocalTime('2025-03-29 12:00:00')).to.equal(Date.UTC(2025, 2, 29, 11));
  });

  it('switches back at 01:00 UTC on the last Sunday of October, taking the summer reading of the repeated hour', () => {
    expect(brevoLocalTime('2024-10-27 02:59:59')).to.equal(Date.UTC(2024, 9, 27, 0, 59, 59));
    expect(brevoLocalTime('2024-10-27 03:00:00')).to.equal(Date.UTC(2024, 9, 27, 2));
    expect(brevoLocalTime('2025-10-26 02:30:00')).to.equal(Date.UTC(2025, 9, 26, 0, 30));
    expect(brevoLocalTime('2025-10-26 03:00:00')).to.equal(Date.UTC(2025, 9, 26, 2));
    expect(brevoLocalTime('2025-10-25 12:00:00')).to.equal(Date.UTC(2025, 9, 25, 10));
  });

  it('subtracts a fixed offset east of UTC instead, and has no time for an offset that is not a number', () => {
    expect(brevoLocalTime('2024-09-23 14:15:03', 120)).to.equal(Date.UTC(2024, 8, 23, 12, 15, 3));
    expect(brevoLocalTime('2024-01-10 09:00:00', -300)).to.equal(Date.UTC(2024, 0, 10, 14));
    expect(brevoLocalTime('2024-09-23 14:15:03', NaN)).to.be.NaN;
    expect(brevoLocalTime('2024-09-23 14:15:03', Infinity)).to.be.NaN;
  });
});

describe("provider times: Elastic Email's US dates", () => {
  it('reads 12 AM as midnight and 12 PM as noon', () => {
    expect(usDateTime('9/23/2024 12:30:00 AM')).to.equal(Date.UTC(2024, 8, 23, 0, 30));
    expect(usDateTime('9/23/2024 12:30:00 PM')).to.equal(Date.UTC(2024, 8, 23, 12, 30));
    expect(usDateTime('9/23/2024 1:00:00 am')).to.equal(Date.UTC(2024, 8, 23, 1));
    expect(usDateTime(' 9/23/2024 1:05:09PM ')).to.equal(Date.UTC(2024, 8, 23, 13, 5, 9));
    expect(usDateTime('9/23/2024  1:05:09   PM')).to.equal(Date.UTC(2024, 8, 23, 13, 5, 9));
  });

  it('reads the last month, hour, minute and second, and refuses one past them', () => {
    expect(usDateTime('12/31/2024 23:59:59')).to.equal(Date.UTC(2024, 11, 31, 23, 59, 59));
    for (const bad of [
      '0/5/2024 1:00',
      '9/23/2024 24:00',
      '9/23/2024 12:60',
      '9/23/2024 12:59:60',
      '9/23/2024 13:00 AM',
    ])
      expect(usDateTime(bad), bad).to.be.NaN;
  });

  it('refuses days a month does not have, and other forms', () => {
    for (const bad of [
      '9/31/2024 1:00',
      '9/0/2024 1:00',
      '2/29/2023 1:00',
      'on 9/23/2024 1:00',
      '9/23/2024 1:00 UTC',
      '9/23/24 1:00',
      92324,
    ])
      expect(usDateTime(bad), String(bad)).to.be.NaN;
    expect(usDateTime('2/29/2024 1:00')).to.equal(Date.UTC(2024, 1, 29, 1));
  });
});
