/**
 * The statistics update period (spec, Time): an event dated more than N days after its
 * recipient's earliest Sent to provider is not applied.
 *
 * The earliest Sent to provider only moves earlier as events come, so the cutoff only moves
 * earlier and an event once outside the period stays outside: nothing excluded ever needs to come
 * back. What a late, earlier Sent to provider does exclude may be applied already, and a merged
 * record cannot take one event out, so each row keeps the events it applied and is folded again
 * from them when that happens (rare: a Sent to provider is the first event of a send). The state
 * is then the fold of the events within the period, whatever order they came in.
 *
 * Only a state whose rules set a period has one of these; without it the fold pays one branch.
 * Identity texts (name, address, contact) and the email's kind and type are taken from every
 * event, in the period or not: they say who the recipient is, not how they responded.
 */
import type { ResponseEvent } from './event';
import { mergeResponse } from './merge';
import {
  CLICKS,
  FINAL,
  FINAL_AT,
  FINAL_REASON,
  FINAL_SCOPE,
  FIRST_AT,
  LAST_AT,
  MACHINE_OPENS,
  NON_FINAL,
  NON_FINAL_AT,
  NON_FINAL_REASON,
  OPENS,
  STRIDE,
  type RecipientTable,
} from './recipient-table';
import type { CompiledRules } from './rules';

/** An event a row applied, kept to fold the row again. */
interface KeptEvent {
  response: number;
  at: number;
  reason: string | undefined;
  scope: string | undefined;
}

export class StatisticsPeriod {
  /** Per row: the earliest Sent to provider (Infinity: none yet). */
  #sentAt = new Float64Array(1024).fill(Infinity);
  /**
   * Per row: the events it applied; null when its state came from a saved one (a cache, a
   * snapshot), whose events are not here to fold again.
   */
  readonly #kept: (KeptEvent[] | null | undefined)[] = [];
  readonly #slot = new Float64Array(1);

  constructor(
    /** The period in milliseconds. */
    readonly ms: number,
    /** Catalogue index of Sent to provider, -1 when the rules have none. */
    private readonly sentToProvider: number,
  ) {}

  /** The row's earliest Sent to provider (epoch ms), or undefined. */
  sentAtOf(row: number): number | undefined {
    const at = row < this.#sentAt.length ? this.#sentAt[row]! : Infinity;
    return at === Infinity ? undefined : at;
  }

  /**
   * The row's state was just set from a saved one: its period starts at the earlier of what it
   * knew and what was saved, and it cannot be folded again from events from now on.
   */
  restored(row: number, sentAt: number | undefined): void {
    if (row >= this.#sentAt.length) this.#grow(row);
    if (sentAt !== undefined && sentAt < this.#sentAt[row]!) this.#sentAt[row] = sentAt;
    this.#kept[row] = null;
  }

  /**
   * Applies a new event of the row, or leaves it out when it lies after the row's period. Returns
   * true when anything a view shows may have changed.
   */
  merge(
    table: RecipientTable,
    rules: CompiledRules,
    row: number,
    response: number,
    event: ResponseEvent,
    eventTimes: Float64Array,
    k: number,
  ): boolean {
    const at = eventTimes[k]!;
    if (row >= this.#sentAt.length) this.#grow(row);
    const sent = this.#sentAt[row]!;
    let refolded = false;
    if (response === this.sentToProvider && at < sent) {
      this.#sentAt[row] = at;
      const cutoff = at + this.ms;
      const kept = this.#kept[row];
      if (kept != null && kept.some((e) => e.at > cutoff)) {
        const within = kept.filter((e) => e.at <= cutoff);
        this.#kept[row] = within;
        this.#refold(table, rules, row, within);
        refolded = true;
      }
    } else if (at > sent + this.ms) {
      return false;
    }
    const kept = this.#kept[row];
    if (kept !== null) {
      const entry: KeptEvent = { response, at, reason: event.reason || undefined, scope: event.scope };
      if (kept === undefined) this.#kept[row] = [entry];
      else kept.push(entry);
    }
    return (
      mergeResponse(table, rules, row, response, event.reason || undefined, event.scope, eventTimes, k) || refolded
    );
  }

  /** Clears the row's responses, counters and times, and applies `events` again. */
  #refold(table: RecipientTable, rules: CompiledRules, row: number, events: readonly KeptEvent[]): void {
    const { times, ints } = table;
    const t = row * STRIDE;
    const i = t * 2;
    ints[i + FINAL] = -1;
    ints[i + NON_FINAL] = -1;
    ints[i + OPENS] = 0;
    ints[i + CLICKS] = 0;
    ints[i + MACHINE_OPENS] = 0;
    // Stryker disable next-line ArithmeticOperator: FINAL_AT is 0, so t - FINAL_AT is the same slot
    times[t + FINAL_AT] = Infinity;
    times[t + NON_FINAL_AT] = Infinity;
    times[t + FIRST_AT] = Infinity;
    times[t + LAST_AT] = -Infinity;
    table.setText(row, FINAL_REASON, undefined);
    table.setText(row, NON_FINAL_REASON, undefined);
    table.setText(row, FINAL_SCOPE, undefined);
    const slot = this.#slot;
    for (const e of events) {
      slot[0] = e.at;
      mergeResponse(table, rules, row, e.response, e.reason, e.scope, slot, 0);
    }
  }

  #grow(row: number): void {
    // Stryker disable next-line ArithmeticOperator: the loop below doubles until the row fits, from any start
    let size = this.#sentAt.length * 2;
    while (size <= row) size *= 2;
    const sentAt = new Float64Array(size).fill(Infinity);
    sentAt.set(this.#sentAt);
    this.#sentAt = sentAt;
  }
}
