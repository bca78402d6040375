// docs/wire-format.md: "a row is the same event as its plain form in every other way: the same id
// counts once whichever form brought it, and any mix and split of columnar and plain batches folds
// to the same state". Columnar rows are folded from their columns (each dictionary entry checked
// once), plain events one by one; this pins that the two end in the same state, with the same
// counts, the same changed rows and the same rejections, for any events: good and bad, repeated,
// of several emails, with per-type unsubscribes and a statistics update period.
import { expect } from 'chai';
import fc from 'fast-check';
import {
  DEFAULT_RULES,
  EVENT_COLUMNS,
  applyItems,
  createResponseState,
  encodeColumns,
  expandColumnar,
  type AppliedBatch,
  type ColumnarBatch,
  type EventRejection,
  type ResponseEvent,
  type ResponseRules,
  type ResponseState,
} from '../../src/core/index';
import { BASE_TIME } from '../support/events';
import { labelRows } from '../../src/core/columnar-apply';
import { snapshot } from './state-snapshot';

const ids = DEFAULT_RULES.responses.map((r) => r.id);
const DAY = 86_400_000;
const WEEK_RULES: ResponseRules = { ...DEFAULT_RULES, version: 'week', statisticsPeriodDays: 7 };

/** Mostly good values, with now and then one an event is rejected for. */
const sometimes = <T>(good: fc.Arbitrary<T>, ...bad: unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.constantFrom(...bad) });

/** A small universe (3 emails, 3 recipients, moments days apart) so ties, clashes and the period bite. */
const anEvent = fc
  .record(
    {
      id: sometimes(
        fc.integer({ min: 0, max: 30 }).map((n) => `ev${n}`),
        '',
        7,
        'x'.repeat(257),
      ),
      emailId: sometimes(fc.constantFrom('e1', 'e2', 'e3'), null, ''),
      recipientId: sometimes(fc.constantFrom('r1', 'r2', 'r3'), 'r'.repeat(257), 12),
      response: sometimes(fc.constantFrom(...ids, 'Opened'), 'teleported', 3),
      at: sometimes(
        fc.oneof(
          fc.integer({ min: 0, max: 12 }).map((d) => BASE_TIME + d * DAY),
          fc.integer({ min: 0, max: 12 }).map((d) => new Date(BASE_TIME + d * DAY).toISOString()),
        ),
        'yesterday',
        0,
        Infinity,
        null,
      ),
      contactId: sometimes(fc.constantFrom('c1', 'c2', 'c3'), 42),
      contactName: sometimes(fc.constantFrom('Ann', 'Bob', ''), 'n'.repeat(513)),
      address: fc.constantFrom('a@example.com', 'b@example.com'),
      emailType: sometimes(fc.constantFrom('news', 'promo'), ['news']),
      emailKind: sometimes(fc.constantFrom('bulk', 'trigger'), 'weekly'),
      provider: fc.constantFrom('ses', 'sendgrid'),
      url: sometimes(fc.constantFrom('https://example.com/a', 'mailto:a@example.com'), 'javascript:alert(1)'),
      reason: sometimes(fc.constantFrom('451 busy', '550 gone', ''), null),
      scope: sometimes(fc.constantFrom('all', 'type'), 'some'),
    },
    { requiredKeys: ['id', 'emailId', 'recipientId', 'response', 'at'] },
    // null stands for an absent field, as on the wire: the event has no such field at all.
  )
  .map((event) => Object.fromEntries(Object.entries(event).filter(([, value]) => value !== null)));

/** How an item of a message carries its events: one by one, or as one batch with these columns plain. */
const aForm = fc.option(fc.subarray([...EVENT_COLUMNS.text]), { nil: undefined, freq: 3 });

/** Events cut into messages, and each message into items of either form. */
const messages = fc
  .tuple(
    fc.array(anEvent, { maxLength: 40 }),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), aForm), { minLength: 1, maxLength: 12 }),
    fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 6 }),
  )
  .map(([events, cuts, itemsPerMessage]) => {
    const items: { events: Record<string, unknown>[]; plain: string[] | undefined }[] = [];
    for (let at = 0, c = 0; at < events.length; c++) {
      const [size, plain] = cuts[c % cuts.length]!;
      items.push({ events: events.slice(at, at + size), plain });
      at += size;
    }
    const out: (typeof items)[] = [];
    for (let at = 0, m = 0; at < items.length; m++) {
      const count = itemsPerMessage[m % itemsPerMessage.length]!;
      out.push(items.slice(at, at + count));
      at += count;
    }
    return out;
  });

interface Heard {
  kind: 'accepted' | 'duplicate';
  event: ResponseEvent;
  row: number;
  at: number;
}

/** Everything a state shows, row by row (so rows are numbered the same too). */
function everything(state: ResponseState): unknown {
  const rows = [];
  for (let row = 0; row < state.recipients.size; row++)
    rows.push({ ...state.recipientAt(row), sentAt: state.sentAt(row) });
  return { rows, whole: snapshot(state) };
}

