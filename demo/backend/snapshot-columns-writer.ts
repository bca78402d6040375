// A snapshot page's rows written straight into the bytes of its columns (docs/wire-format.md) as
// the ledger reads them, the way a server streams its own columns out: no object per row, no list
// of values a column, no second pass to encode them. Each column is its own JSON list of bytes;
// the page is their concatenation. The texts that repeat (responses, names, reasons, providers)
// are sent once a page through a dictionary. A million-row snapshot is mostly Planned rows, which
// the ledger adds without making their server row first (`planned`). Lists of values walked
// again to write them cost the 1M-row snapshot figure some 2.5 s in the browser (issue 16); the
// engine's own JSON.stringify and TextEncoder, more still.
import { COLUMNAR_FORMAT, COLUMNAR_VERSION, SNAPSHOT_COLUMNS } from '../../src/core/index';
import type { ServerRecipient } from '../../src/store/snapshot-page';
import { JsonBytes, JsonRaw } from './json-bytes';

/** Texts that rarely repeat go without a dictionary: an index per row would only add to them. */
const PLAIN = new Set(['recipientId', 'contactId', 'address']);

type Field = keyof ServerRecipient;

const ORDER: readonly Field[] = [...SNAPSHOT_COLUMNS.text, ...SNAPSHOT_COLUMNS.values] as Field[];

const encoder = new TextEncoder();

/** One column being written: the bytes of its list, and its dictionary when it has one. */
class ColumnOut {
  readonly dictionary: Map<unknown, number> | undefined;
  /** The list's bytes from its first value on; none while no row so far had a value. */
  #out: JsonBytes | undefined;
  /** Rows with no value before the first with one: written as nulls only if one comes. */
  #leadingNulls = 0;
  /** The list's bytes once done. */
  #done: Uint8Array | undefined;
  /** The bytes the column is expected to take (grown past them). */
  readonly #size: number;

  constructor(dictionary: boolean, size: number) {
    this.dictionary = dictionary ? new Map() : undefined;
    this.#size = size;
  }

  /** Whether some row has a value. */
  get present(): boolean {
    return this.#out !== undefined;
  }

  /** A row's value as the server's object holds it: through the dictionary when there is one. */
  push(value: unknown): void {
    if (value === undefined || value === null) return this.none();
    const dictionary = this.dictionary;
    if (dictionary === undefined) return this.#next().value(value);
    let index = dictionary.get(value);
    if (index === undefined) dictionary.set(value, (index = dictionary.size));
    this.#next().whole(index);
  }

  /** A row with no value. */
  none(): void {
    if (this.#out === undefined) this.#leadingNulls++;
    else this.#out.nextNull();
  }

  /** A row's text, with no dictionary. */
  text(value: string): void {
    this.#next().text(value);
  }

  /** A row's dictionary entry, by its index. */
  index(index: number): void {
    this.#next().whole(index);
  }

  /** The list's bytes, `[` to `]`: `count` nulls when no row had a value. The column is done. */
  bytes(count: number): Uint8Array {
    if (this.#out === undefined) return encoder.encode(JSON.stringify(new Array(count).fill(null)));
    if (this.#done === undefined) {
      this.#out.ascii(']');
      this.#done = this.#out.bytes();
    }
    return this.#done;
  }

  /** The writer, past the separator before the next value. */
  #next(): JsonBytes {
    const out = this.#out;
    if (out !== undefined) {
      out.comma();
      return out;
    }
    const first = (this.#out = new JsonBytes(this.#size));
    first.ascii(this.#leadingNulls === 0 ? '[' : `[${'null,'.repeat(this.#leadingNulls)}`);
    return first;
  }
}

export class SnapshotColumnsWriter {
  readonly #columns = new Map<string, ColumnOut>();
  /** A name key (the contact book's) to its index in this page's name dictionary. */
  readonly #nameIndex = new Map<number, number>();
  #count = 0;
  // The columns a Planned row writes, each found once rather than by name a row.
  readonly #recipientId: ColumnOut;
  readonly #response: ColumnOut;
  readonly #at: ColumnOut;
  readonly #contactId: ColumnOut;
  readonly #contactName: ColumnOut;
  readonly #address: ColumnOut;
  readonly #rest: ColumnOut[];

  /** `rows`: how many rows the page is expected to hold (its columns' buffers are sized for them). */
  constructor(rows = 1000) {
    for (const name of ORDER) {
      const plain = PLAIN.has(name);
      const dictionary = SNAPSHOT_COLUMNS.text.includes(name) && !plain;
      this.#columns.set(name, new ColumnOut(dictionary, 64 + rows * (plain ? 24 : 8)));
    }
    const column = (name: Field) => this.#columns.get(name)!;
    this.#recipientId = column('recipientId');
    this.#response = column('response');
    this.#at = column('at');
    this.#contactId = column('contactId');
    this.#contactName = column('contactName');
    this.#address = column('address');
    this.#rest = (['reason', 'provider', 'opens', 'clicks', 'machineOpens'] as const).map(column);
  }

  /** A row as the server's object for it. */
  add(row: ServerRecipient): void {
    for (const name of ORDER) this.#columns.get(name)!.push(row[name]);
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
    this.#recipientId.text(recipientId);
    this.#response.push('planned');
    this.#at.push(at);
    this.#contactId.text(contactId);
    let index = this.#nameIndex.get(nameKey);
    if (index === undefined) {
      const names = this.#contactName.dictionary!;
      const text = name(nameKey);
      index = names.get(text);
      if (index === undefined) names.set(text, (index = names.size));
      this.#nameIndex.set(nameKey, index);
    }
    this.#contactName.index(index);
    if (address === undefined) this.#address.none();
    else this.#address.text(address);
    for (const column of this.#rest) column.none();
    this.#count++;
  }

  /**
   * The rows as one columnar batch, as JSON: a column only when some row has a value for it (the
   * required always), and a dictionary for each such column that has one. The same text as
   * JSON.stringify of the batch as an object.
   */
  batch(): JsonRaw {
    const columns = this.#columns;
    const written = ORDER.filter((name) => columns.get(name)!.present || SNAPSHOT_COLUMNS.required.includes(name));
    const head = new JsonBytes(1024);
    head.value({ format: COLUMNAR_FORMAT, version: COLUMNAR_VERSION, count: this.#count });
    const dictionaries = Object.fromEntries(
      written
        .filter((name) => columns.get(name)!.dictionary)
        .map((name) => [name, [...columns.get(name)!.dictionary!.keys()]]),
    );
    // The head's closing brace gives way to the dictionaries and the columns.
    const parts = [
      head.bytes().subarray(0, -1),
      jsonOf(`,"dictionaries":`),
      jsonBytes(dictionaries),
      jsonOf(',"columns":{'),
    ];
    written.forEach((name, i) => {
      parts.push(jsonOf(`${i === 0 ? '' : ','}${JSON.stringify(name)}:`), columns.get(name)!.bytes(this.#count));
    });
    parts.push(jsonOf('}}'));
    return new JsonRaw(parts);
  }
}

const jsonOf = (text: string) => encoder.encode(text);

function jsonBytes(value: unknown): Uint8Array {
  const out = new JsonBytes(1024);
  out.value(value);
  return out.bytes();
}
