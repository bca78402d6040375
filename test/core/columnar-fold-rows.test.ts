// Examples of a columnar batch folded from its columns (columnar-prepare.ts, columnar-fold.ts):
// a batch longer than one chunk of the fold, listeners given one at a time, a response column
// without a dictionary, and a dictionary entry that cannot be read. Each ends as the same events
// sent as objects do.
import { expect } from 'chai';
import {
  DEFAULT_RULES,
  EVENT_COLUMNS,
  applyItems,
  createResponseState,
  encodeColumns,
  decodeColumns,
  expandColumnar,
  type ResponseEvent,
  type ResponseState,
} from '../../src/core/index';
import type { AcceptedListener } from '../../src/core/batch';
import { minutes } from '../support/events';

/** Everything a state shows, row by row. */
function rows(state: ResponseState): unknown[] {
  const out = [];
  for (let row = 0; row < state.recipients.size; row++) out.push(state.recipientAt(row));
  return out;
}

/** 900 events of 400 recipients of two emails: each sent (many past the first chunk), then opened or clicked. */
const longBacklog: ResponseEvent[] = Array.from({ length: 900 }, (_, i) => ({
  id: `ev-${i}`,
  emailId: i % 3 === 0 ? 'e2' : 'e1',
  recipientId: `r${(i * 7) % 400}`,
  response: i < 400 ? 'sent-to-provider' : i % 5 === 0 ? 'clicked' : 'opened',
  at: minutes(i % 17),
  contactId: `c${(i * 7) % 400}`,
}));

describe('a columnar batch folded from its columns', () => {
  it('longer than a chunk of the fold (256 rows): each row applied to its own recipient', () => {
    const asObjects = createResponseState();
    const expected = asObjects.apply(longBacklog);
    const asColumns = createResponseState();
    expect(applyItems(asColumns, [encodeColumns(longBacklog)])).to.deep.equal(expected);
    expect(rows(asColumns)).to.deep.equal(rows(asObjects));
  });

  it('a listener for new events alone, or for redeliveries alone, hears each row as its event', () => {
    const events = [...longBacklog.slice(0, 5), longBacklog[0]!];
    for (const which of ['accepted', 'duplicate'] as const) {
      const heard =
        (into: unknown[]): AcceptedListener =>
        (event, row, at) =>
          into.push({ event, row, at });
      const fromObjects: unknown[] = [];
      const fromColumns: unknown[] = [];
      const listen = (into: unknown[]) => (which === 'accepted' ? [heard(into)] : [undefined, heard(into)]);
      createResponseState().apply(events, ...listen(fromObjects));
      applyItems(createResponseState(), [encodeColumns(events)], ...listen(fromColumns));
      expect(fromColumns, which).to.deep.equal(fromObjects);
      expect(fromColumns).to.have.length.above(0);
    }
  });

  it('a response column without a dictionary: each row read as its response, the first of the catalogue too', () => {
    const first = DEFAULT_RULES.responses[0]!.id;
    const events: ResponseEvent[] = [
      { id: 'a', emailId: 'e1', recipientId: 'r1', response: first, at: minutes(1) },
      { id: 'b', emailId: 'e1', recipientId: 'r2', response: 'opened', at: minutes(2) },
    ];
    const state = createResponseState();
    const batch = encodeColumns(events, EVENT_COLUMNS, { plain: ['id', 'response'] });
    expect(batch.columns.response).to.deep.equal([first, 'opened']);
    expect(applyItems(state, [batch]).rejected).to.deep.equal([]);
    expect(rows(state)).to.deep.equal(rows(createFolded(events)));
  });

  it('a dictionary entry that cannot be read rejects each row that uses it, as the event would be', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const batch = encodeColumns([
      { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'opened', at: minutes(1), contactName: 'Ann' },
      { id: 'b', emailId: 'e1', recipientId: 'r2', response: 'opened', at: minutes(1), contactName: 'Bob' },
    ]);
    batch.dictionaries!.contactName = ['Ann', proxy];
    const result = applyItems(createResponseState(), [batch]);
    expect(result.accepted).to.equal(1);
    expect(result.rejected.map((r) => [r.code, (r as { row?: number }).row])).to.deep.equal([['unreadable', 1]]);
    expect(result.rejected[0]!.reason).to.match(/^row 1: the event could not be read: /);
  });
});

describe('a columnar batch that cannot be read', () => {
  it('is rejected whole with the reason decodeColumns gives, by applyItems and expandColumnar alike', () => {
    const batch = encodeColumns(longBacklog.slice(0, 3));
    Object.defineProperty(batch, 'columns', {
      get() {
        throw new Error('gone');
      },
    });
    const decoded = decodeColumns(batch, EVENT_COLUMNS);
    expect(decoded.ok).to.equal(false);
    const whole = !decoded.ok && decoded.rejection;
    const state = createResponseState();
    expect(applyItems(state, [batch]).rejected).to.deep.equal([whole]);
    expect(expandColumnar([batch])).to.deep.equal({ events: [], rejected: [whole], rowOf: new Int32Array(0) });
    expect(state.eventCount).to.equal(0);
  });
});

function createFolded(events: ResponseEvent[]): ResponseState {
  const state = createResponseState();
  state.apply(events);
  return state;
}
