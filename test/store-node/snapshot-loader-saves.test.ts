// The kept rows of a snapshot reach the cache as one record per email, all of them: a snapshot
// of many pages saves them when their number has doubled since the last save and once at the end
// (so a million rows are written a few times, not once a page), and a load whose next page cannot
// be read still saves the rows it kept. Each page's own rows go to the other tabs as they come.
import { expect } from 'chai';
import { foldEvents, type ResponseState } from '../../src/core/index';
import { EventLog } from '../../src/store/event-log';
import { SnapshotLoader } from '../../src/store/snapshot-loader';
import { SnapshotResets, type KeptSnapshotRow } from '../../src/store/snapshot-resets';
import { minutes } from '../support/events';
import { snapshotHost } from '../support/snapshot-host';

const PAGES = 10;
const ROWS = 3;

function page(n: number, failAt?: number): Response {
  if (n === failAt) return new Response('no', { status: 500 });
  const recipients = Array.from({ length: ROWS }, (_, i) => ({
    recipientId: `r${n * ROWS + i}`,
    response: 'delivered',
    at: minutes(1),
  }));
  return Response.json({ emailId: 'm1', recipients, next: n + 1 < PAGES ? String(n + 1) : null });
}

function loader(state: ResponseState, saves: number[], sent: KeptSnapshotRow[][]) {
  const snapshots = new SnapshotResets();
  const host = snapshotHost(state, {
    kept: (_emailId, kept) => sent.push(kept()),
    save: (emailId) => saves.push(snapshots.rows(new Set([emailId])).length),
  });
  return new SnapshotLoader(new EventLog(), snapshots, new Map(), host);
}

describe("a snapshot's kept rows reach the cache", () => {
  const realFetch = globalThis.fetch;
  let failAt: number | undefined;
  beforeEach(() => {
    failAt = undefined;
    globalThis.fetch = (async (input: URL | string) =>
      page(Number(new URL(String(input)).searchParams.get('page') ?? 0), failAt)) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('when they have doubled and at the end, every row in the last save; each page to the tabs', async () => {
    const saves: number[] = [];
    const sent: KeptSnapshotRow[][] = [];
    const result = await loader(foldEvents([]), saves, sent).load('http://backend/snapshot', 'm1');
    expect(result.recipients).to.equal(PAGES * ROWS);
    expect(saves).to.deep.equal([3, 6, 12, 24, 30]);
    expect(sent.map((rows) => rows.length)).to.deep.equal(new Array(PAGES).fill(ROWS));
  });

  it('a load whose next page fails still saves the rows it kept', async () => {
    failAt = 3;
    const saves: number[] = [];
    const result = await loader(foldEvents([]), saves, []).load('http://backend/snapshot', 'm1');
    expect(result.problems).to.have.length(1);
    expect(saves).to.deep.equal([3, 6, 9]);
  });
});
