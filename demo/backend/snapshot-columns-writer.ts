// A snapshot page's rows written straight into columns (docs/wire-format.md) as the ledger reads
// them, the way a server streams its own columns out: no object per row and no second pass to
// encode them (encodeColumns), and the texts that repeat (responses, names, reasons, providers)
// sent once a page through a dictionary. A million-row snapshot is mostly Planned rows, which
// the ledger adds without making their server row first (`planned`).
import { COLUMNAR_FORMAT, COLUMNAR_VERSION, SNAPSHOT_COLUMNS, type ColumnarBatch } from '../../src/core/index';
import type { ServerRecipient } from '../../src/store/snapshot-page';

/** Texts that rarely repeat go without a dictionary: an index per row would only add to them. */
const PLAIN = new Set(['recipientId', 'contactId', 'address']);

type Field = keyof ServerRecipient;

/** One column being written: its values, and its dictionary when it has one. */
class ColumnOut {
  readonly values: unknown[] = [];
  readonly dictionary: Map<unknown, number> | undefined;
  present = false;

  constructor(dictionary: boolean) {
    this.dictionary = dictionary ? new Map() : undefined;
  }

  push(value: unknown): void {
    if (value === undefined || value === null) {
      this.values.push(null);
      return;
    }
    this.present = true;
    const dictionary = this.dictionary;
    if (dictionary === undefined) {
      this.values.push(value);
      return;
    }
    let index = dictionary.get(value);
    if (index === undefined) dictionary.set(value, (index = dictionary.size));
    this.values.push(index);
  }

  /** A dictionary entry's index, added when new: for a row whose text is known by a key. */
  pushIndex(index: number): void {
    this.present = true;
    this.values.push(index);
  }
}

export class SnapshotColumnsWriter {
  readonly #columns = new Map<string, ColumnOut>();
  readonly #order: Field[] = [...SNAPSHOT_COLUMNS.text, ...SNAPSHOT_COLUMNS.values] as Field[];
  /** A name key (the contact book's) to its index in this page's name dictionary. */
  readonly #nameIndex = new Map<number, number>();
  #count = 0;

  constructor() {
    for (const name of this.#order)
      this.#columns.set(name, new ColumnOut(SNAPSHOT_COLUMNS.text.includes(name) && !PLAIN.has(name)));
  }

  /** A row as the server's object for it. */
  add(row: ServerRecipient): void {
    for (const name of this.#order) this.#columns.get(name)!.push(row[name]);
    this.#count++;
  }

  /**
   * A Planned row (no event yet): its response, time and contact, with its name given by the
   * contact book's key (`nameKey`) and text (`name`, read only the first time a page meets it).
   */
  planned(
    recipientId: string,
    at: number,
    contactId: string,
    nameKey: number,
    name: (key: number) => string,
    address: string | undefined,
  ): void {
    const columns = this.#columns;
    columns.get('recipientId')!.push(recipientId);
    columns.get('response')!.push('planned');
    columns.get('at')!.push(at);
    columns.get('contactId')!.push(contactId);
    const names = columns.get('contactName')!;
    let index = this.#nameIndex.get(nameKey);
    if (index === undefined) {
      const text = name(nameKey);
      index = names.dictionary!.get(text);
      if (index === undefined) names.dictionary!.set(text, (index = names.dictionary!.size));
      this.#nameIndex.set(nameKey, index);
    }
    names.pushIndex(index);
    columns.get('address')!.push(address);
    for (const field of ['reason', 'provider', 'opens', 'clicks', 'machineOpens'] as const)
      columns.get(field)!.push(undefined);
    this.#count++;
  }

  /** The rows as one batch: a column only when some row has a value for it (the required always). */
  batch(): ColumnarBatch {
    const columns: Record<string, unknown[]> = {};
    const dictionaries: Record<string, unknown[]> = {};
    for (const name of this.#order) {
      const column = this.#columns.get(name)!;
      if (!column.present && !SNAPSHOT_COLUMNS.required.includes(name)) continue;
      columns[name] = column.values;
      if (column.dictionary) dictionaries[name] = [...column.dictionary.keys()];
    }
    return { format: COLUMNAR_FORMAT, version: COLUMNAR_VERSION, count: this.#count, dictionaries, columns };
  }
}
