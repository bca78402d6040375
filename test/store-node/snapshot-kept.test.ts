// A good snapshot page whose recipients were all new (most of a first snapshot) is kept as its
// columns: no row is made as an object until the cache or a tab asks for the rows, and then each
// is made once. Whatever asks (the list of rows, a refold, a conflict's lookup) finds the same
// rows as a page kept row by row as objects, and a later row of a recipient replaces its row in
// the page.
import { expect } from 'chai';
import {
  SNAPSHOT_COLUMNS,
  createResponseState,
  encodeColumns,
  foldEvents,
  type ResponseState,
} from '../../src/core/index';
import { EventLog } from '../../src/store/event-log';
import { reconcilePage, reconcileRows, toSaved, type ServerRecipient } from '../../src/store/reconcile';
import { SnapshotLoader } from '../../src/store/snapshot-loader';
import { keptRow } from '../../src/store/snapshot-kept';
import { SnapshotResets, type KeptSnapshotRow } from '../../src/store/snapshot-resets';
import type { SavedRecipient } from '../../src/core/fold';
import { snapshot } from '../core/state-snapshot';
import { event, minutes } from '../support/events';
import { countRowsMade, snapshotHost } from '../support/snapshot-host';

const rows: ServerRecipient[] = [
  { recipientId: 'r1', response: 'opened', at: minutes(3), opens: 2, contactId: 'c1', contactName: 'Ann' },
  { recipientId: 'r2', response: 'hard-bounce', at: minutes(4), reason: '550', address: 'b@x.test' },
  { recipientId: 'r3', response: 'delivered', at: minutes(5), provider: 'ses', clicks: 1, machineOpens: 1 },
];
const asColumns = (list: ServerRecipient[]) => encodeColumns(list, SNAPSHOT_COLUMNS, { plain: ['recipientId'] });

/** The rows kept when the page is kept row by row as objects, as before pages were kept as columns. */
function keptAsObjects(list: ServerRecipient[]): KeptSnapshotRow[] {
  const state = createResponseState();
  const resets = new SnapshotResets();
  const result = reconcileRows(state, { emailId: 'm1', recipients: list }, () => []);
  for (const saved of result.saved) resets.keep(saved.emailId, keptRow(saved));
  return resets.rows();
}

/** A first snapshot loaded by the store's loader; `made` counts the rows made as objects. */
async function load(recipients: unknown, state: ResponseState = createResponseState()) {
  const snapshots = new SnapshotResets();
  // A store that shares with no one never asks for the rows.
  const loader = new SnapshotLoader(new EventLog(), snapshots, new Map(), snapshotHost(state));
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async () => Response.json({ emailId: 'm1', recipients, next: null })) as typeof fetch;
  try {
    const { made } = await countRowsMade(() => loader.load('http://backend/snapshot', 'm1'));
    return { snapshots, state, made };
  } finally {
    globalThis.fetch = realFetch;
  }
}

const savedOf = (recipientId: string, response: string): SavedRecipient =>
  toSaved('m1', { recipientId, response, at: minutes(9) }, createResponseState()) as SavedRecipient;

describe('a first snapshot page kept as its columns', () => {
  for (const [format, recipients] of [
    ['columns', asColumns(rows)],
    ['objects', rows],
  ] as const)
    it(`makes no row until asked, then the rows kept as objects, each once (${format})`, async () => {
      const { snapshots, made } = await load(recipients);
      expect(made).to.equal(0);
      const kept = snapshots.rows();
      expect(kept).to.deep.equal(keptAsObjects(rows));
      const again = snapshots.rows();
      kept.forEach((row, i) => expect(again[i]).to.equal(row));
    });

  it('is what reconciling hands back for a page of new rows, and none for a page with a known one', () => {
    const state = createResponseState();
    const result = reconcilePage(state, { emailId: 'm1', recipients: asColumns(rows) }, () => []);
    expect(result.page?.count).to.equal(3);
    expect(result.rows).to.deep.equal([0, 1, 2]);
    expect(result.saved).to.deep.equal([]);
    const known = foldEvents([event('delivered', { emailId: 'm1', recipientId: 'r2' })]);
    const mixed = reconcilePage(known, { emailId: 'm1', recipients: asColumns(rows) }, () => []);
    expect(mixed.page).to.equal(undefined);
    expect(mixed.known).to.deep.equal([false, true, false]);
  });

  it('a later row of a recipient replaces its row in the page, wherever it is read', async () => {
    const { snapshots, state } = await load(asColumns(rows));
    snapshots.restore([{ saved: savedOf('r2', 'opened'), covered: ['x'] }]);
    expect(snapshots.rows().map((row) => [row.saved.recipientId, row.saved.nonFinal, row.covered])).to.deep.equal([
      ['r1', 'opened', []],
      ['r3', 'delivered', []],
      ['r2', 'opened', ['x']],
    ]);
    // A conflict's lookup finds the row in the page, and the one that replaced it.
    const target = createResponseState();
    expect(snapshots.reapplyOne(target, 'm1', 'r1', [])).to.equal(0);
    expect(target.recipient('m1', 'r1')).to.include({ response: 'opened', opens: 2, contactId: 'c1' });
    expect(snapshots.reapplyOne(target, 'm1', 'r2', [])).to.equal(1);
    expect(target.recipient('m1', 'r2')).to.include({ response: 'opened' });
    expect(snapshots.reapplyOne(target, 'm1', 'r9', [])).to.equal(-1);
    // A refold resets every row that stands, in the order kept.
    const refolded = createResponseState();
    expect(snapshots.reapply(refolded, () => [])).to.deep.equal([0, 1, 2]);
    expect(refolded.recipientAt(2)).to.include({ recipientId: 'r2', response: 'opened' });
    expect(refolded.recipient('m1', 'r3')).to.deep.equal(state.recipient('m1', 'r3'));
  });

  it('two pages and single rows between them keep their order, and a row of the first page is replaced', async () => {
    const { snapshots } = await load(asColumns(rows.slice(0, 2)));
    snapshots.keep('m1', keptRow(savedOf('r7', 'delivered')));
    const state = createResponseState();
    const page = reconcilePage(state, { emailId: 'm1', recipients: asColumns([rows[2]!]) }, () => []).page!;
    snapshots.keep('m1', page);
    snapshots.keep(
      'm1',
      keptRow(savedOf('r1', 'clicked'), [event('opened', { id: 'o1', emailId: 'm1', recipientId: 'r1' })], []),
      true,
    );
    expect(snapshots.rows().map((row) => [row.saved.recipientId, row.saved.nonFinal])).to.deep.equal([
      ['r2', null],
      ['r7', 'delivered'],
      ['r3', 'delivered'],
      ['r1', 'clicked'],
    ]);
  });

  it('ends in the same state as the same rows as objects, and survives a refold the same', async () => {
    const byColumns = await load(asColumns(rows));
    const byObjects = createResponseState();
    reconcileRows(byObjects, { emailId: 'm1', recipients: rows }, () => []);
    expect(snapshot(byColumns.state)).to.deep.equal(snapshot(byObjects));
    const refolded = createResponseState();
    byColumns.snapshots.reapply(refolded, () => []);
    expect(snapshot(refolded)).to.deep.equal(snapshot(byObjects));
  });
});
