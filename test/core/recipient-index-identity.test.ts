// Issue 16, section 4: an email's recipient is known by a 64-bit hash of its id (two 32-bit
// hashes under two seeds), not by its text: reading the stored id back to compare it cost two
// cache misses an event on freshly parsed GUIDs. Equal 64-bit hashes are the same recipient
// (about n²/2⁶⁵ likely between two of n ids under the per-state seeds; see recipient-index.ts),
// and differing ones are different recipients, whichever half differs.
import { expect } from 'chai';
import { createResponseState } from '../../src/core/index';
import { RecipientIndex, type HashPair } from '../../src/core/recipient-index';
import { stringHash, stringHashPair } from '../../src/core/string-hash';

/** Hashes by a table of id → [first, second]. */
function hashesFrom(table: Record<string, readonly [number, number]>): HashPair {
  return (text, _seed, _secondSeed, out) => {
    const [first, second] = table[text]!;
    out[0] = second;
    return first;
  };
}

describe('recipient index: a recipient is its id’s 64-bit hash', () => {
  it('hashes an id with stringHashPair under the two seeds it was given', () => {
    const index = new RecipientIndex(11, 22);
    const id = '9b2f3c1e-1f2e-4a3b-9c8d-00000000c0de';
    expect(index.hash(id)).to.equal(stringHash(id, 11));
    expect(index.second).to.equal(stringHash(id, 22));
    const out = new Int32Array(1);
    expect(stringHashPair(id, 11, 22, out)).to.equal(index.hash(id));
  });

  it('takes an id with both hashes of a recipient for that recipient: the texts are not compared', () => {
    const index = new RecipientIndex(1, 2, 16, hashesFrom({ anna: [5, 9], bob: [5, 9] }));
    index.set('anna', 0);
    expect(index.get('bob')).to.equal(0);
    index.set('bob', 3);
    expect(index.size).to.equal(1);
    expect(index.get('anna')).to.equal(3);
  });

  it('keeps ids apart that share either half of the hash but not both', () => {
    const index = new RecipientIndex(1, 2, 16, hashesFrom({ anna: [5, 9], bob: [5, 10], carl: [6, 9], dora: [21, 9] }));
    ['anna', 'bob', 'carl', 'dora'].forEach((id, row) => index.set(id, row));
    expect(index.size).to.equal(4);
    expect(['anna', 'bob', 'carl', 'dora'].map((id) => index.get(id))).to.deep.equal([0, 1, 2, 3]);
  });

  it('hashes with seeds drawn per state: two states give one id different hashes', () => {
    const seedsOf = () => {
      const state = createResponseState();
      state.apply([{ id: 'e1', emailId: 'm', recipientId: 'r', response: 'delivered', at: 1_767_225_600_000 }]);
      const index = state.emails.get('m')!.rows;
      return `${index.seed} ${index.secondSeed}`;
    };
    const drawn = new Set(Array.from({ length: 4 }, seedsOf));
    expect(drawn.size).to.be.greaterThan(1);
  });
});
