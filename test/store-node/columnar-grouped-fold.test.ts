// Issue 16 §3: a large columnar batch is folded grouped by ranges of recipient rows
// (columnar-fold.ts), not in its rows' order, and logged from its columns (event-log-batch.ts).
// docs/wire-format.md: "a row is the same event as its plain form in every other way". So folding
// a batch, with plain events before and after it, must give exactly what folding the same events
// as objects gives: the results (accepted, duplicates, changed rows in order, rejections with
// their reasons and rows), the state, the dedupe (each id counted once, across batches too), and
// what the listeners hear, in order: the store's log read back, with its redeliveries. With a
// state of more than 1,024 rows, so the batch's rows fall in many ranges and are merged out of
// order; with events repeated, in conflict and bad; and with a recipient id that has two entries
// in its dictionary (its rows then must not be split between ranges).
import { expect } from 'chai';
import fc from 'fast-check';
import {
  EVENT_COLUMNS,
  applyItems,
  createResponseState,
  encodeColumns,
  type AppliedBatch,
  type ColumnarBatch,
  type EventRejection,
  type ResponseEvent,
  type ResponseState,
} from '../../src/core/index';
import type { AcceptedListener } from '../../src/core/batch';
import { forColumns, heard } from '../../src/core/columnar-listeners';
import { EventLog, loadEventColumns } from '../../src/store/event-log';
import { BASE_TIME } from '../support/events';
import { wireEvent } from '../support/wire-event';
import { snapshot } from '../core/state-snapshot';

const EMAILS = ['e1', 'e2'];
const RECIPIENTS = ['r0', 'r1', 'r2', 'r3', 'r4', 'Ünï-5'];

/** A small universe: few ids per recipient, so redeliveries and conflicting copies are common. */
const anEvent = wireEvent({ ids: 16, emails: EMAILS, recipients: RECIPIENTS, days: 6 });

/** One apply: plain events, a batch of events (some repeated), plain events again. */
const aMessage = fc.record({
  before: fc.array(anEvent, { maxLength: 4 }),
  batch: fc.array(fc.oneof({ weight: 5, arbitrary: anEvent }, { weight: 1, arbitrary: fc.constant('again') }), {
    maxLength: 40,
  }),
  after: fc.array(anEvent, { maxLength: 4 }),
  plain: fc.option(fc.subarray([...EVENT_COLUMNS.text]), { nil: undefined }),
  /** Rows whose recipient id goes through a second entry of the dictionary, with the same text. */
  split: fc.array(fc.boolean(), { maxLength: 40 }),
});

type Message = {
  before: Record<string, unknown>[];
  batch: (Record<string, unknown> | 'again')[];
  after: Record<string, unknown>[];
  plain: string[] | undefined;
  split: boolean[];
};

/** The batch's events, an `again` being the event before it once more (the same object: a redelivery). */
function batchEvents(message: Message): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const item of message.batch) {
    if (item !== 'again') out.push(item);
    else if (out.length > 0) out.push(out[out.length - 1]!);
  }
  return out;
}

/** The events as one columnar batch; the rows `split` names use a second dictionary entry of their recipient id. */
function asBatch(events: Record<string, unknown>[], message: Message): ColumnarBatch {
  const batch = encodeColumns(events, EVENT_COLUMNS, { plain: message.plain ?? ['id'] });
  const dictionary = batch.dictionaries?.recipientId;
  if (dictionary === undefined) return batch;
  const entries = [...dictionary];
  const column = [...batch.columns.recipientId!] as (number | null)[];
  const second = new Map<number, number>();
  column.forEach((entry, row) => {
    if (entry === null || !message.split[row]) return;
    if (!second.has(entry)) second.set(entry, entries.push(entries[entry]) - 1);
    column[row] = second.get(entry)!;
  });
  return {
    ...batch,
    dictionaries: { ...batch.dictionaries, recipientId: entries },
    columns: { ...batch.columns, recipientId: column },
  };
}

/** A row's rejection is the plain one with its row: the same event, code, field and reason after `row N: `. */
function asPlain(rejection: EventRejection): EventRejection {
  const { row, ...plain } = rejection as EventRejection & { row?: number };
  if (row === undefined) return plain;
  expect(plain.reason.startsWith(`row ${row}: `)).to.equal(true);
  return { ...plain, reason: plain.reason.slice(`row ${row}: `.length) };
}

interface Heard {
  kind: 'accepted' | 'duplicate';
  event: ResponseEvent;
  row: number;
  at: number;
}

