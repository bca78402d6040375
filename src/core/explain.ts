import type { ResponseEvent } from './event';
import { COUNTER_CLICKS, COUNTER_MACHINE_OPENS, COUNTER_OPENS, type CompiledRules } from './rules';

/** Why an event did not change the recipient's response. */
export type UnchangedBecause =
  /** A response of lower (or equal) priority than the current one. */
  | 'lower-priority'
  /** The recipient already had a final response: no change follows it. */
  | 'after-final'
  /** The same response again (it may still count an open or a click). */
  | 'same-response'
  /** The same event delivered again: counted once. */
  | 'duplicate'
  /**
   * Dated more than the rules' statistics update period after the recipient's earliest Sent to
   * provider: not applied at all (not counted either).
   */
  | 'after-period';

export interface ExplainedEvent {
  event: ResponseEvent;
  /** When it happened, epoch ms. */
  at: number;
  /** Catalogue id of the event's response. */
  response: string;
  /** True when this event made the recipient's response what it became. */
  changed: boolean;
  because?: UnchangedBecause;
  /** The counter it added to, even when the response did not change. */
  counted?: 'opens' | 'clicks' | 'machineOpens';
  /** The recipient's response after this event. */
  responseAfter: string;
}

const COUNTER_NAMES: Record<number, ExplainedEvent['counted']> = {
  [COUNTER_OPENS]: 'opens',
  [COUNTER_CLICKS]: 'clicks',
  [COUNTER_MACHINE_OPENS]: 'machineOpens',
};

/**
 * Replays one recipient's events in time order and says, for each, whether it changed the
 * response and why not. Events at the same moment are taken in the order the fold decides them
 * (finals first, then higher priority), so the last `responseAfter` is the fold's response.
 * `duplicates` are redeliveries the store counted once; they are listed as such.
 */
export function explainRecipientEvents(
  events: readonly { event: ResponseEvent; at: number }[],
  rules: CompiledRules,
  duplicates: readonly { event: ResponseEvent; at: number }[] = [],
): ExplainedEvent[] {
  const indexed = events
    .map(({ event, at }) => ({
      event,
      at,
      index: rules.lookup.get(event.response) ?? rules.lookup.get(event.response.toLowerCase()) ?? -1,
    }))
    .filter((entry) => entry.index >= 0)
    .sort(
      (a, b) =>
        a.at - b.at ||
        rules.final[b.index]! - rules.final[a.index]! ||
        rules.priority[b.index]! - rules.priority[a.index]! ||
        b.index - a.index ||
        (a.event.id < b.event.id ? -1 : 1),
    );
  let current = -1;
  let final = false;
  // The fold's cutoff: the earliest Sent to provider plus the period (none when it is off).
  let cutoff = Infinity;
  if (rules.statisticsPeriodMs > 0) {
    for (const { at, index } of indexed)
      if (index === rules.sentToProvider && at + rules.statisticsPeriodMs < cutoff)
        cutoff = at + rules.statisticsPeriodMs;
  }
  const out: ExplainedEvent[] = [];
  for (const { event, at, index } of indexed) {
    const entry: ExplainedEvent = {
      event,
      at,
      response: rules.responses[index]!.id,
      changed: false,
      // Stryker disable next-line StringLiteral: equivalent, every path below sets it before it is read
      responseAfter: '',
    };
    const counted = COUNTER_NAMES[rules.counter[index]!];
    if (at > cutoff) {
      entry.because = 'after-period';
      // A finite cutoff means a Sent to provider applied before this event, so current is set.
      // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, as said above
      entry.responseAfter = current >= 0 ? rules.responses[current]!.id : '';
      out.push(entry);
      continue;
    }
    if (counted) entry.counted = counted;
    if (final) {
      entry.because = 'after-final';
    } else if (rules.final[index] === 1) {
      current = index;
      final = true;
      entry.changed = true;
    } else if (current === -1 || rules.rank[index]! > rules.rank[current]!) {
      current = index;
      entry.changed = true;
    } else {
      entry.because = index === current ? 'same-response' : 'lower-priority';
    }
    entry.responseAfter = rules.responses[current]!.id;
    out.push(entry);
  }
  // A redelivery stands on the applied events before it, not on the redeliveries listed so far.
  const applied = out.slice();
  for (const { event, at } of duplicates) {
    const after =
      applied.filter((e) => e.at <= at).at(-1)?.responseAfter ??
      (current >= 0 ? rules.responses[current]!.id : event.response);
    out.push({ event, at, response: event.response, changed: false, because: 'duplicate', responseAfter: after });
  }
  return out.sort((a, b) => a.at - b.at);
}
