// Each state draws the seed of its hash tables with randomSeed (string-hash.ts), so ids crafted to
// collide under one seed do not under the next: from the platform's generator where there is one
// (browsers, Node 19+), else from Math.random, as 32 bits either way.
import { expect } from 'chai';
import { randomSeed } from '../../src/core/string-hash';

type Fill = Crypto['getRandomValues'];

/** Runs `body` with `crypto.getRandomValues` replaced by `fill` (undefined: no generator). */
function withGenerator<T>(fill: Fill | undefined, body: () => T): T {
  const crypto = globalThis.crypto as unknown as { getRandomValues?: Fill | undefined };
  crypto.getRandomValues = fill;
  try {
    return body();
  } finally {
    // The own property shadows the prototype's method: deleting it brings the real one back.
    delete crypto.getRandomValues;
  }
}

/** Runs `body` in a runtime with no `crypto` at all (older ones). */
function withoutCrypto<T>(body: () => T): T {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
  try {
    return body();
  } finally {
    if (own) Object.defineProperty(globalThis, 'crypto', own);
    else delete (globalThis as { crypto?: Crypto }).crypto;
  }
}

/** Runs `body` with Math.random returning `value`. */
function withMathRandom<T>(value: number, body: () => T): T {
  const random = Math.random;
  Math.random = () => value;
  try {
    return body();
  } finally {
    Math.random = random;
  }
}

describe('string hash: the seed drawn per state', () => {
  it("takes the platform generator's 32 bits when there is one", () => {
    const fill = (<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Int32Array)[0] = -123_456_789;
      return array;
    }) as Fill;
    expect(withMathRandom(0.5, () => withGenerator(fill, randomSeed))).to.equal(-123_456_789);
  });

  it('falls back to Math.random, scaled to 32 bits, where the platform has no generator', () => {
    expect(withMathRandom(0, () => withGenerator(undefined, randomSeed))).to.equal(0);
    expect(withMathRandom(0.25, () => withGenerator(undefined, randomSeed))).to.equal(0x4000_0000);
    // Past half the range the 32 bits read as a negative Int32, as the generator's would.
    expect(withMathRandom(0.5, () => withGenerator(undefined, randomSeed))).to.equal(-0x8000_0000);
    expect(withMathRandom(0.75, () => withGenerator(undefined, randomSeed))).to.equal(-0x4000_0000);
  });

  it('falls back to Math.random where the runtime has no crypto object at all', () => {
    expect(withMathRandom(0.25, () => withoutCrypto(randomSeed))).to.equal(0x4000_0000);
    expect(globalThis.crypto.getRandomValues, 'crypto is back').to.be.a('function');
  });

  it('draws a different seed each time from the real generator', () => {
    const seeds = new Set(Array.from({ length: 8 }, randomSeed));
    expect(seeds.size).to.be.greaterThan(1);
    for (const seed of seeds) expect(seed | 0).to.equal(seed);
  });
});
