import { BY_ROW, GROUPED, type RowCopy } from '../core/columnar-listeners';
import type { ColumnarRows, PreparedColumn } from '../core/columnar-rows';
import type { ResponseEvent } from '../core/event';
import { BatchColumns, textAt } from './event-log-batch';
import { PAGE_BITS, PAGE_SIZE } from './event-log-rows';
import type { EventStorage } from './event-log';

/**
 * The event log's storage: events as columns in pages of 16,384, not as objects. A million
 * recipients' 1.5 million event objects held 131 bytes a recipient in Chromium (an object, its
 * property array, a boxed time and an id string each); as columns they hold about 40.
 *
 * Per event: its row and time (typed arrays) and a short byte record: which fields it has, its
 * response and email through small dictionaries, and its own texts (the id, a URL, a reason)
 * as Latin-1 or UTF-16 bytes. A recipient's id, contact, name and address are the same on most
 * of its events: each row keeps the first value seen per field, and an event with that value
 * says so in a bit instead of carrying it. Pages are filled in order and never copied whole, so
 * the log's slack is one page, not the half of a doubled array; a page's bytes are trimmed when
 * it is full. An event these columns cannot say exactly (a null field, a time that is not its
 * own `at`) is kept whole beside them.
 */

export { PAGE_BITS, PAGE_SIZE };
const PAGE_MASK = PAGE_SIZE - 1;

// The flags of a record. A per-row text field is absent (0), the row's first value (1) or its own.
const RECIPIENT_OWN = 1;
/** Shift of contactId's, contactName's and address's two bits. */
const ROW_TEXT_SHIFT = [0, 1, 3, 5] as const;
const ROW_OWN = 2;
const ROW_SAME = 1;
const AT_TEXT = 1 << 7;
const KIND_SHIFT = 8;
const SCOPE_SHIFT = 10;
const HAS_TYPE = 1 << 12;
const HAS_PROVIDER = 1 << 13;
const HAS_URL = 1 << 14;
const HAS_REASON = 1 << 15;
/** Kept whole in `whole`: an event the columns cannot say exactly (see `write`). */
const WHOLE = 1 << 16;

/** A batch row's per-row text states were worked out ahead (see `rowStates`). */
const KNOWN = 1 << 6;

const KINDS = [undefined, 'bulk', 'trigger'] as const;
const SCOPES = [undefined, 'all', 'type'] as const;

/** The texts a row keeps once: recipientId, contactId, contactName, address. */
const ROW_FIELDS = 4;
const ROW_PAGE_BITS = 12;
const ROW_PAGE_MASK = (1 << ROW_PAGE_BITS) - 1;

class Page {
  readonly rows = new Int32Array(PAGE_SIZE);
  readonly times = new Float64Array(PAGE_SIZE);
  /** Where each event's record starts in `bytes`. */
  readonly starts = new Uint32Array(PAGE_SIZE);
  bytes = new Uint8Array(PAGE_SIZE * 12);
  used = 0;
}

/** A text to a small number, for the few distinct values of a field (responses, emails, providers). */
class Dictionary {
  private readonly indexes = new Map<string, number>();
  readonly texts: string[] = [];
  /** The last text looked up: most events repeat their predecessor's email. */
  private last = '';
  private lastIndex = -1;

  index(text: string): number {
    if (text === this.last && this.lastIndex >= 0) return this.lastIndex;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.indexes.set(text, index);
      this.texts.push(text);
    }
    this.last = text;
    this.lastIndex = index;
    return index;
  }
}

export class EventPages implements EventStorage {
  private pages: Page[] = [];
  private count = 0;
  private readonly responses = new Dictionary();
  private readonly emails = new Dictionary();
  private readonly types = new Dictionary();
  private readonly providers = new Dictionary();
  /** Per row, the first value of each of ROW_FIELDS, in pages of 4,096 rows. */
  private rowTexts: (string | undefined)[][] = [];
  /** The events kept whole, by position. */
  private readonly whole = new Map<number, ResponseEvent>();
  /** The record being written or read: its page's bytes and the offset in them. */
  private bytes = new Uint8Array(0);
  private offset = 0;

  get length(): number {
    return this.count;
  }

