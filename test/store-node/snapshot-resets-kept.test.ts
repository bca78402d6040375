// The snapshot rows a store keeps: one per recipient, the latest standing. A row kept for a
// recipient the store had not heard of is appended without a lookup (a million-row first
// snapshot); looking a recipient up, or keeping another row for it, finds the latest one.
import { expect } from 'chai';
import { foldEvents, type SavedRecipient } from '../../src/core/index';
import { toSaved } from '../../src/store/reconcile';
import { keptRow } from '../../src/store/snapshot-kept';
import { SnapshotResets } from '../../src/store/snapshot-resets';
import { event, minutes } from '../support/events';

const state = foldEvents([]);
const saved = (recipientId: string, response: string): SavedRecipient =>
  toSaved('e1', { recipientId, response, at: minutes(1) }, state) as SavedRecipient;

describe('the snapshot rows a store keeps', () => {
  it('hold one row per recipient, the latest, whether appended or kept after a lookup', () => {
    const resets = new SnapshotResets();
    resets.keep('e1', keptRow(saved('r1', 'delivered')));
    resets.keep('e1', keptRow(saved('r2', 'delivered')));
    resets.keep(
      'e1',
      keptRow(saved('r1', 'hard-bounce'), [event('delivered', { id: 'a1', recipientId: 'r1' })], []),
      true,
    );
    expect(resets.rows().map((row) => [row.saved.recipientId, row.saved.final, row.covered])).to.deep.equal([
      ['r2', null, []],
      ['r1', 'hard-bounce', ['a1']],
    ]);
  });

  it('a row from the cache or another tab replaces the one kept', () => {
    const resets = new SnapshotResets();
    resets.keep('e1', keptRow(saved('r1', 'delivered')));
    resets.restore([{ saved: saved('r1', 'opened'), covered: ['x'] }]);
    expect(resets.rows()).to.deep.equal([{ saved: saved('r1', 'opened'), covered: ['x'] }]);
  });

  it('resets the latest row of a recipient, with the events it does not cover on top', () => {
    const resets = new SnapshotResets();
    resets.keep('e1', keptRow(saved('r1', 'delivered')));
    resets.keep('e1', keptRow(saved('r1', 'opened')));
    const target = foldEvents([]);
    const later = event('clicked', { id: 'c1', recipientId: 'r1', at: minutes(2) });
    expect(resets.reapplyOne(target, 'e1', 'r1', [later])).to.equal(0);
    expect(target.recipient('e1', 'r1')).to.include({ response: 'clicked' });
    expect(resets.rows().map((row) => row.saved.nonFinal)).to.deep.equal(['opened']);
    expect(resets.reapplyOne(target, 'e1', 'r9', [])).to.equal(-1);
  });

  it('a refold resets every kept row, the later of two rows of a recipient last', () => {
    const resets = new SnapshotResets();
    resets.keep('e1', keptRow(saved('r1', 'delivered')));
    resets.keep('e1', keptRow(saved('r2', 'opened')));
    resets.keep('e1', keptRow(saved('r1', 'hard-bounce')));
    const target = foldEvents([]);
    resets.reapply(target, () => []);
    expect(target.recipient('e1', 'r1')).to.include({ response: 'hard-bounce' });
    expect(target.recipient('e1', 'r2')).to.include({ response: 'opened' });
  });
});
