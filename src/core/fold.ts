import { DEFAULT_RULES, type ResponseRules } from './catalogue';
import type { EmailKind, EventRejection, ResponseEvent } from './event';
import { contactFlags, type ContactState } from './effects';
import { EmailTable, type EmailEntry } from './email-table';
import { EventIdSet } from './event-id-set';
import { META_FIELDS, RecipientTable } from './recipient-table';
import { COUNTER_CLICKS, COUNTER_MACHINE_OPENS, COUNTER_OPENS, compileRules, type CompiledRules } from './rules';
import { checkEvent, type CheckedEvent } from './validate';

/** One recipient's state, as the views and the host see it. */
export interface RecipientState {
  emailId: string;
  recipientId: string;
  /** Catalogue id of the current response. */
  response: string;
  label: string;
  final: boolean;
  /** `sent` when the email reached the recipient. */
  group: 'sent' | 'not-sent';
  /** When the current response happened (epoch ms). */
  at: number;
  /** Opens shown: distinct human opens, at least 1 when there are clicks (images blocked). */
  opens: number;
  clicks: number;
  /** Opens by bots, scanners and mail privacy protection; not in `opens`. */
  machineOpens: number;
  /** Earliest and latest time of any event applied (epoch ms). */
  firstAt: number;
  lastAt: number;
  reason?: string;
  contactId?: string;
  contactName?: string;
  address?: string;
  provider?: string;
  emailKind?: EmailKind;
  emailType?: string;
}

/** A row's merge state as plain data (structured-clone and JSON safe but for ±Infinity times). */
export interface SavedRecipient {
  emailId: string;
  recipientId: string;
  nonFinal: string | null;
  nonFinalAt: number;
  nonFinalReason: string | null;
  final: string | null;
  finalAt: number;
  finalReason: string | null;
  /** Raw counts (Opens without the implied open of a click). */
  opens: number;
  clicks: number;
  machineOpens: number;
  firstAt: number;
  lastAt: number;
  /** Meta values with the event time that set them. */
  meta: Partial<Record<(typeof META_FIELDS)[number], [string, number]>>;
}

/** What one `apply` did. */
export interface AppliedBatch {
  /** Events applied for the first time. */
  accepted: number;
  /** Events whose id had been applied before: counted once, as the rules say. */
  duplicates: number;
  rejected: EventRejection[];
  /**
   * Rows (see `ResponseState.recipientAt`) whose own state changed, each once. Never misses one;
   * a row whose name or address changed and changed back within the batch may be listed too.
   */
  changed: number[];
  /** Emails whose kind or type changed: every row of theirs shows the new value. */
  changedEmails: string[];
}

const NONE = -1;

/**
 * The state every view reads: one response per recipient and its counters, folded from a set of
 * events under one set of rules. An event is known by its recipient and its id: the same id
 * again for the same recipient is a redelivery and counts once. Applying events in any order, any number of times, in any split
 * into batches, ends in the same state: every rule chooses its winner by a fixed order (final
 * before non-final; then priority, or the earliest time for finals; then a fixed tie-break).
 */
export class ResponseState {
  readonly rules: CompiledRules;
  readonly recipients = new RecipientTable();
  readonly emails = new EmailTable();
  private readonly eventIds = new EventIdSet();
  private batchNumber = 0;
  private readonly contacts = new Map<string, number[]>();
  private readonly scratch: CheckedEvent = { event: undefined as unknown as ResponseEvent, response: NONE, at: 0 };

  constructor(rules: ResponseRules | CompiledRules = DEFAULT_RULES) {
    this.rules = 'lookup' in rules ? rules : compileRules(rules);
  }

  /** How many distinct events have been applied. */
  get eventCount(): number {
    return this.eventIds.size;
  }

  /** True when this recipient's event with this id has been applied. */
  hasEvent(emailId: string, recipientId: string, id: string): boolean {
    const row = this.emails.get(emailId)?.rows.get(recipientId);
    return row !== undefined && this.eventIds.has(row, id);
  }

