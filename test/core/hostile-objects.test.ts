// Issue 15, item 7: a getter that throws, a Proxy, or an iterator that throws must not escape
// `foldEvents` or `apply`. The one unreadable item is rejected with a reason; a batch whose
// iterator throws is applied whole or not at all.
import { expect } from 'chai';
import { createResponseState, foldEvents, validateEvents } from '../../src/core/index';
import { BASE_TIME } from '../support/events';
import { snapshot } from './state-snapshot';

const event = (n: number) => ({
  id: `e${n}`,
  emailId: 'm1',
  recipientId: `r${n % 7}`,
  response: n % 3 === 0 ? 'clicked' : 'opened',
  at: BASE_TIME + n * 1000,
});

const throwingGetter = () =>
  Object.defineProperty({ ...event(1000) }, 'recipientId', {
    enumerable: true,
    get() {
      throw new Error('getter exploded');
    },
  });

/** Answers well the first time each field is read, then throws: a check must read once. */
const secondReadThrows = () => {
  const seen = new Set<PropertyKey>();
  return new Proxy(event(1001), {
    get(target, key, receiver) {
      if (seen.has(key)) throw new Error(`read ${String(key)} twice`);
      seen.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
};

const throwingProxy = () =>
  new Proxy(event(1002), {
    get() {
      throw new Error('trap exploded');
    },
    ownKeys() {
      throw new Error('trap exploded');
    },
  });

const revoked = () => {
  const { proxy, revoke } = Proxy.revocable(event(1003), {});
  revoke();
  return proxy;
};

/** Yields `n` good events, then throws. */
function* breaksAfter(n: number) {
  for (let i = 0; i < n; i++) yield event(i);
  throw new Error('iterator exploded');
}

describe('hostile objects and iterators (issue 15, item 7)', () => {
  it('rejects each unreadable event with a reason and applies the rest', () => {
    const good = Array.from({ length: 600 }, (_, i) => event(i));
    const hostile = [throwingGetter(), throwingProxy(), revoked()];
    const folded = foldEvents([...good.slice(0, 300), ...hostile, ...good.slice(300)]);
    expect(folded.rejected.map((r) => r.code)).to.deep.equal(['unreadable', 'unreadable', 'unreadable']);
    for (const r of folded.rejected) expect(r.reason).to.match(/could not be read/);
    expect(snapshot(folded)).to.deep.equal(snapshot(foldEvents(good)));
  });

  it('reads each field of an event once, so a second read cannot change or break it', () => {
    const folded = foldEvents([secondReadThrows()]);
    expect(folded.rejected).to.deep.equal([]);
    expect(folded.eventCount).to.equal(1);
    expect(folded.recipient('m1', 'r0')?.response).to.equal('opened');
  });

  it('applies nothing of a batch whose iterator throws, and says why', () => {
    const state = createResponseState();
    const result = state.apply(breaksAfter(600));
    expect(result.accepted).to.equal(0);
    expect(result.rejected).to.have.length(1);
    expect(result.rejected[0]!.code).to.equal('unreadable');
    expect(result.rejected[0]!.reason).to.match(/none of it was applied: iterator exploded/);
    expect(state.eventCount).to.equal(0);
    expect(state.recipients.size).to.equal(0);
  });

  it('a Proxy over the batch array that throws on an element is one rejection, not a throw', () => {
    const list = Array.from({ length: 10 }, (_, i) => event(i));
    const proxy = new Proxy(list, {
      get(target, key, receiver) {
        if (key === '5') throw new Error('element exploded');
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const state = createResponseState();
    const result = state.apply(proxy);
    expect([result.accepted, result.rejected.length, state.eventCount]).to.deep.equal([0, 1, 0]);
    expect(validateEvents(proxy, state.rules).rejected[0]!.code).to.equal('unreadable');
  });

  it('an error whose own message getter throws still gives a reason', () => {
    const nasty = {
      get message(): string {
        throw new Error('no');
      },
    };
    const hostile = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw Object.setPrototypeOf(nasty, Error.prototype) as Error;
      },
    });
    const folded = foldEvents([hostile]);
    expect(folded.rejected[0]!.reason).to.equal('the event could not be read: an unreadable exception');
  });
});
