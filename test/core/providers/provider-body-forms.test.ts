// The body forms a host can pass: text (JSON or not), bytes in any view, URLSearchParams, parsed
// JSON; the size limit; and the query strings of Elastic Email's GET notifications.
import { expect } from 'chai';
import {
  MAX_BODY_CHARACTERS,
  parseQuery,
  queryObject,
  readBody,
  readText,
} from '../../../src/core/providers/provider-body';

const JSON_TEXT = '{"event": "open", "MessageID": 288230393467521450}';
const JSON_VALUE = { event: 'open', MessageID: '288230393467521450' };

describe('provider body: text', () => {
  it('reads JSON objects and lists, big integers kept exact, and other text as itself, trimmed', () => {
    expect(readText(` \n${JSON_TEXT} `)).to.deep.equal({ ok: true, value: JSON_VALUE });
    expect(readText('[1, 2]')).to.deep.equal({ ok: true, value: [1, 2] });
    expect(readText('  event=open&to=a@example.com \n')).to.deep.equal({
      ok: true,
      value: 'event=open&to=a@example.com',
    });
    expect(readText('"quoted"')).to.deep.equal({ ok: true, value: '"quoted"' });
  });

  it('drops a byte-order mark before the JSON, and keeps one inside it', () => {
    expect(readText(`\uFEFF${JSON_TEXT}`)).to.deep.equal({ ok: true, value: JSON_VALUE });
    expect(readText('{"a": "x\uFEFFy"}')).to.deep.equal({ ok: true, value: { a: 'x\uFEFFy' } });
  });

  it('says so when the body is empty or broken JSON', () => {
    expect(readText(' \n\t')).to.deep.equal({ ok: false, reason: 'the body is empty' });
    expect(readText('\uFEFF')).to.deep.equal({ ok: false, reason: 'the body is empty' });
    for (const broken of ['{"event": ', '[1,']) {
      const reading = readText(broken);
      expect(reading.ok, broken).to.equal(false);
      if (!reading.ok) expect(reading.reason).to.match(/^the body is not valid JSON \(.+\)$/);
    }
  });

  // A body of exactly 32 MiB is not built here: making the text flat costs seconds on a busy machine.
  it('refuses a body of more than 32 MiB characters unread', () => {
    expect(MAX_BODY_CHARACTERS).to.equal(33_554_432);
    expect(readText(' '.repeat(MAX_BODY_CHARACTERS + 1))).to.deep.equal({
      ok: false,
      reason: 'the body has 33554433 characters, more than any provider sends',
    });
  });
});

describe('provider body: other forms', () => {
  const bytes = new TextEncoder().encode(JSON_TEXT);

  it('reads bytes as UTF-8 text, from an Uint8Array, an ArrayBuffer or a view of part of a buffer', () => {
    expect(readBody(bytes)).to.deep.equal({ ok: true, value: JSON_VALUE });
    expect(readBody(bytes.slice().buffer)).to.deep.equal({ ok: true, value: JSON_VALUE });
    const padded = new Uint8Array(bytes.length + 6);
    padded.set(new TextEncoder().encode('xxx'), 0);
    padded.set(bytes, 3);
    padded.set(new TextEncoder().encode('yyy'), bytes.length + 3);
    expect(readBody(new DataView(padded.buffer, 3, bytes.length))).to.deep.equal({ ok: true, value: JSON_VALUE });
    expect(readBody(new TextEncoder().encode('é=1'))).to.deep.equal({ ok: true, value: 'é=1' });
  });

  it('reads URLSearchParams as an object, and parsed JSON as it is', () => {
    expect(readBody(new URLSearchParams('event=open&to=a%40example.com'))).to.deep.equal({
      ok: true,
      value: { event: 'open', to: 'a@example.com' },
    });
    expect(readBody(JSON_VALUE)).to.deep.equal({ ok: true, value: JSON_VALUE });
    expect(readBody(7)).to.deep.equal({ ok: true, value: 7 });
  });

  it('says so when there is no body', () => {
    expect(readBody(undefined)).to.deep.equal({ ok: false, reason: 'the body is undefined' });
    expect(readBody(null)).to.deep.equal({ ok: false, reason: 'the body is null' });
  });
});

describe('provider body: query strings', () => {
  it('keeps the first value of a repeated name', () => {
    expect(queryObject(new URLSearchParams('a=1&b=2&a=3'))).to.deep.equal({ a: '1', b: '2' });
  });

  it('reads a query with or without its question mark', () => {
    expect(parseQuery(' ?event=open&a=1 ')).to.deep.equal({ event: 'open', a: '1' });
    expect(parseQuery('event=open')).to.deep.equal({ event: 'open' });
    expect(parseQuery('event=open&q=why?')).to.deep.equal({ event: 'open', q: 'why?' });
  });

  it('reads the query of a whole URL, whatever the case of its scheme', () => {
    expect(parseQuery('https://hooks.example.com/elastic?event=open&a=1')).to.deep.equal({ event: 'open', a: '1' });
    expect(parseQuery('HTTPS://hooks.example.com/elastic?event=open')).to.deep.equal({ event: 'open' });
  });

  it('reads a query whose values are URLs as a query, not as a URL', () => {
    expect(parseQuery('event=click&target=https://example.com/p?x=1')).to.deep.equal({
      event: 'click',
      target: 'https://example.com/p?x=1',
    });
  });

  it('has no query for a URL without one, or text without a name=value pair', () => {
    expect(parseQuery('https://hooks.example.com/elastic')).to.equal(undefined);
    expect(parseQuery('https://hooks.example.com/a=b')).to.equal(undefined);
    expect(parseQuery('open')).to.equal(undefined);
    expect(parseQuery('')).to.equal(undefined);
  });
});
