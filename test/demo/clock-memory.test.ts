// The demo's simulated clock goes on across a reload of the same campaign: a page reloaded after
// "Jump past 48 hours" (or after minutes of a minute a second) moves its mock backend on to the
// time the last page showed, so the cache's events are not in the clock's future.
import { expect } from '@open-wc/testing';
import { resumeClock, type ClockedBackend } from '../../demo/clock-memory';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 11, 7, 23);

/** A Storage over a Map. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key: string) => items.get(key) ?? null,
    key: (index: number) => [...items.keys()][index] ?? null,
    removeItem: (key: string) => void items.delete(key),
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

/** A backend whose clock starts at the campaign's start and moves only by jumps. */
function backendAt(clock = START): ClockedBackend & { jumps: number[] } {
  const jumps: number[] = [];
  return {
    jumps,
    now: () => clock,
    jump(hours) {
      jumps.push(hours);
      clock += hours * HOUR;
    },
  };
}

/** A page of the campaign: resumes, and saves when hidden, as a reload does. */
function page(storage: Storage, startTime: number, shown: (backend: ClockedBackend) => number = (b) => b.now()) {
  const backend = backendAt(startTime);
  const resumed = resumeClock('clock', startTime, backend, () => shown(backend), storage);
  const hide = () => {
    dispatchEvent(new Event('pagehide'));
    resumed.stop();
  };
  return { backend, hours: resumed.hours, hide };
}

describe('the demo clock across a reload', () => {
  it('goes on from the time the page before showed, its jumps included', () => {
    const storage = memoryStorage();
    const first = page(storage, START);
    expect(first.hours).to.equal(0);
    first.backend.jump(49);
    first.hide();
    const again = page(storage, START);
    expect(again.hours).to.equal(49);
    expect(again.backend.now()).to.equal(START + 49 * HOUR);
    again.hide();
  });

  it('starts a new campaign (another hour) from its own start', () => {
    const storage = memoryStorage();
    const first = page(storage, START);
    first.backend.jump(3);
    first.hide();
    const next = page(storage, START + HOUR);
    expect(next.hours).to.equal(0);
    expect(next.backend.jumps).to.deep.equal([]);
    next.hide();
  });

  it('never saves a time earlier than one saved by another tab of the campaign', () => {
    const storage = memoryStorage();
    const leader = page(storage, START);
    leader.backend.jump(10);
    leader.hide();
    // A tab whose own clock is behind (a follower shows the leader's, but its backend's is its own).
    const behind = page(storage, START, () => START + HOUR);
    behind.hide();
    expect(page(storage, START).hours).to.equal(10);
  });

  it('ignores what it cannot read', () => {
    const storage = memoryStorage();
    for (const text of ['{not json', JSON.stringify({ startTime: START, clock: 'later' })]) {
      storage.setItem('clock', text);
      const reloaded = page(storage, START);
      expect(reloaded.hours, text).to.equal(0);
      reloaded.hide();
    }
  });
});
