// An event counts once per recipient and id (spec, "How a response changes", rule 5), as the set
// of applied ids keeps it: a row's first 16 ids inline, by fingerprint, the rest in a table shared
// by all rows. Each case here is one the two stores must agree on: the 16th and 17th ids, the same
// ids on many rows, ids that differ only in case, ids that hash alike, and sets large enough that
// both stores have grown.
import { expect } from 'chai';
import { EventIdSet } from '../../src/core/event-id-set';
import { RecipientTable } from '../../src/core/recipient-table';
import { stringHash } from '../../src/core/string-hash';

/** A set over `rows` fresh recipient rows (0 to rows - 1). */
function setWithRows(rows: number): EventIdSet {
  const table = new RecipientTable();
  for (let r = 0; r < rows; r++) table.add(0, `r${r}`);
  return new EventIdSet(table);
}

const idsFor = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

const PRIME = 0x01000193;
const step = (state: number, unit: number) => Math.imul(state ^ unit, PRIME);

/**
 * Two different ids with one hash under this set's seed (so one fingerprint too): the units at even
 * places take the hash's even lane from one state to the same next state by two routes (a birthday
 * search on the top 16 bits, the second unit cancelling the low 16), and the odd units are equal.
 */
function idsHashingAlike(set: EventIdSet): [string, string] {
  // The seed is drawn per set and private: read here only to build the clash.
  const seed = (set as unknown as { seed: number }).seed;
  const prefix = 'ev';
  const state = step(seed, prefix.charCodeAt(0));
  const seen = new Map<number, number>();
  for (let a = 0x100; ; a++) {
    const mid = step(state, a);
    const other = seen.get(mid >>> 16);
    if (other === undefined) {
      seen.set(mid >>> 16, a);
      continue;
    }
    const b = 0x61;
    const d = (b ^ (mid & 0xffff) ^ (step(state, other) & 0xffff)) & 0xffff;
    const first = prefix + String.fromCharCode(a, 0x78, b, 0x78);
    const second = prefix + String.fromCharCode(other, 0x78, d, 0x78);
    expect(stringHash(first, seed)).to.equal(stringHash(second, seed));
    return [first, second];
  }
}

/** An id whose 16-bit fingerprint under this set's seed is 0, the value of a slot never written. */
function idWithFingerprintZero(set: EventIdSet): string {
  const seed = (set as unknown as { seed: number }).seed;
  for (let n = 0; ; n++) if (stringHash(`z${n}`, seed) >>> 16 === 0) return `z${n}`;
}