  /**
   * With `copy`, the event is the columnar row `copy` names: its record is written from the
   * batch's columns (`event` is the fold's scratch, see EventStorage).
   */
  add(event: ResponseEvent, row: number, at: number, copy?: RowCopy): void {
    const rows = copy?.rows;
    const position = this.count;
    const k = position & PAGE_MASK;
    if (k === 0) {
      const last = this.pages[this.pages.length - 1];
      if (last !== undefined) last.bytes = last.bytes.slice(0, last.used);
      this.pages.push(new Page());
    }
    const page = this.pages[this.pages.length - 1]!;
    page.rows[k] = row;
    page.times[k] = at;
    if (rows === undefined) this.write(page, k, event, row, at, position);
    else this.writeRow(page, k, rows, copy!.i, row, copy!.grouped);
    this.count = position + 1;
  }

  /**
   * Writes a columnar row's record from its batch's columns (see event-log-batch.ts): the record
   * `write` makes of the event the row stands for. A row heard is a good one: each of its values
   * is a text (or absent) that validation took, so none is kept whole.
   */
  private writeRow(
    page: Page,
    k: number,
    rows: ColumnarRows,
    i: number,
    row: number,
    grouped: Int32Array | undefined,
  ): void {
    let batch = rows.logged as BatchColumns | undefined;
    if (batch?.owner !== this) {
      rows.logged = batch = new BatchColumns(rows, this);
      if (grouped !== undefined) batch.states = this.rowStates(rows, grouped);
    }
    const kind = batch.hasKind ? textAt(rows.emailKind, i) : undefined;
    const scope = batch.hasScope ? textAt(rows.scope, i) : undefined;
    const text = batch.hasTextTimes ? rows.at.values[i] : undefined;
    const states = batch.states === undefined ? 0 : batch.states[i]!;
    let contact: number;
    let name: number;
    let place: number;
    if (states & KNOWN) {
      contact = states & 3;
      name = (states >> 2) & 3;
      place = (states >> 4) & 3;
    } else {
      const slots = this.rowSlots(row);
      const slot = (row & ROW_PAGE_MASK) * ROW_FIELDS;
      // A row of the state is one recipient id: the row's first event keeps it, the others are the
      // same text (rowState would say ROW_SAME), so only the first reads it from the batch.
      if (slots[slot] === undefined) slots[slot] = textAt(rows.recipientId, i);
      contact = batch.hasContactId ? rowState(slots, slot + 1, textAt(rows.contactId, i)) : 0;
      name = batch.hasContactName ? rowState(slots, slot + 2, textAt(rows.contactName, i)) : 0;
      place = batch.hasAddress ? rowState(slots, slot + 3, textAt(rows.address, i)) : 0;
    }
    const url = batch.hasUrl ? textAt(rows.url, i) : undefined;
    const reason = batch.hasReason ? textAt(rows.reason, i) : undefined;
    const type = batch.hasType ? this.code(batch.emailType, rows.emailType, i, this.types) : -1;
    const provider = batch.hasProvider ? this.code(batch.provider, rows.provider, i, this.providers) : -1;
    this.bytes = page.bytes;
    this.offset = page.used;
    this.room(16);
    page.starts[k] = this.offset;
    const flags =
      (contact << ROW_TEXT_SHIFT[1]) |
      (name << ROW_TEXT_SHIFT[2]) |
      (place << ROW_TEXT_SHIFT[3]) |
      (typeof text === 'string' ? AT_TEXT : 0) |
      ((kind === undefined ? 0 : kind === 'bulk' ? 1 : 2) << KIND_SHIFT) |
      ((scope === undefined ? 0 : scope === 'all' ? 1 : 2) << SCOPE_SHIFT) |
      (type < 0 ? 0 : HAS_TYPE) |
      (provider < 0 ? 0 : HAS_PROVIDER) |
      (url === undefined ? 0 : HAS_URL) |
      (reason === undefined ? 0 : HAS_REASON);
    this.writeVarint(flags);
    this.writeVarint(this.code(batch.response, rows.response, i, this.responses));
    this.writeVarint(this.code(batch.emailId, rows.emailId, i, this.emails));
    this.writeText(textAt(rows.id, i)!);
    if (contact === ROW_OWN) this.writeText(textAt(rows.contactId, i)!);
    if (name === ROW_OWN) this.writeText(textAt(rows.contactName, i)!);
    if (place === ROW_OWN) this.writeText(textAt(rows.address, i)!);
    if (typeof text === 'string') this.writeText(text);
    this.room(10);
    if (type >= 0) this.writeVarint(type);
    if (provider >= 0) this.writeVarint(provider);
    if (url !== undefined) this.writeText(url);
    if (reason !== undefined) this.writeText(reason);
    page.used = this.offset;
    page.bytes = this.bytes;
  }

