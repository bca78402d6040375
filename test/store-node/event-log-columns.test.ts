// Issue 16: the store's event log keeps events as columns, not objects. Whatever it keeps, every
// reader (a timeline, a refold, the cache's tail, a conflict check) must get back each event
// field for field as it was applied: the same fields, absent ones absent, in the order validation
// gives them, and each time at its position. The columns' code loads on demand (event-log.ts):
// here it is loaded first, so every log below keeps columns from its first event.
import { expect } from 'chai';
import { OPTIONAL_EVENT_FIELDS, type ResponseEvent } from '../../src/core/event';
import { EventLog, loadEventColumns } from '../../src/store/event-log';
import { PAGE_SIZE } from '../../src/store/event-log-rows';
import { random } from '../support/random';

const BASE = Date.UTC(2026, 2, 1, 9);

/** The event as validation leaves it: required fields first, then the optional ones present, in their order. */
function validated(fields: Record<string, unknown>): ResponseEvent {
  const event: Record<string, unknown> = {
    id: fields.id,
    emailId: fields.emailId,
    recipientId: fields.recipientId,
    response: fields.response,
    at: fields.at,
  };
  for (const field of OPTIONAL_EVENT_FIELDS) if (fields[field] !== undefined) event[field] = fields[field];
  return event as unknown as ResponseEvent;
}

const timeOf = (event: ResponseEvent) => (typeof event.at === 'number' ? event.at : Date.parse(event.at));

/** Events of every kind of field: per-row texts that repeat or change, rare texts, wide and long texts. */
function mixedEvents(count: number, seed: number): { event: ResponseEvent; row: number }[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  const out: { event: ResponseEvent; row: number }[] = [];
  for (let n = 0; n < count; n++) {
    const row = Math.floor(next() * 50);
    const at = BASE + Math.floor(next() * 3_600_000);
    out.push({
      row,
      event: validated({
        id: pick([`e${n}`, `évènement-${n}`, `事件-${n}`, `${'x'.repeat(200)}${n}`]),
        emailId: pick(['m1', 'm2', 'Ünïcode-mail']),
        recipientId: pick([`r${row}`, `r${row}`, `R${row}`]),
        response: pick(['delivered', 'opened', 'Opened', 'clicked', 'hard-bounce', 'unsubscribed']),
        at: next() < 0.7 ? at : new Date(at).toISOString().replace('Z', '+00:00'),
        contactId: pick([undefined, `c${row}`, `c${row}`, `other-${n}`]),
        contactName: pick([undefined, 'Ada Lovelace', 'Łukasz Żółć', `Name ${n}`]),
        address: pick([undefined, `r${row}@example.com`, `r${row}@exämple.com`]),
        emailKind: pick([undefined, 'bulk', 'trigger']),
        emailType: pick([undefined, 'newsletter', 'invoice']),
        provider: pick([undefined, 'ses', 'sendgrid', 'postmark']),
        url: pick([undefined, `https://example.com/${n}`, `https://example.com/${'ü'.repeat(3000)}`]),
        reason: pick([undefined, '', '550 5.1.1 user unknown', `${'r'.repeat(9000)}`]),
        scope: pick([undefined, 'all', 'type']),
      }),
    });
  }
  return out;
}

function logOf(entries: readonly { event: ResponseEvent; row: number }[]): EventLog {
  const log = new EventLog();
  for (const { event, row } of entries) log.add(event, row, timeOf(event));
  return log;
}

