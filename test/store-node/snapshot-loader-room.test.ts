// A snapshot's stated audience (`total` on its first page) makes room at once: the recipient
// table before the first page's rows, the email's recipient index right after the first page made
// the email. Grown page by page, a million recipients' index was doubled and rehashed some ten
// times. A total past the most the loader reserves, a refused one (negative, not whole), or none,
// leaves both to grow as rows come.
import { expect } from 'chai';
import { foldEvents } from '../../src/core/index';
import { RecipientIndex } from '../../src/core/recipient-index';
import { EventLog } from '../../src/store/event-log';
import { SnapshotLoader } from '../../src/store/snapshot-loader';
import { SnapshotResets } from '../../src/store/snapshot-resets';
import { minutes } from '../support/events';
import { snapshotHost } from '../support/snapshot-host';

const PAGES = 4;
const ROWS = 3;

/** Runs `work` and lists the `reserve` calls of every recipient index meanwhile. */
async function indexReserves(work: () => Promise<unknown>): Promise<number[]> {
  const reserve = RecipientIndex.prototype.reserve;
  const calls: number[] = [];
  RecipientIndex.prototype.reserve = function (this: RecipientIndex, entries: number) {
    calls.push(entries);
    reserve.call(this, entries);
  };
  try {
    await work();
    return calls;
  } finally {
    RecipientIndex.prototype.reserve = reserve;
  }
}

describe("a snapshot's stated total makes room for its rows at once", () => {
  const realFetch = globalThis.fetch;
  let total: unknown;
  const capacities: number[] = [];
  let state = foldEvents([]);
  beforeEach(() => {
    state = foldEvents([]);
    capacities.length = 0;
    globalThis.fetch = (async (input: URL | string) => {
      const n = Number(new URL(String(input)).searchParams.get('page') ?? 0);
      const recipients = Array.from({ length: ROWS }, (_, i) => ({
        recipientId: `r${n * ROWS + i}`,
        response: 'delivered',
        at: minutes(1),
      }));
      return Response.json({ emailId: 'm1', total, recipients, next: n + 1 < PAGES ? String(n + 1) : null });
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  /** Loads the pages, noting the table's room as each recipient's row is added. */
  const load = () => {
    const table = state.recipients;
    const add = table.add.bind(table);
    table.add = (email: number, recipientId: string) => {
      capacities.push(table.capacity);
      return add(email, recipientId);
    };
    return new SnapshotLoader(new EventLog(), new SnapshotResets(), new Map(), snapshotHost(state)).load(
      'http://backend/snapshot',
      'm1',
    );
  };

  it('the index once, for the whole audience, after the first page; every row found', async () => {
    total = 5_000;
    const reserves = await indexReserves(load);
    // The first page's own reserve (its 3 rows), then the total's; the later pages' fit in it.
    expect(reserves).to.deep.equal([3, 5_000, 6, 9, 12]);
    // From the first page's rows on (the table is reserved before they are added).
    expect(capacities).to.have.length(PAGES * ROWS);
    expect(
      capacities.every((capacity) => capacity >= 5_000),
      'the table, as each row is added',
    ).to.equal(true);
    const index = state.emails.get('m1')!.rows;
    expect(index.size).to.equal(PAGES * ROWS);
    for (let r = 0; r < PAGES * ROWS; r++) expect(index.get(`r${r}`), `r${r}`).to.equal(r);
  });

  it('no total, one past the most it reserves, or one refused: the index grows as the pages come', async () => {
    for (const stated of [undefined, 2 ** 21, -5, 12.5]) {
      total = stated;
      state = foldEvents([]);
      const reserves = await indexReserves(load);
      expect(reserves, String(stated)).to.deep.equal([3, 6, 9, 12]);
      expect(state.emails.get('m1')!.rows.size).to.equal(PAGES * ROWS);
    }
  });
});
