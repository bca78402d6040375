// A batch is applied in chunks of 128 events (batch.ts): validation, row lookups and cache warming
// run as passes over a chunk, then the chunk's events are applied in their order. The chunks are
// for speed only, so a batch of any size must end where the reference fold (written from the spec)
// ends, reject each bad event once and in its place, and name each changed recipient once.
import { expect } from 'chai';
import { DEFAULT_RULES, createResponseState, foldEvents, type ResponseEvent } from '../../src/core/index';
import { referenceFold } from './reference-fold';
import { expectSame, observed } from './observed-state';
import { minutes } from '../support/events';
import { random } from '../support/random';

const RESPONSES = ['delivered', 'opened', 'Opened', 'clicked', 'opened-machine', 'sent-to-provider', 'soft-bounce'];
const FINALS = ['hard-bounce', 'unsubscribed', 'spam-complaint'];

/**
 * `count` events over three emails and 40 recipients, the emails interleaved, with names,
 * addresses (in two cases), contacts, providers, email kinds and types, reasons, and a final
 * now and then; ids repeat per recipient, so some are redeliveries.
 */
function events(count: number, seed: number): ResponseEvent[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  return Array.from({ length: count }, () => {
    const recipient = Math.floor(next() * 40);
    const event: ResponseEvent = {
      id: `ev${Math.floor(next() * 30)}`,
      emailId: pick(['e1', 'e2', 'e3']),
      recipientId: `r${recipient}`,
      response: next() < 0.05 ? pick(FINALS) : pick(RESPONSES),
      at: minutes(Math.floor(next() * 20)),
    };
    if (next() < 0.5) event.contactId = `c${recipient % 7}`;
    if (next() < 0.4) event.contactName = pick(['Ann', 'Bob', 'Zoë']);
    if (next() < 0.4) event.address = pick(['ann@example.com', 'ANN@example.com', 'bob@example.com']);
    if (next() < 0.3) event.provider = pick(['ses', 'sendgrid']);
    if (next() < 0.2) event.emailKind = pick(['bulk', 'trigger'] as const);
    if (next() < 0.2) event.emailType = pick(['news', 'promo']);
    if (next() < 0.3) event.reason = pick(['451 busy', '550 gone']);
    return event;
  });
}

/** Events with a bad one every `every`th place: an unknown response, which names its field. */
function withBad(good: readonly ResponseEvent[], every: number): unknown[] {
  return good.flatMap((e, i) => (i % every === every - 1 ? [e, { ...e, id: `bad${i}`, response: 'nope' }] : [e]));
}

describe('a batch larger than a chunk', () => {
  it('700 events over three emails, bad ones and redeliveries among them, end where the reference does', () => {
    const inputs = withBad(events(700, 1), 9);
    const state = createResponseState();
    const batch = state.apply(inputs);
    expectSame(observed(state), referenceFold(inputs, DEFAULT_RULES));
    expect(batch.accepted + batch.duplicates + batch.rejected.length).to.equal(inputs.length);
    expect(batch.accepted).to.equal(state.eventCount);
  });

  it('one batch ends where the same events one at a time end', () => {
    const inputs = events(600, 2);
    const one = foldEvents(inputs);
    const each = createResponseState();
    for (const e of inputs) each.apply([e]);
    expectSame(observed(one), observed(each));
  });

  it('at 127, 128, 129, 256, 257 and 513 events each bad event is rejected once, in its place', () => {
    for (const size of [127, 128, 129, 256, 257, 513]) {
      const inputs = withBad(events(size, size), 7).slice(0, size);
      const bad = inputs.filter((e) => (e as ResponseEvent).response === 'nope');
      const batch = createResponseState().apply(inputs);
      expect(batch.rejected.map((r) => r.event)).to.deep.equal(bad);
      expect(batch.rejected.map((r) => r.field)).to.deep.equal(bad.map(() => 'response'));
      expect(batch.accepted + batch.duplicates, `size ${size}`).to.equal(size - bad.length);
    }
  });

  it('a last event alone in its chunk is applied like the others', () => {
    const inputs = events(128, 3);
    const last: ResponseEvent = { id: 'x', emailId: 'e9', recipientId: 'r1', response: 'clicked', at: minutes(5) };
    const state = foldEvents([...inputs, last]);
    expect(state.rejected).to.deep.equal([]);
    expect(state.recipient('e9', 'r1')).to.include({ response: 'clicked', clicks: 1, opens: 1 });
  });

  it('names each changed recipient once, however many of its events the batch holds', () => {
    const inputs = events(700, 4);
    const state = createResponseState();
    const { changed } = state.apply(inputs);
    expect(changed.length).to.equal(new Set(changed).size);
    const recipients = new Set(inputs.map((e) => `${e.emailId}/${e.recipientId}`));
    expect(changed.length).to.equal(recipients.size);
    // Once more in a later batch: a redelivery changes nothing, a new event changes its recipient.
    const again = state.apply([...inputs.slice(0, 50), { ...inputs[0]!, id: 'new', response: 'spam-complaint' }]);
    expect(again.changed.map((row) => state.recipientAt(row).recipientId)).to.deep.equal([inputs[0]!.recipientId]);
  });

  it('names a recipient whose name alone changed, and not one a new event left as it was', () => {
    const state = createResponseState();
    const base: ResponseEvent = { id: 'a', emailId: 'e1', recipientId: 'r1', response: 'delivered', at: minutes(2) };
    state.apply([base, { ...base, id: 'b', response: 'opened', at: minutes(4) }]);
    // Delivered again between the first and last event: no response, counter, time or name moves.
    expect(state.apply([{ ...base, id: 'c', at: minutes(3) }]).changed).to.deep.equal([]);
    const renamed = state.apply([{ ...base, id: 'd', at: minutes(3), contactName: 'Ann' }]);
    expect(renamed.changed).to.deep.equal([state.rowOf('e1', 'r1')]);
    expect(state.recipient('e1', 'r1')).to.include({ response: 'opened', contactName: 'Ann', opens: 1 });
  });

  it('lists the recipients of each email in the order they first appeared', () => {
    const inputs = events(600, 5);
    const state = foldEvents(inputs);
    for (const emailId of ['e1', 'e2', 'e3']) {
      const firstSeen = [...new Set(inputs.filter((e) => e.emailId === emailId).map((e) => e.recipientId))];
      const order = state.emails.get(emailId)!.order.map((row) => state.recipientAt(row).recipientId);
      expect(order).to.deep.equal(firstSeen);
    }
  });
});
