// The simulated clock kept across a reload. The mock backend starts its campaign at the start of
// the hour and runs a minute of it per real second, so a page reloaded after five minutes, or
// after "Jump past 48 hours", started the clock hours behind the events its cache held: the grid
// showed responses from the future beside "6 min. ago" (a new user's review). The demo saves the
// shown clock as it runs; a page of the same campaign (same start) moves its backend on to it.

const HOUR = 3_600_000;
/** How often the clock is saved (it is saved when the page is hidden, too). */
const SAVE_MS = 1000;

interface Saved {
  startTime: number;
  clock: number;
}

/** What `resumeClock` needs of the mock backend. */
export interface ClockedBackend {
  now(): number;
  jump(hours: number): void;
}

function read(storage: Storage, key: string): Saved | undefined {
  try {
    const saved = JSON.parse(storage.getItem(key) ?? 'null') as Partial<Saved> | null;
    return typeof saved?.startTime === 'number' && typeof saved.clock === 'number' ? (saved as Saved) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves `backend` on to the clock the last page of the same campaign (`startTime`) saved under
 * `key`, then keeps saving `clock()` (the time the views show: the leader's in every tab). Returns
 * the hours it moved on (0 for a new campaign or a first page), and a function that stops saving.
 */
export function resumeClock(
  key: string,
  startTime: number,
  backend: ClockedBackend,
  clock: () => number,
  storage: Storage = localStorage,
): { hours: number; stop: () => void } {
  const saved = read(storage, key);
  const hours = saved?.startTime === startTime ? Math.max(0, (saved.clock - backend.now()) / HOUR) : 0;
  if (hours > 0) backend.jump(hours);
  const save = () => {
    const last = read(storage, key);
    // Never back: another tab of the same campaign may have saved a later time.
    const now = Math.max(clock(), last?.startTime === startTime ? last.clock : -Infinity);
    storage.setItem(key, JSON.stringify({ startTime, clock: now } satisfies Saved));
  };
  const timer = setInterval(save, SAVE_MS);
  addEventListener('pagehide', save);
  return {
    hours,
    stop: () => {
      clearInterval(timer);
      removeEventListener('pagehide', save);
    },
  };
}