  /**
   * Per row of a batch about to be logged, how its record says its per-row texts (`rowState` of
   * contactId, contactName and address, two bits each, and KNOWN), worked out for its accepted
   * rows in the fold's grouped order (`heard.grouped`): there each recipient's kept texts are in
   * the cache from its second event on, where in the batch's order each row's are a cache miss.
   * A recipient's rows keep their order, and its kept texts are only ever set once, so each
   * state is the one `rowState` gives as the rows are logged.
   */
  private rowStates(rows: ColumnarRows, grouped: Int32Array): Uint8Array {
    const states = new Uint8Array(rows.count);
    for (let k = 0; k < grouped.length; k += GROUPED) {
      const i = grouped[k]!;
      const row = grouped[k + 1]!;
      const slots = this.rowSlots(row);
      const slot = (row & ROW_PAGE_MASK) * ROW_FIELDS;
      if (slots[slot] === undefined) slots[slot] = textAt(rows.recipientId, i);
      // Through the entries `grouped` carries: reading the columns at each row, far from the
      // last, cost as much as the rest of the work.
      const contact = rowState(slots, slot + 1, entryText(rows.contactId, grouped[k + 2]!, i));
      const name = rowState(slots, slot + 2, entryText(rows.contactName, grouped[k + 3]!, i));
      const place = rowState(slots, slot + 3, entryText(rows.address, grouped[k + 4]!, i));
      states[i] = KNOWN | contact | (name << 2) | (place << 4);
    }
    return states;
  }

  /** Row `i`'s text of a column kept through `dictionary`, as its index there; -1 when absent. */
  private code(codes: Int32Array | undefined, column: PreparedColumn, i: number, dictionary: Dictionary): number {
    if (codes === undefined) {
      const text = textAt(column, i);
      return text === undefined ? -1 : dictionary.index(text);
    }
    const entry = column.indices![i]!;
    if (entry < 0) return -1;
    const code = codes[entry]!;
    return code >= 0 ? code : (codes[entry] = dictionary.index(column.dictionary![entry] as string));
  }

  /** Puts another copy of the event at `position` (same row) in its place; its record is written anew. */
  replace(position: number, event: ResponseEvent, at: number): void {
    const page = this.pages[position >>> PAGE_BITS]!;
    const k = position & PAGE_MASK;
    page.times[k] = at;
    this.whole.delete(position);
    this.write(page, k, event, page.rows[k]!, at, position);
  }

  rowAt(position: number): number {
    return this.pages[position >>> PAGE_BITS]!.rows[position & PAGE_MASK]!;
  }

  timeAt(position: number): number {
    return this.pages[position >>> PAGE_BITS]!.times[position & PAGE_MASK]!;
  }

  /** The event at `position`, a new object with the fields it came with, in validation's order. */
  at(position: number): ResponseEvent {
    const page = this.pages[position >>> PAGE_BITS]!;
    const k = position & PAGE_MASK;
    this.bytes = page.bytes;
    this.offset = page.starts[k]!;
    const flags = this.varint();
    if (flags & WHOLE) return this.whole.get(position)!;
    const response = this.responses.texts[this.varint()]!;
    const emailId = this.emails.texts[this.varint()]!;
    const id = this.text();
    const row = page.rows[k]!;
    const recipientId = flags & RECIPIENT_OWN ? this.text() : this.rowText(row, 0)!;
    const contactId = this.rowField(flags, row, 1);
    const contactName = this.rowField(flags, row, 2);
    const address = this.rowField(flags, row, 3);
    const at = flags & AT_TEXT ? this.text() : page.times[k]!;
    const event: Record<string, unknown> = { id, emailId, recipientId, response, at };
    if (contactId !== undefined) event.contactId = contactId;
    if (contactName !== undefined) event.contactName = contactName;
    if (address !== undefined) event.address = address;
    const kind = KINDS[(flags >> KIND_SHIFT) & 3];
    if (kind !== undefined) event.emailKind = kind;
    if (flags & HAS_TYPE) event.emailType = this.types.texts[this.varint()];
    if (flags & HAS_PROVIDER) event.provider = this.providers.texts[this.varint()];
    if (flags & HAS_URL) event.url = this.text();
    if (flags & HAS_REASON) event.reason = this.text();
    const scope = SCOPES[(flags >> SCOPE_SHIFT) & 3];
    if (scope !== undefined) event.scope = scope;
    return event as unknown as ResponseEvent;
  }

