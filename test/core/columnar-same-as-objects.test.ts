// docs/wire-format.md: a columnar batch "stands for exactly these events", and "a row is the same
// event as its plain form in every other way". So writing events as columns and reading them back
// gives the events; and applying them reports the same accepted, duplicates and changed
// recipients as applying the same events as objects. Also how the writer lays a batch out.
import { expect } from 'chai';
import {
  EVENT_COLUMNS,
  SNAPSHOT_COLUMNS,
  applyItems,
  createResponseState,
  decodeColumns,
  encodeColumns,
  expandColumnar,
  type ResponseEvent,
} from '../../src/core/index';
import { BASE_TIME, minutes } from '../support/events';

// The three events of the example in docs/wire-format.md.
const exampleEvents: ResponseEvent[] = [
  {
    id: 'ev-501',
    emailId: 'spring-sale',
    recipientId: 'r-17',
    response: 'delivered',
    at: 1772442000000,
    provider: 'sendgrid',
  },
  {
    id: 'ev-502',
    emailId: 'spring-sale',
    recipientId: 'r-17',
    response: 'opened',
    at: 1772442060000,
    provider: 'sendgrid',
  },
  { id: 'ev-503', emailId: 'spring-sale', recipientId: 'r-18', response: 'opened', at: '2026-03-02T09:02:00Z' },
];

describe('a columnar batch and the events it stands for', () => {
  it('the example of the wire format reads as its three events', () => {
    const example = {
      format: 'columns',
      version: 1,
      count: 3,
      dictionaries: {
        emailId: ['spring-sale'],
        recipientId: ['r-17', 'r-18'],
        response: ['delivered', 'opened'],
        provider: ['sendgrid'],
      },
      columns: {
        id: ['ev-501', 'ev-502', 'ev-503'],
        emailId: [0, 0, 0],
        recipientId: [0, 0, 1],
        response: [0, 1, 1],
        at: [1772442000000, 1772442060000, '2026-03-02T09:02:00Z'],
        provider: [0, 0, null],
        url: [null, null, null],
      },
    };
    expect(decodeColumns(example, EVENT_COLUMNS)).to.deep.equal({ ok: true, rows: exampleEvents, rejected: [] });
  });

  it('the writer: texts through dictionaries in the order first seen, ids as they are, a column only where some row has a value', () => {
    const withExtra = exampleEvents.map((e) => ({ ...e, colour: 'red' }));
    expect(encodeColumns(withExtra)).to.deep.equal({
      format: 'columns',
      version: 1,
      count: 3,
      dictionaries: {
        emailId: ['spring-sale'],
        recipientId: ['r-17', 'r-18'],
        response: ['delivered', 'opened'],
        provider: ['sendgrid'],
      },
      columns: {
        id: ['ev-501', 'ev-502', 'ev-503'],
        emailId: [0, 0, 0],
        recipientId: [0, 0, 1],
        response: [0, 1, 1],
        at: [1772442000000, 1772442060000, '2026-03-02T09:02:00Z'],
        provider: [0, 0, null],
      },
    });
  });

  it('the writer: a field set to undefined or null is absent, as in JSON', () => {
    const rows = [
      { ...exampleEvents[0]!, provider: undefined, url: null, reason: '550 gone' },
      { ...exampleEvents[1]!, provider: undefined, url: undefined, reason: undefined },
    ];
    const batch = encodeColumns(rows, EVENT_COLUMNS, { plain: ['id', 'reason'] });
    expect(batch.columns).to.not.have.any.keys('provider', 'url');
    expect(batch.dictionaries).to.not.have.any.keys('provider', 'url');
    expect(batch.columns.reason).to.deep.equal(['550 gone', null]);
  });

  it('the writer: no rows still has the required columns, empty', () => {
    expect(encodeColumns([])).to.deep.equal({
      format: 'columns',
      version: 1,
      count: 0,
      dictionaries: { emailId: [], recipientId: [], response: [] },
      columns: { id: [], emailId: [], recipientId: [], response: [], at: [] },
    });
  });

  it('the writer: the columns named plain are written as they are, the others through dictionaries', () => {
    const batch = encodeColumns(exampleEvents.slice(0, 2), EVENT_COLUMNS, { plain: ['recipientId', 'at'] });
    expect(batch.dictionaries).to.deep.equal({
      id: ['ev-501', 'ev-502'],
      emailId: ['spring-sale'],
      response: ['delivered', 'opened'],
      provider: ['sendgrid'],
    });
    expect(batch.columns).to.deep.include({
      id: [0, 1],
      recipientId: ['r-17', 'r-17'],
      at: [1772442000000, 1772442060000],
    });
  });

  it('the writer: snapshot rows, with their counts as values', () => {
    const rows = [
      { recipientId: 'r-0', response: 'planned', at: BASE_TIME },
      { recipientId: 'r-1', response: 'opened', at: minutes(6), opens: 2, machineOpens: 0, emailId: 'not a column' },
    ];
    expect(encodeColumns(rows, SNAPSHOT_COLUMNS, { plain: ['recipientId'] })).to.deep.equal({
      format: 'columns',
      version: 1,
      count: 2,
      dictionaries: { response: ['planned', 'opened'] },
      columns: {
        recipientId: ['r-0', 'r-1'],
        response: [0, 1],
        at: [BASE_TIME, minutes(6)],
        opens: [null, 2],
        machineOpens: [null, 0],
      },
    });
  });
});