describe('the event log gives back the events it applied', () => {
  before(() => loadEventColumns());

  it('each event field for field, in validation’s order, with its row and time', () => {
    const entries = mixedEvents(3000, 16);
    const log = logOf(entries);
    expect(log.length).to.equal(3000);
    const back = log.entries(0);
    expect(back.map(({ event }) => event)).to.deep.equal(entries.map(({ event }) => event));
    expect(back.map(({ event }) => Object.keys(event))).to.deep.equal(entries.map(({ event }) => Object.keys(event)));
    expect(back.map(({ row, at }) => [row, at])).to.deep.equal(entries.map(({ event, row }) => [row, timeOf(event)]));
    expect(log.all()).to.deep.equal(entries.map(({ event }) => event));
    expect(log.since(2990)).to.deep.equal(entries.slice(2990).map(({ event }) => event));
    expect(log.at(1234)).to.deep.equal(entries[1234]!.event);
    expect(log.timeAt(1234)).to.equal(timeOf(entries[1234]!.event));
  });

  it('a recipient’s events, in the order applied or by time, past pages of events', () => {
    const entries = mixedEvents(PAGE_SIZE * 2 + 100, 7);
    const log = logOf(entries);
    const ofRow = entries.filter(({ row }) => row === 3).map(({ event }) => event);
    expect(log.forRowSince(3, 0)).to.deep.equal(ofRow);
    const start = PAGE_SIZE + 5;
    expect(log.forRowSince(3, start)).to.deep.equal(
      entries.flatMap(({ event, row }, position) => (row === 3 && position >= start ? [event] : [])),
    );
    const byTime = log.forRow(3);
    expect(byTime.map(({ event }) => event)).to.have.deep.members(ofRow);
    expect(byTime.map(({ at }) => at)).to.deep.equal(byTime.map(({ at }) => at).sort((a, b) => a - b));
  });

  it('finds a recipient’s event by id, and none of another recipient', () => {
    const entries = mixedEvents(2000, 3);
    const log = logOf(entries);
    const { event, row } = entries[1500]!;
    expect(log.positionOf(row, event.id)).to.equal(1500);
    expect(log.positionOf((row + 1) % 50, event.id)).to.equal(-1);
    expect(log.positionOf(row, `${event.id}-not`)).to.equal(-1);
  });

  it('finds the events of a recipient with few, and keeps finding events added after the first search', () => {
    const log = new EventLog();
    const event = (id: string, recipient: number, at: number) =>
      validated({ id, emailId: 'm', recipientId: `r${recipient}`, response: 'opened', at });
    for (let n = 0; n < 5; n++) log.add(event(`a${n}`, n % 2, BASE + n), n % 2, BASE + n);
    expect([log.positionOf(0, 'a2'), log.positionOf(1, 'a2'), log.positionOf(1, 'a3')]).to.deep.equal([2, -1, 3]);
    // Rows up to 2,000, after the index was built: a row it had not seen, and one past 16 events.
    for (let n = 5; n < 40; n++) log.add(event(`a${n}`, n % 2 ? 2000 : 1, BASE + n), n % 2 ? 2000 : 1, BASE + n);
    expect(log.positionOf(2000, 'a39')).to.equal(39);
    expect(log.positionOf(1, 'a38')).to.equal(38);
    expect(log.positionOf(1, 'a39')).to.equal(-1);
    expect(log.forRowSince(2000, 30).map(({ id }) => id)).to.deep.equal(['a31', 'a33', 'a35', 'a37', 'a39']);
    expect(log.forRowSince(1, 0)).to.have.length(1 + 18);
    expect(log.forRowSince(7, 0)).to.deep.equal([]);
    log.add(event('a40', 1, BASE + 40), 1, BASE + 40);
    expect(log.positionOf(1, 'a40')).to.equal(40);
  });

  it('a recipient whose contact, name or address changes keeps each event’s own', () => {
    const log = new EventLog();
    const first = validated({ id: 'a', emailId: 'm', recipientId: 'r1', response: 'delivered', at: BASE });
    const named = validated({
      id: 'b',
      emailId: 'm',
      recipientId: 'r1',
      response: 'opened',
      at: BASE + 1,
      contactId: 'c1',
      contactName: 'Ada',
      address: 'ada@example.com',
    });
    const renamed = validated({ ...named, id: 'c', contactName: 'Ada L.', address: 'ada@example.org' });
    const again = validated({ ...named, id: 'd' });
    for (const event of [first, named, renamed, again]) log.add(event, 0, timeOf(event));
    expect(log.forRowSince(0, 0)).to.deep.equal([first, named, renamed, again]);
  });

  it('an optional field that came as null comes back null, and a time given as text stays text', () => {
    const log = new EventLog();
    const event = {
      ...validated({
        id: 'a',
        emailId: 'm',
        recipientId: 'r1',
        response: 'delivered',
        at: '2026-03-01T10:00:00+01:00',
      }),
      contactName: null,
      reason: null,
    } as unknown as ResponseEvent;
    log.add(event, 0, Date.UTC(2026, 2, 1, 9));
    log.add(validated({ id: 'b', emailId: 'm', recipientId: 'r1', response: 'opened', at: BASE }), 0, BASE);
    expect(log.at(0)).to.deep.equal(event);
    expect(log.at(1).at).to.equal(BASE);
  });

  it('a replaced event is read as its replacement, in its place, and the others are unchanged', () => {
    const entries = mixedEvents(500, 9);
    const log = logOf(entries);
    const { event, row } = entries[10]!;
    const chosen = validated({ ...event, response: 'clicked', url: 'https://example.com/chosen', at: BASE + 5 });
    log.replace(10, chosen, BASE + 5);
    expect(log.at(10)).to.deep.equal(chosen);
    expect(log.timeAt(10)).to.equal(BASE + 5);
    expect(log.positionOf(row, event.id)).to.equal(10);
    expect(log.all()).to.deep.equal(entries.map((entry, n) => (n === 10 ? chosen : entry.event)));
  });

  it('after clear, the log is empty and fills again from the start', () => {
    const log = logOf(mixedEvents(300, 1));
    log.clear();
    expect([log.length, log.all()]).to.deep.equal([0, []]);
    const entries = mixedEvents(300, 2);
    for (const { event, row } of entries) log.add(event, row, timeOf(event));
    expect(log.all()).to.deep.equal(entries.map(({ event }) => event));
  });
});
