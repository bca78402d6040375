// Issue 16, section 4: an email's recipients are found through a hash table of our own
// (recipient-index.ts), not a Map. Whatever recipients arrive, in whatever order, and however
// their ids' hashes clash, it answers as a Map of recipient id → row would: each recipient is
// one row, found by its own id only, and a new recipient gets the next row. A recipient is known
// by its id's 64-bit hash (two 32-bit halves): ids made here to share either half, but never
// both, must stay apart. The fold looks a chunk of events up in passes (every row by hash, then
// the ones not found again in order), so that way is held to the Map too, ids new within the
// chunk and repeated in it included.
import { expect } from 'chai';
import fc from 'fast-check';
import { RecipientIndex, type HashPair } from '../../src/core/recipient-index';
import { stringHash } from '../../src/core/string-hash';

/** Recipient ids: few, so they repeat; some differ only in case or by a trailing space. */
const recipientId = fc.constantFrom('r-1', 'r-2', 'R-1', 'r-1 ', 'anna@example.com', 'bob', '', 'r-10', 'r-100');
const ALL_IDS = ['r-1', 'r-2', 'R-1', 'r-1 ', 'anna@example.com', 'bob', '', 'r-10', 'r-100', 'never-added'];

type Step = { kind: 'chunk'; ids: string[] } | { kind: 'set'; id: string } | { kind: 'look'; id: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('chunk' as const), ids: fc.array(recipientId, { maxLength: 12 }) }),
  fc.record({ kind: fc.constant('set' as const), id: recipientId }),
  fc.record({ kind: fc.constant('look' as const), id: fc.oneof(recipientId, fc.constant('never-added')) }),
);

/**
 * Both hashes of each id from a table the test draws: with few values, many ids share a first or
 * a second hash, or only a first slot, but no two share both. Negative values too: the high bit
 * must count in no slot.
 */
const half = fc.constantFrom(0, 1, 16, 17, -1, -16, 0x7fff_ffff, -0x8000_0000);
const hashTable = fc.uniqueArray(fc.tuple(half, half), {
  minLength: ALL_IDS.length,
  maxLength: ALL_IDS.length,
  selector: ([first, second]) => `${first} ${second}`,
});

/** A hash function for an index: `first` as the first hash, and `second` as the second. */
function pairOf(first: (text: string) => number, second: (text: string) => number): HashPair {
  return (text, _seed, _secondSeed, out) => {
    out[0] = second(text);
    return first(text);
  };
}

/** The fold's way through a chunk (batch.ts): hash all, find all, then in order the ones not found. */
function lookUpChunk(index: RecipientIndex, next: { row: number }, ids: readonly string[]): number[] {
  const hashes = ids.map((id) => [index.hash(id), index.second] as const);
  const rows = hashes.map(([hash, second]) => index.find(hash, second));
  return ids.map((_, k) => {
    if (rows[k]! >= 0) return rows[k]!;
    const [hash, second] = hashes[k]!;
    let row = index.find(hash, second);
    if (row < 0) {
      row = next.row++;
      index.insert(hash, second, row);
    }
    return row;
  });
}

describe('recipient index: the same answers as a Map (issue 16, section 4)', () => {
  it('for any recipients in any order, whatever hashes their ids share', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        hashTable,
        fc.constantFrom(1, 2, 4, 16),
        (steps, drawn, capacity) => {
          const hashes = (text: string) => drawn[ALL_IDS.indexOf(text)]!;
          const hashOf = pairOf(
            (text) => hashes(text)[0],
            (text) => hashes(text)[1],
          );
          const next = { row: 0 };
          const index = new RecipientIndex(7, 8, capacity, hashOf);
          const map = new Map<string, number>();
          for (const s of steps) {
            if (s.kind === 'chunk') {
              // A new recipient gets the next row, in the order recipients first appear.
              let row = next.row;
              const expected = s.ids.map((id) => {
                if (!map.has(id)) map.set(id, row++);
                return map.get(id)!;
              });
              expect(lookUpChunk(index, next, s.ids), 'rows of a chunk').to.deep.equal(expected);
            } else if (s.kind === 'set') {
              const row = next.row++;
              index.set(s.id, row);
              map.set(s.id, row);
            }
            const id = s.kind === 'chunk' ? (s.ids[0] ?? 'never-added') : s.id;
            expect(index.get(id), id).to.equal(map.get(id));
            expect(index.has(id), id).to.equal(map.has(id));
            expect(index.size).to.equal(map.size);
          }
          for (const id of ALL_IDS) expect(index.get(id), id).to.equal(map.get(id));
        },
      ),
    );
  });

  it('for any id texts, GUIDs and lone surrogates included, with a hash that clashes often', () => {
    // The fold sees 36-character GUIDs from CRMs and whatever else a producer sends: the index
    // must not depend on the ids being short, ASCII or distinct in their hash. `buckets` hash
    // values in all (one: every id clashes), and a table starting at one slot grows as it fills.
    const id = fc.oneof(
      fc.uuid(),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('r-1', 'R-1', 'r-1 ', ''),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(id, { maxLength: 12 }), { maxLength: 12 }),
        fc.constantFrom(1, 2, 3, 0x1_0000),
        fc.constantFrom(1, 2, 16),
        (chunks, buckets, capacity) => {
          // The first hash clashes; the second is the real one, under another seed.
          const hashOf = pairOf(
            (text) => (stringHash(text, 7) % buckets) - 1,
            (text) => stringHash(text, 8),
          );
          const next = { row: 0 };
          const index = new RecipientIndex(7, 8, capacity, hashOf);
          const map = new Map<string, number>();
          for (const ids of chunks) {
            let row = next.row;
            const expected = ids.map((value) => {
              if (!map.has(value)) map.set(value, row++);
              return map.get(value)!;
            });
            expect(lookUpChunk(index, next, ids)).to.deep.equal(expected);
          }
          for (const [value, row] of map) expect(index.get(value), value).to.equal(row);
          expect(index.get('never-added')).to.equal(map.get('never-added'));
          expect(index.size).to.equal(map.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ids that share their first hash are told apart by their second', () => {
    const index = new RecipientIndex(
      7,
      8,
      16,
      pairOf(
        () => 5,
        (text) => stringHash(text, 8),
      ),
    );
    const rows = lookUpChunk(index, { row: 0 }, ['anna', 'bob', 'anna', 'carl', 'bob']);
    expect(rows).to.deep.equal([0, 1, 0, 2, 1]);
    expect(index.get('bob')).to.equal(1);
    expect(index.get('dora')).to.equal(undefined);
  });

  it('a recipient is found further along the run when its first slot holds another hash', () => {
    const index = new RecipientIndex(7, 8, 16);
    // In 16 slots, hashes 5 and 21 both start at slot 5: the second recipient sits at slot 6.
    index.insert(5, 1, 0);
    index.insert(21, 1, 1);
    expect(index.find(21, 1)).to.equal(1);
    expect(index.find(5, 1)).to.equal(0);
    // A hash no recipient has: the run ends at an empty slot.
    expect(index.find(37, 1)).to.equal(-1);
  });
});
