// The leader tab's simulated clock, shared with the follower tabs. Each demo tab runs its own mock
// backend, but only the leader's feeds the store (the store relays its events, not its clock), so
// a follower measured waits and "5 min. ago" against a clock of its own: behind the leader's, and
// without the leader's "Jump past 48 hours". The leader posts its time on a BroadcastChannel of
// the demo's own; a follower's store reads that, and a follower's jump buttons ask the leader.
import type { ResponseStore } from '../src/store/response-store';

/** Simulated ms per real ms between two posts (the mock backend's default time scale). */
const TIME_SCALE = 60;
const POST_MS = 500;
/** A follower runs the leader's clock on by at most this much real time past the last post. */
const MAX_AHEAD_MS = 2000;
/** A leader's time further than this from the follower's guess is a jump: the views measure again. */
const JUMP_MS = 10 * 60_000;

export type ClockCommand = 'jump48' | 'expire';

type Message =
  { type: 'clock'; now: number; at: number } | { type: 'command'; command: ClockCommand } | { type: 'ask' };

export interface ClockRelay {
  /** The store's clock: the leader's time in every tab. */
  readonly clock: () => number;
  /** A jump button: done here when this tab leads, else asked of the leader. */
  command(command: ClockCommand): void;
}

export function relayClock(
  name: string,
  store: () => ResponseStore,
  own: () => number,
  run: (command: ClockCommand) => void,
): ClockRelay {
  const channel = new BroadcastChannel(name);
  // A closed store leads no one: the tab that took the lead from it posts the clock.
  const leads = () => store().tabRole === 'leader' || store().tabRole === 'alone';
  let heard: { now: number; at: number } | undefined;

  const clock = () => {
    if (leads() || !heard) return own();
    return heard.now + Math.min(MAX_AHEAD_MS, Math.max(0, Date.now() - heard.at)) * TIME_SCALE;
  };
  const post = () => {
    if (leads()) channel.postMessage({ type: 'clock', now: own(), at: Date.now() } satisfies Message);
  };
  const remeasure = () => store().setClock(clock);

  channel.addEventListener('message', (event: MessageEvent<Message>) => {
    const message = event.data;
    if (message.type === 'ask') post();
    else if (message.type === 'command' && leads()) {
      run(message.command);
      post();
      remeasure();
    } else if (message.type === 'clock' && !leads()) {
      const guess = clock();
      const first = heard === undefined;
      heard = { now: message.now, at: message.at };
      if (first || Math.abs(message.now - guess) > JUMP_MS) remeasure();
    }
  });
  setInterval(post, POST_MS);
  channel.postMessage({ type: 'ask' } satisfies Message);

  return {
    clock,
    command(command) {
      if (leads()) {
        run(command);
        post();
        remeasure();
      } else channel.postMessage({ type: 'command', command } satisfies Message);
    },
  };
}