  /**
   * Validates and applies a batch. Bad events are returned with a reason, never thrown and never
   * applied; an id applied before counts once. `onAccepted` hears each event applied for the first
   * time, with its row and its time in epoch ms (a store keeps them for timelines and refolds).
   */
  apply(events: Iterable<unknown>, onAccepted?: (event: ResponseEvent, row: number, at: number) => void): AppliedBatch {
    const rules = this.rules;
    const table = this.recipients;
    const scratch = this.scratch;
    const rejected: EventRejection[] = [];
    const changed: number[] = [];
    const batch = ++this.batchNumber;
    const changedEmails = new Set<string>();
    let accepted = 0;
    let duplicates = 0;
    let entry: EmailEntry | undefined;
    for (const input of events) {
      const problem = checkEvent(input, rules, scratch);
      if (problem) {
        rejected.push(problem);
        continue;
      }
      const event = scratch.event;
      if (entry === undefined || entry.id !== event.emailId) entry = this.emails.entry(event.emailId, rules.responses.length);
      let row = entry.rows.get(event.recipientId);
      if (row === undefined) {
        row = table.add(entry.index, event.recipientId);
        entry.rows.set(event.recipientId, row);
        entry.order.push(row);
      }
      if (!this.eventIds.add(row, event.id)) {
        duplicates++;
        continue;
      }
      accepted++;
      onAccepted?.(event, row, scratch.at);
      const before = this.signature(row);
      let didChange = this.merge(row, scratch.response, scratch.at, event.reason);
      if (this.mergeMeta(row, event, scratch.at)) didChange = true;
      if (this.emails.mergeMeta(entry, event, scratch.at)) changedEmails.add(entry.id);
      const after = this.signature(row);
      if (before !== after) this.emails.count(entry, before, after);
      if (didChange && table.lastChange[row] !== batch) {
        table.lastChange[row] = batch;
        changed.push(row);
      }
    }
    return { accepted, duplicates, rejected, changed, changedEmails: [...changedEmails] };
  }

  /** One recipient's state, or undefined when no event for it has been applied. */
  recipient(emailId: string, recipientId: string): RecipientState | undefined {
    const row = this.emails.get(emailId)?.rows.get(recipientId);
    return row === undefined ? undefined : this.recipientAt(row);
  }

  /** The state of row `row` (rows are stable; `AppliedBatch.changed` names them). */
  recipientAt(row: number): RecipientState {
    const table = this.recipients;
    const response = table.response(row);
    const definition = this.rules.responses[response]!;
    const isFinal = table.final[row] !== NONE;
    const email = this.emails.at(table.email[row]!);
    const clicks = table.clicks[row]!;
    const state: RecipientState = {
      emailId: email.id,
      recipientId: table.recipientId[row]!,
      response: definition.id,
      label: definition.label,
      final: isFinal,
      group: definition.group,
      at: isFinal ? table.finalAt[row]! : table.nonFinalAt[row]!,
      opens: Math.max(table.opens[row]!, clicks > 0 ? 1 : 0),
      clicks,
      machineOpens: table.machineOpens[row]!,
      firstAt: table.firstAt[row]!,
      lastAt: table.lastAt[row]!,
    };
    const reason = isFinal ? table.finalReason[row] : table.nonFinalReason[row];
    if (reason !== undefined) state.reason = reason;
    for (const field of META_FIELDS) {
      const value = table.meta[field][row];
      if (value !== undefined) state[field] = value;
    }
    if (email.kind !== undefined) state.emailKind = email.kind;
    if (email.type !== undefined) state.emailType = email.type;
    return state;
  }

  /**
   * The row's full merge state, to save (a cache page, a snapshot) and restore later with
   * `restoreRecipient`. Responses are saved by id, so a restore maps them onto the current rules.
   */
  saveRecipient(row: number): SavedRecipient {
    const table = this.recipients;
    const responses = this.rules.responses;
    const nonFinal = table.nonFinal[row]!;
    const final = table.final[row]!;
    const saved: SavedRecipient = {
      emailId: this.emails.at(table.email[row]!).id,
      recipientId: table.recipientId[row]!,
      nonFinal: nonFinal === NONE ? null : responses[nonFinal]!.id,
      nonFinalAt: table.nonFinalAt[row]!,
      nonFinalReason: table.nonFinalReason[row] ?? null,
      final: final === NONE ? null : responses[final]!.id,
      finalAt: table.finalAt[row]!,
      finalReason: table.finalReason[row] ?? null,
      opens: table.opens[row]!,
      clicks: table.clicks[row]!,
      machineOpens: table.machineOpens[row]!,
      firstAt: table.firstAt[row]!,
      lastAt: table.lastAt[row]!,
      meta: {},
    };
    for (const field of META_FIELDS) {
      const value = table.meta[field][row];
      if (value !== undefined) saved.meta[field] = [value, table.metaAt[field][row]!];
    }
    return saved;
  }

