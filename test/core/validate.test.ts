import { expect } from 'chai';
import fc from 'fast-check';
import { compileRules, foldEvents, parseIsoTime, validateEvents } from '../../src/core/index';

const rules = compileRules();
const good = { id: 'e-1', emailId: 'm1', recipientId: 'r1', response: 'opened', at: '2026-03-01T10:00:00Z' };
const rejection = (input: unknown) => validateEvents([input], rules).rejected[0];

describe('validating events', () => {
  it('accepts a well-formed event, ISO or epoch time', () => {
    expect(validateEvents([good, { ...good, at: Date.UTC(2026, 2, 1) }], rules).accepted).to.have.length(2);
  });

  it('rejects what is not an event object', () => {
    for (const input of [null, 42, 'opened', [good]]) expect(rejection(input)).to.include({ code: 'not-an-object' });
  });

  it('names the missing or wrong-typed field', () => {
    expect(rejection({ ...good, emailId: undefined })).to.include({
      code: 'missing-field',
      field: 'emailId',
      reason: 'emailId is missing',
    });
    expect(rejection({ ...good, recipientId: '' })).to.include({ code: 'missing-field', field: 'recipientId' });
    expect(rejection({ ...good, id: 7 })).to.include({
      code: 'wrong-type',
      field: 'id',
      reason: 'id must be text, not a number',
    });
    expect(rejection({ ...good, contactName: { html: '<b>' } })).to.include({
      code: 'wrong-type',
      field: 'contactName',
    });
    expect(rejection({ ...good, emailKind: 'weekly' })).to.include({ code: 'bad-value', field: 'emailKind' });
  });

  it('accepts scope "all" or "type" and rejects any other with a reason', () => {
    expect(
      validateEvents(
        [
          { ...good, response: 'unsubscribed', scope: 'type' },
          { ...good, scope: 'all' },
        ],
        rules,
      ).accepted,
    ).to.have.length(2);
    expect(rejection({ ...good, scope: 'newsletter' })).to.include({
      code: 'bad-value',
      field: 'scope',
      reason: 'scope must be "all" or "type"',
    });
    expect(rejection({ ...good, scope: 1 })).to.include({ code: 'bad-value', field: 'scope' });
  });

  it('rejects responses the rules do not know', () => {
    expect(rejection({ ...good, response: 'teleported' })).to.include({
      code: 'unknown-response',
      reason: '"teleported" is not a response in rules spec-1',
    });
  });

  it('rejects unparseable, zone-less and absurd times', () => {
    expect(rejection({ ...good, at: 'yesterday' })).to.include({ code: 'bad-time' });
    expect(rejection({ ...good, at: '2026-03-01T10:00:00' })).to.include({ code: 'bad-time' });
    expect(rejection({ ...good, at: '2026-02-30T10:00:00Z' })).to.include({ code: 'bad-time' });
    expect(rejection({ ...good, at: Number.NaN })).to.include({ code: 'bad-time' });
    expect(rejection({ ...good, at: 0 })).to.include({ code: 'time-out-of-range' });
    expect(rejection({ ...good, at: '2250-01-01T00:00:00Z' })).to.include({ code: 'time-out-of-range' });
  });

  it('rejects oversized strings', () => {
    expect(rejection({ ...good, reason: 'x'.repeat(5000) })).to.include({ code: 'too-long', field: 'reason' });
    expect(rejection({ ...good, recipientId: 'r'.repeat(300) })).to.include({ code: 'too-long', field: 'recipientId' });
  });

  it('rejects click links that are not http(s) or mailto', () => {
    expect(rejection({ ...good, response: 'clicked', url: 'javascript:alert(1)' })).to.include({ code: 'unsafe-url' });
    expect(
      validateEvents([{ ...good, response: 'clicked', url: 'https://example.com/a' }], rules).accepted,
    ).to.have.length(1);
  });

  it('keeps the input as it came in the rejection, for the host to show', () => {
    const input = { ...good, response: 42 };
    expect(rejection(input)!.event).to.equal(input);
  });

  it('never throws, whatever it is given, and every input is accepted or rejected', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.anything(),
            fc.record({
              id: fc.anything(),
              emailId: fc.anything(),
              recipientId: fc.string(),
              response: fc.constantFrom('opened', 'x', 3),
              at: fc.anything(),
            }),
          ),
        ),
        (inputs) => {
          const state = foldEvents(inputs);
          const { accepted, rejected } = validateEvents(inputs, rules);
          return accepted.length + rejected.length === inputs.length && state.rejected.length === rejected.length;
        },
      ),
    );
  });
});

describe('event times', () => {
  it('reads the ISO forms providers send', () => {
    expect(parseIsoTime('2026-03-01T10:00:00Z')).to.equal(Date.UTC(2026, 2, 1, 10));
    expect(parseIsoTime('2026-03-01T10:00:00.1234567Z')).to.equal(Date.UTC(2026, 2, 1, 10, 0, 0, 123));
    expect(parseIsoTime('2026-03-01T12:00:00+02:00')).to.equal(Date.UTC(2026, 2, 1, 10));
    expect(parseIsoTime('2026-03-01T05:30:00-0430')).to.equal(Date.UTC(2026, 2, 1, 10));
    expect(parseIsoTime('2026-03-01 10:00Z')).to.equal(Date.UTC(2026, 2, 1, 10));
    expect(parseIsoTime('2026-03-01')).to.equal(Date.UTC(2026, 2, 1));
    expect(parseIsoTime('2024-02-29T00:00:00Z')).to.equal(Date.UTC(2024, 1, 29));
  });

  it('refuses impossible dates and trailing junk', () => {
    for (const text of [
      '2025-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-03-01T24:00:00Z',
      '2026-03-01T10:00:00Zjunk',
      '2026-03-01T10:00:00.Z',
    ]) {
      expect(parseIsoTime(text), text).to.be.NaN;
    }
  });

  it('agrees with Date.parse on every zoned ISO time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (date) => parseIsoTime(date.toISOString()) === date.getTime(),
      ),
    );
  });
});
