// Row pages restored with their meta texts left in the page's columns (row-page-texts.ts): for
// any state, the restored rows read exactly as the rows they were saved from (whole pages or a
// page split as the first paint splits it), save the same, pack into the same pages, find the
// same contacts and merge later events the same; no meta text is cut out until a row is read. A
// page with rows the rules refuse is restored as before, its texts cut up.
import { expect } from 'chai';
import fc from 'fast-check';
import { DEFAULT_RULES, createResponseState, type ResponseEvent } from '../../../src/core/index';
import type { ResponseState } from '../../../src/core/fold';
import { META_FIELDS, RECIPIENT_ID } from '../../../src/core/recipient-table';
import { FIELD_LIMITS } from '../../../src/core/validate';
import { packStateRows } from '../../../src/store/cache/pack-state-rows';
import { decodeRowPage, encodeRowPage } from '../../../src/store/cache/row-page-format';
import { isRowPage } from '../../../src/store/cache/row-pages';
import { decodeTextRowPage } from '../../../src/store/cache/row-page-texts';
import { RowRestorer } from '../../../src/store/cache/row-restore';
import { BASE_TIME } from '../../support/events';

const HOUR = 3_600_000;
const responses = ['sent-to-provider', 'delivered', 'opened', 'clicked', 'soft-bounce', 'hard-bounce', 'unsubscribed'];

const anEvent = (prefix: string): fc.Arbitrary<ResponseEvent> =>
  fc.record(
    {
      id: fc.integer({ min: 0, max: 80 }).map((n) => `${prefix}${n}`),
      emailId: fc.constantFrom('e1', 'e2'),
      recipientId: fc.integer({ min: 0, max: 14 }).map((n) => `r${n}`),
      response: fc.constantFrom(...responses),
      at: fc.integer({ min: 0, max: 60 }).map((h) => BASE_TIME + h * HOUR),
      reason: fc.constantFrom('550 no such user', 'mailbox full', ''),
      scope: fc.constantFrom('type' as const),
      contactId: fc.constantFrom('c1', 'c2', 'a much longer contact id'),
      contactName: fc.constantFrom('Ann', 'Bob', 'Zoë Ångström-Løvlie'),
      address: fc.constantFrom('a@example.com', 'b@example.com', ''),
      provider: fc.constantFrom('gmail', 'outlook'),
    },
    { requiredKeys: ['id', 'emailId', 'recipientId', 'response', 'at'] },
  );

/** Every email's rows as the cache stores them: pages of `pageSize`, structured-cloned as IndexedDB reads them. */
function storedPages(state: ResponseState, pageSize: number): unknown[] {
  const records: unknown[] = [];
  for (const emailId of state.emails.ids()) {
    const order = state.emails.get(emailId)!.order;
    for (let page = 0; page * pageSize < order.length; page++) {
      const rows = order.slice(page * pageSize, (page + 1) * pageSize);
      records.push(structuredClone(encodeRowPage(packStateRows(state, emailId, page, rows))));
    }
  }
  return records;
}

/** Every recipient as the views read it and as a cache saves it, by email and recipient id. */
function seen(state: ResponseState) {
  const out: Record<string, unknown> = {};
  for (const emailId of state.emails.ids())
    for (const row of state.emails.get(emailId)!.order) {
      const { recipientId } = state.recipientAt(row);
      out[`${emailId}/${recipientId}`] = { read: state.recipientAt(row), saved: state.saveRecipient(row) };
    }
  return out;
}

/** Each contact's recipients (sorted: a cache restores an email's rows together, not in first-seen order). */
function contacts(state: ResponseState) {
  const out: Record<string, string[]> = {};
  for (const contactId of [...state.contactIds()].sort())
    out[contactId] = state
      .contactRows(contactId)
      .map((row) => {
        const r = state.recipientAt(row);
        return `${r.emailId}/${r.recipientId}`;
      })
      .sort();
  return out;
}

async function restored(records: unknown[], firstRows: number | undefined, buildContacts: boolean) {
  const state = createResponseState(DEFAULT_RULES);
  // A timeline may have read the contact index before the cache's rows arrive.
  if (buildContacts) state.contactRows('c1');
  const restorer = new RowRestorer(state);
  if (firstRows === undefined) await restorer.restore(records);
  else await restorer.restoreFirst(records, firstRows, async () => {});
  await restorer.index(async () => {});
  return { state, restorer };
}

