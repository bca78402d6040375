/**
 * Two copies of one event (same recipient, same id) with different content: say Opened in one
 * and Hard Bounce in the other. The core counts an id once and keeps the copy it applied first,
 * so the state would depend on the order of arrival. The store settles it instead: of the two,
 * the copy with the lower content hash (then the lower canonical text) is kept, whatever came
 * first, and the conflict is reported once per pair of copies (`event-conflict`).
 *
 * The core keeps no content once it applied an event, and hashing every event as it is folded
 * would cost every event for a rare case, so the check runs only on a redelivery (an id the row
 * has), against the copy in the store's event log (`sameContent`, conflict-settler.ts). What is
 * here runs once two copies differ, and loads with the settling code (conflict-settling.ts).
 */
import { OPTIONAL_EVENT_FIELDS, type ResponseEvent } from '../core/event';

/**
 * The fields of an event that make its content, in a fixed order (`at` as epoch ms): those the
 * cache's event pages keep, so a copy read back from the cache compares equal to itself.
 */
const FIELDS = ['response', ...OPTIONAL_EVENT_FIELDS] as const;

/**
 * The event's content as one text, the same for two copies that mean the same: fields in a fixed
 * order, absent and null alike, the response id in lower case (aliases differ only in case) and
 * the time as epoch ms (`2026-01-01T00:00:00Z` and its epoch ms are one time).
 */
export function canonicalContent(event: ResponseEvent, at: number): string {
  const parts: unknown[] = [event.emailId, event.recipientId, event.id, at];
  for (const field of FIELDS) {
    const value = event[field];
    parts.push(value == null ? null : field === 'response' ? String(value).toLowerCase() : value);
  }
  return JSON.stringify(parts);
}

/**
 * A fixed 53-bit hash of a text (cyrb53): the same in every tab, on every visit, in every
 * browser, so every store keeps the same copy.
 */
export function contentHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** One copy of an event, as the conflict report names it. */
export interface EventCopy {
  event: ResponseEvent;
  /** Its time, epoch ms. */
  at: number;
  /** `contentHash` of its canonical content: the lower one is kept. */
  hash: number;
}

/** Two copies of one event that differ: the one kept and the one dropped. */
export interface EventConflict {
  emailId: string;
  recipientId: string;
  id: string;
  kept: EventCopy;
  dropped: EventCopy;
}

/** A copy with its canonical text and hash. */
export function copyOf(event: ResponseEvent, at: number): EventCopy & { text: string } {
  const text = canonicalContent(event, at);
  return { event, at, hash: contentHash(text), text };
}

/** Whether copy `a` is kept over copy `b`: the lower hash, then (a collision) the lower text. */
export function keeps(a: { hash: number; text: string }, b: { hash: number; text: string }): boolean {
  return a.hash < b.hash || (a.hash === b.hash && a.text < b.text);
}

/** A conflict the store settled and keeps: saved in the cache so a reload keeps the same copy. */
export interface SettledConflict {
  /** The copy kept. */
  event: ResponseEvent;
  at: number;
  /** The hashes of the two copies, lower first: the pair reported. */
  pair: [number, number];
}

const pairKey = (event: ResponseEvent, a: number, b: number) =>
  `${event.emailId}\u0000${event.recipientId}\u0000${event.id}\u0000${Math.min(a, b)}\u0000${Math.max(a, b)}`;

/** Which pairs of copies were reported: each once, however often either copy comes again. */
export class ConflictReports {
  readonly #reported = new Set<string>();

  /** True the first time this pair of copies is seen. */
  first(event: ResponseEvent, a: number, b: number): boolean {
    const key = pairKey(event, a, b);
    if (this.#reported.has(key)) return false;
    this.#reported.add(key);
    return true;
  }

  /** A pair reported on an earlier visit (read from the cache): not reported again. */
  remember(settled: SettledConflict): void {
    this.#reported.add(pairKey(settled.event, settled.pair[0], settled.pair[1]));
  }

  clear(): void {
    this.#reported.clear();
  }
}

/** The cache key of a settled conflict: one record per recipient and id. */
export const conflictKey = (event: ResponseEvent): string =>
  `conflict:${event.emailId}\u0000${event.recipientId}\u0000${event.id}`;

export function isSettledConflict(value: unknown): value is SettledConflict {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<SettledConflict>;
  const event = record.event as Partial<ResponseEvent> | undefined;
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof event.id === 'string' &&
    typeof event.emailId === 'string' &&
    typeof event.recipientId === 'string' &&
    typeof event.response === 'string' &&
    typeof record.at === 'number' &&
    Number.isFinite(record.at) &&
    Array.isArray(record.pair) &&
    record.pair.length === 2 &&
    record.pair.every((h) => Number.isSafeInteger(h))
  );
}
