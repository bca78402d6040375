// A cold start paints every cached row before it learns their event ids (issue 16): the ids are
// written with the recipient index, after the rows show, which nothing reads before (ingest and
// the cached events wait for it). Once indexed, every redelivery counts once and a new id still
// counts.
import { expect } from 'chai';
import { DEFAULT_RULES, createResponseState, type ResponseEvent } from '../../../src/core/index';
import { EventIdSet } from '../../../src/core/event-id-set';
import { ID_COUNT, STRIDE } from '../../../src/core/recipient-table';
import { saveEventIds } from '../../../src/core/saved-event-ids';
import { packStateRows } from '../../../src/store/cache/pack-state-rows';
import { encodeRowPage } from '../../../src/store/cache/row-page-format';
import { RowRestorer } from '../../../src/store/cache/row-restore';
import { BASE_TIME } from '../../support/events';

const events: ResponseEvent[] = Array.from({ length: 60 }, (_, i) => ({
  id: `ev-${i}`,
  emailId: 'e1',
  recipientId: `r${i % 20}`,
  response: i < 20 ? 'delivered' : 'opened',
  at: BASE_TIME + i * 60_000,
}));

describe('restored rows learn their event ids with their index', () => {
  it('the ids are written by index(), not with the rows, and then every redelivery counts once', async () => {
    const original = createResponseState(DEFAULT_RULES);
    original.apply(events);
    const order = original.emails.get('e1')!.order;
    // Two pages of ten rows with their ids, as a compaction writes them (row-snapshot.ts).
    const records = [0, 1].map((page) => {
      const rows = order.slice(page * 10, page * 10 + 10);
      const ids = saveEventIds(EventIdSet.of(original.recipients)!, rows);
      const packed = { ...packStateRows(original, 'e1', page, rows), idCounts: ids.counts, idHashes: ids.hashes };
      return structuredClone(encodeRowPage(packed));
    });
    const state = createResponseState(DEFAULT_RULES);
    const [seed, second] = EventIdSet.of(original.recipients)!.seeds;
    expect(EventIdSet.of(state.recipients)!.adoptSeeds(seed, second)).to.equal(true);
    const restorer = new RowRestorer(state);
    restorer.idsFromEvents = false;
    await restorer.restore(records);

    const idCounts = () =>
      Array.from({ length: state.recipients.size }, (_, row) => state.recipients.ints[row * STRIDE * 2 + ID_COUNT]!);
    expect(state.recipients.size).to.equal(20);
    expect(idCounts(), 'no ids before the index').to.deep.equal(new Array(20).fill(0));

    let paces = 0;
    await restorer.index(async () => void paces++);
    expect(restorer.idsFromEvents, 'the pages had their ids').to.equal(false);
    expect(idCounts().reduce((a, b) => a + b, 0)).to.equal(60);
    expect(paces, 'a pause between pages of ids').to.be.at.least(2);
    const again = state.apply(events);
    expect(again.duplicates).to.equal(60);
    expect(state.apply([{ ...events[0]!, id: 'new' }]).duplicates).to.equal(0);
  });
});
