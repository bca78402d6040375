import type { AcceptedListener, AppliedBatch, BatchApplier } from './batch';
import { DEFAULT_RULES, type ResponseRules } from './catalogue';
import type { ContactIndex } from './contact-index';
import type { ResponseEvent } from './event';
import type { ContactState } from './effects';
import { noContact } from './no-contact';
import { EmailTable } from './email-table';
import type { EventIdSet } from './event-id-set';
import { foldCode } from './fold-code';
import {
  CLICKS,
  FINAL,
  FINAL_AT,
  FINAL_REASON,
  FINAL_SCOPE,
  FIRST_AT,
  LAST_AT,
  MACHINE_OPENS,
  META_FIELDS,
  NON_FINAL_AT,
  NON_FINAL_REASON,
  OPENS,
  RecipientTable,
  STRIDE,
} from './recipient-table';
import { compileRules, type CompiledRules } from './rules';
import type { RecipientState } from './recipient-state';
import { rowCode, rowCodeIfGiven } from './row-code';
import type { SavedColumns, SavedRecipient } from './saved-recipient';
import type { StatisticsPeriod } from './statistics-period';

export type { AppliedBatch } from './batch';
export type { SavedColumns, SavedRecipient } from './saved-recipient';
export type { RecipientState } from './recipient-state';

const NONE = -1;

/**
 * The state every view reads: one response per recipient and its counters, folded from a set of
 * events under one set of rules. An event is known by its recipient and its id: the same id
 * again for the same recipient is a redelivery and counts once. Applying events in any order, any
 * number of times, in any split into batches, ends in the same state: every rule chooses its
 * winner by a fixed order (final before non-final; then priority, or the earliest time for
 * finals; then a fixed tie-break).
 */
export class ResponseState {
  readonly rules: CompiledRules;
  readonly recipients = new RecipientTable();
  readonly emails = new EmailTable();
  /** Made with the first id applied or restored, from the rows' code (row-code.ts). */
  #eventIds: EventIdSet | undefined;
  /** Made with the first row applied or restored, from the rows' code (row-code.ts). */
  #contacts: ContactIndex | undefined;
  /** Made on the first `apply`, from the fold's code (fold-code.ts). */
  #batches: BatchApplier | undefined;
  /**
   * Set only when the rules have a statistics update period (see statistics-period.ts), from the
   * rows' code (row-code.ts) when the first row is applied or restored: no row reads it before.
   */
  #period: StatisticsPeriod | undefined;

  constructor(rules: ResponseRules | CompiledRules = DEFAULT_RULES) {
    this.rules = 'lookup' in rules ? rules : compileRules(rules);
  }

  /** The applied event ids, made now if they are not yet. */
  #ids(): EventIdSet {
    return (this.#eventIds ??= rowCode().EventIdSet.of(this.recipients));
  }

  /** The applied event ids if there can be any: a cache restores them into the set it makes. */
  #idsIfAny(): EventIdSet | undefined {
    return (this.#eventIds ??= rowCodeIfGiven()?.EventIdSet.of(this.recipients));
  }

  /** The contacts' rows, made now if they are not yet. */
  #contactsNow(): ContactIndex {
    return (this.#contacts ??= new (rowCode().ContactIndex)(this.recipients));
  }

  /** The contacts' rows if there can be any (the index reads the table's rows when first asked). */
  #contactsIfAny(): ContactIndex | undefined {
    const code = rowCodeIfGiven();
    return (this.#contacts ??= code && new code.ContactIndex(this.recipients));
  }

  /** The statistics period, made now if the rules have one and it is not yet. */
  #periodNow(): StatisticsPeriod | undefined {
    const { statisticsPeriodMs, sentToProvider } = this.rules;
    if (this.#period === undefined && statisticsPeriodMs > 0)
      this.#period = new (rowCode().StatisticsPeriod)(statisticsPeriodMs, sentToProvider);
    return this.#period;
  }

  /**
   * The recipient's earliest Sent to provider (epoch ms) when the rules have a statistics update
   * period: events after it plus the period are not applied. Undefined otherwise.
   */
  sentAt(row: number): number | undefined {
    return this.#period?.sentAtOf(row);
  }

  /** How many distinct events have been applied. */
  get eventCount(): number {
    return this.#idsIfAny()?.size ?? 0;
  }

  /** True when this recipient's event with this id has been applied. */
  hasEvent(emailId: string, recipientId: string, id: string): boolean {
    const row = this.rowOf(emailId, recipientId);
    // Stryker disable next-line ConditionalExpression: row -1 reads outside the records, where no id is found
    const ids = row === NONE ? undefined : this.#idsIfAny();
    return ids !== undefined && ids.has(row, id);
  }

