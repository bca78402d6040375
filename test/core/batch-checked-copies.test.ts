// Validation copies each event's fields (read once, see validate.ts). A fold that no listener
// hears reuses those copies chunk after chunk (batch.ts), as nothing keeps one past its apply;
// a listener may keep every event it hears, so then each is a copy of its own. And validation
// finds a columnar batch among plain events as it reads them, so the plain events around one
// are chunked from where it stands. None of that may change what a batch does.
import { expect } from 'chai';
import { applyItems, createResponseState, encodeColumns, foldEvents, type ResponseEvent } from '../../src/core/index';
import { expectSame, observed } from './observed-state';
import { minutes } from '../support/events';
import { random } from '../support/random';

const RESPONSES = ['delivered', 'opened', 'clicked', 'hard-bounce', 'unsubscribed', 'soft-bounce'];

/** `count` events over `recipients` recipients of two emails, some with texts, some redelivered. */
function events(count: number, recipients: number, seed: number): ResponseEvent[] {
  const next = random(seed);
  const out: ResponseEvent[] = [];
  for (let i = 0; i < count; i++) {
    const r = Math.floor(next() * recipients);
    const event: ResponseEvent = {
      id: `ev-${Math.floor(next() * count * 0.8)}`,
      emailId: r % 3 === 0 ? 'e2' : 'e1',
      recipientId: `r-${r}`,
      response: RESPONSES[Math.floor(next() * RESPONSES.length)]!,
      at: minutes(Math.floor(next() * 50)),
    };
    if (next() < 0.5) event.contactId = `c-${Math.floor(next() * recipients)}`;
    if (next() < 0.3) event.address = `p${r}@example.com`;
    if (next() < 0.1) event.reason = `code ${Math.floor(next() * 3)}`;
    out.push(event);
  }
  return out;
}

describe('the checked copies of a batch', () => {
  it('each event a listener heard keeps its own fields after the rest of the batch', () => {
    const batch = events(700, 90, 1);
    const heard: ResponseEvent[] = [];
    const keep = (event: ResponseEvent) => void heard.push(event);
    createResponseState().apply(batch, keep, keep);
    expect(heard).to.have.length(700);
    expect(new Set(heard).size).to.equal(700);
    for (const event of heard) expect(batch).to.deep.include(event);
  });

  it('a fold no listener hears ends where the same batch with listeners ends', () => {
    const batch = events(1_500, 200, 2);
    const heard = createResponseState();
    heard.apply(
      batch,
      () => {},
      () => {},
    );
    expectSame(observed(foldEvents(batch)), observed(heard));
  });

  it('plain events around columnar batches, more than a chunk on each side, apply in their order', () => {
    const batch = events(1_400, 400, 3);
    const mixed = [
      ...batch.slice(0, 300),
      encodeColumns(batch.slice(300, 700)),
      encodeColumns(batch.slice(700, 760)),
      ...batch.slice(760, 1_300),
      encodeColumns(batch.slice(1_300)),
    ];
    const asObjects = createResponseState();
    const asMixed = createResponseState();
    expect(applyItems(asMixed, mixed)).to.deep.equal(asObjects.apply(batch));
    expectSame(observed(asMixed), observed(asObjects));
    for (const email of ['e1', 'e2'])
      expect(asMixed.emails.get(email)!.order).to.deep.equal(asObjects.emails.get(email)!.order);
  });
});
