import { expect } from 'chai';
import { parseIsoTime } from '../../src/core/time';

// An ISO time with anything but a digit where a minute goes, or anything but a colon between the
// hour and the minute, is not a time (src/core/time.ts). A parser that lets a letter through reads
// it as minute -1 and moves the instant by a minute or an hour.

describe('event times: digits and the colon of the time', () => {
  it('needs a colon between hour and minute', () => {
    expect(parseIsoTime('2024-03-05T10:30Z')).to.equal(Date.UTC(2024, 2, 5, 10, 30));
    expect(parseIsoTime('2024-03-05T10-30Z'), 'a dash').to.be.NaN;
    expect(parseIsoTime('2024-03-05T10.30Z'), 'a dot').to.be.NaN;
  });

  it('needs digits for the minute', () => {
    expect(parseIsoTime('2024-03-05T10:x5Z')).to.be.NaN;
    expect(parseIsoTime('2024-03-05T10:5xZ')).to.be.NaN;
  });

  it("needs digits for the zone's minutes", () => {
    expect(parseIsoTime('2024-03-05T10:00+02:30')).to.equal(Date.UTC(2024, 2, 5, 7, 30));
    expect(parseIsoTime('2024-03-05T10:00+02:x0')).to.be.NaN;
    expect(parseIsoTime('2024-03-05T10:00-0x00')).to.be.NaN;
  });
});
