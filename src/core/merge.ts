/**
 * How one accepted event changes its recipient's record: the response rules, the counters, the
 * first and last times and the meta texts.
 */
import type { ContactIndex } from './contact-index';
import type { ResponseEvent } from './event';
import {
  CLICKS,
  FINAL,
  FINAL_AT,
  FINAL_REASON,
  FINAL_SCOPE,
  FIRST_AT,
  LAST_AT,
  MACHINE_OPENS,
  META_AT,
  NON_FINAL,
  NON_FINAL_AT,
  NON_FINAL_REASON,
  OPENS,
  STRIDE,
  type RecipientTable,
} from './recipient-table';
import { COUNTER_CLICKS, COUNTER_MACHINE_OPENS, COUNTER_OPENS, type CompiledRules } from './rules';

const NONE = -1;
/** contactId's position in META_FIELDS. */
const CONTACT = 0;

/**
 * Applies one response to one row under the rules. Returns true when anything a view shows
 * changed: the response, its time or reason, a counter, the first or last event time.
 *
 * The event's time comes as a slot, `eventTimes[k]`, here and below: a double passed to a
 * function V8 does not inline is boxed, a heap allocation per call.
 */
export function mergeResponse(
  table: RecipientTable,
  rules: CompiledRules,
  row: number,
  response: number,
  reason: string | undefined,
  scope: string | undefined,
  eventTimes: Float64Array,
  k: number,
): boolean {
  const at = eventTimes[k]!;
  const times = table.times;
  const ints = table.ints;
  const t = row * STRIDE;
  const i = t * 2;
  let changed = false;
  if (at < times[t + FIRST_AT]!) {
    times[t + FIRST_AT] = at;
    changed = true;
  }
  if (at > times[t + LAST_AT]!) {
    times[t + LAST_AT] = at;
    changed = true;
  }
  switch (rules.counter[response]) {
    case COUNTER_OPENS:
      ints[i + OPENS]!++;
      changed = true;
      break;
    case COUNTER_CLICKS:
      ints[i + CLICKS]!++;
      changed = true;
      break;
    case COUNTER_MACHINE_OPENS:
      ints[i + MACHINE_OPENS]!++;
      changed = true;
      break;
  }
  if (rules.final[response] === 1) {
    const current = ints[i + FINAL]!;
    // Only an Unsubscribed has a scope; a scope on another response means nothing.
    const typeOnly = scope === 'type' && rules.responses[response]!.id === 'unsubscribed' ? 'type' : undefined;
    if (current === NONE || finalWins(table, rules, row, response, reason, typeOnly, current, eventTimes, k)) {
      ints[i + FINAL] = response;
      // Stryker disable next-line ArithmeticOperator: FINAL_AT is 0, so t - FINAL_AT is the same slot
      times[t + FINAL_AT] = at;
      table.setText(row, FINAL_REASON, reason);
      table.setText(row, FINAL_SCOPE, typeOnly);
      return true;
    }
    return changed;
  }
  // Kept even behind a final response (a final one that happened earlier may yet arrive and
  // displace the current final), but then nothing a view shows has changed.
  const shown = ints[i + FINAL] === NONE;
  const current = ints[i + NON_FINAL]!;
  if (current === NONE || rules.rank[response]! > rules.rank[current]!) {
    ints[i + NON_FINAL] = response;
    times[t + NON_FINAL_AT] = at;
    table.setText(row, NON_FINAL_REASON, reason);
    return changed || shown;
  }
  // The same response again: it happened first at the earliest of its times.
  if (current === response && earlier(reason, table, row, eventTimes, k, times[t + NON_FINAL_AT]!)) {
    times[t + NON_FINAL_AT] = at;
    table.setText(row, NON_FINAL_REASON, reason);
    return changed || shown;
  }
  return changed;
}

/**
 * Between two finals the first by time stands; equal times: higher priority, then a fixed order
 * (the reason, then an unsubscribe from everything over one from a type).
 */
function finalWins(
  table: RecipientTable,
  rules: CompiledRules,
  row: number,
  response: number,
  reason: string | undefined,
  typeOnly: string | undefined,
  current: number,
  eventTimes: Float64Array,
  k: number,
): boolean {
  const at = eventTimes[k]!;
  const currentAt = table.times[row * STRIDE + FINAL_AT]!;
  if (at !== currentAt) return at < currentAt;
  const priority = rules.priority;
  if (priority[response] !== priority[current]) return priority[response]! > priority[current]!;
  if (response !== current) return response > current;
  const currentReason = table.text(row, FINAL_REASON) ?? '';
  if ((reason ?? '') !== currentReason) return (reason ?? '') < currentReason;
  return typeOnly === undefined && table.text(row, FINAL_SCOPE) !== undefined;
}

/** The reason is read only on a tie of times: it sits apart from the record (another miss). */
function earlier(
  reason: string | undefined,
  table: RecipientTable,
  row: number,
  eventTimes: Float64Array,
  k: number,
  currentAt: number,
): boolean {
  const at = eventTimes[k]!;
  return at < currentAt || (at === currentAt && (reason ?? '') < (table.text(row, NON_FINAL_REASON) ?? ''));
}

/**
 * Packs what the per-email counts depend on into one number, to compare before and after:
 * `(response + 1) << 3 | opened << 2 | clicked << 1 | machineOnly`; 0 is "not counted yet".
 */
export function signature(table: RecipientTable, row: number): number {
  const ints = table.ints;
  const i = row * STRIDE * 2;
  const clicked = ints[i + CLICKS]! > 0;
  const opened = clicked || ints[i + OPENS]! > 0;
  const machineOnly = !opened && ints[i + MACHINE_OPENS]! > 0;
  const final = ints[i + FINAL]!;
  const response = final === NONE ? ints[i + NON_FINAL]! : final;
  return ((response + 1) << 3) | (opened ? 4 : 0) | (clicked ? 2 : 0) | (machineOnly ? 1 : 0);
}

/**
 * Meta texts take the newest value by event time (ties: the greater text). Field by field rather
 * than in a loop over META_FIELDS: a keyed load in a loop goes megamorphic and costs several
 * times a named one on this path. Returns true when a text changed.
 */
export function mergeMeta(
  table: RecipientTable,
  contacts: ContactIndex,
  row: number,
  event: ResponseEvent,
  eventTimes: Float64Array,
  k: number,
): boolean {
  let changed = false;
  if (event.contactId != null && mergeText(table, contacts, row, CONTACT, event.contactId, eventTimes, k))
    changed = true;
  if (event.contactName != null && mergeText(table, contacts, row, 1, event.contactName, eventTimes, k)) changed = true;
  if (event.address != null && mergeText(table, contacts, row, 2, event.address, eventTimes, k)) changed = true;
  if (event.provider != null && mergeText(table, contacts, row, 3, event.provider, eventTimes, k)) changed = true;
  return changed;
}

/** The stored text is read only when the time does not settle it: it is a cache miss of its own. */
function mergeText(
  table: RecipientTable,
  contacts: ContactIndex,
  row: number,
  field: number,
  value: string,
  eventTimes: Float64Array,
  k: number,
): boolean {
  const at = eventTimes[k]!;
  const times = table.times;
  const stamp = row * STRIDE + META_AT + field;
  if (at < times[stamp]!) return false;
  // Not text(): a restored row's value may still sit in its cache page's column.
  const current = table.metaOf(row, field);
  if (at === times[stamp] && current !== undefined && !(value > current)) return false;
  times[stamp] = at;
  if (value === current) return false;
  if (field === CONTACT) contacts.move(row, current, value);
  table.setText(row, field, value);
  return true;
}
