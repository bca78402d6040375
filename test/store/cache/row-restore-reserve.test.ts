// A restore of many row pages makes room for all their rows at once (row-restore.ts): grown page
// by page, a million rows copied the recipient table some ten times over on a cold start.
import { expect } from 'chai';
import { DEFAULT_RULES, createResponseState, type ResponseEvent } from '../../../src/core/index';
import { packStateRows } from '../../../src/store/cache/pack-state-rows';
import { encodeRowPage } from '../../../src/store/cache/row-page-format';
import { RowRestorer } from '../../../src/store/cache/row-restore';
import { BASE_TIME } from '../../support/events';

describe('a restore of row pages', () => {
  it('grows the recipient table once, to the rows of all the pages', async () => {
    const original = createResponseState(DEFAULT_RULES);
    const events: ResponseEvent[] = [];
    for (let i = 0; i < 5_000; i++)
      events.push({ id: `a${i}`, emailId: 'e1', recipientId: `r${i}`, response: 'delivered', at: BASE_TIME });
    original.apply(events);
    const order = original.emails.get('e1')!.order;
    const records = [0, 1, 2, 3, 4].map((page) =>
      structuredClone(
        encodeRowPage(packStateRows(original, 'e1', page, order.slice(page * 1_000, (page + 1) * 1_000))),
      ),
    );
    const state = createResponseState(DEFAULT_RULES);
    await new RowRestorer(state).restore(records);
    expect(state.recipients.size).to.equal(5_000);
    expect(state.recipients.capacity).to.equal(5_000);
  });
});
