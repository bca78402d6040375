// A compaction packs row pages straight from the state (pack-state-rows.ts): for any state, the
// page is exactly what packing the rows' saved objects gives (packRowPage of saveRecipient), the
// response codes in the same order, the same text columns left out.
import { expect } from 'chai';
import fc from 'fast-check';
import { DEFAULT_RULES, createResponseState, type ResponseEvent } from '../../../src/core/index';
import { packStateRows } from '../../../src/store/cache/pack-state-rows';
import { packRowPage } from '../../../src/store/cache/row-pages';
import { BASE_TIME } from '../../support/events';

const HOUR = 3_600_000;
const WEEK_RULES = { ...DEFAULT_RULES, version: 'week', statisticsPeriodDays: 7 };
const responses = ['sent-to-provider', 'delivered', 'opened', 'clicked', 'soft-bounce', 'hard-bounce', 'unsubscribed'];

const anEvent: fc.Arbitrary<ResponseEvent> = fc.record(
  {
    id: fc.integer({ min: 0, max: 60 }).map((n) => `ev${n}`),
    emailId: fc.constantFrom('e1', 'e2'),
    recipientId: fc.integer({ min: 0, max: 12 }).map((n) => `r${n}`),
    response: fc.constantFrom(...responses),
    at: fc.integer({ min: 0, max: 400 }).map((h) => BASE_TIME + h * HOUR),
    reason: fc.constantFrom('550 no such user', 'mailbox full', ''),
    scope: fc.constantFrom('type' as const),
    contactId: fc.constantFrom('c1', 'c2'),
    contactName: fc.constantFrom('Ann', 'Bob'),
    address: fc.constantFrom('a@example.com', 'b@example.com'),
  },
  { requiredKeys: ['id', 'emailId', 'recipientId', 'response', 'at'] },
);

describe('row pages packed straight from the state', () => {
  it('equal the pages packed from the rows saved as objects, with or without a statistics period', () => {
    fc.assert(
      fc.property(
        fc.array(anEvent, { maxLength: 80 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 5 }),
        (events, period, pageSize) => {
          const state = createResponseState(period ? WEEK_RULES : DEFAULT_RULES);
          state.apply(events);
          for (const id of state.emails.ids()) {
            const order = state.emails.get(id)!.order;
            for (let start = 0; start < order.length; start += pageSize) {
              const rows = order.slice(start, start + pageSize);
              const page = start / pageSize;
              expect(packStateRows(state, id, page, rows)).to.deep.equal(
                packRowPage(
                  id,
                  page,
                  rows.map((row) => state.saveRecipient(row)),
                ),
              );
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
