import { expect } from 'chai';
import { DEFAULT_RULES, createResponseState, foldEvents } from '../../src/core/index';
import { event, minutes } from '../support/events';

const responseOf = (...events: Parameters<typeof foldEvents>[0][]) => foldEvents(events.flat()).recipient('e1', 'r1');

describe('how a response changes', () => {
  it('the seed example: opened, clicked, then spam shows Spam complaint with Opens 1, Clicks 1', () => {
    const r = responseOf([event('opened', { at: 1 }), event('clicked', { at: 2 }), event('spam-complaint', { at: 3 })]);
    expect(r).to.include({ response: 'spam-complaint', label: 'Spam complaint', final: true, opens: 1, clicks: 1 });
  });

  it('rule 1: a final response is never replaced by a non-final one', () => {
    const r = responseOf([event('hard-bounce', { at: 1 }), event('opened', { at: 5 }), event('clicked', { at: 6 })]);
    expect(r).to.include({ response: 'hard-bounce', final: true });
  });

  it('rule 2: a higher priority replaces a lower one; a later lower one does not', () => {
    expect(responseOf([event('opened', { at: 1 }), event('clicked', { at: 2 })])!.response).to.equal('clicked');
    expect(responseOf([event('clicked', { at: 1 }), event('opened', { at: 2 })])!.response).to.equal('clicked');
    expect(responseOf([event('delivered', { at: 3 }), event('provider-delayed', { at: 1 })])!.response).to.equal(
      'delivered',
    );
  });

  it('rule 2: the priority-0 in-flight states follow their natural order whatever the arrival order', () => {
    const r = responseOf([
      event('sent-to-provider', { at: 1 }),
      event('planned', { at: 2 }),
      event('ready-to-send', { at: 3 }),
    ]);
    expect(r!.response).to.equal('sent-to-provider');
    expect(responseOf([event('ready-to-send', { at: 1 }), event('planned', { at: 2 })])!.response).to.equal(
      'ready-to-send',
    );
  });

  it('rule 2: any real event replaces the in-flight states', () => {
    expect(responseOf([event('sent-to-provider', { at: 1 }), event('provider-queued', { at: 0 })])!.response).to.equal(
      'provider-queued',
    );
    expect(responseOf([event('sent-to-provider', { at: 1 }), event('unknown', { at: 2 })])!.response).to.equal(
      'unknown',
    );
  });

  it('rule 3: when two finals meet, the one that happened first stands', () => {
    const r = responseOf([event('unsubscribed', { at: 5 }), event('spam-complaint', { at: 3 })]);
    expect(r).to.include({ response: 'spam-complaint', at: minutes(3) });
    const later = responseOf([event('spam-complaint', { at: 3 }), event('hard-bounce', { at: 9 })]);
    expect(later!.response).to.equal('spam-complaint');
  });

  it('rule 3: finals at the same time: the higher priority stands', () => {
    const r = responseOf([event('soft-bounce', { at: 4 }), event('hard-bounce', { at: 4 })]);
    expect(r!.response).to.equal('hard-bounce');
  });

  it('rule 4: every distinct open and click counts, also after Clicked and after Unsubscribed', () => {
    const r = responseOf([
      event('clicked', { at: 1 }),
      event('opened', { at: 2 }),
      event('unsubscribed', { at: 3 }),
      event('opened', { at: 4 }),
      event('clicked', { at: 5 }),
    ]);
    expect(r).to.include({ response: 'unsubscribed', opens: 2, clicks: 2 });
  });

  it('rule 4: machine opens do not add to Opens', () => {
    const r = responseOf([event('opened-machine', { at: 1 }), event('opened-machine', { at: 2 })]);
    expect(r).to.include({ response: 'opened-machine', opens: 0, machineOpens: 2 });
  });

  it('rule 4: a click with no open shows Opens 1 (images blocked)', () => {
    expect(responseOf([event('clicked', { at: 1 })])).to.include({ opens: 1, clicks: 1 });
  });

  it('rule 5: the same event delivered twice counts once', () => {
    const open = event('opened', { at: 1 });
    const state = foldEvents([open, open, { ...open }]);
    expect(state.recipient('e1', 'r1')).to.include({ opens: 1 });
    expect(state.eventCount).to.equal(1);
  });

  it('shows when the current response happened, the first and last event, and its reason', () => {
    const r = responseOf([
      event('delivered', { at: 1 }),
      event('opened', { at: 7 }),
      event('opened', { at: 4 }),
      event('soft-bounce', { at: 9, reason: '452 mailbox full' }),
    ]);
    expect(r).to.include({
      response: 'soft-bounce',
      at: minutes(9),
      firstAt: minutes(1),
      lastAt: minutes(9),
      reason: '452 mailbox full',
    });
    expect(responseOf([event('opened', { at: 7 }), event('opened', { at: 4 })])!.at).to.equal(minutes(4));
  });

  it('keeps the newest contact name and address the events carry', () => {
    const r = responseOf([
      event('delivered', { at: 1, contactId: 'c1', contactName: 'Ann', address: 'ann@old.example' }),
      event('opened', { at: 5, address: 'ann@new.example' }),
    ]);
    expect(r).to.include({ contactId: 'c1', contactName: 'Ann', address: 'ann@new.example' });
  });

  it('accepts labels and 8.x aliases on the wire and shows the catalogue id', () => {
    expect(responseOf([event('Open', { at: 1 })])!.response).to.equal('opened');
  });

  it('keeps recipients of different emails apart', () => {
    const state = foldEvents([event('opened', { emailId: 'e1' }), event('hard-bounce', { emailId: 'e2' })]);
    expect(state.recipient('e1', 'r1')!.response).to.equal('opened');
    expect(state.recipient('e2', 'r1')!.response).to.equal('hard-bounce');
    expect(state.recipient('e3', 'r1')).to.equal(undefined);
  });

  it('folds under rules handed over by a backend', () => {
    // A backend that ranks Opened above Clicked: the client follows it.
    const rules = structuredClone(DEFAULT_RULES);
    rules.version = 'backend-7';
    rules.responses.find((r) => r.id === 'opened')!.priority = 20;
    const state = foldEvents([event('opened', { at: 1 }), event('clicked', { at: 2 })], rules);
    expect(state.recipient('e1', 'r1')!.response).to.equal('opened');
    expect(state.rules.version).to.equal('backend-7');
  });
});

