// A columnar batch is the same events written as one array per field: folded, it must end in the
// same state as the events sent as objects, in any split; a bad row is rejected with its index and
// the reason the same event would get as an object; a malformed batch is rejected whole.
import { expect } from 'chai';
import fc from 'fast-check';
import {
  DEFAULT_RULES,
  applyItems,
  checkEvent,
  compileRules,
  createResponseState,
  decodeColumns,
  encodeColumns,
  EVENT_COLUMNS,
  foldEvents,
  type ColumnarBatch,
  type ResponseEvent,
} from '../../src/core/index';
import type { CheckedEvent } from '../../src/core/validate';
import { BASE_TIME } from '../support/events';
import { snapshot } from './state-snapshot';

const ids = DEFAULT_RULES.responses.map((r) => r.id);
const rules = compileRules(DEFAULT_RULES);

const anEvent = fc.record(
  {
    emailId: fc.constantFrom('e1', 'e2'),
    recipientId: fc.constantFrom('r1', 'r2', 'r3'),
    response: fc.constantFrom(...ids),
    at: fc.oneof(
      fc.integer({ min: 0, max: 5 }).map((m) => BASE_TIME + m * 60_000),
      fc.constantFrom('2026-01-01T00:03:00Z', '2026-01-01T02:00:00+02:00'),
    ),
    contactId: fc.constantFrom('c1', 'c2', 'c3'),
    contactName: fc.constantFrom('Ann', 'Bob'),
    address: fc.constantFrom('a@example.com', 'b@example.com'),
    emailType: fc.constantFrom('news', 'promo'),
    emailKind: fc.constantFrom('bulk' as const, 'trigger' as const),
    provider: fc.constantFrom('sendgrid', 'ses'),
    url: fc.constantFrom('https://example.com/a', 'mailto:x@example.com'),
    reason: fc.constantFrom('451 busy', '550 gone'),
    scope: fc.constantFrom('all' as const, 'type' as const),
  },
  { requiredKeys: ['emailId', 'recipientId', 'response', 'at'] },
);

const eventSet = fc
  .array(anEvent, { maxLength: 40 })
  .map((events) => events.map((e, i): ResponseEvent => ({ id: `ev${i}`, ...e })));

