import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { backoffDelay, createLineSplitter, resolveBackoff, splitLines } from '../../../src/store/sources/index';
import { unpackMessage, withQueryParam } from '../../../src/store/sources/unpack-message';

/** The lines of a text as plain string operations see them. */
const reference = (text: string) => {
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
};

/** Cuts `text` at the given positions (any order, duplicates allowed). */
const cut = (text: string, at: number[]) => {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const p of points) {
    chunks.push(text.slice(start, p));
    start = p;
  }
  chunks.push(text.slice(start));
  return chunks;
};

const ndjsonText = fc.string({ unit: fc.constantFrom('a', '{', '"', ':', '\n', '\r', 'é', '😀', ' '), maxLength: 80 });

describe('line splitter', () => {
  it('splits on \\n and \\r\\n and keeps a last line without a newline', () => {
    expect(splitLines('a\nb\r\nc')).to.deep.equal(['a', 'b', 'c']);
    expect(splitLines('a\n')).to.deep.equal(['a']);
    expect(splitLines('')).to.deep.equal([]);
    expect(splitLines('\n\n')).to.deep.equal(['', '']);
  });

  it('joins a line cut between chunks, also between \\r and \\n', () => {
    const s = createLineSplitter();
    expect(s.push('{"id":')).to.deep.equal([]);
    expect(s.push('"1"}\r')).to.deep.equal([]);
    expect(s.push('\n{"id"')).to.deep.equal(['{"id":"1"}']);
    expect(s.flush()).to.deep.equal(['{"id"']);
    expect(s.flush()).to.deep.equal([]);
  });

  it('property: any chunking of a text gives the same lines as the whole text', () => {
    fc.assert(
      fc.property(ndjsonText, fc.array(fc.nat(), { maxLength: 12 }), (text, at) => {
        const s = createLineSplitter();
        const lines = [...cut(text, at).flatMap((chunk) => s.push(chunk)), ...s.flush()];
        expect(lines).to.deep.equal(reference(text));
        expect(splitLines(text)).to.deep.equal(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it('property: bytes cut inside a multi-byte character still decode to the same lines', () => {
    fc.assert(
      fc.property(ndjsonText, fc.array(fc.nat(), { maxLength: 8 }), (text, at) => {
        const bytes = new TextEncoder().encode(text);
        const decoder = new TextDecoder();
        const s = createLineSplitter();
        const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
        const lines: string[] = [];
        let start = 0;
        for (const p of [...points, bytes.length]) {
          lines.push(...s.push(decoder.decode(bytes.subarray(start, p), { stream: true })));
          start = p;
        }
        lines.push(...s.push(decoder.decode()), ...s.flush());
        expect(lines).to.deep.equal(reference(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('backoff', () => {
  it('doubles from initialMs up to maxMs without jitter', () => {
    const options = { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, options))).to.deep.equal([100, 200, 400, 800, 1000, 1000]);
  });

  it('jitter takes up to its share off the delay, by the injected random', () => {
    const options = { initialMs: 100, maxMs: 1000, jitter: 0.5 };
    expect(backoffDelay(3, options, () => 0)).to.equal(400);
    expect(backoffDelay(3, options, () => 0.5)).to.equal(300);
    expect(backoffDelay(3, options, () => 0.999999)).to.equal(200);
    expect(backoffDelay(1, { initialMs: 100, jitter: 1 }, () => 0.25)).to.equal(75);
  });

  it('repairs options and randoms that would make no sense', () => {
    expect(resolveBackoff({ initialMs: -5, maxMs: Number.NaN, factor: 0.5, jitter: 3 })).to.deep.equal({
      initialMs: 1000,
      maxMs: 30_000,
      factor: 2,
      jitter: 1,
    });
    expect(backoffDelay(1, { initialMs: 100, jitter: 0.5 }, () => Number.NaN)).to.equal(75);
    expect(backoffDelay(1, { initialMs: 100, jitter: 0.5 }, () => 7)).to.equal(50);
    expect(backoffDelay(Number.NaN, { initialMs: 100, jitter: 0 })).to.equal(100);
  });

  it('property: the delay lies between (1 - jitter) and 1 times the capped exponential', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (attempt, initialMs, jitter, r) => {
          const maxMs = initialMs * 20;
          const base = Math.min(maxMs, initialMs * 2 ** (attempt - 1));
          const delay = backoffDelay(attempt, { initialMs, maxMs, jitter }, () => r);
          expect(delay).to.be.at.least(Math.floor(base * (1 - jitter)));
          expect(delay).to.be.at.most(base);
        },
      ),
    );
  });
});

describe('message shapes and cursor URLs', () => {
  it('reads one event, an array, and an envelope with a cursor', () => {
    expect(unpackMessage({ id: 'a' })).to.deep.equal({ items: [{ id: 'a' }], cursor: undefined });
    expect(unpackMessage({ id: 'a' }, { idAsCursor: true })).to.deep.equal({ items: [{ id: 'a' }], cursor: 'a' });
    expect(unpackMessage([1, 2])).to.deep.equal({ items: [1, 2], cursor: undefined });
    expect(unpackMessage({ cursor: 7, events: [1] })).to.deep.equal({ items: [1], cursor: '7' });
    expect(unpackMessage({ cursor: 'c', events: [1] }, { envelope: false }).items).to.have.length(1);
  });

  it('adds or replaces the cursor parameter and leaves the URL alone without one', () => {
    expect(withQueryParam('/feed', 'cursor', undefined)).to.equal('/feed');
    expect(withQueryParam('ws://h.test/feed?x=1', 'cursor', 'a b')).to.equal('ws://h.test/feed?x=1&cursor=a+b');
    expect(withQueryParam('https://h.test/f?cursor=old#top', 'cursor', 'new')).to.equal(
      'https://h.test/f?cursor=new#top',
    );
    expect(withQueryParam('/feed', 'lastEventId', '9')).to.equal(`${location.origin}/feed?lastEventId=9`);
  });
});
