// Reading fields of untrusted provider payloads: what counts as text, a flag, an address, a
// message id, metadata and tags, and that every reader gives undefined rather than throwing.
import { expect } from 'chai';
import {
  addressOf,
  asFlag,
  asList,
  asObject,
  asText,
  bareMessageId,
  jsonObjectText,
  lowerText,
  pick,
  scalarEntries,
  tagList,
} from '../../../src/core/providers/fields';

describe('provider fields: objects, lists and text', () => {
  it('takes only plain objects as objects and only arrays as lists', () => {
    expect(asObject({ a: 1 })).to.deep.equal({ a: 1 });
    for (const value of [null, [], 'x', 3, undefined]) expect(asObject(value), String(value)).to.equal(undefined);
    expect(asList([1, 2])).to.deep.equal([1, 2]);
    expect(asList({ 0: 'a', length: 1 })).to.deep.equal([]);
  });

  it('reads text trimmed, finite numbers and big integers as their decimal text, and nothing else', () => {
    expect(asText('  id-1 ')).to.equal('id-1');
    expect(asText(550)).to.equal('550');
    expect(asText(0)).to.equal('0');
    expect(asText(288230393467521450n)).to.equal('288230393467521450');
    for (const value of ['', '   ', NaN, Infinity, true, null, {}, ['a']])
      expect(asText(value), String(value)).to.equal(undefined);
    expect(lowerText(' Hard_Bounce ')).to.equal('hard_bounce');
    expect(lowerText(undefined)).to.equal('');
  });

  it('reads a flag from true, 1, and the texts "true" and "1" in any case and spacing', () => {
    for (const value of [true, 1, 'true', ' TRUE ', '1', ' 1 ']) expect(asFlag(value), String(value)).to.equal(true);
    for (const value of [false, 0, 2, 'false', 'yes', '', '0', null, undefined, {}])
      expect(asFlag(value), String(value)).to.equal(false);
  });

  it('follows a path of objects, and stops at the first step that is not one', () => {
    const value = { event: { data: { id: 'x' } }, list: [{ id: 'y' }] };
    expect(pick(value, 'event', 'data', 'id')).to.equal('x');
    expect(pick(value, 'event', 'missing', 'id')).to.equal(undefined);
    expect(pick(value, 'list', '0', 'id')).to.equal(undefined);
    expect(pick(value)).to.equal(value);
  });
});

describe('provider fields: addresses and message ids', () => {
  it('reads the address out of a display name, lower-cased, or takes the bare text', () => {
    expect(addressOf('Jane Doe <Jane.Doe@Example.com>')).to.equal('jane.doe@example.com');
    expect(addressOf('  JANE@example.com ')).to.equal('jane@example.com');
    expect(addressOf('"a <b>" <c@example.com>')).to.equal('c@example.com');
    expect(addressOf('Jane <not an address>')).to.equal('jane <not an address>');
    expect(addressOf('')).to.equal(undefined);
    expect(addressOf(5)).to.equal('5');
  });

  it('takes a message id with or without its angle brackets', () => {
    expect(bareMessageId('<20240923.abc@mail.example.com>')).to.equal('20240923.abc@mail.example.com');
    expect(bareMessageId('20240923.abc@mail.example.com')).to.equal('20240923.abc@mail.example.com');
    expect(bareMessageId('< abc >')).to.equal('abc');
    expect(bareMessageId('<abc')).to.equal('<abc');
    expect(bareMessageId('abc>')).to.equal('abc>');
    expect(bareMessageId('<>')).to.equal(undefined);
    expect(bareMessageId('< >')).to.equal(undefined);
    expect(bareMessageId(null)).to.equal(undefined);
  });
});

describe('provider fields: metadata and tags', () => {
  it('keeps the scalar values of metadata as text, and leaves nested ones out', () => {
    expect(
      scalarEntries({ campaign: 'autumn', row: 12, nested: { a: 1 }, list: ['x'], empty: '', flag: true }),
    ).to.deep.equal({
      campaign: 'autumn',
      row: '12',
    });
    expect(scalarEntries('not metadata')).to.deep.equal({});
  });

  it('adds to metadata already read without replacing what is there', () => {
    const into = { campaign: 'from-headers' };
    expect(scalarEntries({ campaign: 'from-body', row: '3' }, into)).to.equal(into);
    expect(into).to.deep.equal({ campaign: 'from-headers', row: '3' });
    expect(scalarEntries(null, into)).to.equal(into);
  });

  it('opens metadata sent as JSON text of an object, up to 64 KiB', () => {
    expect(jsonObjectText(' {"emailId": "e-1"} ')).to.deep.equal({ emailId: 'e-1' });
    const padded = `{"a": "${'x'.repeat(65_536 - 9)}"}`;
    expect(padded.length).to.equal(65_536);
    expect(jsonObjectText(padded)).to.deep.equal({ a: 'x'.repeat(65_527) });
    expect(jsonObjectText(` ${padded}`)).to.equal(undefined);
  });

  it('has no JSON metadata for other text, a list, broken JSON or a value that is not text', () => {
    for (const value of ['emailId=e-1', '["a"]', '{"a": ', '{}x', { a: 1 }, 5])
      expect(jsonObjectText(value), String(value)).to.equal(undefined);
  });

  it('reads tags from one text, or from the text items of a list', () => {
    expect(tagList(' welcome ')).to.deep.equal(['welcome']);
    expect(tagList('  ')).to.deep.equal([]);
    expect(tagList(['a', ' b ', 3, '', null, { c: 1 }])).to.deep.equal(['a', 'b', '3']);
    expect(tagList({ name: ['x'] })).to.deep.equal([]);
  });
});