/** A state and what its listeners heard and logged. */
function folder(columns: boolean, listen: boolean) {
  const state = createResponseState();
  const heardList: Heard[] = [];
  const log = new EventLog();
  const copy = (event: ResponseEvent) => (heard.rows ? heard.copy() : event);
  const accepted: AcceptedListener = (event, row, at) => {
    heardList.push({ kind: 'accepted', event: copy(event), row, at });
    if (columns) log.add(event, row, at, heard.rows ? heard : undefined);
    else log.add(event, row, at);
  };
  const duplicate: AcceptedListener = (event, row, at) => {
    heardList.push({ kind: 'duplicate', event: copy(event), row, at });
    log.addDuplicate(copy(event), row, at);
  };
  const listeners = listen
    ? columns
      ? ([forColumns(accepted), forColumns(duplicate)] as const)
      : ([accepted, duplicate] as const)
    : ([] as const);
  return {
    state,
    heard: heardList,
    log,
    apply: (items: unknown[]): AppliedBatch =>
      columns ? applyItems(state, items, ...listeners) : state.apply(items, ...listeners),
  };
}

/** Everything a state shows: each row (so rows are numbered alike), the whole, and which ids it has. */
function everything(state: ResponseState): unknown {
  const rows = [];
  for (let row = 0; row < state.recipients.size; row++) rows.push(state.recipientAt(row));
  const has: boolean[] = [];
  for (const emailId of EMAILS)
    for (const recipientId of RECIPIENTS)
      for (let n = 0; n < 16; n++) has.push(state.hasEvent(emailId, recipientId, `ev${n}`));
  return { rows, whole: snapshot(state), count: state.eventCount, has };
}

function logged(log: EventLog, rows: number): unknown {
  const duplicates = [];
  for (let row = 0; row < rows; row++) duplicates.push(log.duplicatesOf(row));
  return { entries: log.entries(0), duplicates };
}

/** Recipients enough that the state has more than 1,024 rows: the batch's rows fall in many ranges. */
const FILLER = Array.from({ length: 1_300 }, (_, n) => ({
  id: `fill-${n}`,
  emailId: 'e1',
  recipientId: `filler-${n}`,
  response: 'delivered',
  at: BASE_TIME,
}));

function sameAsObjects(listen: boolean) {
  return (filled: boolean, messages: Message[]) => {
    const asObjects = folder(false, listen);
    const asColumns = folder(true, listen);
    if (filled) {
      asObjects.apply(FILLER);
      asColumns.apply([encodeColumns(FILLER)]);
    }
    for (const message of messages) {
      const events = batchEvents(message);
      const expected = asObjects.apply([...message.before, ...events, ...message.after]);
      const actual = asColumns.apply([...message.before, asBatch(events, message), ...message.after]);
      expect({ ...actual, rejected: actual.rejected.map(asPlain) }).to.deep.equal(expected);
      // Each rejected row is named by its index in the batch; plain events by none.
      // Rejections come in order: a repeated event's second rejection is its next row.
      const seen = new Map<unknown, number>();
      const rows = expected.rejected.map((rejection) => {
        const event = rejection.event as Record<string, unknown>;
        if (message.before.includes(event)) return undefined;
        const at = events.indexOf(event, (seen.get(event) ?? -1) + 1);
        seen.set(event, at);
        return at < 0 ? undefined : at;
      });
      expect(actual.rejected.map((rejection) => (rejection as { row?: number }).row)).to.deep.equal(rows);
    }
    expect(everything(asColumns.state)).to.deep.equal(everything(asObjects.state));
    expect(asColumns.heard).to.deep.equal(asObjects.heard);
    const size = asObjects.state.recipients.size;
    expect(logged(asColumns.log, size)).to.deep.equal(logged(asObjects.log, size));
  };
}

describe('a columnar batch folded by ranges of recipient rows is the same events as objects', () => {
  before(() => loadEventColumns());

  it('the same results, rejections and their rows, state and dedupe, without listeners', () => {
    fc.assert(fc.property(fc.boolean(), fc.array(aMessage, { minLength: 1, maxLength: 4 }), sameAsObjects(false)), {
      numRuns: 150,
    });
  });

  it('with listeners for columns: the same heard in the same order, and the same log and redeliveries', () => {
    fc.assert(fc.property(fc.boolean(), fc.array(aMessage, { minLength: 1, maxLength: 4 }), sameAsObjects(true)), {
      numRuns: 150,
    });
  });
});
