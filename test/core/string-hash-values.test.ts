// The fold's recipient and event-id tables find ids by stringHash (string-hash.ts): two FNV-1a
// lanes over the even and the odd UTF-16 units, the length mixed in, then murmur3's finaliser.
// These tests fix what it computes, as values for known texts and seeds and against a plain
// rewrite of that description in BigInt arithmetic, so a change to it is a decision, not an
// accident: each table draws its seed per state, but the values must be a function of the text
// and the seed alone, every unit of the text must count, and the seed must change them all.
import { expect } from 'chai';
import { stringHash } from '../../src/core/string-hash';

const WORD = 0x1_0000_0000n;
const FNV_PRIME = 0x01000193n;

/** `x` as a 32-bit unsigned word. */
const u32 = (x: bigint | number): bigint => BigInt.asUintN(32, BigInt(x));
const mul = (a: bigint, b: bigint): bigint => (a * b) % WORD;

/** The hash, spelled out from its description rather than tuned for speed. */
function referenceHash(text: string, seed: number): number {
  let even = u32(seed);
  let odd = u32(seed) ^ 0x5bd1e995n;
  for (let i = 0; i < text.length; i++) {
    const unit = BigInt(text.charCodeAt(i));
    if (i % 2 === 0) even = mul(even ^ unit, FNV_PRIME);
    else odd = mul(odd ^ unit, FNV_PRIME);
  }
  let hash = even ^ mul(odd ^ u32(text.length), 0x9e3779b1n);
  hash ^= hash >> 16n;
  hash = mul(hash, 0x85ebca6bn);
  hash ^= hash >> 13n;
  hash = mul(hash, 0xc2b2ae35n);
  hash ^= hash >> 16n;
  return Number(BigInt.asIntN(32, hash));
}

/** Known texts and seeds and their hashes (signed 32-bit, as the tables store them). */
const KNOWN: readonly (readonly [text: string, seed: number, hash: number])[] = [
  ['', 0, 1069427398],
  ['', 1, -180284563],
  ['a', 0, 1846075044],
  ['ab', 0, -1735130594],
  ['abc', 0, 1946495263],
  ['abc', 12345, -440171613],
  ['abc', -1, 51549585],
  ['r-1', 0x7fffffff, 1700155815],
  ['0000002a-1f2e-4a3b-9c8d-00009e379e5d', 42, -2037949193],
  // Non-ASCII: a Latin accent, CJK, and an emoji (two UTF-16 units, a surrogate pair).
  ['Zoë', 7, -854332909],
  ['名前', 7, 1189332111],
  ['😀', 7, -1926233891],
  // Long ids, of even and odd length: every unit is hashed, not only the ends.
  ['x'.repeat(1000), 3, 1883552374],
  ['x'.repeat(1001), 3, -520329363],
];

describe('string hash: its values for known texts and seeds', () => {
  for (const [text, seed, hash] of KNOWN) {
    const shown = text.length > 40 ? `${text.length} × "${text[0]}"` : JSON.stringify(text);
    it(`hashes ${shown} under seed ${seed} to ${hash}`, () => {
      expect(stringHash(text, seed)).to.equal(hash);
    });
  }

  it('computes what its description says, for texts of every length up to 70 and any units', () => {
    const units = [0x00, 0x41, 0x7a, 0xe9, 0x3b1, 0x4e00, 0xd83d, 0xde00, 0xffff];
    for (let length = 0; length <= 70; length++) {
      let text = '';
      for (let i = 0; i < length; i++) text += String.fromCharCode(units[(i * 7 + length) % units.length]!);
      for (const seed of [0, 1, -1, 0x5bd1e995, 0x7fffffff, -0x80000000]) {
        expect(stringHash(text, seed), `length ${length}, seed ${seed}`).to.equal(referenceHash(text, seed));
      }
    }
  });

  it('is a signed 32-bit integer, as the Int32Array slots hold it', () => {
    for (const [text, seed] of KNOWN) {
      const hash = stringHash(text, seed);
      expect(hash | 0).to.equal(hash);
    }
  });

  it('changes when only the last unit of an odd-length id changes, or when one unit is added', () => {
    expect(stringHash('r-10', 9)).to.not.equal(stringHash('r-11', 9));
    expect(stringHash('r-100', 9)).to.not.equal(stringHash('r-101', 9));
    expect(stringHash('r-10', 9)).to.not.equal(stringHash('r-10\u0000', 9));
    expect(stringHash('', 9)).to.not.equal(stringHash('\u0000', 9));
  });

  it('changes with the seed for the same text, in every lane', () => {
    for (const text of ['', 'a', 'ab', 'recipient-1@example.com']) {
      const hashes = new Set([0, 1, 2, 0x5bd1e995, -1].map((seed) => stringHash(text, seed)));
      expect(hashes.size, text).to.equal(5);
    }
  });
});
