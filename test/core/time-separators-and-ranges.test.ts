import { expect } from 'chai';
import { parseIsoTime } from '../../src/core/time';

// The shapes parseIsoTime refuses (src/core/time.ts, spec: event times are ISO 8601 with a zone).
// Each example is one character away from a time it accepts, so a parser that skips that check
// reads a real instant out of text the provider never meant as one.

describe('event times: separators, ranges and zones', () => {
  it('needs dashes between year, month and day', () => {
    expect(parseIsoTime('2024-03-05')).to.equal(Date.UTC(2024, 2, 5));
    expect(parseIsoTime('2024/03-05'), 'a slash after the year').to.be.NaN;
    expect(parseIsoTime('2024-03/05'), 'a slash after the month').to.be.NaN;
  });

  it('needs T, t or a space between the date and the time', () => {
    expect(parseIsoTime('2024-03-05 10:30Z')).to.equal(Date.UTC(2024, 2, 5, 10, 30));
    expect(parseIsoTime('2024-03-05X10:30Z')).to.be.NaN;
  });

  it('reads hours 0 to 23 and minutes 0 to 59 only', () => {
    expect(parseIsoTime('2024-03-05T23:59Z')).to.equal(Date.UTC(2024, 2, 5, 23, 59));
    expect(parseIsoTime('2024-03-05T24:00Z'), 'hour 24 is not midnight of the next day').to.be.NaN;
    expect(parseIsoTime('2024-03-05T10:60Z'), 'minute 60').to.be.NaN;
  });

  it('reads a zone only after Z, + or -', () => {
    expect(parseIsoTime('2024-03-05T10:30+05:00')).to.equal(Date.UTC(2024, 2, 5, 5, 30));
    expect(parseIsoTime('2024-03-05T10:30X05:00'), 'X is no sign').to.be.NaN;
  });

  it('refuses an offset of 24 hours or 60 minutes', () => {
    expect(parseIsoTime('2024-03-05T10:30+23:59')).to.equal(Date.UTC(2024, 2, 4, 10, 31));
    expect(parseIsoTime('2024-03-05T10:30+24:00')).to.be.NaN;
    expect(parseIsoTime('2024-03-05T10:30+01:60')).to.be.NaN;
  });
});
