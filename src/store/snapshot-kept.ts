/**
 * The snapshot rows a store keeps (snapshot-resets.ts), as the snapshot loader makes them: a row
 * with the ids of the events its server state stands for (`keptRow`), or a page of new rows.
 *
 * A good snapshot page's rows are kept as the page's own columns (snapshot-columns.ts), when every
 * row was new to the state and restored in bulk (reconcile-columns.ts): most of a million-row
 * first snapshot. Kept as an object a row (its server state, its meta, its `covered`), a million
 * rows cost the load some 1.8 s of allocation and garbage collection (issue 16) and the heap a
 * few hundred bytes each, for rows that are read again only after a refold, by a conflict, or
 * when the cache or another tab asks for them. A row is made as plain data when it is asked for,
 * the same as the row-by-row way makes it (`toSaved`).
 */
import type { SavedRecipient } from '../core/fold';
import type { CompiledRules } from '../core/rules';
import type { SnapshotColumns } from './snapshot-columns';
import type { ResponseEvent } from '../core/event';
import type { KeptRows, KeptSnapshotRow } from './snapshot-resets';

/** The `covered` of a row that covers no event: shared, so it is never changed. */
export const NOTHING_COVERED: string[] = [];
Object.freeze(NOTHING_COVERED);

/**
 * A snapshot row applied: `events` are the recipient's events so far, `later` those of them after
 * the snapshot's cursor (applied on top); the others the server's state stands for.
 */
export function keptRow(
  saved: SavedRecipient,
  events: readonly ResponseEvent[] = [],
  later: readonly ResponseEvent[] = [],
): KeptSnapshotRow {
  let covered = NOTHING_COVERED;
  if (events.length > 0) {
    const after = new Set(later.map((event) => event.id));
    const ids = new Set(events.map((event) => event.id).filter((id) => !after.has(id)));
    if (ids.size > 0) covered = [...ids];
  }
  return { saved, covered };
}

/** A good page's rows, when all were new to the state: kept as the page's columns. */
export class KeptPage implements KeptRows {
  /** Every row as plain data, once asked for: then shared, as kept objects were, so each is made once. */
  #rows: KeptSnapshotRow[] | undefined;

  /** `rules`: those the page was read under (its response codes are their catalogue indexes). */
  constructor(
    readonly emailId: string,
    readonly columns: SnapshotColumns,
    readonly rules: CompiledRules,
  ) {}

  get count(): number {
    return this.columns.count;
  }

  rows(): KeptSnapshotRow[] {
    return (this.#rows ??= Array.from({ length: this.count }, (_, i) => this.#row(i)));
  }

  each(row: (kept: KeptSnapshotRow) => void): void {
    const rows = this.#rows;
    for (let i = 0; i < this.count; i++) row(rows ? rows[i]! : this.#row(i));
  }

  #row(i: number): KeptSnapshotRow {
    return { saved: this.saved(i), covered: NOTHING_COVERED };
  }

  /** The server's state of row `i`, as `toSaved` makes it from the same row as an object. */
  saved(i: number): SavedRecipient {
    const { rules, columns } = this;
    const { reason, contactId, contactName, address, provider } = columns.texts;
    const index = columns.responses[i]!;
    const at = columns.at[i]!;
    const final = rules.final[index] === 1;
    const id = rules.responses[index]!.id;
    const why = reason?.[i] ?? null;
    // Each field by its name, in META_FIELDS' order (a store by a computed key was most of the
    // cost of a million rows): the same objects, with the same keys in the same order.
    const meta: SavedRecipient['meta'] = {};
    const contact = contactId?.[i];
    if (typeof contact === 'string') meta.contactId = [contact, at];
    const name = contactName?.[i];
    if (typeof name === 'string') meta.contactName = [name, at];
    const mailbox = address?.[i];
    if (typeof mailbox === 'string') meta.address = [mailbox, at];
    const sentBy = provider?.[i];
    if (typeof sentBy === 'string') meta.provider = [sentBy, at];
    return {
      emailId: this.emailId,
      recipientId: columns.recipientIds[i]!,
      nonFinal: final ? null : id,
      nonFinalAt: final ? Infinity : at,
      nonFinalReason: final ? null : why,
      final: final ? id : null,
      finalAt: final ? at : Infinity,
      finalReason: final ? why : null,
      opens: columns.opens[i]!,
      clicks: columns.clicks[i]!,
      machineOpens: columns.machineOpens[i]!,
      firstAt: at,
      lastAt: at,
      meta,
    };
  }
}