  /**
   * Restores a saved recipient that has no row yet (a cache page read before any event). Returns
   * its row, or -1 when the recipient exists already or a saved response is not in these rules.
   */
  restoreRecipient(saved: SavedRecipient): number {
    const rules = this.rules;
    const entry = this.emails.entry(saved.emailId, rules.responses.length);
    if (entry.rows.has(saved.recipientId)) return NONE;
    const nonFinal = saved.nonFinal === null ? NONE : rules.lookup.get(saved.nonFinal) ?? -2;
    const final = saved.final === null ? NONE : rules.lookup.get(saved.final) ?? -2;
    if (nonFinal === -2 || final === -2 || (nonFinal === NONE && final === NONE)) return NONE;
    const table = this.recipients;
    const row = table.add(entry.index, saved.recipientId);
    entry.rows.set(saved.recipientId, row);
    entry.order.push(row);
    table.nonFinal[row] = nonFinal;
    table.nonFinalAt[row] = saved.nonFinalAt;
    table.nonFinalReason[row] = saved.nonFinalReason ?? undefined;
    table.final[row] = final;
    table.finalAt[row] = saved.finalAt;
    table.finalReason[row] = saved.finalReason ?? undefined;
    table.opens[row] = saved.opens;
    table.clicks[row] = saved.clicks;
    table.machineOpens[row] = saved.machineOpens;
    table.firstAt[row] = saved.firstAt;
    table.lastAt[row] = saved.lastAt;
    for (const field of META_FIELDS) {
      const pair = saved.meta[field];
      if (!pair) continue;
      table.metaAt[field][row] = pair[1];
      if (field === 'contactId') this.moveContact(row, undefined, pair[0]);
      table.meta[field][row] = pair[0];
    }
    this.emails.count(entry, 0, this.signature(row));
    return row;
  }

  /** Marks an event as applied to a row without applying it (its effect came from a saved row). */
  rememberEvent(row: number, id: string): void {
    this.eventIds.add(row, id);
  }

  /** The row of a recipient, or -1. */
  rowOf(emailId: string, recipientId: string): number {
    return this.emails.get(emailId)?.rows.get(recipientId) ?? NONE;
  }

  /** The contact's flags (Do not use email, Valid…), derived from its recipients' responses. */
  contact(contactId: string): ContactState {
    const rows = this.contacts.get(contactId) ?? [];
    return contactFlags(contactId, rows.map((row) => this.recipientAt(row)), this.rules);
  }

  /** Rows of every recipient of the contact, in the order they first appeared. */
  contactRows(contactId: string): readonly number[] {
    return this.contacts.get(contactId) ?? [];
  }

  /** Every contact id seen. */
  contactIds(): IterableIterator<string> {
    return this.contacts.keys();
  }

