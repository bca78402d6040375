import { expect } from 'chai';
import { EARLIEST_EVENT_TIME, LATEST_EVENT_TIME, eventTime, isPlausibleTime, parseIsoTime } from '../../src/core/time';

// Event times, read by hand (src/core/time.ts): each example is a time a provider might send, at
// the edge of what is accepted, so that a parser one character or one day off reads it wrong.

describe('event times: the calendar', () => {
  it('knows the leap years: every fourth, but not a century unless it divides by 400', () => {
    expect(parseIsoTime('2000-02-29')).to.equal(Date.UTC(2000, 1, 29));
    expect(parseIsoTime('2028-02-29')).to.equal(Date.UTC(2028, 1, 29));
    expect(parseIsoTime('2100-02-29'), 'a century').to.be.NaN;
    expect(parseIsoTime('1900-02-29'), 'a century').to.be.NaN;
    expect(parseIsoTime('2027-02-29'), 'an odd year').to.be.NaN;
    expect(parseIsoTime('2026-02-28')).to.equal(Date.UTC(2026, 1, 28));
  });

  it('knows the length of each month, and that months and days start at 1', () => {
    expect(parseIsoTime('2026-04-30')).to.equal(Date.UTC(2026, 3, 30));
    expect(parseIsoTime('2026-04-31'), 'April has 30 days').to.be.NaN;
    expect(parseIsoTime('2026-12-31')).to.equal(Date.UTC(2026, 11, 31));
    expect(parseIsoTime('2026-01-32')).to.be.NaN;
    expect(parseIsoTime('2026-01-00')).to.be.NaN;
    expect(parseIsoTime('2026-00-10')).to.be.NaN;
    expect(parseIsoTime('2026-01-01')).to.equal(Date.UTC(2026, 0, 1));
  });

  it('reads a date alone as midnight UTC, and refuses other separators or non-digits', () => {
    expect(parseIsoTime('2029-09-19')).to.equal(Date.UTC(2029, 8, 19));
    expect(parseIsoTime('2026/03/01')).to.be.NaN;
    expect(parseIsoTime('2026-03/01')).to.be.NaN;
    expect(parseIsoTime('2026-03-1')).to.be.NaN;
    expect(parseIsoTime('20a6-03-01')).to.be.NaN;
    expect(parseIsoTime('2026-0:-01'), 'a colon is the digit after 9').to.be.NaN;
    expect(parseIsoTime('2026-0/-01'), 'a slash is the digit before 0').to.be.NaN;
  });
});

describe('event times: the time of day', () => {
  it('reads the last second of a day, and refuses minute 60 and second 60', () => {
    expect(parseIsoTime('2026-12-31T23:59:59Z')).to.equal(Date.UTC(2026, 11, 31, 23, 59, 59));
    expect(parseIsoTime('2026-12-31T23:60Z')).to.be.NaN;
    expect(parseIsoTime('2026-12-31T23:59:60Z')).to.be.NaN;
    expect(parseIsoTime('2026-12-31T2x:00Z')).to.be.NaN;
    expect(parseIsoTime('2026-12-31T1/:00Z'), 'not 1 * 10 + (-1) = 9 o’clock').to.be.NaN;
    expect(parseIsoTime('2026-12-31T23:59:5xZ')).to.be.NaN;
  });

  it('takes T, t or a space between date and time, and minutes without seconds', () => {
    expect(parseIsoTime('2026-01-31T00:00Z'), 'the shortest form').to.equal(Date.UTC(2026, 0, 31));
    expect(parseIsoTime('2026-03-01t10:00:00z')).to.equal(Date.UTC(2026, 2, 1, 10));
    expect(parseIsoTime('2026-03-01 10:00:00Z')).to.equal(Date.UTC(2026, 2, 1, 10));
    expect(parseIsoTime('2026-03-01X10:00:00Z')).to.be.NaN;
    expect(parseIsoTime('2026-03-01T10-00-00Z')).to.be.NaN;
    expect(parseIsoTime('2026-03-01T10:0Z'), 'one digit short').to.be.NaN;
  });

  it('reads a fraction after a point or a comma as tenths, hundredths, thousandths, and drops the rest', () => {
    expect(parseIsoTime('2026-03-01T10:00:00.5Z')).to.equal(Date.UTC(2026, 2, 1, 10, 0, 0, 500));
    expect(parseIsoTime('2026-03-01T10:00:00,5Z')).to.equal(Date.UTC(2026, 2, 1, 10, 0, 0, 500));
    expect(parseIsoTime('2026-03-01T10:00:00.05Z')).to.equal(Date.UTC(2026, 2, 1, 10, 0, 0, 50));
    expect(parseIsoTime('2026-03-01T10:00:00.987Z')).to.equal(Date.UTC(2026, 2, 1, 10, 0, 0, 987));
    expect(parseIsoTime('2026-03-01T10:00:00.9999999Z')).to.equal(Date.UTC(2026, 2, 1, 10, 0, 0, 999));
    expect(parseIsoTime('2026-03-01T10:00:00,Z')).to.be.NaN;
    expect(parseIsoTime('2026-03-01T10:00:00.5'), 'a fraction and no zone').to.be.NaN;
  });
});