/** A row's rejection is the plain one with its row: the same event, code, field and reason after `row N: `. */
function asPlain(rejection: EventRejection): EventRejection {
  const { row, ...plain } = rejection as EventRejection & { row?: number };
  if (row === undefined) return plain;
  expect(plain.reason.startsWith(`row ${row}: `)).to.equal(true);
  return { ...plain, reason: plain.reason.slice(`row ${row}: `.length) };
}

/** For each rejection of the events as objects, its row in its batch, or undefined for a plain event. */
function rowsOf(
  message: { events: Record<string, unknown>[]; plain: string[] | undefined }[],
  expected: AppliedBatch,
): (number | undefined)[] {
  return expected.rejected.map((rejection) => {
    for (const item of message) {
      const row = item.events.indexOf(rejection.event as Record<string, unknown>);
      if (row >= 0) return item.plain === undefined ? undefined : row;
    }
    throw new Error('a rejection of no event');
  });
}

function compare(rules: ResponseRules, listen: boolean) {
  return (cut: { events: Record<string, unknown>[]; plain: string[] | undefined }[][]) => {
    const asObjects = createResponseState(rules);
    const asColumns = createResponseState(rules);
    const heardObjects: Heard[] = [];
    const heardColumns: Heard[] = [];
    const listeners = (heard: Heard[]) =>
      listen
        ? ([
            (event: ResponseEvent, row: number, at: number) => heard.push({ kind: 'accepted', event, row, at }),
            (event: ResponseEvent, row: number, at: number) => heard.push({ kind: 'duplicate', event, row, at }),
          ] as const)
        : ([] as const);
    for (const message of cut) {
      const events = message.flatMap((item) => item.events);
      const items = message.flatMap((item): unknown[] =>
        item.plain === undefined ? item.events : [encodeColumns(item.events, EVENT_COLUMNS, { plain: item.plain })],
      );
      const expected: AppliedBatch = asObjects.apply(events, ...listeners(heardObjects));
      const actual = applyItems(asColumns, items, ...listeners(heardColumns));
      expect({ ...actual, rejected: actual.rejected.map(asPlain) }).to.deep.equal(expected);
      expect(actual.rejected.map((r) => (r as { row?: number }).row)).to.deep.equal(rowsOf(message, expected));
    }
    expect(everything(asColumns)).to.deep.equal(everything(asObjects));
    expect(heardColumns).to.deep.equal(heardObjects);
  };
}

describe('a columnar batch folds as the same events as objects', () => {
  it('any events, in any split into columnar batches and plain events: the same results and state', () => {
    fc.assert(fc.property(messages, compare(DEFAULT_RULES, false)), { numRuns: 300 });
  });

  it('the same under a statistics update period, where a late Sent to provider folds a row again', () => {
    fc.assert(fc.property(messages, compare(WEEK_RULES, false)), { numRuns: 200 });
  });

  it('the listeners hear each row as the event it stands for, with its row and time, in order', () => {
    fc.assert(fc.property(messages, compare(WEEK_RULES, true)), { numRuns: 150 });
  });
});

/** Indices a broken producer might write: past the end, negative, fractional, text, a boolean; or no value. */
const aWrongIndex = fc.constantFrom<unknown>(99, -1, 0.5, '0', true, null);

/** A batch of the events with some dictionary indices replaced (column by position, row, value). */
const brokenBatch = fc
  .tuple(
    fc.array(anEvent, { minLength: 1, maxLength: 30 }),
    aForm,
    fc.array(fc.tuple(fc.nat(), fc.nat(), aWrongIndex), { maxLength: 6 }),
  )
  .map(([events, plain, breaks]) => {
    const batch = encodeColumns(events, EVENT_COLUMNS, { plain: plain ?? ['id'] });
    const coded = Object.keys(batch.dictionaries ?? {});
    const columns: Record<string, unknown[]> = {};
    for (const [name, values] of Object.entries(batch.columns)) columns[name] = [...values];
    for (const [c, row, value] of breaks) {
      if (coded.length === 0) break;
      columns[coded[c % coded.length]!]![row % batch.count] = value;
    }
    return { events, batch: { ...batch, columns } as ColumnarBatch };
  });

/** What applyItems gave when it unpacked every row into its object and applied those. */
function unpackedThenApplied(state: ResponseState, items: unknown[]): AppliedBatch {
  const { events, rejected, rowOf } = expandColumnar(items);
  const batch = state.apply(events);
  return { ...batch, rejected: [...rejected, ...labelRows(batch.rejected, events, rowOf)] };
}

describe('a columnar batch folds as its rows unpacked into objects would', () => {
  it('with indices that are not entries of their dictionaries: those rows rejected first, with the row and why', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            brokenBatch,
            anEvent.map((event) => ({ events: [event], batch: event })),
          ),
          { maxLength: 4 },
        ),
        (parts) => {
          const items = parts.map((part) => part.batch);
          const unpacked = createResponseState();
          const folded = createResponseState();
          expect(applyItems(folded, items)).to.deep.equal(unpackedThenApplied(unpacked, items));
          expect(everything(folded)).to.deep.equal(everything(unpacked));
        },
      ),
      { numRuns: 300 },
    );
  });
});
