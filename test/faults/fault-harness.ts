// What every fault test shares: a scripted backend behind an IterableSource, the accounting that
// says whether an event was lost or counted twice, and the table the suite prints at the end.
//
// Accounting, per fault:
// - sent: items the backend wrote in full, across every connection and every tab (replays and
//   redeliveries included; a line cut in half is not an item, its whole copy later is);
// - applied: distinct events in the final state (state.eventCount);
// - duplicates: valid items sent again (same email, recipient and id), computed from what was sent;
// - rejected: rejections the store reported (`events-rejected`, including unparsable messages);
// - lost: distinct valid events sent that the final state does not hold, plus counter increments
//   (opens, clicks, machine opens) `foldEvents` of what was sent has and the final state lacks;
// - doubled: events or counter increments in the final state beyond `foldEvents` of what was sent.
// A fault passes when the final state equals `foldEvents` of everything sent (snapshot), lost and
// doubled are 0, and applied + duplicates + rejected = sent.
import { expect } from '@open-wc/testing';
import {
  compileRules,
  DEFAULT_RULES,
  foldEvents,
  validateEvents,
  type ResponseEvent,
  type ResponseRules,
  type ResponseState,
} from '../../src/core/index';
import type { ResponseStore } from '../../src/store/response-store';
import { snapshot } from '../core/state-snapshot';

export { makeEvents, OTHER_RULES } from '../store/cache/cache-helpers';
export { random } from '../support/random';

export interface FaultRow {
  fault: string;
  sent: number;
  applied: number;
  duplicates: number;
  rejected: number;
  lost: number;
  doubled: number;
}

export interface FaultAccount {
  row: FaultRow;
  /** snapshot() of the final state and of foldEvents(sent), to compare whole. */
  actual: unknown;
  expected: unknown;
}

const key = (event: ResponseEvent) => `${event.emailId}\u0000${event.recipientId}\u0000${event.id}`;

/** Counters a doubled event would inflate. */
const counters = (state: ResponseState, row: number) => {
  const r = state.recipientAt(row);
  return r.opens + r.clicks + r.machineOpens;
};

/** Accounts for a fault: what was sent against what the final state holds. */
export function account(
  fault: string,
  {
    sent,
    state,
    rejected,
    rules = DEFAULT_RULES,
  }: { sent: readonly unknown[]; state: ResponseState; rejected: number; rules?: ResponseRules },
): FaultAccount {
  const compiled = compileRules(rules);
  const expected = foldEvents(sent, compiled);
  const valid = validateEvents(sent, compiled).accepted;
  const distinct = new Map<string, ResponseEvent>();
  for (const event of valid) if (!distinct.has(key(event))) distinct.set(key(event), event);
  let lost = 0;
  for (const event of distinct.values()) if (!state.hasEvent(event.emailId, event.recipientId, event.id)) lost++;
  let doubled = Math.max(0, state.eventCount - (distinct.size - lost));
  for (let row = 0; row < state.recipients.size; row++) {
    const r = state.recipientAt(row);
    const other = expected.rowOf(r.emailId, r.recipientId);
    doubled += Math.max(0, counters(state, row) - (other < 0 ? 0 : counters(expected, other)));
  }
  for (let row = 0; row < expected.recipients.size; row++) {
    const r = expected.recipientAt(row);
    const mine = state.rowOf(r.emailId, r.recipientId);
    lost += Math.max(0, counters(expected, row) - (mine < 0 ? 0 : counters(state, mine)));
  }
  const row: FaultRow = {
    fault,
    sent: sent.length,
    applied: state.eventCount,
    duplicates: valid.length - distinct.size,
    rejected,
    lost,
    doubled,
  };
  return { row, actual: snapshot(state), expected: snapshot(expected) };
}

/** The rows of one suite run, printed and checked at the end. */
export const faultRows: FaultRow[] = [];

/** Records the row, then checks it: a failing fault still shows its figures in the table. */
export function expectClean(result: FaultAccount): void {
  faultRows.push(result.row);
  const { row } = result;
  expect(result.actual, `${row.fault}: the final state equals foldEvents of everything sent`).to.deep.equal(
    result.expected,
  );
  expect(row.lost, `${row.fault}: lost`).to.equal(0);
  expect(row.doubled, `${row.fault}: doubled`).to.equal(0);
  expect(row.applied + row.duplicates + row.rejected, `${row.fault}: applied + duplicates + rejected = sent`).to.equal(
    row.sent,
  );
}

