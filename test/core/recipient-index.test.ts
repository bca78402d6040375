// Issue 16, section 4: an email's recipients are found through a seeded hash table of our own
// (recipient-index.ts) instead of a Map. It must answer as the Map did, whatever the ids look
// like, and the fold must not depend on how long the ids are.
import { expect } from 'chai';
import { foldEvents, type ResponseEvent } from '../../src/core/index';
import { RecipientIndex } from '../../src/core/recipient-index';
import { stringHash } from '../../src/core/string-hash';
import { BASE_TIME } from '../support/events';

/** A GUID-shaped id for `n`, distinct for every n. */
const guid = (n: number) => {
  const hex = (n * 2_654_435_761 + 0x9e37).toString(16).padStart(12, '0').slice(-12);
  return `${n.toString(16).padStart(8, '0')}-1f2e-4a3b-9c8d-${hex}`;
};

/** An index holding these ids, each in a row of its own, in order. */
function indexOf(ids: readonly string[]): { index: RecipientIndex } {
  const index = new RecipientIndex(12345, 54321);
  ids.forEach((id, row) => index.set(id, row));
  return { index };
}

describe('recipient index (issue 16, section 4)', () => {
  it('finds every recipient it was given, and none it was not, as a Map would', () => {
    const ids = Array.from({ length: 5000 }, (_, n) => (n % 2 ? guid(n) : `r-${n}`));
    const { index } = indexOf(ids);
    expect(index.size).to.equal(5000);
    ids.forEach((id, row) => expect(index.get(id)).to.equal(row));
    expect(index.get('r-5001')).to.equal(undefined);
    expect(index.has(guid(5001))).to.equal(false);
    expect(index.has('')).to.equal(false);
    expect(index.has(ids[4999]!)).to.equal(true);
  });

  it('tells apart ids that differ only in the high bits of one character', () => {
    // FNV's multiply carries only upwards: without the finaliser these would share their low bits.
    const ids = Array.from({ length: 256 }, (_, n) => `id-${String.fromCharCode(0x41 + (n << 8))}-end`);
    const { index } = indexOf(ids);
    ids.forEach((id, row) => expect(index.get(id)).to.equal(row));
    const slots = new Set(ids.map((id) => stringHash(id, 12345) & 1023));
    expect(slots.size).to.be.greaterThan(200);
  });

  it('gives the same hash for the same text and seed, another for another seed', () => {
    expect(stringHash(guid(7), 1)).to.equal(stringHash(`${guid(7)}`, 1));
    expect(stringHash(guid(7), 1)).to.not.equal(stringHash(guid(7), 2));
    expect(stringHash('a', 1)).to.not.equal(stringHash('b', 1));
    expect(stringHash('ab', 1)).to.not.equal(stringHash('ba', 1));
  });

  it('folds GUID ids to the same states as the same events with short ids', () => {
    const responses = ['sent-to-provider', 'delivered', 'opened', 'clicked', 'soft-bounce', 'hard-bounce'];
    const short: ResponseEvent[] = [];
    for (let n = 0; n < 3000; n++) {
      const r = (n * 7919) % 700;
      short.push({
        id: `e${n % 2900}`,
        emailId: n % 5 === 0 ? 'm2' : 'm1',
        recipientId: `r${r}`,
        response: responses[(n * 31) % responses.length]!,
        at: BASE_TIME + ((n * 104_729) % 86_400_000),
        contactId: `c${r % 300}`,
      });
    }
    const long = short.map((e) => ({ ...e, recipientId: guid(Number(e.recipientId.slice(1))) }));
    // Fresh strings, as JSON.parse gives them: no hash computed yet.
    const a = foldEvents(JSON.parse(JSON.stringify(short)) as ResponseEvent[]);
    const b = foldEvents(JSON.parse(JSON.stringify(long)) as ResponseEvent[]);
    expect(b.recipients.size).to.equal(a.recipients.size);
    expect(b.eventCount).to.equal(a.eventCount);
    for (let row = 0; row < a.recipients.size; row++) {
      const one = a.recipientAt(row);
      const other = b.recipient(one.emailId, guid(Number(one.recipientId.slice(1))))!;
      expect({ ...other, recipientId: one.recipientId }).to.deep.equal(one);
    }
  });
});
