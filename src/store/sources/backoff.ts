// Exponential backoff with jitter, as a pure function so the schedule can be tested without
// timers. Jitter spreads the reconnects of many pages after a server restart.
import type { BackoffOptions } from './source';

export const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  initialMs: 1000,
  maxMs: 30_000,
  factor: 2,
  jitter: 0.5,
};

const finiteAtLeast = (value: number | undefined, min: number, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;

/** Fills in defaults and repairs values that would make the schedule meaningless. */
export function resolveBackoff(options: BackoffOptions = {}): Required<BackoffOptions> {
  const initialMs = finiteAtLeast(options.initialMs, 0, DEFAULT_BACKOFF.initialMs);
  const maxMs = Math.max(initialMs, finiteAtLeast(options.maxMs, 0, DEFAULT_BACKOFF.maxMs));
  const factor = finiteAtLeast(options.factor, 1, DEFAULT_BACKOFF.factor);
  const jitter = Math.min(1, finiteAtLeast(options.jitter, 0, DEFAULT_BACKOFF.jitter));
  return { initialMs, maxMs, factor, jitter };
}

/**
 * The delay before retry number `attempt` (1 for the first retry): `initialMs * factor^(attempt-1)`
 * capped at `maxMs`, then reduced by up to `jitter` of itself. `jitter: 0` gives the exact
 * schedule, `jitter: 1` full jitter in [0, delay].
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const { initialMs, maxMs, factor, jitter } = resolveBackoff(options);
  const step = Math.max(0, Math.floor(Number.isFinite(attempt) ? attempt : 1) - 1);
  const base = Math.min(maxMs, initialMs * factor ** step);
  const r = random();
  // A broken random function must not produce a negative or NaN delay.
  const unit = Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0.5;
  return Math.round(base * (1 - jitter * unit));
}
