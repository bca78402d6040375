/**
 * A seeded 32-bit hash of a string's UTF-16 code units, for the fold's own hash tables.
 *
 * Two FNV-1a lanes, one over the even units and one over the odd, run side by side: each lane's
 * multiply waits for its previous one, so two independent chains take about half the time of one
 * over a 36-character GUID. A murmur3 finaliser then mixes the high bits into the low ones a table
 * indexes by: FNV's multiply only carries upwards, so ids differing only in a unit's high bits
 * would otherwise share their low bits, whatever the seed. The seed is drawn per state, so ids
 * built to collide under one seed (or under the published FNV basis) spread under another.
 * All units are hashed: hashing only the ends of long ids was tried for event ids, and ids that
 * differ in the middle (a time between a fixed prefix and a domain) then all clashed.
 */
export function stringHash(text: string, seed: number): number {
  let even = seed;
  let odd = seed ^ 0x5bd1e995;
  const length = text.length;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    even = Math.imul(even ^ text.charCodeAt(i), 0x01000193);
    odd = Math.imul(odd ^ text.charCodeAt(i + 1), 0x01000193);
  }
  if (i < length) even = Math.imul(even ^ text.charCodeAt(i), 0x01000193);
  return finish(even ^ Math.imul(odd ^ length, 0x9e3779b1));
}

/**
 * `stringHash(text, seed)`, with `stringHash(text, secondSeed)` written to `second[0]`: the same
 * two values in one pass over the text. The event-id set keeps each id as both (a 64-bit hash);
 * reading each unit once for both, rather than the text twice, cost 87 ns against 125 for a
 * freshly parsed 36-character GUID here, and four independent multiply chains overlap as two do.
 */
export function stringHashPair(text: string, seed: number, secondSeed: number, second: Int32Array): number {
  let even = seed;
  let odd = seed ^ 0x5bd1e995;
  let even2 = secondSeed;
  let odd2 = secondSeed ^ 0x5bd1e995;
  const length = text.length;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    even = Math.imul(even ^ a, 0x01000193);
    odd = Math.imul(odd ^ b, 0x01000193);
    even2 = Math.imul(even2 ^ a, 0x01000193);
    odd2 = Math.imul(odd2 ^ b, 0x01000193);
  }
  if (i < length) {
    const a = text.charCodeAt(i);
    even = Math.imul(even ^ a, 0x01000193);
    even2 = Math.imul(even2 ^ a, 0x01000193);
  }
  second[0] = finish(even2 ^ Math.imul(odd2 ^ length, 0x9e3779b1));
  return finish(even ^ Math.imul(odd ^ length, 0x9e3779b1));
}

/** murmur3's finaliser: mixes the high bits into the low ones a table indexes by. */
function finish(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** 32 random bits: from the platform's generator where there is one (browsers, Node 19+). */
export function randomSeed(): number {
  const crypto = globalThis.crypto;
  if (crypto?.getRandomValues) return crypto.getRandomValues(new Int32Array(1))[0]!;
  return (Math.random() * 0x1_0000_0000) | 0;
}
