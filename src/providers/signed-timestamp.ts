/**
 * Replay protection for schemes that sign a timestamp: a request signed too long ago (or too far
 * in the future, a wrong clock) is refused, so a captured request cannot be posted again later.
 */
import { DEFAULT_TOLERANCE_SECONDS, type VerifyWebhookOptions } from './webhook-types';

/** Undefined when `seconds` (epoch seconds as text) is within the tolerance, else the reason. */
export function staleTimestampReason(
  seconds: string,
  what: string,
  options: VerifyWebhookOptions | undefined,
): string | undefined {
  if (!/^\d{1,12}$/.test(seconds)) return `${what} is not a time in epoch seconds`;
  const tolerance = options?.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = (options?.now ?? Date.now)();
  const skew = now / 1000 - Number(seconds);
  if (!(Math.abs(skew) <= tolerance)) {
    const direction = skew > 0 ? `${Math.round(skew)} s old` : `${Math.round(-skew)} s in the future`;
    return `${what} is ${direction}, beyond the ${tolerance} s tolerance (a replay, or a wrong clock)`;
  }
  return undefined;
}
