/**
 * A good snapshot page's rows kept as the page's own columns (snapshot-columns.ts), when every
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
import { NOTHING_COVERED, type KeptSnapshotRow } from './snapshot-resets';

export class KeptPage {
  /** Rows a later row of the same recipient replaced; made when the first one is. */
  #replaced: Uint8Array | undefined;
  /**
   * Every row as plain data, made the first time the rows are asked for as a list (the cache
   * saves them, tabs send them): then shared, as kept objects were, so each is made once.
   */
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

  recipientId(i: number): string {
    return this.columns.recipientIds[i]!;
  }

  /** Row `i`, unless a later row of its recipient replaced it. */
  row(i: number): KeptSnapshotRow | undefined {
    if (this.#replaced?.[i]) return undefined;
    return this.#rows ? this.#rows[i] : { saved: this.saved(i), covered: NOTHING_COVERED };
  }

  /** A later row of row `i`'s recipient was kept: this one no longer stands. */
  replace(i: number): void {
    (this.#replaced ??= new Uint8Array(this.count))[i] = 1;
  }

  /** The rows that stand, in page order, onto `out`. */
  collect(out: KeptSnapshotRow[]): void {
    const rows = (this.#rows ??= Array.from({ length: this.count }, (_, i) => ({
      saved: this.saved(i),
      covered: NOTHING_COVERED,
    })));
    const replaced = this.#replaced;
    for (let i = 0; i < rows.length; i++) if (!replaced?.[i]) out.push(rows[i]!);
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
