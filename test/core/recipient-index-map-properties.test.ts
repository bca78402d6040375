// Issue 16, section 4: an email's recipients are found through a hash table of our own
// (recipient-index.ts), not a Map. Whatever recipients arrive, in whatever order, and however
// their ids' hashes clash, it answers as a Map of recipient id → row would: each recipient is
// one row, found by its own id only, and a new recipient gets the next row. The fold looks a
// chunk of events up in passes (a candidate row by hash, then the candidate's id compared), so
// that way is held to the Map too, ids new within the chunk and repeated in it included.
import { expect } from 'chai';
import fc from 'fast-check';
import { RecipientIndex } from '../../src/core/recipient-index';
import { RecipientTable } from '../../src/core/recipient-table';
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
 * Hashes from a table the test draws: with few values, many ids share a hash, or only a first
 * slot. Negative values too: the high bit must count in no slot.
 */
const hashTable = fc.array(fc.constantFrom(0, 1, 16, 17, -1, -16, 0x7fff_ffff, -0x8000_0000), {
  minLength: ALL_IDS.length,
  maxLength: ALL_IDS.length,
});

/** The fold's way through a chunk (batch.ts): hash, candidate, compare, then the whole lookup. */
function lookUpChunk(index: RecipientIndex, table: RecipientTable, ids: readonly string[]): number[] {
  const hashes = ids.map((id) => index.hash(id));
  const rows = hashes.map((hash) => index.candidate(hash));
  return ids.map((id, k) => {
    const candidate = rows[k]!;
    if (candidate >= 0 && index.confirms(candidate, id)) return candidate;
    let row = index.find(id, hashes[k]!);
    if (row < 0) {
      row = table.add(0, id);
      index.insert(hashes[k]!, row);
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
          const hashOf = (text: string) => drawn[ALL_IDS.indexOf(text)]!;
          const table = new RecipientTable();
          const index = new RecipientIndex(table, 7, capacity, hashOf);
          const map = new Map<string, number>();
          for (const s of steps) {
            if (s.kind === 'chunk') {
              // A new recipient gets the next row, in the order recipients first appear.
              let next = table.size;
              const expected = s.ids.map((id) => {
                if (!map.has(id)) map.set(id, next++);
                return map.get(id)!;
              });
              expect(lookUpChunk(index, table, s.ids), 'rows of a chunk').to.deep.equal(expected);
            } else if (s.kind === 'set') {
              const row = table.add(0, s.id);
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
          const hashOf = (text: string, seed: number) => (stringHash(text, seed) % buckets) - 1;
          const table = new RecipientTable();
          const index = new RecipientIndex(table, 7, capacity, hashOf);
          const map = new Map<string, number>();
          for (const ids of chunks) {
            let next = table.size;
            const expected = ids.map((value) => {
              if (!map.has(value)) map.set(value, next++);
              return map.get(value)!;
            });
            expect(lookUpChunk(index, table, ids)).to.deep.equal(expected);
          }
          for (const [value, row] of map) expect(index.get(value), value).to.equal(row);
          expect(index.get('never-added')).to.equal(map.get('never-added'));
          expect(index.size).to.equal(map.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a candidate that only shares the hash is not taken for the recipient', () => {
    const table = new RecipientTable();
    const index = new RecipientIndex(table, 7, 16, () => 5);
    const rows = lookUpChunk(index, table, ['anna', 'bob', 'anna', 'carl', 'bob']);
    expect(rows).to.deep.equal([0, 1, 0, 2, 1]);
    // Every id has hash 5: the candidate is always the first recipient, anna's row.
    expect(index.candidate(5)).to.equal(0);
    expect(index.confirms(0, 'bob')).to.equal(false);
    expect(index.confirms(0, 'anna')).to.equal(true);
    expect(index.get('bob')).to.equal(1);
    expect(index.get('dora')).to.equal(undefined);
  });

  it('the candidate of a hash is found further along the run when its first slot holds another hash', () => {
    const table = new RecipientTable();
    const index = new RecipientIndex(table, 7, 16);
    // In 16 slots, hashes 5 and 21 both start at slot 5: the second recipient sits at slot 6.
    index.insert(5, table.add(0, 'anna'));
    index.insert(21, table.add(0, 'bob'));
    expect(index.candidate(21)).to.equal(1);
    expect(index.candidate(5)).to.equal(0);
    // A hash no recipient has: the run ends at an empty slot.
    expect(index.candidate(37)).to.equal(-1);
  });
});
