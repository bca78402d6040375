// A snapshot page of columns is the same rows as objects: whatever the recipients the client
// already had (with events before and after the snapshot's cursor), the responses, the times, the
// optional texts and counts, and a recipient named twice in one page, reconciling the page either
// way ends in the same state and hands back the same rows, server states, conflicts and problems.
// A good page of columns is applied in bulk (snapshot-columns.ts); this pins that the bulk way
// and the row-by-row way agree.
import { expect } from 'chai';
import {
  SNAPSHOT_COLUMNS,
  encodeColumns,
  foldEvents,
  type ResponseEvent,
  type ResponseState,
} from '../../src/core/index';
import { reconcilePage, type ServerRecipient } from '../../src/store/reconcile';
import { readSnapshotColumns } from '../../src/store/snapshot-columns';
import { snapshot } from '../core/state-snapshot';
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

function reconcile(events: ResponseEvent[], cursor: number, recipients: ServerRecipient[] | object) {
  const state = foldEvents(events);
  const later = (row: number) =>
    events.filter((event) => state.rowOf(EMAIL, event.recipientId) === row && (event.at as number) > cursor);
  const result = reconcilePage(state, { emailId: EMAIL, recipients: recipients as ServerRecipient[] }, later);
  return { state, result };
}

const plainIds = { plain: ['recipientId', 'contactName'] };

describe('a snapshot page of columns and the same rows as objects', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`end in the same state with the same rows, conflicts and problems (seed ${seed})`, () => {
      const { events, cursor, page } = scenario(seed);
      const batch = encodeColumns(page, SNAPSHOT_COLUMNS, plainIds);
      // A good page: the bulk way takes it.
      expect(readSnapshotColumns(batch, EMAIL, foldEvents([]).rules)).to.not.equal(undefined);
      const byObjects = reconcile(events, cursor, page);
      const byColumns = reconcile(events, cursor, batch);
      expect(byColumns.result).to.deep.equal(byObjects.result);
      expect(snapshot(byColumns.state)).to.deep.equal(snapshot(byObjects.state));
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
    const byObjects = reconcile([], 0, page);
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
});
