// Issue 14, bundle: the event log's columns (event-log-pages.ts) are code a page loads only once a
// store's log holds a page of events. Until they are here the log keeps the events as objects;
// adding and reading never wait, and when the columns land every event kept so far moves into
// them: none lost, none counted twice, each in its place, whatever was added, replaced or looked
// up meanwhile. Its own file: the columns load once per page (module), and here they have not yet.
import { expect } from 'chai';
import type { ResponseEvent } from '../../src/core/event';
import { EventLog, loadEventColumns } from '../../src/store/event-log';
import { PAGE_SIZE } from '../../src/store/event-log-rows';

const BASE = Date.UTC(2026, 2, 1, 9);

function opened(n: number, row: number): ResponseEvent {
  return { id: `e${n}`, emailId: 'm1', recipientId: `r${row}`, response: 'opened', at: BASE + n } as ResponseEvent;
}

describe('the event log before and after its columns load', () => {
  it('keeps every event added before the columns land and after, in order, each once', async () => {
    const log = new EventLog();
    const events = Array.from({ length: PAGE_SIZE + 50 }, (_, n) => opened(n, n % 100));
    // A page of events in one go (one ingest): the columns are asked for, and nothing waits for them.
    for (const [n, event] of events.entries()) log.add(event, n % 100, BASE + n);
    expect(log.length).to.equal(PAGE_SIZE + 50);
    expect(log.all()).to.deep.equal(events);
    // Meanwhile a conflict replaces one copy, and a redelivery looks an id up.
    const chosen = { ...opened(7, 7), response: 'clicked' } as ResponseEvent;
    log.replace(7, chosen, BASE + 99);
    events[7] = chosen;
    expect(log.positionOf(12, 'e112')).to.equal(112);
    // Another store's log is refolded (new rules: cleared, filled again) while the code is on its way.
    const refolded = new EventLog();
    for (const [n, event] of events.entries()) refolded.add(event, n % 100, BASE + n);
    refolded.clear();
    for (let n = 0; n < 3; n++) refolded.add(events[n]!, n % 100, BASE + n);

    await loadEventColumns();
    expect(refolded.all(), 'what the refold left, not what it cleared').to.deep.equal(events.slice(0, 3));
    const original = events[PAGE_SIZE]!;
    expect(log.at(PAGE_SIZE), 'read from the columns now: a new object, the same event').to.not.equal(original);
    expect(log.at(PAGE_SIZE)).to.deep.equal(original);

    const later = Array.from({ length: 50 }, (_, n) => opened(PAGE_SIZE + 50 + n, n % 100));
    for (const [n, event] of later.entries()) log.add(event, n % 100, BASE + PAGE_SIZE + 50 + n);
    events.push(...later);
    expect(log.length).to.equal(events.length);
    expect(log.all()).to.deep.equal(events);
    expect(log.entries(0).map(({ row, at }) => [row, at])).to.deep.equal(
      events.map((_, n) => [(n < PAGE_SIZE + 50 ? n : n - PAGE_SIZE - 50) % 100, n === 7 ? BASE + 99 : BASE + n]),
    );
    expect(log.positionOf(12, 'e112'), 'found after the move, as before it').to.equal(112);
    expect(log.positionOf(12, `e${PAGE_SIZE + 62}`), 'and among the events added after').to.equal(PAGE_SIZE + 62);
    expect(log.forRowSince(7, 0).map(({ id }) => id)[0]).to.equal('e7');
    expect(log.forRowSince(7, 0)[0]).to.deep.equal(chosen);
  });

  it('a log made once the columns are here keeps columns from its first event; one cleared meanwhile fills again', () => {
    const log = new EventLog();
    const event = opened(1, 0);
    log.add(event, 0, BASE + 1);
    expect(log.at(0)).to.not.equal(event);
    expect(log.all()).to.deep.equal([event]);
    log.clear();
    expect(log.all()).to.deep.equal([]);
    log.add(opened(2, 3), 3, BASE + 2);
    expect(log.forRowSince(3, 0)).to.deep.equal([opened(2, 3)]);
  });
});
