// An email's recipients are found by a seeded 64-bit hash of their ids (recipient-index.ts). Two
// ids can share one of its 32-bit halves, or only the slot it starts from: a recipient is still
// one recipient, found by its own id and never by another's, and setting one never moves another.
import { expect } from 'chai';
import { RecipientIndex } from '../../src/core/recipient-index';
import { stringHash } from '../../src/core/string-hash';

const SEED = 12345;
const SECOND_SEED = 678;
/** Two recipient ids with the same first 32-bit hash under SEED (found by search), and a second pair. */
const SAME_HASH = ['r-20818', 'r-126889'] as const;
const OTHER_PAIR = ['r-107352', 'r-136963'] as const;

/** An index holding these ids, each in a row of its own, in order, and the next row. */
function indexOf(ids: readonly string[]): { index: RecipientIndex; next: () => number } {
  const index = new RecipientIndex(SEED, SECOND_SEED);
  ids.forEach((id, row) => index.set(id, row));
  let rows = ids.length;
  return { index, next: () => rows++ };
}

describe('recipient index: ids that share a hash', () => {
  it('the pairs used here do share their first hash under this seed, and not their second', () => {
    expect(stringHash(SAME_HASH[0], SEED)).to.equal(stringHash(SAME_HASH[1], SEED));
    expect(stringHash(OTHER_PAIR[0], SEED)).to.equal(stringHash(OTHER_PAIR[1], SEED));
    expect(stringHash(SAME_HASH[0], SECOND_SEED)).to.not.equal(stringHash(SAME_HASH[1], SECOND_SEED));
    expect(stringHash(OTHER_PAIR[0], SECOND_SEED)).to.not.equal(stringHash(OTHER_PAIR[1], SECOND_SEED));
  });

  it('keeps two recipients whose ids share a hash apart, whichever came first', () => {
    for (const ids of [SAME_HASH, [SAME_HASH[1], SAME_HASH[0]]]) {
      const { index } = indexOf(ids);
      expect(index.size).to.equal(2);
      expect(index.get(ids[0]!)).to.equal(0);
      expect(index.get(ids[1]!)).to.equal(1);
    }
  });

  it('does not find a recipient by another id that has its hash', () => {
    const { index } = indexOf([SAME_HASH[0], OTHER_PAIR[1]]);
    expect(index.get(SAME_HASH[1])).to.equal(undefined);
    expect(index.has(SAME_HASH[1])).to.equal(false);
    expect(index.has(OTHER_PAIR[0])).to.equal(false);
    expect(index.find(stringHash(SAME_HASH[1], SEED), stringHash(SAME_HASH[1], SECOND_SEED))).to.equal(-1);
    expect(index.has(SAME_HASH[0])).to.equal(true);
  });

  it('moves only the recipient set, not another whose id has its hash', () => {
    const { index, next } = indexOf([...SAME_HASH]);
    const later = next();
    index.set(SAME_HASH[1], later);
    expect(index.get(SAME_HASH[1])).to.equal(later);
    expect(index.get(SAME_HASH[0])).to.equal(0);
    expect(index.size).to.equal(2);
  });

  it('setting a recipient it holds replaces its row and does not count it twice', () => {
    const { index, next } = indexOf(['r-1', 'r-2', 'r-3']);
    const later = next();
    expect(index.set('r-2', later)).to.equal(index);
    expect(index.size).to.equal(3);
    expect(index.get('r-2')).to.equal(later);
    expect(['r-1', 'r-3'].map((id) => index.get(id))).to.deep.equal([0, 2]);
  });

  it('tells apart ids that differ only in case or in one character', () => {
    const ids = ['anna@example.com', 'Anna@example.com', 'ANNA@EXAMPLE.COM', 'anna@example.con', 'anna@example.co'];
    const { index } = indexOf([...ids, 'r-10', 'r-11', 'r-1', 'r-01', 'r-1 ']);
    expect(index.size).to.equal(10);
    ids.forEach((id, row) => expect(index.get(id)).to.equal(row));
    expect(['r-10', 'r-11', 'r-1', 'r-01', 'r-1 '].map((id) => index.get(id))).to.deep.equal([5, 6, 7, 8, 9]);
    expect(index.get('anna@example.c')).to.equal(undefined);
    expect(index.get('aNNa@example.com')).to.equal(undefined);
  });
});

describe('recipient index: recipients whose hashes start at one slot', () => {
  /**
   * Rows 0, 1, … inserted with the first hashes given (as the batch does, by hash); row n's
   * second hash is 100 + n.
   */
  function byHash(hashes: readonly number[]): RecipientIndex {
    const index = new RecipientIndex(SEED, SECOND_SEED);
    hashes.forEach((hash, row) => index.insert(hash, 100 + row, row));
    return index;
  }

  it('finds each of a run of recipients that wraps past the last slot to the first', () => {
    // In 16 slots, 15, 31 and 47 all start at the last slot: the run goes on at slots 0 and 1,
    // where a recipient hashed to slot 0 then has to go further.
    const hashes = [15, 31, 47, 0, 1];
    const index = byHash(hashes);
    expect(index.size).to.equal(5);
    hashes.forEach((hash, row) => expect(index.find(hash, 100 + row), `row ${row}`).to.equal(row));
    // Absent recipients whose hash starts in the run are looked for to its end, then not found.
    expect(index.find(15, 99)).to.equal(-1);
    expect(index.find(63, 100)).to.equal(-1);
    expect(index.find(0, 100)).to.equal(-1);
    // A recipient's second hash under another's first is not the recipient asked for.
    expect(index.find(31, 100)).to.equal(-1);
  });

  it('finds a recipient only under both its own hashes, even in its own slot', () => {
    const index = byHash([5]);
    expect(index.find(5, 100)).to.equal(0);
    expect(index.find(21, 100)).to.equal(-1); // the same slot of 16, another first hash
    expect(index.find(5, 101)).to.equal(-1); // the same first hash, another second
  });

  it('reads the first slot of a hash before a lookup: the hash stored there, or 0 when empty', () => {
    const index = byHash([37]); // slot 5 of 16
    expect(index.touch(5)).to.equal(37);
    expect(index.touch(21)).to.equal(37);
    expect(index.touch(6)).to.equal(0);
  });
});
