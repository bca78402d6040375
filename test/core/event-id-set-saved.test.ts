// A cache saves the ids applied to its rows as hashes, with the seeds they were hashed under, so a
// reload knows every event it had without reading the events again: a redelivery of any of them,
// inline (a recipient's first 16) or in the overflow table (its later ones), still counts once,
// and a new id still counts.
import { expect } from 'chai';
import fc from 'fast-check';
import { EventIdSet } from '../../src/core/event-id-set';
import { restoreEventIds, saveEventIds } from '../../src/core/saved-event-ids';
import { RecipientTable } from '../../src/core/recipient-table';

function tableWithRows(rows: number): RecipientTable {
  const table = new RecipientTable();
  for (let r = 0; r < rows; r++) table.add(0, `r${r}`);
  return table;
}

/**
 * A set with `ids[r]` added to row r, and the same rows restored into a fresh set from what it
 * saves, in `order`: a reload numbers rows by email and page, not by first appearance, so a
 * recipient's row after a restore is `order.indexOf(r)`, not r.
 */
function savedAndRestored(
  ids: readonly (readonly string[])[],
  order: readonly number[] = ids.map((_, row) => row),
): { original: EventIdSet; restored: EventIdSet } {
  const original = new EventIdSet(tableWithRows(ids.length));
  // Interleaved across rows, as events arrive: each row's chain of ids is spread over the pages.
  const longest = Math.max(0, ...ids.map((list) => list.length));
  for (let k = 0; k < longest; k++) ids.forEach((list, row) => list[k] !== undefined && original.add(row, list[k]!));
  const saved = saveEventIds(original, order);
  const restored = new EventIdSet(tableWithRows(ids.length));
  const [seed, second] = original.seeds;
  expect(restored.adoptSeeds(seed, second)).to.equal(true);
  restoreEventIds(restored, 0, saved);
  return { original, restored };
}

describe('event ids saved as hashes and restored', () => {
  it('a recipient with 40 ids (16 inline, 24 in the overflow table) has all 40 after a restore, and a 41st is new', () => {
    const ids = [Array.from({ length: 40 }, (_, i) => `ev-${i}`), ['other-0']];
    const { original, restored } = savedAndRestored(ids);
    expect(restored.size).to.equal(original.size);
    expect(restored.size).to.equal(41);
    for (const id of ids[0]!) expect(restored.add(0, id), id).to.equal(false);
    expect(restored.has(1, 'other-0')).to.equal(true);
    expect(restored.has(1, 'ev-0'), 'another recipient’s id').to.equal(false);
    expect(restored.add(0, 'ev-40')).to.equal(true);
  });

  it('a recipient restored at another row keeps its ids past the 16th: a reload numbers rows by email, not by arrival', () => {
    // Row 0 is another email's recipient, read back after this one: this one is row 0 after the reload.
    const ids = [['other-0'], Array.from({ length: 20 }, (_, i) => `ev-${i}`)];
    const { restored } = savedAndRestored(ids, [1, 0]);
    for (const id of ids[1]!) expect(restored.add(0, id), id).to.equal(false);
    expect(restored.has(1, 'other-0')).to.equal(true);
    expect(restored.add(0, 'ev-20')).to.equal(true);
    expect(restored.add(1, 'ev-19'), 'the other recipient never had it').to.equal(true);
  });

  it('seeds are adopted only by an empty set: hashes under other seeds would never match', () => {
    const set = new EventIdSet(tableWithRows(1));
    set.add(0, 'ev-1');
    expect(set.adoptSeeds(1, 2)).to.equal(false);
  });

  it('any ids on any rows: the restored set knows exactly the ids the saved one had', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 40 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.string({ minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (ids, probe, reversed) => {
          const order = ids.map((_, row) => row);
          if (reversed) order.reverse();
          const { original, restored } = savedAndRestored(ids, order);
          expect(restored.size).to.equal(original.size);
          order.forEach((before, row) => {
            for (const id of ids[before]!) expect(restored.has(row, id)).to.equal(true);
            expect(restored.has(row, probe)).to.equal(ids[before]!.includes(probe));
          });
          // The restored set saves what it was given: a second reload is the same.
          const again = saveEventIds(
            restored,
            order.map((_, row) => row),
          );
          const first = saveEventIds(original, order);
          expect([...again.counts]).to.deep.equal([...first.counts]);
          expect([...again.hashes]).to.deep.equal([...first.hashes]);
        },
      ),
    );
  });
});