  /** The id of the event at `position`, read without the rest of it. */
  idAt(position: number): string {
    const page = this.pages[position >>> PAGE_BITS]!;
    this.bytes = page.bytes;
    this.offset = page.starts[position & PAGE_MASK]!;
    if (this.varint() & WHOLE) return this.whole.get(position)!.id;
    this.varint();
    this.varint();
    return this.text();
  }

  clear(): void {
    this.pages = [];
    this.count = 0;
    this.rowTexts = [];
    this.whole.clear();
    this.bytes = new Uint8Array(0);
  }

  private write(page: Page, k: number, event: ResponseEvent, row: number, at: number, position: number): void {
    this.bytes = page.bytes;
    this.offset = page.used;
    this.room(16);
    page.starts[k] = this.offset;
    // Each field read once; kind and scope compared by hand (a lookup in a list cost ~15 % of add).
    const { id, emailId, recipientId, response, contactId, contactName, address, emailType, provider, url, reason } =
      event;
    const text = event.at;
    const kind = event.emailKind;
    const scope = event.scope;
    const kindCode = kind === undefined ? 0 : kind === 'bulk' ? 1 : kind === 'trigger' ? 2 : -1;
    const scopeCode = scope === undefined ? 0 : scope === 'all' ? 1 : scope === 'type' ? 2 : -1;
    if (
      kindCode < 0 ||
      scopeCode < 0 ||
      (text !== at && typeof text !== 'string') ||
      typeof id !== 'string' ||
      typeof emailId !== 'string' ||
      typeof recipientId !== 'string' ||
      typeof response !== 'string' ||
      !optionalText(contactId) ||
      !optionalText(contactName) ||
      !optionalText(address) ||
      !optionalText(emailType) ||
      !optionalText(provider) ||
      !optionalText(url) ||
      !optionalText(reason)
    ) {
      // Not something the columns can say exactly (a null field, a time that is not its own `at`).
      this.whole.set(position, event);
      this.writeVarint(WHOLE);
      page.used = this.offset;
      page.bytes = this.bytes;
      return;
    }
    const slots = this.rowSlots(row);
    const slot = (row & ROW_PAGE_MASK) * ROW_FIELDS;
    const recipient = rowState(slots, slot, recipientId);
    const contact = rowState(slots, slot + 1, contactId);
    const name = rowState(slots, slot + 2, contactName);
    const place = rowState(slots, slot + 3, address);
    const flags =
      (recipient === ROW_OWN ? RECIPIENT_OWN : 0) |
      (contact << ROW_TEXT_SHIFT[1]) |
      (name << ROW_TEXT_SHIFT[2]) |
      (place << ROW_TEXT_SHIFT[3]) |
      (text === at ? 0 : AT_TEXT) |
      (kindCode << KIND_SHIFT) |
      (scopeCode << SCOPE_SHIFT) |
      (emailType === undefined ? 0 : HAS_TYPE) |
      (provider === undefined ? 0 : HAS_PROVIDER) |
      (url === undefined ? 0 : HAS_URL) |
      (reason === undefined ? 0 : HAS_REASON);
    this.writeVarint(flags);
    this.writeVarint(this.responses.index(response));
    this.writeVarint(this.emails.index(emailId));
    this.writeText(id);
    if (recipient === ROW_OWN) this.writeText(recipientId);
    if (contact === ROW_OWN) this.writeText(contactId!);
    if (name === ROW_OWN) this.writeText(contactName!);
    if (place === ROW_OWN) this.writeText(address!);
    if (flags & AT_TEXT) this.writeText(text as string);
    this.room(10);
    if (emailType !== undefined) this.writeVarint(this.types.index(emailType));
    if (provider !== undefined) this.writeVarint(this.providers.index(provider));
    if (url !== undefined) this.writeText(url);
    if (reason !== undefined) this.writeText(reason);
    page.used = this.offset;
    page.bytes = this.bytes;
  }

