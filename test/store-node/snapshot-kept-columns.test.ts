// The snapshot rows a store keeps (to reset them again after a refold, a reload, in another tab)
// are the same whether the page came as columns or as the same rows as objects: the server's
// state of each recipient, and the ids of its events before the snapshot's cursor, which the
// server's state already stands for.
import { expect } from 'chai';
import { SNAPSHOT_COLUMNS, createResponseState, encodeColumns, type ResponseEvent } from '../../src/core/index';
import { EventLog } from '../../src/store/event-log';
import { SnapshotLoader } from '../../src/store/snapshot-loader';
import { SnapshotResets } from '../../src/store/snapshot-resets';
import type { ServerRecipient } from '../../src/store/snapshot-page';
import { snapshot } from '../core/state-snapshot';
import { minutes } from '../support/events';
import { snapshotHost } from '../support/snapshot-host';

const events: ResponseEvent[] = [
  { id: 'a1', emailId: 'm1', recipientId: 'r1', response: 'delivered', at: minutes(1) },
  { id: 'a2', emailId: 'm1', recipientId: 'r1', response: 'opened', at: minutes(2) },
  { id: 'b1', emailId: 'm1', recipientId: 'r2', response: 'delivered', at: minutes(1) },
  // After the snapshot's cursor: applied again on top of the server's row, not covered by it.
  { id: 'a3', emailId: 'm1', recipientId: 'r1', response: 'clicked', at: minutes(9) },
];

const rows: ServerRecipient[] = [
  { recipientId: 'r1', response: 'opened', at: minutes(3), opens: 2 },
  { recipientId: 'r3', response: 'hard-bounce', at: minutes(4), reason: '550', contactId: 'c3' },
  { recipientId: 'r2', response: 'soft-bounce', at: minutes(5), contactName: 'Ann' },
];

async function keep(recipients: unknown) {
  const state = createResponseState();
  const log = new EventLog();
  state.apply(events, (event, row, at) => log.add(event, row, at));
  const snapshots = new SnapshotResets();
  // The cursor was reached after the first three events: a3 came after it.
  const loader = new SnapshotLoader(log, snapshots, new Map(), snapshotHost(state, { positionOf: () => 3 }));
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async () =>
    Response.json({ emailId: 'm1', cursor: 'c', recipients, next: null })) as typeof fetch;
  try {
    await loader.load('http://backend/snapshot', 'm1');
  } finally {
    globalThis.fetch = realFetch;
  }
  return { kept: snapshots.rows(), state };
}

describe('the snapshot rows a store keeps', () => {
  it('are the same for a page of columns as for the same rows as objects', async () => {
    const byObjects = await keep(rows);
    const byColumns = await keep(encodeColumns(rows, SNAPSHOT_COLUMNS, { plain: ['recipientId'] }));
    expect(byColumns.kept).to.deep.equal(byObjects.kept);
    expect(snapshot(byColumns.state)).to.deep.equal(snapshot(byObjects.state));
    const covered = Object.fromEntries(byColumns.kept.map((row) => [row.saved.recipientId, row.covered]));
    expect(covered).to.deep.equal({ r1: ['a1', 'a2'], r2: ['b1'], r3: [] });
    expect(byColumns.state.recipient('m1', 'r1')).to.include({ response: 'clicked' });
  });
});