  /**
   * Validates and applies a batch. Bad events are returned with a reason, never thrown and never
   * applied; an id applied before counts once. `onAccepted` hears each event applied for the first
   * time, with its row and its time in epoch ms (a store keeps them for timelines and refolds);
   * `onDuplicate` hears each redelivery of an event applied before (a timeline shows them).
   */
  apply(events: Iterable<unknown>, onAccepted?: AcceptedListener, onDuplicate?: AcceptedListener): AppliedBatch {
    this.#batches ??= new (foldCode())({
      rules: this.rules,
      recipients: this.recipients,
      emails: this.emails,
      eventIds: this.#ids(),
      contacts: this.#contactsNow(),
      period: this.#periodNow(),
    });
    return this.#batches.apply(events, onAccepted, onDuplicate);
  }

  /** One recipient's state, or undefined when no event for it has been applied. */
  recipient(emailId: string, recipientId: string): RecipientState | undefined {
    const row = this.rowOf(emailId, recipientId);
    return row === NONE ? undefined : this.recipientAt(row);
  }

  /** The state of row `row` (rows are stable; `AppliedBatch.changed` names them). */
  recipientAt(row: number): RecipientState {
    const table = this.recipients;
    const { times, ints } = table;
    const t = row * STRIDE;
    const i = t * 2;
    const definition = this.rules.responses[table.response(row)]!;
    const isFinal = ints[i + FINAL] !== NONE;
    const email = this.emails.at(table.emailOf(row));
    const clicks = ints[i + CLICKS]!;
    const state: RecipientState = {
      emailId: email.id,
      recipientId: table.recipientIdOf(row),
      response: definition.id,
      label: definition.label,
      final: isFinal,
      group: definition.group,
      // Stryker disable next-line ArithmeticOperator: FINAL_AT is 0
      at: isFinal ? times[t + FINAL_AT]! : times[t + NON_FINAL_AT]!,
      opens: Math.max(ints[i + OPENS]!, clicks > 0 ? 1 : 0),
      clicks,
      machineOpens: ints[i + MACHINE_OPENS]!,
      firstAt: times[t + FIRST_AT]!,
      lastAt: times[t + LAST_AT]!,
    };
    const reason = table.text(row, isFinal ? FINAL_REASON : NON_FINAL_REASON);
    if (reason !== undefined) state.reason = reason;
    if (isFinal && table.text(row, FINAL_SCOPE) === 'type') state.scope = 'type';
    for (let m = 0; m < META_FIELDS.length; m++) {
      const value = table.metaOf(row, m);
      if (value !== undefined) state[META_FIELDS[m]!] = value;
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
    const saved = rowCode().saveRow(this.recipients, this.emails, this.rules, row);
    const sentAt = this.sentAtOf(row);
    if (sentAt !== undefined) saved.sentAt = sentAt;
    return saved;
  }

  /** A row's earliest Sent to provider, kept only under a statistics update period. */
  sentAtOf(row: number): number | undefined {
    return this.#period?.sentAtOf(row);
  }

  /**
   * Restores a saved recipient that has no row yet (a cache page read before any event). Returns
   * its row, or -1 when the recipient exists already or a saved response is not in these rules.
   */
  restoreRecipient(saved: SavedRecipient): number {
    const row = rowCode().restoreRow(this.recipients, this.emails, this.rules, this.#contactsNow(), saved);
    const period = this.#periodNow();
    // Stryker disable next-line ConditionalExpression: for row -1 (refused) `restored` writes nothing a row reads
    if (row >= 0 && period) period.restored(row, saved.sentAt);
    return row;
  }

  /**
   * Restores a page of saved recipients of one email at once; returns how many were refused.
   * `indexed` false: see `restoreColumns` (the caller indexes them with `indexRestoredRows`).
   */
  restoreRecipients(page: SavedColumns, indexed = true): number {
    const period = this.#periodNow();
    return rowCode().restoreColumns(
      this.recipients,
      this.emails,
      this.rules,
      this.#contactsNow(),
      page,
      period?.restored.bind(period),
      indexed,
    );
  }

  /**
   * Makes a saved state (the server's, from a snapshot) the recipient's state and applies `later`
   * on top: the events that arrived after the snapshot's cursor. Returns the row, or -1 when a
   * saved response is not in these rules.
   */
  resetRecipient(saved: SavedRecipient, later: readonly ResponseEvent[] = []): number {
    return rowCode().resetRow(
      this.recipients,
      this.emails,
      this.rules,
      this.#contactsNow(),
      saved,
      later,
      this.#periodNow(),
    );
  }

  /** Marks an event as applied to a row without applying it (its effect came from a saved row). */
  rememberEvent(row: number, id: string): void {
    this.#ids().add(row, id);
  }

  /** The row of a recipient, or -1. */
  rowOf(emailId: string, recipientId: string): number {
    return this.emails.get(emailId)?.rows.get(recipientId) ?? NONE;
  }

  /** The contact's flags (Do not use email, Valid…), derived from its recipients' responses. */
  contact(contactId: string): ContactState {
    const rows = this.contactRows(contactId);
    // A contact with rows had them applied or restored, so the rows' code is here.
    if (rows.length === 0) return noContact(contactId);
    return rowCode().contactFlags(
      contactId,
      rows.map((row) => this.recipientAt(row)),
      this.rules,
    );
  }

  /** Rows of every recipient of the contact, in the order they first appeared. */
  contactRows(contactId: string): readonly number[] {
    return this.#contactsIfAny()?.rows(contactId) ?? [];
  }

  /** Every contact id seen. */
  contactIds(): IterableIterator<string> {
    return this.#contactsIfAny()?.ids() ?? [].values();
  }
}
