// Shared by the cache tests: a unique database per test, events from a seeded generator, and a
// minimal stand-in for the store's ingest (apply, log, record in the same task).
import { DEFAULT_RULES, type ResponseEvent, type ResponseRules, type ResponseState } from '../../../src/core/index';
import type { ResponseCache, RecordedEvent } from '../../../src/store/cache/index';
import { EventLog } from '../../../src/store/event-log';
import { BASE_TIME } from '../../support/events';
import { random } from '../../support/random';

let counter = 0;

export function uniqueName(): string {
  return `email-responses-test-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2)}`;
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** A raw connection to the test's database, for tampering and inspection. */
export function rawOpen(name: string, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function rawRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const RESPONSES = [
  'delivered',
  'opened',
  'clicked',
  'opened-machine',
  'soft-bounce',
  'hard-bounce',
  'unsubscribed',
  'provider-queued',
  'spam-complaint',
];

export interface EventOptions {
  emails?: number;
  recipients: number;
  events: number;
  seed?: number;
  /** Prefix of every event id, so two calls never share ids. */
  idPrefix?: string;
}

/** Events over `recipients` recipients per email (every recipient gets at least one). */
export function makeEvents({
  emails = 3,
  recipients,
  events,
  seed = 1,
  idPrefix = 'ev',
}: EventOptions): ResponseEvent[] {
  const next = random(seed);
  const out: ResponseEvent[] = [];
  for (let i = 0; i < events; i++) {
    const email = Math.floor(next() * emails);
    const recipient = i < recipients ? i : Math.floor(next() * recipients);
    const event: ResponseEvent = {
      id: `${idPrefix}-${i}`,
      emailId: `email-${email}`,
      recipientId: `r-${recipient}`,
      response: RESPONSES[Math.floor(next() * RESPONSES.length)]!,
      at: BASE_TIME + Math.floor(next() * 10_000) * 60_000,
    };
    if (next() < 0.5) event.contactId = `c-${recipient % 500}`;
    if (next() < 0.3) event.contactName = `Name ${recipient}`;
    if (next() < 0.3) event.address = `r${recipient}@example.com`;
    if (next() < 0.2) event.reason = next() < 0.5 ? '550 gone' : 'mailbox full';
    if (next() < 0.1) event.emailKind = next() < 0.5 ? 'bulk' : 'trigger';
    if (next() < 0.1) event.emailType = next() < 0.5 ? 'news' : 'promo';
    if (next() < 0.2) event.provider = 'sendgrid';
    out.push(event);
  }
  return out;
}

/** Every recipient once, with one event: the shape of a large audience just sent to. */
export function audienceEvents(recipients: number, emailId = 'big'): ResponseEvent[] {
  const out: ResponseEvent[] = [];
  for (let i = 0; i < recipients; i++) {
    out.push({
      id: `s-${i}`,
      emailId,
      recipientId: `r-${i}`,
      response: i % 7 === 0 ? 'opened' : 'delivered',
      at: BASE_TIME + i,
      address: `r${i}@example.com`,
    });
  }
  return out;
}

/** What the store does on ingest: apply, log and record in one task. */
export function ingest(
  state: ResponseState,
  log: EventLog,
  cache: ResponseCache,
  events: readonly unknown[],
  cursors?: Record<string, string>,
): void {
  const recorded: RecordedEvent[] = [];
  const batch = state.apply(events, (event, row, at) => {
    log.add(event, row, at);
    recorded.push({ event, row, at });
  });
  cache.record(recorded, batch.changed, cursors);
}

export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** The spec's rules with Opened ranked above Clicked: a recipient who did both shows another response. */
export const OTHER_RULES: ResponseRules = {
  ...DEFAULT_RULES,
  version: 'test-other',
  responses: DEFAULT_RULES.responses.map((response) =>
    response.id === 'opened'
      ? { ...response, priority: 8 }
      : response.id === 'clicked'
        ? { ...response, priority: 7 }
        : response,
  ),
};

export { EventLog };

/** Counts readwrite transactions opened while `run` runs (what one flush costs). */
export async function countWriteTransactions(run: () => Promise<void>): Promise<number> {
  const original = IDBDatabase.prototype.transaction;
  let count = 0;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    if (args[1] === 'readwrite') count++;
    return original.apply(this, args);
  } as IDBDatabase['transaction'];
  try {
    await run();
  } finally {
    IDBDatabase.prototype.transaction = original;
  }
  return count;
}