describe('row pages restored with their texts in columns', () => {
  it('read, save, find contacts and merge later events as the rows they were saved from', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anEvent('ev'), { minLength: 1, maxLength: 60 }),
        fc.array(anEvent('late'), { maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        fc.boolean(),
        async (events, later, pageSize, firstRows, buildContacts) => {
          const original = createResponseState(DEFAULT_RULES);
          original.apply(events);
          const { state, restorer } = await restored(storedPages(original, pageSize), firstRows, buildContacts);
          expect(restorer.corrupted).to.equal(0);
          expect(seen(state)).to.deep.equal(seen(original));
          expect(contacts(state)).to.deep.equal(contacts(original));
          // A compaction right after writes the pages it read.
          expect(storedPages(state, pageSize)).to.deep.equal(storedPages(original, pageSize));
          original.apply(later);
          state.apply(later);
          expect(seen(state)).to.deep.equal(seen(original));
          expect(contacts(state)).to.deep.equal(contacts(original));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('cut no recipient id or meta text out of its column until a row is read', async () => {
    const original = createResponseState(DEFAULT_RULES);
    original.apply([
      { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'delivered', at: BASE_TIME, contactId: 'c1' },
      { id: 'b', emailId: 'e1', recipientId: 'r2', response: 'opened', at: BASE_TIME, address: 'b@example.com' },
    ]);
    const { state } = await restored(storedPages(original, 2), undefined, false);
    const table = state.recipients;
    for (let row = 0; row < 2; row++) {
      for (let m = 0; m < META_FIELDS.length; m++) expect(table.text(row, m)).to.equal(undefined);
      expect(table.text(row, RECIPIENT_ID), 'the id').to.equal(undefined);
    }
    expect(table.textBlocks(), 'no text slots made: the rows have no reason').to.equal(0);
    expect([state.recipientAt(0).contactId, state.recipientAt(1).address]).to.deep.equal(['c1', 'b@example.com']);
    expect([state.recipients.recipientIdOf(0), state.recipients.recipientIdOf(1)]).to.deep.equal(['r1', 'r2']);
    expect(state.emails.get('e1')!.rows.get('r2'), 'found by its id once indexed').to.equal(1);
    expect(state.contactRows('c1')).to.deep.equal([0]);
  });

  it('restore the rows the rules know of a page with a response they do not, texts and all', async () => {
    const original = createResponseState(DEFAULT_RULES);
    original.apply([
      { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'delivered', at: BASE_TIME, contactName: 'Ann' },
      { id: 'b', emailId: 'e1', recipientId: 'r2', response: 'opened', at: BASE_TIME, contactName: 'Bob' },
      { id: 'c', emailId: 'e1', recipientId: 'r3', response: 'delivered', at: BASE_TIME + HOUR, contactName: 'Cy' },
    ]);
    const [record] = storedPages(original, 3) as { responses: string[] }[];
    expect(record!.responses).to.deep.equal(['delivered', 'opened']);
    record!.responses[1] = 'not-in-these-rules';
    const { state } = await restored([record], undefined, false);
    const names = state.emails.get('e1')!.order.map((row) => state.recipientAt(row).contactName);
    expect(names).to.deep.equal(['Ann', 'Cy']);
  });

  it('refuse a page whose meta column is damaged, as the page read whole refuses it', () => {
    const original = createResponseState(DEFAULT_RULES);
    original.apply([
      { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'delivered', at: BASE_TIME, address: 'a@example.com' },
    ]);
    const damaged = (change: (meta: { values: { text: string; lengths: Int32Array }; at: Float64Array }) => void) => {
      const [record] = storedPages(original, 1) as {
        meta: { address: { values: { text: string; lengths: Int32Array }; at: Float64Array } };
      }[];
      change(record!.meta.address);
      return decodeTextRowPage(record);
    };
    expect(damaged(() => {})).to.not.equal(undefined);
    expect(damaged((column) => (column.values.text += 'x'))).to.equal(undefined);
    expect(damaged((column) => (column.values.lengths = Int32Array.of(-3)))).to.equal(undefined);
    expect(damaged((column) => (column.at[0] = NaN))).to.equal(undefined);
    expect(damaged((column) => (column.at = new Float64Array(2)))).to.equal(undefined);
    const long = FIELD_LIMITS.address + 1;
    expect(
      damaged((column) => {
        column.values = { text: 'x'.repeat(long), lengths: Int32Array.of(long) };
      }),
    ).to.equal(undefined);
  });

  it('refuse a page whose recipient ids are damaged, as the page read whole refuses it', () => {
    const original = createResponseState(DEFAULT_RULES);
    original.apply([
      { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'delivered', at: BASE_TIME },
      { id: 'b', emailId: 'e1', recipientId: 'r22', response: 'opened', at: BASE_TIME },
    ]);
    const damaged = (change: (ids: { text: string; lengths: Int32Array }) => void) => {
      const [record] = storedPages(original, 2) as { recipientIds: { text: string; lengths: Int32Array } }[];
      change(record!.recipientIds);
      const page = decodeTextRowPage(record);
      // The same record read whole (by a compaction's merge, say) is refused alike.
      expect(page === undefined, 'as decodeRowPage and isRowPage judge it').to.equal(!isRowPage(decodeRowPage(record)));
      return page;
    };
    expect(damaged(() => {})).to.not.equal(undefined);
    expect(damaged((ids) => (ids.text += 'x'))).to.equal(undefined);
    expect(
      damaged((ids) => (ids.lengths = Int32Array.of(3, 3))),
      'lengths past the text',
    ).to.equal(undefined);
    expect(
      damaged((ids) => (ids.lengths = Int32Array.of(-1, 5))),
      'a row with no id',
    ).to.equal(undefined);
    expect(
      damaged((ids) => (ids.lengths = Int32Array.of(0, 5))),
      'an empty id',
    ).to.equal(undefined);
    expect(
      damaged((ids) => (ids.lengths = Int32Array.of(2))),
      'fewer ids than rows',
    ).to.equal(undefined);
    const long = FIELD_LIMITS.recipientId + 1;
    expect(
      damaged((ids) => Object.assign(ids, { text: 'x'.repeat(long + 2), lengths: Int32Array.of(long, 2) })),
    ).to.equal(undefined);
  });
});
