// readBatch copies a plain array whole (issue 16, section 4); anything else is read through its
// iterator as before. Both read each item once.
import { expect } from 'chai';
import { readBatch } from '../../src/core/read-batch';

describe('reading a batch', () => {
  it('copies a plain array, holes and all, into an array of its own', () => {
    const events: unknown[] = [1, 2, 3];
    events[5] = 6;
    const read = readBatch(events) as unknown[];
    expect(read).to.not.equal(events);
    expect(read).to.have.length(6);
    expect(read[4]).to.equal(undefined);
    expect(Object.getPrototypeOf(read)).to.equal(Array.prototype);
  });

  it("follows an array's own iterator when it was replaced", () => {
    const events = [1, 2, 3];
    Object.defineProperty(events, Symbol.iterator, {
      value: function* () {
        yield 'a';
      },
    });
    expect(readBatch(events)).to.deep.equal(['a']);
  });

  it('reads each item of a Proxy of an array once', () => {
    const reads = new Map<PropertyKey, number>();
    const events = new Proxy([10, 20, 30], {
      get(target, key, receiver) {
        reads.set(key, (reads.get(key) ?? 0) + 1);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(readBatch(events)).to.deep.equal([10, 20, 30]);
    for (const index of ['0', '1', '2']) expect(reads.get(index), index).to.equal(1);
  });

  it('copies an array subclass into a plain array', () => {
    class Events extends Array<unknown> {}
    const events = Events.from([1, 2]);
    const read = readBatch(events) as unknown[];
    expect(read).to.deep.equal([1, 2]);
    expect(Object.getPrototypeOf(read)).to.equal(Array.prototype);
  });

  it('says a single event, null or a string is not a list, rather than what the engine says', () => {
    for (const batch of [{ id: 'a' }, null, undefined, 42])
      expect(readBatch(batch as unknown as Iterable<unknown>), String(batch)).to.deep.include({
        event: batch,
        code: 'unreadable',
        reason: 'the batch is not a list of events, so none of it was applied: give an array of event objects',
      });
    const text = '[{"id":"a"}]';
    expect(readBatch(text)).to.deep.include({
      event: text,
      reason:
        'the batch is not a list of events, so none of it was applied: give an array of event objects (parse JSON text first)',
    });
  });
});