describe('the applied event ids of a recipient', () => {
  it('an id is new once; every redelivery is known, the 16th, the 17th and beyond alike', () => {
    const set = setWithRows(1);
    const ids = idsFor('open', 40);
    expect(ids.map((id) => set.add(0, id))).to.deep.equal(ids.map(() => true));
    expect(ids.map((id) => set.add(0, id))).to.deep.equal(ids.map(() => false));
    expect(ids.map((id) => set.has(0, id))).to.deep.equal(ids.map(() => true));
    expect(set.has(0, 'open-40')).to.equal(false);
    expect(set.size).to.equal(40);
  });

  it('the 17th id is remembered from the moment it is added, before an 18th', () => {
    const set = setWithRows(1);
    for (const id of idsFor('click', 16)) set.add(0, id);
    expect(set.has(0, 'click-16')).to.equal(false);
    expect(set.add(0, 'click-16')).to.equal(true);
    expect(set.has(0, 'click-16')).to.equal(true);
    expect(set.add(0, 'click-16')).to.equal(false);
    expect(set.size).to.equal(17);
  });

  it('the same ids on another recipient are that recipient’s own new events', () => {
    const set = setWithRows(3);
    const ids = idsFor('open', 20);
    for (const id of ids) set.add(1, id);
    expect(ids.map((id) => set.has(0, id))).to.deep.equal(ids.map(() => false));
    expect(ids.map((id) => set.has(2, id))).to.deep.equal(ids.map(() => false));
    expect(ids.map((id) => set.add(2, id))).to.deep.equal(ids.map(() => true));
    expect(ids.map((id) => set.add(1, id) || set.add(2, id))).to.deep.equal(ids.map(() => false));
    expect(set.size).to.equal(40);
  });

  it('ids that differ only in case are different events', () => {
    const set = setWithRows(1);
    const lower = idsFor('ev', 20);
    const upper = lower.map((id) => id.toUpperCase());
    for (const id of lower) set.add(0, id);
    expect(upper.map((id) => set.has(0, id))).to.deep.equal(upper.map(() => false));
    expect(upper.map((id) => set.add(0, id))).to.deep.equal(upper.map(() => true));
    expect(set.size).to.equal(40);
  });

  it('two ids that hash alike are two events, among the first 16 and past them', () => {
    const inline = setWithRows(1);
    const [a, b] = idsHashingAlike(inline);
    expect([inline.add(0, a), inline.add(0, b), inline.add(0, a), inline.add(0, b)]).to.deep.equal([
      true,
      true,
      false,
      false,
    ]);
    const overflow = setWithRows(1);
    const [c, d] = idsHashingAlike(overflow);
    for (const id of idsFor('early', 16)) overflow.add(0, id);
    expect([overflow.add(0, c), overflow.has(0, d), overflow.add(0, d), overflow.add(0, c)]).to.deep.equal([
      true,
      false,
      true,
      false,
    ]);
    expect(overflow.size).to.equal(18);
  });

  it('an id whose fingerprint matches the empty slots is new for a recipient with no ids yet', () => {
    const set = setWithRows(2);
    const id = idWithFingerprintZero(set);
    expect(set.add(0, id)).to.equal(true);
    expect(set.has(1, id)).to.equal(false);
    expect(set.add(1, id)).to.equal(true);
    expect([set.add(0, id), set.add(1, id)]).to.deep.equal([false, false]);
  });

  it('counts the slots it reads past the 16th: at least one an id to add, to find, to add again, and not thrice that', () => {
    // The counter the hash-flooding test reads (event-id-flood.test.ts) measures work, so it must count.
    const set = setWithRows(1);
    const ids = idsFor('ev', 1016);
    for (const id of ids) set.add(0, id);
    const added = set.probes;
    for (const id of ids) set.has(0, id);
    const found = set.probes - added;
    for (const id of ids) set.add(0, id);
    const redelivered = set.probes - added - found;
    expect(added).to.be.within(1000, 3000);
    expect(found).to.be.within(1000, 3000);
    expect(redelivered).to.be.within(1000, 3000);
  });

  it('thousands of recipients with 16 ids each, then more, still know every id they have', () => {
    // 100 rows: 1,600 ids kept inline and 900 past the 16th, more than either store starts with.
    const rows = 100;
    const set = setWithRows(rows);
    const ids = idsFor('ev', 25);
    let added = 0;
    for (const id of ids) for (let row = 0; row < rows; row++) if (set.add(row, id)) added++;
    expect(added).to.equal(2500);
    let known = 0;
    let again = 0;
    for (let row = 0; row < rows; row++)
      for (const id of ids) {
        if (set.has(row, id)) known++;
        if (set.add(row, id)) again++;
      }
    expect([known, again, set.size]).to.deep.equal([2500, 0, 2500]);
    expect(set.has(0, 'ev-25')).to.equal(false);
  });

  it('a large audience’s ids, more than a page of 16,384 kept hashes, are each known to their recipient only', () => {
    const rows = 3000;
    const set = setWithRows(rows);
    const ids = idsFor('ev', 7);
    for (const id of ids) for (let row = 0; row < rows; row++) set.add(row, `${id}-${row}`);
    expect(set.size).to.equal(21_000);
    let known = 0;
    let elsewhere = 0;
    for (let row = 0; row < rows; row++)
      for (const id of ids) {
        if (!set.add(row, `${id}-${row}`)) known++;
        if (set.has(row, `${id}-${(row + 1) % rows}`)) elsewhere++;
      }
    expect([known, elsewhere, set.size]).to.deep.equal([21_000, 0, 21_000]);
  });
});