/** Cuts a list at the given points (each taken modulo its length + 1). */
function split<T>(list: readonly T[], cuts: number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (list.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let start = 0;
  for (const p of [...points, list.length]) {
    parts.push(list.slice(start, p));
    start = p;
  }
  return parts;
}

/** A batch's rows with one value replaced, written without a dictionary for that column. */
function withValue(batch: ColumnarBatch, row: number, field: string, value: unknown): ColumnarBatch {
  const columns = { ...batch.columns };
  const dictionaries = { ...batch.dictionaries };
  const dictionary = dictionaries[field];
  const old = columns[field] ?? new Array<unknown>(batch.count).fill(null);
  const values = old.map((v) => (dictionary && typeof v === 'number' ? dictionary[v] : v));
  values[row] = value;
  delete dictionaries[field];
  columns[field] = values;
  return { ...batch, columns, dictionaries };
}

describe('columnar batches', () => {
  it('fold to the same state as the same events as objects, in any split into batches and messages', () => {
    fc.assert(
      fc.property(
        eventSet,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.array(fc.boolean(), { maxLength: 6 }),
        (events, cuts, asColumns) => {
          const state = createResponseState();
          split(events, cuts).forEach((part, i) => {
            // Some parts as columns, some as plain events, some mixed in one call.
            const items = asColumns[i] ? [encodeColumns(part)] : [...part.slice(0, 1), encodeColumns(part.slice(1))];
            const result = applyItems(state, items);
            expect(result.rejected).to.deep.equal([]);
          });
          expect(snapshot(state)).to.deep.equal(snapshot(foldEvents(events)));
        },
      ),
    );
  });

  it('unpack to the plain events they stand for, leaving out absent values', () => {
    const events: ResponseEvent[] = [
      { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'opened', at: BASE_TIME, contactId: 'c1' },
      { id: 'b', emailId: 'e1', recipientId: 'r2', response: 'clicked', at: '2026-01-01T00:00:00Z', url: 'https://x' },
    ];
    const batch = encodeColumns(events);
    expect(batch.dictionaries!.emailId).to.deep.equal(['e1']);
    expect(batch.columns.emailId).to.deep.equal([0, 0]);
    expect(batch.columns.id).to.deep.equal(['a', 'b']);
    const decoded = decodeColumns(JSON.parse(JSON.stringify(batch)), EVENT_COLUMNS);
    expect(decoded).to.deep.equal({ ok: true, rows: events, rejected: [] });
  });

  it('reject a bad row with its index and the reason the same event gets as an object; the others apply', () => {
    const bad: [string, unknown][] = [
      ['id', ''],
      ['id', 7],
      ['recipientId', 'x'.repeat(257)],
      ['response', 'no-such-response'],
      ['at', 'yesterday'],
      ['at', 0],
      ['contactName', 'x'.repeat(513)],
      ['emailKind', 'weekly'],
      ['scope', 'some'],
      ['url', 'javascript:alert(1)'],
      ['reason', { text: 'no' }],
    ];
    for (const [field, value] of bad) {
      const events: ResponseEvent[] = [0, 1, 2].map((i) => ({
        id: `ev${i}`,
        emailId: 'e1',
        recipientId: `r${i}`,
        response: 'delivered',
        at: BASE_TIME,
      }));
      const batch = withValue(encodeColumns(events), 1, field, value);
      const plain = { ...events[1], [field]: value };
      const scratch = { response: -1, at: 0 } as unknown as CheckedEvent;
      const expected = checkEvent(plain, rules, scratch)!;
      const state = createResponseState();
      const result = applyItems(state, [batch]);
      expect(result.accepted, field).to.equal(2);
      expect(result.rejected, field).to.have.length(1);
      const [rejection] = result.rejected;
      expect(rejection).to.deep.include({
        code: expected.code,
        field: expected.field,
        reason: `row 1: ${expected.reason}`,
        row: 1,
      });
      expect(rejection!.event).to.deep.equal(plain);
      expect(state.recipient('e1', 'r1')).to.equal(undefined);
      expect(state.recipient('e1', 'r2')?.response).to.equal('delivered');
    }
  });

  it('reject a row whose dictionary index is not an entry of its dictionary', () => {
    const batch = encodeColumns([
      { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'opened', at: BASE_TIME },
      { id: 'b', emailId: 'e1', recipientId: 'r2', response: 'opened', at: BASE_TIME },
    ]);
    for (const index of [1, -1, 0.5, '0']) {
      const columns = { ...batch.columns, emailId: [0, index] };
      const result = applyItems(createResponseState(), [{ ...batch, columns }]);
      expect(result.accepted).to.equal(1);
      expect(result.rejected).to.have.length(1);
      expect(result.rejected[0]).to.deep.include({ code: 'bad-value', field: 'emailId', row: 1 });
      expect(result.rejected[0]!.reason).to.match(
        /^row 1: emailId refers to entry .* of its dictionary, which has 1 entries$/,
      );
    }
  });

  it('reject a malformed batch whole, with a reason, and apply the plain events beside it', () => {
    const good = encodeColumns([{ id: 'a', emailId: 'e1', recipientId: 'r1', response: 'opened', at: BASE_TIME }]);
    const broken: [unknown, RegExp][] = [
      [{ ...good, version: 2 }, /version 2 is not supported/],
      [{ ...good, count: 2 }, /the id column has 1 values for a count of 2/],
      [{ ...good, count: -1 }, /count must be a whole number/],
      [{ ...good, columns: [] }, /columns must be an object/],
      [{ ...good, columns: { ...good.columns, colour: ['red'] } }, /"colour" is not a column of a event batch/],
      [{ ...good, columns: { ...good.columns, id: 'a' } }, /the id column must be a list/],
      [{ ...good, columns: { ...good.columns, at: undefined } }, /has no at column/],
      [{ ...good, dictionaries: { colour: [] } }, /the dictionary "colour" belongs to no text column/],
      [{ ...good, dictionaries: { ...good.dictionaries, emailId: 'e1' } }, /the emailId dictionary must be a list/],
      [
        new Proxy(good, {
          get(target, key) {
            if (key === 'columns') throw new Error('boom');
            return Reflect.get(target, key);
          },
        }),
        /could not be read: boom/,
      ],
    ];
    for (const [batch, reason] of broken) {
      const plain = { id: 'p', emailId: 'e1', recipientId: 'r9', response: 'opened', at: BASE_TIME };
      const state = createResponseState();
      const result = applyItems(state, [batch, plain]);
      expect(result.accepted, String(reason)).to.equal(1);
      expect(result.rejected, String(reason)).to.have.length(1);
      expect(result.rejected[0]!.event).to.equal(batch);
      expect(result.rejected[0]!.reason).to.match(reason);
      expect(state.recipient('e1', 'r1')).to.equal(undefined);
    }
  });

  it('label only the rejections of rows, not those of plain events beside them', () => {
    const plainBad = { id: 'p', emailId: 'e1', recipientId: 'r9', response: 'nope', at: BASE_TIME };
    const batch = encodeColumns([
      { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'opened', at: BASE_TIME },
      { id: 'b', emailId: 'e1', recipientId: 'r2', response: 'nope', at: BASE_TIME },
    ]);
    const result = applyItems(createResponseState(), [plainBad, batch, plainBad]);
    expect(result.accepted).to.equal(1);
    const reasons = result.rejected.map((r) => [r.reason, 'row' in r ? r.row : undefined]);
    expect(reasons).to.have.deep.members([
      ['"nope" is not a response in rules spec-1', undefined],
      ['"nope" is not a response in rules spec-1', undefined],
      ['row 1: "nope" is not a response in rules spec-1', 1],
    ]);
  });

  it('count a row as a redelivery of the same event sent as an object', () => {
    const event = { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'opened', at: BASE_TIME };
    const state = createResponseState();
    applyItems(state, [event]);
    const result = applyItems(state, [encodeColumns([event, event])]);
    expect(result).to.deep.include({ accepted: 0, duplicates: 2 });
  });
});
