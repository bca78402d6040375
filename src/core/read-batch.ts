// Reading what a host hands over, before any of it is checked: a store reads a batch with this
// while the fold's code (validate.ts, batch.ts) may still be loading (issue 14).
import type { EventRejection } from './event';

/** What a thrown value says, without trusting it: its own `toString` may throw too. */
export function errorText(error: unknown): string {
  try {
    const text = error instanceof Error ? error.message : String(error);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return 'an unreadable exception';
  }
}

/** The iterator plain arrays have, to tell a plain array from one whose iteration was replaced. */
const ARRAY_ITERATOR = Array.prototype[Symbol.iterator];

/**
 * The batch as an array of its own, each item read once, or why it could not be read (an
 * iterator, a Proxy or an element getter that threw, or no iterable at all): then nothing of it
 * is applied. Copying even plain arrays costs a few ms a million events, against 1-2 s to fold
 * them, and leaves no getter or Proxy trap to run during the fold.
 */
export function readBatch(events: Iterable<unknown>): unknown[] | EventRejection {
  // A string is iterable, but as characters: JSON text given unparsed, not events.
  if (typeof events === 'string') return notAList(events, ' (parse JSON text first)');
  try {
    // A plain array is copied whole (a memory copy) rather than item by item through its
    // iterator; anything else, or an array whose iterator or constructor was replaced, is walked.
    if (
      Array.isArray(events) &&
      events.constructor === Array &&
      (events as unknown[])[Symbol.iterator] === ARRAY_ITERATOR
    ) {
      const out = (events as unknown[]).slice();
      if (Array.isArray(out) && Object.getPrototypeOf(out) === Array.prototype) return out;
      throw new Error('the list copied itself as something else');
    }
    const out: unknown[] = [];
    for (const input of events) out.push(input);
    return out;
  } catch (error) {
    if (!iterable(events)) return notAList(events, '');
    return {
      event: events,
      code: 'unreadable',
      reason: `the batch could not be read, so none of it was applied: ${errorText(error)}`,
    };
  }
}

/** True when `value` has an iterator to read it with; false too when asking for it throws. */
function iterable(value: unknown): boolean {
  try {
    return typeof (value as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] === 'function';
  } catch {
    return false;
  }
}

/** One event, null or a string where a list of events was expected: said so, not "e is not iterable". */
function notAList(events: unknown, hint: string): EventRejection {
  return {
    event: events,
    code: 'unreadable',
    reason: `the batch is not a list of events, so none of it was applied: give an array of event objects${hint}`,
  };
}
