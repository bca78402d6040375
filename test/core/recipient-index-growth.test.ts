// An email's recipient index (recipient-index.ts) is kept at most half full, so probe runs stay
// short: it doubles before an insert would fill more than half its slots, and every recipient is
// found after each doubling, including runs that wrapped past the last slot before it.
import { expect } from 'chai';
import { RecipientIndex } from '../../src/core/recipient-index';

const SEED = 987;

/**
 * An index of `capacity` slots and a way to add recipients to it by chosen first hashes (row n's
 * second hash is -n, so the second hashes, negative ones included, must survive a doubling).
 */
function emptyIndex(capacity?: number) {
  const index = new RecipientIndex(SEED, 789, capacity);
  const hashes: number[] = [];
  const add = (hash: number): void => {
    index.insert(hash, -hashes.length, hashes.length);
    hashes.push(hash);
  };
  const allFound = (): boolean => hashes.every((hash, row) => index.find(hash, -row) === row);
  return { index, add, allFound };
}

describe('recipient index: growth', () => {
  it('holds 8 recipients in its first 16 slots and doubles for the 9th', () => {
    const { index, add, allFound } = emptyIndex();
    // Hash 16 starts at slot 0 of 16 slots, and at slot 16 of 32: `touch` reads that first slot.
    add(16);
    for (let hash = 1; hash < 8; hash++) add(hash);
    expect(index.size).to.equal(8);
    expect(index.touch(0), 'still 16 slots').to.equal(16);
    add(8);
    expect(index.size).to.equal(9);
    expect(index.touch(0), 'now 32 slots: slot 0 is empty').to.equal(0);
    expect(index.touch(16)).to.equal(16);
    expect(allFound()).to.equal(true);
  });

  it('starts from the capacity it is given, and doubles again and again', () => {
    const { index, add, allFound } = emptyIndex(4);
    add(4); // slot 0 of 4
    add(1);
    expect(index.touch(0), '2 of 4 slots').to.equal(4);
    add(2);
    expect(index.touch(0), '3 recipients: 8 slots').to.equal(0);
    expect(index.touch(4)).to.equal(4);
    add(12); // slot 4 of 8, taken: goes to slot 5; slot 12 of 16 after the next doubling
    expect(index.touch(12), '4 of 8 slots').to.equal(4);
    add(3);
    expect(index.touch(12), '5 recipients: 16 slots').to.equal(12);
    expect(allFound()).to.equal(true);
  });

  it('finds a run that wrapped past the last slot after the table doubled', () => {
    const { index, add, allFound } = emptyIndex();
    // In 16 slots these start at slot 15 and wrap to slots 0 to 2; in 32, at slots 15 and 31.
    for (const hash of [15, 31, 47, 63]) add(hash);
    expect(index.touch(0)).to.equal(31);
    for (let hash = 100; hash < 105; hash++) add(hash);
    expect(index.touch(31)).to.equal(31);
    expect(index.touch(15) & 31, 'slot 15 holds a hash that starts there').to.equal(15);
    expect(allFound()).to.equal(true);
    expect(index.find(31, 0)).to.equal(-1);
    expect(index.find(47, 5)).to.equal(-1);
  });

  it('keeps the negative hashes it holds when it doubles (the high bit counts in no slot)', () => {
    const { index, add, allFound } = emptyIndex();
    const negative = [-1, -16, -17, -0x8000_0000, -0x7fff_fff1];
    for (const hash of negative) add(hash);
    for (let hash = 0; hash < 60; hash++) add(hash * 7);
    expect(index.size).to.equal(65);
    expect(allFound()).to.equal(true);
    expect(index.touch(-1)).to.be.lessThan(0);
  });

  it('finds every recipient by id after growing from 16 slots to 4,096', () => {
    const index = new RecipientIndex(SEED, 789);
    const ids = Array.from({ length: 2000 }, (_, n) => `recipient-${n}@example.com`);
    const lost: string[] = [];
    ids.forEach((id, n) => {
      index.set(id, n);
      // After each insert, the first and the newest are still found (through the doublings).
      if (index.get(ids[0]!) !== 0 || index.get(id) !== n) lost.push(id);
    });
    expect(lost).to.deep.equal([]);
    expect(index.size).to.equal(2000);
    expect(ids.filter((id, row) => index.get(id) !== row)).to.deep.equal([]);
    expect(index.get('recipient-2000@example.com')).to.equal(undefined);
  });
  it('reserves room for a count of recipients at once, keeping those it holds', () => {
    const { index, add, allFound } = emptyIndex();
    add(16); // slot 0 of 16; slot 16 of 64
    add(1);
    index.reserve(20);
    expect(index.touch(0), '20 recipients at most half full: 64 slots, slot 0 empty').to.equal(0);
    expect(index.touch(16)).to.equal(16);
    expect(allFound(), 'the two held before').to.equal(true);
    for (let hash = 2; hash < 20; hash++) add(hash);
    add(64); // slot 0 of 64
    expect(index.size).to.equal(21);
    expect(index.touch(0)).to.equal(64);
    expect(allFound()).to.equal(true);
  });

  it('reserving less than it has room for changes nothing', () => {
    const { index, add } = emptyIndex();
    add(16);
    index.reserve(8);
    expect(index.touch(0), 'still 16 slots').to.equal(16);
  });
});
