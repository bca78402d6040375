import { expect } from 'chai';
import { compileRules, validateEvents } from '../../src/core/index';

// What a host shows for a bad event is the rejection's reason, word for word; these examples pin
// each reason and each field an event may leave out or set to null (src/core/validate.ts).

const rules = compileRules();
const good = { id: 'e-1', emailId: 'm1', recipientId: 'r1', response: 'opened', at: '2026-03-01T10:00:00Z' };
const rejection = (input: unknown) => validateEvents([input], rules).rejected[0];
const accepted = (input: unknown) => validateEvents([input], rules).accepted;

describe('validating events: what each rejection says', () => {
  it('names what came instead of an event', () => {
    expect(rejection(null)).to.deep.equal({
      event: null,
      code: 'not-an-object',
      reason: 'an event must be an object, not null',
    });
    expect(rejection([good])!.reason).to.equal('an event must be an object, not a list');
    expect(rejection(42)!.reason).to.equal('an event must be an object, not a number');
    expect(rejection('opened')!.reason).to.equal('an event must be an object, not a string');
    expect(rejection(undefined)!.reason).to.equal('an event must be an object, not a undefined');
  });

  it('names what came instead of text', () => {
    expect(rejection({ ...good, id: ['e-1'] })!.reason).to.equal('id must be text, not a list');
    expect(rejection({ ...good, emailId: {} })!.reason).to.equal('emailId must be text, not an object');
    expect(rejection({ ...good, recipientId: true })!.reason).to.equal('recipientId must be text, not a boolean');
  });

  it('says a required field is missing when absent or null, and empty when ""', () => {
    expect(rejection({ ...good, id: null })).to.include({
      code: 'missing-field',
      field: 'id',
      reason: 'id is missing',
    });
    expect(rejection({ ...good, id: '' })).to.include({ code: 'missing-field', field: 'id', reason: 'id is empty' });
    expect(rejection({ ...good, response: undefined })).to.include({
      code: 'missing-field',
      field: 'response',
      reason: 'response is missing',
    });
    expect(rejection({ ...good, response: null })).to.include({ field: 'response', reason: 'response is missing' });
    expect(rejection({ ...good, at: undefined })).to.include({
      code: 'missing-field',
      field: 'at',
      reason: 'at is missing',
    });
    expect(rejection({ ...good, at: null })).to.include({ field: 'at', reason: 'at is missing' });
  });

  it('reports the first problem, in the order id, emailId, recipientId, response, at', () => {
    expect(rejection({ at: 'never', response: 7 })).to.include({ field: 'id' });
    expect(rejection({ ...good, emailId: '', recipientId: '', response: 7 })).to.include({ field: 'emailId' });
    expect(rejection({ ...good, recipientId: 3, response: 7 })).to.include({ field: 'recipientId' });
    expect(rejection({ ...good, response: 7, at: 'never' })).to.include({
      code: 'wrong-type',
      field: 'response',
      reason: 'response must be text, not a number',
    });
  });

  it('quotes an unknown response whole up to 40 characters, and its first 40 and "…" beyond', () => {
    const forty = 'x'.repeat(40);
    expect(rejection({ ...good, response: forty })).to.include({
      code: 'unknown-response',
      field: 'response',
      reason: `"${forty}" is not a response in rules spec-1`,
    });
    expect(rejection({ ...good, response: `${forty}yz` })!.reason).to.equal(
      `"${forty}…" is not a response in rules spec-1`,
    );
    expect(rejection({ ...good, response: 'y'.repeat(500) })!.reason).to.equal(
      `"${'y'.repeat(40)}…" is not a response in rules spec-1`,
    );
  });

  it('says what a time must be, and the years it must lie in', () => {
    expect(rejection({ ...good, at: 'soon' })).to.include({
      code: 'bad-time',
      field: 'at',
      reason: 'at must be epoch milliseconds or ISO-8601 text with a time zone',
    });
    expect(rejection({ ...good, at: '1999-12-31T23:59:59Z' })).to.include({
      code: 'time-out-of-range',
      field: 'at',
      reason: 'at lies before 2000 or after 2099',
    });
  });
});

describe('validating events: the optional fields', () => {
  it('takes each optional field as absent when it is null', () => {
    const nulls = {
      ...good,
      contactId: null,
      contactName: null,
      address: null,
      emailType: null,
      provider: null,
      reason: null,
      emailKind: null,
      scope: null,
      url: null,
    };
    expect(accepted(nulls)).to.deep.equal([nulls]);
  });

  it('takes an optional text field empty, and rejects it as the wrong type by its name', () => {
    const empty = { ...good, contactId: '', contactName: '', address: '', emailType: '', provider: '', reason: '' };
    expect(accepted(empty)).to.have.length(1);
    for (const field of ['contactId', 'contactName', 'address', 'emailType', 'provider', 'reason', 'url']) {
      expect(rejection({ ...good, [field]: 5 }), field).to.include({
        code: 'wrong-type',
        field,
        reason: `${field} must be text, not a number`,
      });
    }
  });

  it('takes emailKind bulk or trigger and no other', () => {
    expect(accepted({ ...good, emailKind: 'bulk' })).to.have.length(1);
    expect(accepted({ ...good, emailKind: 'trigger' })).to.have.length(1);
    expect(rejection({ ...good, emailKind: 'Bulk' })).to.include({
      code: 'bad-value',
      field: 'emailKind',
      reason: 'emailKind must be "bulk" or "trigger"',
    });
  });

  it('takes a link starting http://, https:// or mailto:, in any case, and no other', () => {
    for (const url of ['http://example.com/', 'https://example.com/a', 'HTTPS://EXAMPLE.COM', 'mailto:a@example.com']) {
      expect(accepted({ ...good, response: 'clicked', url }), url).to.have.length(1);
    }
    // An empty url is optional text, not a missing field: it is refused as no link, like the rest.
    for (const url of ['ftp://example.com/', ' https://example.com/', 'example.com', 'data:text/html,x', '']) {
      expect(rejection({ ...good, response: 'clicked', url }), url).to.include({
        code: 'unsafe-url',
        field: 'url',
        reason: 'url must be an http(s) or mailto link',
      });
    }
  });

  it('accepts what it was given, time and all, as a copy read once (a getter runs one time)', () => {
    const input = { ...good, at: Date.UTC(2026, 2, 1) };
    expect(accepted(input)[0]).to.deep.equal(input);
  });
});
