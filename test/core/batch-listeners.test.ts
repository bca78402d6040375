// What `ResponseState.apply` tells its caller about a batch: each event applied for the first time
// (`onAccepted`) and each redelivery (`onDuplicate`), with the recipient's row and the event's time
// in epoch ms; the emails whose kind or type changed. A listener may apply another batch to the
// same state (a store applying what an event implies): both batches then land as if applied apart.
import { expect } from 'chai';
import { createResponseState, foldEvents, type ResponseEvent } from '../../src/core/index';
import { expectSame, observed } from './observed-state';
import { event, minutes } from '../support/events';

describe('what a batch reports', () => {
  it('onAccepted hears each new event once, with its row and its time in epoch ms', () => {
    const state = createResponseState();
    const heard: [string, string, number][] = [];
    const at = '2026-01-01T00:07:00.000Z';
    const events = [event('opened', { at: 3 }), { ...event('clicked', { recipientId: 'r2' }), at }];
    state.apply([...events, events[0]!], (e, row, time) =>
      heard.push([e.id, state.recipients.recipientIdOf(row), time]),
    );
    expect(heard).to.deep.equal([
      [events[0]!.id, 'r1', minutes(3)],
      [events[1]!.id, 'r2', minutes(7)],
    ]);
  });

  it('onDuplicate hears each redelivery with its row and time, and onAccepted does not', () => {
    const state = createResponseState();
    const first = event('delivered', { at: 2, recipientId: 'r1' });
    const second = event('opened', { at: 4, recipientId: 'r2' });
    state.apply([first, second]);
    const accepted: string[] = [];
    const duplicates: [string, string, number][] = [];
    const batch = state.apply(
      [second, first, second],
      (e) => accepted.push(e.id),
      (e, row, time) => duplicates.push([e.id, state.recipientAt(row).recipientId, time]),
    );
    expect(batch).to.include({ accepted: 0, duplicates: 3 });
    expect(batch.changed).to.deep.equal([]);
    expect(accepted).to.deep.equal([]);
    expect(duplicates).to.deep.equal([
      [second.id, 'r2', minutes(4)],
      [first.id, 'r1', minutes(2)],
      [second.id, 'r2', minutes(4)],
    ]);
  });

  it('a batch applied from onAccepted lands, and the batch that heard it goes on as if alone', () => {
    // Two chunks' worth of outer events, so the inner batch runs while the outer has staged more.
    const outer = Array.from({ length: 300 }, (_, i) =>
      event(i % 3 ? 'opened' : 'delivered', { recipientId: `r${i % 50}`, at: i % 11 }),
    );
    const inner = Array.from({ length: 40 }, (_, i) =>
      event('clicked', { emailId: 'e2', recipientId: `r${i % 7}`, at: i % 5, contactId: `c${i % 3}` }),
    );
    const state = createResponseState();
    let innerBatch: ReturnType<typeof state.apply> | undefined;
    const batch = state.apply(outer, (e) => {
      if (e.id === outer[5]!.id) innerBatch = state.apply(inner);
    });
    expect(innerBatch).to.include({ accepted: 40, duplicates: 0 });
    expect(batch).to.include({ accepted: 300, duplicates: 0 });
    expect(batch.rejected).to.deep.equal([]);
    expectSame(observed(state), observed(foldEvents([...outer, ...inner])));
    // The next batch, outside any listener, is applied as usual.
    const after = state.apply([event('hard-bounce', { recipientId: 'r1', at: 20 })]);
    expect(after.changed.map((row) => state.recipientAt(row).response)).to.deep.equal(['hard-bounce']);
  });

  it('a batch that cannot be read reports only that: nothing accepted, changed or redelivered', () => {
    const state = createResponseState();
    state.apply([event('opened', { at: 1, emailKind: 'bulk' })]);
    const unreadable = {
      *[Symbol.iterator]() {
        yield event('clicked', { at: 2, emailKind: 'trigger' });
        throw new Error('gone');
      },
    };
    const batch = state.apply(unreadable);
    expect(batch).to.deep.equal({
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
    expect(state.recipient('e1', 'r1')).to.include({ response: 'opened', emailKind: 'bulk' });
  });

  it('knows a recipient’s applied events by id, and no other id of that recipient', () => {
    const state = createResponseState();
    const opened = event('opened', { at: 1 });
    state.apply([opened]);
    expect(state.hasEvent('e1', 'r1', opened.id)).to.equal(true);
    expect(state.hasEvent('e1', 'r1', `${opened.id}x`)).to.equal(false);
    expect(state.hasEvent('e1', 'r2', opened.id)).to.equal(false);
  });

  it('names an email whose kind or type changed, by an event that carries only one of them', () => {
    const state = createResponseState();
    const kindOnly: ResponseEvent = event('delivered', { at: 1, emailKind: 'bulk' });
    const typeOnly: ResponseEvent = event('opened', { at: 2, emailId: 'e2', emailType: 'news' });
    const neither: ResponseEvent = event('opened', { at: 3, emailId: 'e3' });
    expect(state.apply([kindOnly, typeOnly, neither]).changedEmails).to.deep.equal(['e1', 'e2']);
    expect(state.recipient('e1', 'r1')).to.include({ emailKind: 'bulk' });
    expect(state.recipient('e2', 'r1')).to.include({ emailType: 'news' });
    // The same kind again changes nothing; a newer kind does.
    expect(state.apply([event('clicked', { at: 4, emailKind: 'bulk' })]).changedEmails).to.deep.equal([]);
    expect(state.apply([event('clicked', { at: 5, emailKind: 'trigger' })]).changedEmails).to.deep.equal(['e1']);
  });
});