describe('applying events as columns or as objects', () => {
  // r1 is delivered then opens; the second batch brings a delivered that comes after an open
  // (lower in priority: nothing shown changes), a redelivery, and r2's first event.
  const first: ResponseEvent[] = [
    { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'delivered', at: minutes(1) },
    { id: 'b', emailId: 'e1', recipientId: 'r1', response: 'opened', at: minutes(2) },
    { id: 'c', emailId: 'e2', recipientId: 'r3', response: 'delivered', at: minutes(1), emailType: 'news' },
  ];
  const second: ResponseEvent[] = [
    { id: 'd', emailId: 'e1', recipientId: 'r1', response: 'delivered', at: minutes(3) },
    { id: 'b', emailId: 'e1', recipientId: 'r1', response: 'opened', at: minutes(2) },
    { id: 'e', emailId: 'e1', recipientId: 'r2', response: 'opened', at: minutes(3) },
  ];

  it('report the same accepted, duplicates and changed recipients, batch by batch', () => {
    const asObjects = createResponseState();
    const asColumns = createResponseState();
    for (const events of [first, second]) {
      const expected = asObjects.apply(events);
      const actual = applyItems(asColumns, [encodeColumns(events)]);
      expect(actual).to.deep.equal(expected);
    }
    const changed = applyItems(createResponseState(), [encodeColumns(first)]).changed;
    expect(changed).to.have.length(2);
  });

  it('in one call with plain events beside them, the same as all of them as objects', () => {
    const asObjects = createResponseState().apply([...first, ...second]);
    const mixed = applyItems(createResponseState(), [first[0], encodeColumns(first.slice(1)), encodeColumns(second)]);
    expect(mixed).to.deep.equal(asObjects);
  });

  it('hand each row to the listeners as the event it stands for, in order', () => {
    const accepted: unknown[] = [];
    const duplicates: unknown[] = [];
    applyItems(
      createResponseState(),
      [encodeColumns([...first, first[0]!])],
      (event) => accepted.push(event),
      (event) => duplicates.push(event),
    );
    expect(accepted).to.deep.equal(first);
    expect(duplicates).to.deep.equal([first[0]]);
  });

  it('a list that cannot be read is rejected whole, and nothing changes', () => {
    const unreadable = {
      [Symbol.iterator]() {
        throw new Error('gone');
      },
    };
    const state = createResponseState();
    expect(applyItems(state, unreadable)).to.deep.equal({
      accepted: 0,
      duplicates: 0,
      rejected: [
        {
          event: unreadable,
          code: 'unreadable',
          reason: 'the batch could not be read, so none of it was applied: gone',
        },
      ],
      changed: [],
      changedEmails: [],
    });
    expect(state.eventCount).to.equal(0);
  });

  it('unpacking: each event with its row in its batch, -1 for a plain one, and the rows that could not be read', () => {
    const plain = first[0]!;
    const batch = encodeColumns(second);
    const broken = { ...batch, columns: { ...batch.columns, emailId: [0, 3, 0] } };
    const expanded = expandColumnar([plain, broken, plain]);
    expect(expanded.events).to.deep.equal([plain, second[0], second[2], plain]);
    expect([...expanded.rowOf!]).to.deep.equal([-1, 0, 2, -1]);
    expect(expanded.rejected.map((r) => r.reason)).to.deep.equal([
      'row 1: emailId refers to entry 3 of its dictionary, which has 1 entries',
    ]);
    // With no batch among them, the events are the items, and no row is kept.
    expect(expandColumnar([plain, plain])).to.deep.equal({ events: [plain, plain], rejected: [], rowOf: undefined });
  });

  it('a bad first row is row 0 of its batch', () => {
    const events = [{ ...first[0]!, response: 'teleported' }, first[1]!];
    const result = applyItems(createResponseState(), [encodeColumns(events)]);
    expect(result.accepted).to.equal(1);
    expect(result.rejected).to.deep.equal([
      {
        event: { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'teleported', at: minutes(1) },
        code: 'unknown-response',
        field: 'response',
        reason: 'row 0: "teleported" is not a response in rules spec-1',
        row: 0,
      },
    ]);
  });
});

describe('a snapshot page as columns', () => {
  it('carries every field of a server recipient, texts through dictionaries and counts as values', () => {
    const rows = [
      {
        recipientId: 'r-1',
        response: 'opened',
        at: minutes(6),
        opens: 2,
        clicks: 1,
        machineOpens: 3,
        reason: 'seen',
        contactId: 'c-1',
        contactName: 'Ann',
        address: 'ann@example.com',
        provider: 'ses',
      },
      { recipientId: 'r-2', response: 'planned', at: BASE_TIME },
    ];
    const batch = encodeColumns(rows, SNAPSHOT_COLUMNS, { plain: [] });
    expect(Object.keys(batch.dictionaries!)).to.have.members([
      'recipientId',
      'response',
      'reason',
      'contactId',
      'contactName',
      'address',
      'provider',
    ]);
    expect(decodeColumns(JSON.parse(JSON.stringify(batch)), SNAPSHOT_COLUMNS)).to.deep.equal({
      ok: true,
      rows,
      rejected: [],
    });
  });
});
