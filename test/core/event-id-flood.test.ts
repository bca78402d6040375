// Issue 15, item 12: hash flooding. Ids built to share one FNV-1a hash (from its published offset
// basis) for one recipient must cost about what random ids cost. Work is measured as probes of the
// overflow table, not as time: correctness tests carry no wall-clock limits.
import { expect } from 'chai';
import { EventIdSet } from '../../src/core/event-id-set';
import { RecipientTable } from '../../src/core/recipient-table';

const PRIME = 0x01000193;
const BASIS = 0x811c9dc5;
const PREFIX = 'evt-';

/** The state FNV-1a reaches after `unit` from `state`. */
const step = (state: number, unit: number) => Math.imul(state ^ unit, PRIME);

/**
 * 2^`pairs` distinct ids with one FNV-1a hash: from each state, two two-unit blocks that reach the
 * same next state (a birthday search on the top 16 bits; the low 16 the second unit cancels).
 */
function collidingIds(pairs: number): string[] {
  let state = fnv1a(PREFIX);
  const blocks: [string, string][] = [];
  for (let p = 0; p < pairs; p++) {
    const seen = new Map<number, number>();
    for (let a = 0x41; ; a++) {
      const mid = step(state, a);
      const top = mid >>> 16;
      const other = seen.get(top);
      if (other === undefined) {
        seen.set(top, a);
        continue;
      }
      const otherMid = step(state, other);
      const b = 0x61;
      const d = (b ^ (mid & 0xffff) ^ (otherMid & 0xffff)) & 0xffff;
      const first = String.fromCharCode(a, b);
      const second = String.fromCharCode(other, d);
      expect(step(mid, b)).to.equal(step(otherMid, d));
      blocks.push([first, second]);
      state = step(mid, b);
      break;
    }
  }
  const out: string[] = [];
  for (let n = 0; n < 1 << pairs; n++) {
    let id = PREFIX;
    for (let p = 0; p < pairs; p++) id += blocks[p]![(n >> p) & 1];
    out.push(id);
  }
  return out;
}

function fnv1a(id: string): number {
  let hash = BASIS;
  for (let i = 0; i < id.length; i++) hash = step(hash, id.charCodeAt(i));
  return hash;
}

/** Probes to add then look up every id for one recipient. */
function probesFor(ids: readonly string[]): number {
  const table = new RecipientTable();
  const row = table.add(0, 'r1');
  const set = new EventIdSet(table);
  let added = 0;
  let found = 0;
  for (const id of ids) if (set.add(row, id)) added++;
  for (const id of ids) if (set.has(row, id)) found++;
  expect([added, found, set.size]).to.deep.equal([ids.length, ids.length, ids.length]);
  return set.probes;
}

describe('hash flooding (issue 15, item 12)', () => {
  it('builds ids that truly share one FNV-1a hash', () => {
    const ids = collidingIds(12);
    expect(new Set(ids).size).to.equal(4096);
    expect(new Set(ids.map(fnv1a)).size).to.equal(1);
  });

  it('adversarial ids for one recipient take about the probes random ids take', () => {
    const hostile = collidingIds(12);
    const random = hostile.map((_, i) => `evt-${Math.random().toString(36).slice(2)}-${i}`);
    const hostileProbes = probesFor(hostile);
    const randomProbes = probesFor(random);
    // Linear probing over one shared hash would need about n²/2 (8 million here).
    expect(hostileProbes, `hostile ${hostileProbes}, random ${randomProbes}`).to.be.below(randomProbes * 3);
    expect(hostileProbes).to.be.below(hostile.length * 4);
  });

  it('two states hash differently, so ids aimed at one state do not carry over', () => {
    // Each state draws its own seed: the same hostile ids in a second state still cost little.
    const hostile = collidingIds(10);
    for (let k = 0; k < 3; k++) expect(probesFor(hostile)).to.be.below(hostile.length * 4);
  });
});