describe('event times: the zone', () => {
  it('reads Z or z as UTC and an offset with or without its colon, on any form of the time', () => {
    expect(parseIsoTime('2026-03-01T10:00z')).to.equal(Date.UTC(2026, 2, 1, 10));
    expect(parseIsoTime('2026-03-01T10:00+01:00'), 'no seconds').to.equal(Date.UTC(2026, 2, 1, 9));
    expect(parseIsoTime('2026-03-01T10:00:00.5+0100')).to.equal(Date.UTC(2026, 2, 1, 9, 0, 0, 500));
    expect(parseIsoTime('2026-03-01T10:00:00-23:59')).to.equal(Date.UTC(2026, 2, 2, 9, 59));
    expect(parseIsoTime('2026-03-01T10:00:00+23:59')).to.equal(Date.UTC(2026, 2, 1, 10) - (23 * 60 + 59) * 60_000);
    expect(parseIsoTime('2026-03-01T10:00:00+00:00')).to.equal(Date.UTC(2026, 2, 1, 10));
  });

  it('refuses a time with no zone, an offset out of range, half an offset, and anything after', () => {
    expect(parseIsoTime('2026-03-01T10:00:00'), 'read in whose zone?').to.be.NaN;
    expect(parseIsoTime('2026-03-01T10:00:00+24:00')).to.be.NaN;
    expect(parseIsoTime('2026-03-01T10:00:00+01:60')).to.be.NaN;
    expect(parseIsoTime('2026-03-01T10:00:00+0x:00')).to.be.NaN;
    expect(parseIsoTime('2026-03-01T10:00:00+01')).to.be.NaN;
    expect(parseIsoTime('2026-03-01T10:00:00+01:00 ')).to.be.NaN;
    expect(parseIsoTime('2026-03-01T10:00:00ZZ')).to.be.NaN;
  });
});

describe('event times: numbers, other values, and the plausible range', () => {
  it('takes a finite number as epoch milliseconds and text as ISO; anything else is no time', () => {
    expect(eventTime(Date.UTC(2026, 2, 1))).to.equal(Date.UTC(2026, 2, 1));
    expect(eventTime('2026-03-01')).to.equal(Date.UTC(2026, 2, 1));
    expect(eventTime(Number.POSITIVE_INFINITY)).to.be.NaN;
    expect(eventTime(Number.NaN)).to.be.NaN;
    expect(eventTime(null)).to.be.NaN;
    expect(eventTime(new Date(Date.UTC(2026, 2, 1)))).to.be.NaN;
    expect(eventTime(['2026-03-01'])).to.be.NaN;
  });

  it('finds 2000-01-01T00:00Z plausible and every time from 2100-01-01T00:00Z on absurd', () => {
    expect(EARLIEST_EVENT_TIME).to.equal(Date.UTC(2000, 0, 1));
    expect(LATEST_EVENT_TIME).to.equal(Date.UTC(2100, 0, 1));
    expect(isPlausibleTime(EARLIEST_EVENT_TIME)).to.equal(true);
    expect(isPlausibleTime(EARLIEST_EVENT_TIME - 1)).to.equal(false);
    expect(isPlausibleTime(LATEST_EVENT_TIME - 1)).to.equal(true);
    expect(isPlausibleTime(LATEST_EVENT_TIME)).to.equal(false);
    expect(isPlausibleTime(Number.NaN)).to.equal(false);
  });
});