  /**
   * Applies one response to one row under the rules. Returns true when anything a view shows
   * changed: the response, its time or reason, a counter, the first or last event time.
   */
  private merge(row: number, response: number, at: number, reason: string | undefined): boolean {
    const rules = this.rules;
    const table = this.recipients;
    let changed = false;
    if (at < table.firstAt[row]!) {
      table.firstAt[row] = at;
      changed = true;
    }
    if (at > table.lastAt[row]!) {
      table.lastAt[row] = at;
      changed = true;
    }
    switch (rules.counter[response]) {
      case COUNTER_OPENS:
        table.opens[row]!++;
        changed = true;
        break;
      case COUNTER_CLICKS:
        table.clicks[row]!++;
        changed = true;
        break;
      case COUNTER_MACHINE_OPENS:
        table.machineOpens[row]!++;
        changed = true;
        break;
    }
    if (rules.final[response] === 1) {
      const current = table.final[row]!;
      if (current === NONE || this.finalWins(response, at, reason, current, table.finalAt[row]!, table.finalReason[row])) {
        table.final[row] = response;
        table.finalAt[row] = at;
        table.finalReason[row] = reason;
        return true;
      }
      return changed;
    }
    // Kept even behind a final response (a final one that happened earlier may yet arrive and
    // displace the current final), but then nothing a view shows has changed.
    const shown = table.final[row] === NONE;
    const current = table.nonFinal[row]!;
    if (current === NONE || rules.rank[response]! > rules.rank[current]!) {
      table.nonFinal[row] = response;
      table.nonFinalAt[row] = at;
      table.nonFinalReason[row] = reason;
      return changed || shown;
    }
    // The same response again: it happened first at the earliest of its times.
    if (current === response && earlier(at, reason, table.nonFinalAt[row]!, table.nonFinalReason[row])) {
      table.nonFinalAt[row] = at;
      table.nonFinalReason[row] = reason;
      return changed || shown;
    }
    return changed;
  }

  /** Between two finals the first by time stands; equal times: higher priority, then a fixed order. */
  private finalWins(response: number, at: number, reason: string | undefined, current: number, currentAt: number, currentReason: string | undefined): boolean {
    if (at !== currentAt) return at < currentAt;
    const priority = this.rules.priority;
    if (priority[response] !== priority[current]) return priority[response]! > priority[current]!;
    if (response !== current) return response > current;
    return (reason ?? '') < (currentReason ?? '');
  }

  private mergeMeta(row: number, event: ResponseEvent, at: number): boolean {
    const table = this.recipients;
    let changed = false;
    for (const field of META_FIELDS) {
      const value = event[field];
      if (value === undefined || value === null) continue;
      const stamp = table.metaAt[field];
      const current = table.meta[field][row];
      if (at > stamp[row]! || (at === stamp[row] && (current === undefined || value > current))) {
        stamp[row] = at;
        if (value !== current) {
          if (field === 'contactId') this.moveContact(row, current, value);
          table.meta[field][row] = value;
          changed = true;
        }
      }
    }
    return changed;
  }

  private moveContact(row: number, from: string | undefined, to: string): void {
    if (from !== undefined) {
      const rows = this.contacts.get(from);
      const at = rows?.indexOf(row) ?? -1;
      if (rows && at >= 0) rows.splice(at, 1);
      if (rows && rows.length === 0) this.contacts.delete(from);
    }
    const rows = this.contacts.get(to);
    if (rows) rows.push(row);
    else this.contacts.set(to, [row]);
  }

  /** Packs what the per-email counts depend on into one number, to compare before and after. */
  private signature(row: number): number {
    const table = this.recipients;
    const clicked = table.clicks[row]! > 0;
    const opened = clicked || table.opens[row]! > 0;
    const machineOnly = !opened && table.machineOpens[row]! > 0;
    return ((table.response(row) + 1) << 3) | (opened ? 4 : 0) | (clicked ? 2 : 0) | (machineOnly ? 1 : 0);
  }
}

function earlier(at: number, reason: string | undefined, currentAt: number, currentReason: string | undefined): boolean {
  return at < currentAt || (at === currentAt && (reason ?? '') < (currentReason ?? ''));
}

/** The state after all these events, with the ones that could not be applied and why. */
export interface FoldedResponses extends ResponseState {
  readonly rejected: readonly EventRejection[];
}

/**
 * Folds a set of events into one response per recipient. The result does not depend on the
 * order of the events or on how often each is repeated.
 */
export function foldEvents(events: Iterable<unknown>, rules: ResponseRules | CompiledRules = DEFAULT_RULES): FoldedResponses {
  const state = new ResponseState(rules);
  const { rejected } = state.apply(events);
  return Object.assign(state, { rejected });
}

/** An empty state to apply batches to (`state.apply(batch)`), ending where `foldEvents` would. */
export function createResponseState(rules: ResponseRules | CompiledRules = DEFAULT_RULES): ResponseState {
  return new ResponseState(rules);
}