  private rowSlots(row: number): (string | undefined)[] {
    const page = row >>> ROW_PAGE_BITS;
    const texts = this.rowTexts;
    if (page < texts.length) return texts[page]!;
    while (texts.length <= page) texts.push(new Array<string | undefined>(ROW_FIELDS << ROW_PAGE_BITS).fill(undefined));
    return texts[page]!;
  }

  private rowText(row: number, field: number): string | undefined {
    return this.rowTexts[row >>> ROW_PAGE_BITS]![(row & ROW_PAGE_MASK) * ROW_FIELDS + field];
  }

  private rowField(flags: number, row: number, field: 1 | 2 | 3): string | undefined {
    const state = (flags >> ROW_TEXT_SHIFT[field]) & 3;
    if (state === 0) return undefined;
    return state === ROW_OWN ? this.text() : this.rowText(row, field);
  }

  /** Makes room for `bytes` more bytes in the record's page, by half again. */
  private room(bytes: number): void {
    if (this.offset + bytes <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.offset + bytes, this.bytes.length + (this.bytes.length >> 1)));
    grown.set(this.bytes.subarray(0, this.offset));
    this.bytes = grown;
  }

  /** Seven bits a byte, low first: under 128 in one byte, a larger number (under 2³¹) in more. */
  private writeVarint(value: number): void {
    const bytes = this.bytes;
    let offset = this.offset;
    while (value >= 0x80) {
      bytes[offset++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    bytes[offset++] = value;
    this.offset = offset;
  }

  private varint(): number {
    const bytes = this.bytes;
    let out = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[this.offset++]!;
      out |= (byte & 0x7f) << shift;
      if (byte < 0x80) return out;
    }
  }

  /**
   * Its length (times two, plus one when wide) then its UTF-16 units as one byte each when all
   * are under 256, else as two. The wide bit is the length's lowest, so setting it after the
   * units are seen does not change the length's size.
   */
  private writeText(text: string): void {
    const length = text.length;
    this.room(5 + length * 2);
    const head = this.offset;
    this.writeVarint(length * 2);
    const start = this.offset;
    const bytes = this.bytes;
    for (let i = 0; i < length; i++) {
      const unit = text.charCodeAt(i);
      if (unit > 0xff) return this.writeWide(text, head, start);
      bytes[start + i] = unit;
    }
    this.offset = start + length;
  }

  private writeWide(text: string, head: number, start: number): void {
    const bytes = this.bytes;
    bytes[head]! |= 1;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      bytes[start + i * 2] = unit & 0xff;
      bytes[start + i * 2 + 1] = unit >>> 8;
    }
    this.offset = start + text.length * 2;
  }

  private text(): string {
    const head = this.varint();
    const length = head >>> 1;
    const start = this.offset;
    if ((head & 1) === 0) {
      this.offset = start + length;
      return fromUnits(this.bytes.subarray(start, start + length));
    }
    const units = new Uint16Array(length);
    for (let i = 0; i < length; i++) units[i] = this.bytes[start + i * 2]! | (this.bytes[start + i * 2 + 1]! << 8);
    this.offset = start + length * 2;
    return fromUnits(units);
  }
}

/** The text of an entry of `RowCopy.grouped` (see there). */
function entryText(column: PreparedColumn, entry: number, i: number): string | undefined {
  if (entry >= 0) return column.dictionary![entry] as string;
  return entry === BY_ROW ? textAt(column, i) : undefined;
}

/** Text from UTF-16 units, in slices so a long text does not pass too many arguments at once. */
function fromUnits(units: Uint8Array | Uint16Array): string {
  const SLICE = 8192;
  if (units.length <= SLICE) return String.fromCharCode.apply(null, units as unknown as number[]);
  let out = '';
  for (let i = 0; i < units.length; i += SLICE)
    out += String.fromCharCode.apply(null, units.subarray(i, i + SLICE) as unknown as number[]);
  return out;
}

/**
 * How a record says a per-row text: absent (0), the row's first value (kept now if this is the
 * first), or its own text.
 */
function rowState(slots: (string | undefined)[], slot: number, text: string | undefined): number {
  if (text === undefined) return 0;
  const kept = slots[slot];
  if (kept === undefined) {
    slots[slot] = text;
    return ROW_SAME;
  }
  return kept === text ? ROW_SAME : ROW_OWN;
}

/** An optional text field is a text or absent (a validated event may carry null). */
function optionalText(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}
