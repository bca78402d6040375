// How a reader walks the request: the headers by name in any case, every object of a batch, and
// the reason a host sees for a part that is not an object or that a reader could not read.
import { expect } from 'chai';
import { Collector, describeValue, eachObject } from '../../../src/core/providers/collector';
import type { ProviderHeaders } from '../../../src/core/providers/provider-types';

const headerOf = (headers: ProviderHeaders | undefined, name: string): string | undefined =>
  new Collector('resend', { headers }).header(name);

describe('provider request headers', () => {
  it('finds a header of a plain object in any case, trimmed', () => {
    const headers = { 'Content-Type': 'application/json', 'SVIX-ID': ' msg_1 ' };
    expect(headerOf(headers, 'svix-id')).to.equal('msg_1');
    expect(headerOf(headers, 'Content-Type')).to.equal('application/json');
  });

  it('takes the first value of a repeated header', () => {
    expect(headerOf({ 'svix-id': ['msg_1', 'msg_2'] }, 'Svix-Id')).to.equal('msg_1');
  });

  it('asks a fetch Headers object by name', () => {
    expect(headerOf(new Headers({ 'Svix-Id': 'msg_3' }), 'svix-id')).to.equal('msg_3');
    expect(headerOf(new Headers({ 'Svix-Id': 'msg_3' }), 'x-other')).to.equal(undefined);
  });

  it('has no header when there are no headers, when it is absent and when it is empty', () => {
    expect(headerOf(undefined, 'svix-id')).to.equal(undefined);
    expect(headerOf({ 'x-other': 'a' }, 'svix-id')).to.equal(undefined);
    expect(headerOf({ 'svix-id': '' }, 'svix-id')).to.equal(undefined);
  });
});

describe('provider batches', () => {
  it('reads every object of a batch with its index, and one object as a batch of one', () => {
    const out = new Collector('sendgrid', {});
    const seen: unknown[] = [];
    eachObject([{ a: 1 }, { b: 2 }], out, 'SendGrid event', (item, index) => seen.push([item, index]));
    eachObject({ c: 3 }, out, 'SendGrid event', (item, index) => seen.push([item, index]));
    expect(seen).to.deep.equal([
      [{ a: 1 }, 0],
      [{ b: 2 }, 1],
      [{ c: 3 }, 0],
    ]);
    expect(out.skipped).to.deep.equal([]);
  });

  it('skips what is not an object, says what it is, and goes on', () => {
    const out = new Collector('sendgrid', {});
    const read: unknown[] = [];
    eachObject([null, 7, 'x', [1], { ok: true }], out, 'SendGrid event', (item) => read.push(item));
    expect(read).to.deep.equal([{ ok: true }]);
    expect(out.skipped).to.deep.equal([
      { input: null, reason: 'a SendGrid event must be an object, not null' },
      { input: 7, reason: 'a SendGrid event must be an object, not number 7' },
      { input: 'x', reason: 'a SendGrid event must be an object, not text "x"' },
      { input: [1], reason: 'a SendGrid event must be an object, not a list' },
    ]);
  });

  it('turns what a reader throws into a skip of that object, and reads the next', () => {
    const out = new Collector('sendgrid', {});
    const read: unknown[] = [];
    eachObject([{ n: 1 }, { n: 2 }, { n: 3 }], out, 'SendGrid event', (item) => {
      if (item.n === 1) throw new TypeError('no field');
      if (item.n === 2) throw 'broken';
      read.push(item);
    });
    expect(read).to.deep.equal([{ n: 3 }]);
    expect(out.skipped).to.deep.equal([
      { input: { n: 1 }, reason: 'could not read this SendGrid event: no field' },
      { input: { n: 2 }, reason: 'could not read this SendGrid event: broken' },
    ]);
  });
});

describe('values described in skip reasons', () => {
  it('names the kind of value, and shows a text up to 40 characters', () => {
    expect(describeValue(null)).to.equal('null');
    expect(describeValue([])).to.equal('a list');
    expect(describeValue({})).to.equal('an object');
    expect(describeValue(false)).to.equal('boolean false');
    expect(describeValue(12)).to.equal('number 12');
    const forty = 'a'.repeat(40);
    expect(describeValue(forty)).to.equal(`text "${forty}"`);
    expect(describeValue(`${forty}b`)).to.equal(`text "${forty}…"`);
  });
});
