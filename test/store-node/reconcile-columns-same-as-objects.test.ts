// A snapshot page of columns is the same rows as objects: whatever the recipients the client
// already had (with events before and after the snapshot's cursor), the responses, the times, the
// optional texts and counts, and a recipient named twice in one page, reconciling the page either
// way ends in the same state and hands back the same rows, server states, conflicts and problems.
// A good page, of columns or of objects, is applied in bulk (snapshot-columns.ts); this pins that
// the bulk way and the row-by-row way, each row checked and reset on its own, agree.
import { expect } from 'chai';
import {
  SNAPSHOT_COLUMNS,
  encodeColumns,
  foldEvents,
  type ResponseEvent,
  type ResponseState,
} from '../../src/core/index';
import { reconcilePage, reconcileRows, type ServerRecipient } from '../../src/store/reconcile';
import { readSnapshotColumns, readSnapshotObjects } from '../../src/store/snapshot-columns';
import { snapshot } from '../core/state-snapshot';
import { withRowsSaved } from '../support/page-result';
import { minutes } from '../support/events';
import { random } from '../support/random';

const EMAIL = 'm1';
const RESPONSES = ['planned', 'delivered', 'opened', 'clicked', 'hard-bounce', 'soft-bounce', 'unsubscribed'];

/** One case: the events the client had, the cursor time, and the server's page. */
function scenario(seed: number): { events: ResponseEvent[]; cursor: number; page: ServerRecipient[] } {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const events: ResponseEvent[] = [];
  for (let i = 0; i < 40; i++)
    events.push({
      id: `e${i}`,
      emailId: EMAIL,
      recipientId: `r${Math.floor(next() * 20)}`,
      response: pick(RESPONSES),
      at: minutes(Math.floor(next() * 60)),
      ...(next() < 0.3 ? { contactId: `c${Math.floor(next() * 5)}` } : {}),
    });
  const page: ServerRecipient[] = [];
  for (let i = 0; i < 50; i++) {
    const at = minutes(Math.floor(next() * 60));
    const row: ServerRecipient = {
      recipientId: `r${Math.floor(next() * 40)}`,
      response: pick(RESPONSES),
      at: next() < 0.2 ? new Date(at).toISOString() : at,
    };
    if (next() < 0.5) row.opens = Math.floor(next() * 4);
    if (next() < 0.3) row.clicks = Math.floor(next() * 3);
    if (next() < 0.2) row.machineOpens = 1;
    for (const field of ['reason', 'contactId', 'contactName', 'address', 'provider'] as const) {
      const roll = next();
      if (roll < 0.4) row[field] = pick(['', 'x', `${field}-${Math.floor(next() * 3)}`]);
      else if (roll < 0.5) (row as unknown as Record<string, null>)[field] = null;
    }
    page.push(row);
  }
  return { events, cursor: minutes(30), page };
}

/** The page reconciled as the store does (`reconcilePage`), or `rowByRow`, each row on its own. */
function reconcile(events: ResponseEvent[], cursor: number, recipients: ServerRecipient[] | object, rowByRow = false) {
  const state = foldEvents(events);
  const later = (row: number) =>
    events.filter((event) => state.rowOf(EMAIL, event.recipientId) === row && (event.at as number) > cursor);
  const page = { emailId: EMAIL, recipients: recipients as ServerRecipient[] };
  const result = rowByRow ? reconcileRows(state, page, later) : reconcilePage(state, page, later);
  // A page of new rows kept as its columns hands back the same server states, made when asked for.
  return { state, result: withRowsSaved(result) };
}

const plainIds = { plain: ['recipientId', 'contactName'] };

describe('a snapshot page of columns and the same rows as objects', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`end in the same state with the same rows, conflicts and problems (seed ${seed})`, () => {
      const { events, cursor, page } = scenario(seed);
      const batch = encodeColumns(page, SNAPSHOT_COLUMNS, plainIds);
      // A good page: the bulk way takes it, as columns and as objects.
      expect(readSnapshotColumns(batch, EMAIL, foldEvents([]).rules)).to.not.equal(undefined);
      expect(readSnapshotObjects(page, EMAIL, foldEvents([]).rules)).to.not.equal(undefined);
      const rowByRow = reconcile(events, cursor, page, true);
      const byObjects = reconcile(events, cursor, page);
      const byColumns = reconcile(events, cursor, batch);
      expect(byColumns.result).to.deep.equal(rowByRow.result);
      expect(byObjects.result).to.deep.equal(rowByRow.result);
      expect(snapshot(byColumns.state)).to.deep.equal(snapshot(rowByRow.state));
      expect(snapshot(byObjects.state)).to.deep.equal(snapshot(rowByRow.state));
      expect(byColumns.result.rows).to.have.length(page.length);
    });
  }

  it('a recipient named twice is restored at its first row and reset at the next, which may disagree', () => {
    const page: ServerRecipient[] = [
      { recipientId: 'r1', response: 'delivered', at: minutes(1) },
      { recipientId: 'r2', response: 'opened', at: minutes(2) },
      { recipientId: 'r1', response: 'hard-bounce', at: minutes(3) },
    ];
    const byColumns = reconcile([], 0, encodeColumns(page, SNAPSHOT_COLUMNS, plainIds));
    const byObjects = reconcile([], 0, page, true);
    expect(byColumns.result).to.deep.equal(byObjects.result);
    expect(byColumns.result.known).to.deep.equal([false, false, true]);
    expect(byColumns.result.conflicts.map((conflict) => conflict.recipientId)).to.deep.equal(['r1']);
    expect(byColumns.state.recipient(EMAIL, 'r1')).to.include({ response: 'hard-bounce' });
  });

  it('a page with one bad row goes row by row: the same problem, with its index, and the other rows', () => {
    const page = [
      { recipientId: 'r1', response: 'delivered', at: minutes(1) },
      { recipientId: 'r2', response: 'opened', at: minutes(2), opens: -1 },
    ];
    const batch = encodeColumns(page, SNAPSHOT_COLUMNS, plainIds);
    const state: ResponseState = foldEvents([]);
    expect(readSnapshotColumns(batch, EMAIL, state.rules)).to.equal(undefined);
    const result = reconcilePage(state, { emailId: EMAIL, recipients: batch }, () => []);
    expect(result.problems).to.deep.equal(['row 1: recipient r2: opens must be a whole number of at least 0, not -1']);
    expect(result.rows).to.deep.equal([state.rowOf(EMAIL, 'r1')]);
  });

  it('an object row with a count of null is refused with its reason, as row by row', () => {
    const page = [
      { recipientId: 'r1', response: 'delivered', at: minutes(1) },
      { recipientId: 'r2', response: 'opened', at: minutes(2), opens: null },
    ] as unknown as ServerRecipient[];
    expect(readSnapshotObjects(page, EMAIL, foldEvents([]).rules)).to.equal(undefined);
    const { result } = reconcile([], 0, page);
    expect(result.problems).to.deep.equal(['recipient r2: opens must be a whole number of at least 0, not null']);
    expect(result.rows).to.have.length(1);
  });
});
