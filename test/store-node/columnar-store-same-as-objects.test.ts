// Issue 16 §3: a store folds a columnar batch's rows from their columns and logs them without an
// object per row (columnar-listeners.ts). Whatever the form, a store must end the same: the same
// results (accepted, duplicates, rejections with their reasons), the same state, the same events
// as its log reads them back (all of them, and each recipient's timeline and redeliveries), an id
// counted once whichever form brought it, and the same copy kept when two copies of an id differ.
// Both before the log's columns' code is here (the log keeps objects) and after (it keeps bytes).
import { expect } from 'chai';
import fc from 'fast-check';
import {
  DEFAULT_RULES,
  EVENT_COLUMNS,
  encodeColumns,
  type EventRejection,
  type ResponseState,
} from '../../src/core/index';
import { ColumnarRows } from '../../src/core/columnar-rows';
import { loadEventColumns } from '../../src/store/event-log';
import { ResponseStore } from '../../src/store/response-store';
import { BASE_TIME } from '../support/events';
import { wireEvent } from '../support/wire-event';

const ids = DEFAULT_RULES.responses.map((r) => r.id);

/** A small universe: few ids, so redeliveries and two contents for one id (a conflict) are common. */
const anEvent = wireEvent({
  ids: 13,
  emails: ['e1', 'e2'],
  recipients: ['r1', 'r2', 'r3', 'Ünï-4'],
  responses: [...ids, 'Opened'],
  days: 9,
});

/** Events cut into ingests, each ingest into items: plain events, or a columnar batch (with these columns plain). */
const ingests = fc
  .tuple(
    fc.array(anEvent, { maxLength: 40 }),
    fc.array(
      fc.tuple(fc.integer({ min: 1, max: 10 }), fc.option(fc.subarray([...EVENT_COLUMNS.text]), { nil: undefined })),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([events, cuts]) => {
    const out: { events: Record<string, unknown>[]; plain: string[] | undefined }[] = [];
    for (let at = 0, c = 0; at < events.length; c++) {
      const [size, plain] = cuts[c % cuts.length]!;
      out.push({ events: events.slice(at, at + size), plain });
      at += size;
    }
    return out;
  });

/** A row's rejection is the plain one with its row: the same event, code, field and reason after `row N: `. */
function asPlain(rejection: EventRejection): EventRejection {
  const { row, ...plain } = rejection as EventRejection & { row?: number };
  if (row === undefined) return plain;
  expect(plain.reason.startsWith(`row ${row}: `)).to.equal(true);
  return { ...plain, reason: plain.reason.slice(`row ${row}: `.length) };
}

function rows(state: ResponseState): unknown[] {
  const out = [];
  for (let row = 0; row < state.recipients.size; row++)
    out.push({ ...state.recipientAt(row), sentAt: state.sentAt(row) });
  return out;
}

/** Everything a store shows: its rows, its log read back, each recipient's timeline and redeliveries. */
function shown(store: ResponseStore): unknown {
  const timelines: unknown[] = [];
  for (const emailId of ['e1', 'e2'])
    for (const recipientId of ['r1', 'r2', 'r3', 'Ünï-4'])
      timelines.push({
        events: store.recipientEvents(emailId, recipientId),
        duplicates: store.recipientDuplicates(emailId, recipientId),
      });
  return { rows: rows(store.state), log: store.appliedEvents(), timelines };
}

async function sameAsObjects(cut: { events: Record<string, unknown>[]; plain: string[] | undefined }[]) {
  const asObjects = new ResponseStore();
  const asColumns = new ResponseStore();
  const conflicts = { objects: [] as unknown[], columns: [] as unknown[] };
  asObjects.addEventListener('event-conflict', (e) => conflicts.objects.push((e as CustomEvent).detail));
  asColumns.addEventListener('event-conflict', (e) => conflicts.columns.push((e as CustomEvent).detail));
  await Promise.all([asObjects.ready, asColumns.ready]);
  for (const [n, ingest] of cut.entries()) {
    // Every other ingest also as objects to the columns' store: an id seen in either form counts once.
    const items: unknown[] =
      ingest.plain === undefined && n % 2 === 1
        ? ingest.events
        : [encodeColumns(ingest.events, EVENT_COLUMNS, { plain: ingest.plain ?? ['id'] })];
    const expected = await asObjects.ingest(ingest.events);
    const actual = await asColumns.ingest(items);
    expect({ ...actual, rejected: actual.rejected.map(asPlain) }).to.deep.equal(expected);
  }
  expect(shown(asColumns)).to.deep.equal(shown(asObjects));
  expect(conflicts.columns).to.deep.equal(conflicts.objects);
  await Promise.all([asObjects.close(), asColumns.close()]);
}

describe('a store takes a columnar batch as the same events as objects', () => {
  it('before the log keeps columns: the same results, state, log, timelines and conflicts', async () => {
    await fc.assert(fc.asyncProperty(ingests, sameAsObjects), { numRuns: 150 });
  });

  it('with the log in columns: the same, and no row of a batch is made an object to be logged', async () => {
    await loadEventColumns();
    await fc.assert(fc.asyncProperty(ingests, sameAsObjects), { numRuns: 150 });
    const event = ColumnarRows.prototype.event;
    let made = 0;
    ColumnarRows.prototype.event = function (...args) {
      made++;
      return event.apply(this, args);
    };
    try {
      const store = new ResponseStore();
      await store.ready;
      const batch = Array.from({ length: 500 }, (_, n) => ({
        id: `ev-${n}`,
        emailId: 'e1',
        recipientId: `r-${n % 97}`,
        response: ids[n % ids.length]!,
        at: BASE_TIME + n,
      }));
      const result = await store.ingest([encodeColumns(batch)]);
      expect(result.accepted).to.equal(500);
      expect(made, 'rows made objects').to.equal(0);
      expect(store.appliedEvents()).to.deep.equal(batch);
      await store.close();
    } finally {
      ColumnarRows.prototype.event = event;
    }
  });
});