const COLUMNS: (keyof FaultRow)[] = ['fault', 'sent', 'applied', 'duplicates', 'rejected', 'lost', 'doubled'];

/** The table as markdown, with what is wrong in it: a row that lost or doubled, or does not add up. */
export function faultTable(rows: readonly FaultRow[]): { markdown: string; problems: string[] } {
  const lines = [
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map((c) => (c === 'fault' ? '---' : '--:')).join('|')}|`,
    ...rows.map((row) => `| ${COLUMNS.map((c) => String(row[c]).replaceAll('|', '/')).join(' | ')} |`),
  ];
  const markdown = lines.join('\n');
  // The checks read the markdown itself, so the table printed is the table checked.
  const problems: string[] = [];
  for (const line of lines.slice(2)) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const [fault, sent, applied, duplicates, rejected, lost, doubled] = [cells[0]!, ...cells.slice(1).map(Number)] as [
      string,
      ...number[],
    ];
    if (lost !== 0) problems.push(`${fault}: ${lost} lost`);
    if (doubled !== 0) problems.push(`${fault}: ${doubled} doubled`);
    if (applied! + duplicates! + rejected! !== sent)
      problems.push(`${fault}: applied ${applied} + duplicates ${duplicates} + rejected ${rejected} ≠ sent ${sent}`);
  }
  return { markdown, problems };
}

/** Counts what the store reports as rejected, from now on. */
export function rejectionCounter(store: ResponseStore): { readonly count: number; readonly codes: string[] } {
  const heard = { count: 0, codes: [] as string[] };
  store.addEventListener('events-rejected', (event) => {
    heard.count += event.detail.rejected.length;
    for (const r of event.detail.rejected) heard.codes.push(r.code);
  });
  return heard;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds; fails with `what` after `timeoutMs` (generous: the machine is shared). */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** Backoff for tests: retries after 10-40 ms, no jitter. */
export const FAST = { backoff: { initialMs: 10, maxMs: 40, jitter: 0 }, watchNetwork: false } as const;

/** Where one connection starts in the backend's log, and where the connection breaks. */
export interface ConnectionPlan {
  /** The index of the first message sent. */
  from: number;
  /** The connection resets before sending message `cutBefore`. */
  cutBefore?: number;
}

/**
 * A backend's event log as messages `{ cursor, events }` (message i has cursor `String(i + 1)`),
 * served to an IterableSource from the cursor it asks for, or from wherever `plan` says (a
 * restarted server, a cut). Records every item it wrote in full. After the last message the
 * connection stays open, as a live stream does, until `close()`.
 */
export class Backend {
  readonly sent: unknown[] = [];
  readonly asked: (string | undefined)[] = [];
  /** Called before message i goes out; a promise holds the stream until it settles. */
  beforeMessage: ((index: number) => void | Promise<void>) | undefined;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(
    readonly messages: readonly (readonly unknown[])[],
    private readonly plan: (connection: number, cursor: string | undefined) => ConnectionPlan = (
      _connection,
      cursor,
    ) => ({ from: cursor === undefined ? 0 : Number(cursor) }),
  ) {}

  /** The cursor after the last message. */
  get lastCursor(): string {
    return String(this.messages.length);
  }

  get connections(): number {
    return this.asked.length;
  }

  readonly factory = (cursor?: string): AsyncIterable<unknown> => {
    const connection = this.asked.push(cursor) - 1;
    const { from, cutBefore } = this.plan(connection, cursor);
    const backend = this;
    // The client closing the connection (the source's teardown calls return()) is seen at once:
    // nothing more is written to it, so `sent` counts only what a live connection carried.
    let open = true;
    const run = async function* () {
      for (let i = from; i < backend.messages.length; i++) {
        await backend.beforeMessage?.(i);
        if (!open) return;
        if (cutBefore !== undefined && i >= cutBefore) throw new Error('connection reset by the server');
        const events = backend.messages[i]!;
        backend.sent.push(...events);
        yield { cursor: String(i + 1), events };
      }
      if (!backend.closed) await new Promise<void>((resolve) => backend.waiting.push(resolve));
    };
    return {
      [Symbol.asyncIterator]: () => {
        const generator = run();
        return {
          next: () => generator.next(),
          return: () => {
            open = false;
            return generator.return(undefined);
          },
        };
      },
    };
  };

  close(): void {
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake();
  }
}

/** Splits a list into messages of `size` items. */
export function inMessages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** A seeded Fisher-Yates shuffle (a copy). */
export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