describe('applying batches', () => {
  it('reports what changed, each recipient once, and skips what changes nothing', () => {
    const state = createResponseState();
    const first = state.apply([
      event('delivered', { recipientId: 'a', at: 0 }),
      event('opened', { recipientId: 'a', at: 5 }),
      event('delivered', { recipientId: 'b' }),
    ]);
    expect(first).to.include({ accepted: 3, duplicates: 0 });
    expect(first.changed.map((row) => state.recipientAt(row).recipientId)).to.deep.equal(['a', 'b']);
    // Another Delivered between the first and last event changes nothing a view shows.
    const second = state.apply([event('delivered', { recipientId: 'a', at: 3 })]);
    expect(second.changed).to.deep.equal([]);
  });

  it('returns rejected events with reasons and applies the rest', () => {
    const state = createResponseState();
    const batch = state.apply([event('opened'), { id: 'x' }, 'junk', event('teleported')]);
    expect(batch.accepted).to.equal(1);
    expect(batch.rejected.map((r) => r.code)).to.deep.equal(['missing-field', 'not-an-object', 'unknown-response']);
    expect(foldEvents([{ id: 'x' }]).rejected).to.have.length(1);
  });

  it('keeps per-email counts in step with the recipients', () => {
    const state = foldEvents([
      event('delivered', { recipientId: 'a' }),
      event('clicked', { recipientId: 'a' }),
      event('opened-machine', { recipientId: 'b' }),
      event('hard-bounce', { recipientId: 'c' }),
    ]);
    const entry = state.emails.get('e1')!;
    const count = (id: string) => entry.byResponse[state.rules.responses.findIndex((r) => r.id === id)];
    expect([count('clicked'), count('opened-machine'), count('hard-bounce'), count('delivered')]).to.deep.equal([
      1, 1, 1, 0,
    ]);
    expect({ opened: entry.opened, clicked: entry.clicked, machineOnly: entry.machineOnly }).to.deep.equal({
      opened: 1,
      clicked: 1,
      machineOnly: 1,
    });
  });
});
