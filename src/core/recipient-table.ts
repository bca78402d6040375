/**
 * Per-recipient state, one fixed-size record per row. Row `r` is a recipient; rows are never
 * removed or reordered.
 *
 * A row's numbers sit together in one 128-byte record rather than in a typed array per field:
 * events arrive in random recipient order, so every field read is a cache miss, and an event
 * touching ten of fifteen columns pays ten misses where the record pays two or three (measured
 * ~260 ns against ~40 ns an event over 100,000 rows). Texts sit a few slots per row in plain
 * arrays for the same reason, a block of rows to each array, made when a row of it is first given
 * a text: a million rows restored from the cache keep theirs in their pages' columns and need none.
 */

const NONE = -1;

/**
 * Texts of restored rows kept in columns (`TextRuns`, which the cache makes: its code stays out
 * of the script tag's bundle until a cache is read): the meta fields by their position in
 * META_FIELDS, and the recipient id as field `RECIPIENT_ID`, as in a row's text slots.
 */
export interface MetaRuns {
  get(row: number, field: number): string | undefined;
}

/** Text that only some recipients carry (names, addresses), with the time that set it. */
export const META_FIELDS = ['contactId', 'contactName', 'address', 'provider'] as const;
export type MetaField = (typeof META_FIELDS)[number];

/** Doubles per row in `times`; `ints` views the same record as twice as many Int32 slots. */
export const STRIDE = 16;

// Float64 slots of a record (index `row * STRIDE + slot`).
/** When the earliest final response happened. */
export const FINAL_AT = 0;
/** When the best non-final response first happened. */
export const NON_FINAL_AT = 1;
export const FIRST_AT = 2;
export const LAST_AT = 3;
/** The time that set each meta field, in META_FIELDS order: slots 4 to 7. */
export const META_AT = 4;

// Int32 slots of the same record (index `row * STRIDE * 2 + slot`), after the eight doubles.
/** Earliest final response (catalogue index) or -1. */
export const FINAL = 16;
/** Best non-final response (catalogue index) or -1. */
export const NON_FINAL = 17;
export const OPENS = 18;
export const CLICKS = 19;
export const MACHINE_OPENS = 20;
/** The apply() batch that last reported the row as changed, so it is reported once. */
export const LAST_CHANGE = 21;
/** How many event ids the row has, and the newest of its first 16 (see EventIdSet). */
export const ID_COUNT = 22;
export const ID_NEWEST = 23;
/** Uint16 slots 48 to 63 of the record (`fingerprints[row * STRIDE * 4 + slot]`): see EventIdSet. */
export const FINGERPRINTS = 48;
export const INLINE_IDS = 16;

/** Text slots per row (`text`, `setText`): the meta fields in META_FIELDS order, then these. */
export const TEXT_STRIDE = 8;
/**
 * Rows per block of text slots: 8,192 slots, 32 kB, well under the 100,000 slots past which V8
 * makes `new Array(n)` a dictionary, where each write is a hash insert. A row's slot in its block
 * is `(row * TEXT_STRIDE + slot) & 8191` (TEXT_STRIDE << TEXT_BLOCK_SHIFT slots a block), written
 * as numbers in `text` and `setText`: the minifier leaves a constant used twice a name.
 */
export const TEXT_BLOCK_SHIFT = 10;
/** After the meta fields, in a row's text slots and in `MetaRuns` alike. */
export const RECIPIENT_ID = META_FIELDS.length;
export const NON_FINAL_REASON = 5;
export const FINAL_REASON = 6;
/** `type` when the final response is an Unsubscribed scoped to the email's type; else empty. */
export const FINAL_SCOPE = 7;

export class RecipientTable {
  size = 0;
  capacity: number;
  /** The records' time fields. */
  times: Float64Array;
  /** The records' integer fields (same memory as `times`). */
  ints: Int32Array;
  /** The records' last 32 bytes as 16-bit slots (same memory as `times`). */
  fingerprints: Uint16Array;
  /**
   * Texts, TEXT_STRIDE slots per row, in blocks of 1 << TEXT_BLOCK_SHIFT rows, each made whole when a
   * row of it is first given a text (pushing eight slots per new row cost ~240 ns a row here).
   * Not one array grown with the record: a million restored rows have no texts of their own, and
   * its 8,000,000 slots cost 70 to 190 ms of their cold start and 32 MB (issue 16).
   */
  #textBlocks: ((string | undefined)[] | undefined)[] = [];
  /** Index of each row's email in the EmailTable: read by views, never by the fold. */
  email: Int32Array;
  /**
   * Meta texts of restored rows still in their cache page's columns (see TextRuns): a row's
   * text slot, once written, stands over them. Read them through `metaOf`.
   */
  #runs: MetaRuns | undefined;
  /** Counts the runs added: a contact index built before one must be built again. */
  runsAdded = 0;

  constructor(capacity = 1024) {
    this.capacity = capacity;
    this.times = new Float64Array(capacity * STRIDE);
    this.ints = new Int32Array(this.times.buffer);
    this.fingerprints = new Uint16Array(this.times.buffer);
    this.email = new Int32Array(capacity);
    this.#textBlocks.length = (capacity >> TEXT_BLOCK_SHIFT) + 1;
  }

  /** Adds an empty recipient row and returns its index. */
  add(email: number, recipientId: string): number {
    const row = this.addRow(email);
    this.setText(row, RECIPIENT_ID, recipientId);
    return row;
  }

  /**
   * The row's own text in a slot (a meta field's position in META_FIELDS, or NON_FINAL_REASON to
   * FINAL_SCOPE), or undefined: a restored row's meta texts and id may be in runs (`metaOf`).
   */
  text(row: number, slot: number): string | undefined {
    return this.#textBlocks[row >> TEXT_BLOCK_SHIFT]?.[(row * TEXT_STRIDE + slot) & 8191];
  }

  /** Writes the row's text in a slot; undefined clears it. */
  setText(row: number, slot: number, value: string | undefined): void {
    const blocks = this.#textBlocks;
    const b = row >> TEXT_BLOCK_SHIFT;
    let block = blocks[b];
    if (block === undefined) {
      if (value === undefined) return;
      block = blocks[b] = new Array<string | undefined>(8192).fill(undefined);
    }
    block[(row * TEXT_STRIDE + slot) & 8191] = value;
  }

  /** How many blocks of text slots are made, for tests of what restoring costs. */
  textBlocks(): number {
    return this.#textBlocks.filter(Boolean).length;
  }

  /**
   * Adds an empty row whose recipient id is read from the runs (`useMetaRuns`, field
   * `RECIPIENT_ID`): a cold start's million ids stay in their pages' columns.
   */
  addRow(email: number): number {
    // By half again (plus one, so a table of one row grows), not double: a doubled table of a
    // million rows holds up to half a million empty 132-byte rows, 66 MB, and a copy needs the
    // old and new tables at once. The extra copies cost about as much as the doubling's (a total
    // of three times the rows rather than two).
    if (this.size === this.capacity) this.reserve(this.capacity + (this.capacity >> 1) + 1);
    const row = this.size++;
    const t = row * STRIDE;
    const times = this.times;
    // FINAL_AT, NON_FINAL_AT, FIRST_AT: none yet; LAST_AT and the meta texts' stamps: before all.
    for (let slot = 0; slot < META_AT + 4; slot++) times[t + slot] = slot < LAST_AT ? Infinity : -Infinity;
    const i = t * 2;
    const ints = this.ints;
    ints[i + FINAL] = NONE;
    ints[i + NON_FINAL] = NONE;
    this.email[row] = email;
    return row;
  }

  /** The response the recipient shows: its final one if it has one, else its best non-final. */
  response(row: number): number {
    const i = row * STRIDE * 2;
    const final = this.ints[i + FINAL]!;
    return final === NONE ? this.ints[i + NON_FINAL]! : final;
  }

  /** Index of the row's email in the EmailTable. */
  emailOf(row: number): number {
    return this.email[row]!;
  }

  recipientIdOf(row: number): string {
    return this.metaOf(row, RECIPIENT_ID)!;
  }

  contactOf(row: number): string | undefined {
    return this.metaOf(row, 0); // contactId is META_FIELDS[0]
  }

  /** The row's value of a meta field, by its position in META_FIELDS (or RECIPIENT_ID: its id). */
  metaOf(row: number, field: number): string | undefined {
    const value = this.text(row, field);
    return value !== undefined || this.#runs === undefined ? value : this.#runs.get(row, field);
  }

  /** The meta texts of restored rows still in columns, if any. */
  get metaRuns(): MetaRuns | undefined {
    return this.#runs;
  }

  /**
   * Rows with empty meta slots read their meta texts from `runs` until a value is written over
   * one, and rows added by `addRow` their recipient ids; called again each time rows are added
   * to them.
   */
  useMetaRuns(runs: MetaRuns): void {
    this.#runs = runs;
    this.runsAdded++;
  }

  /** Makes room for `rows` rows in all, so adding that many copies nothing. */
  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    this.capacity = rows;
    const times = new Float64Array(rows * STRIDE);
    times.set(this.times);
    this.times = times;
    this.ints = new Int32Array(times.buffer);
    this.fingerprints = new Uint16Array(times.buffer);
    const email = new Int32Array(rows);
    email.set(this.email);
    this.email = email;
    // The list of text blocks spans every row (holes where none is made), so a text is never set
    // past its end: V8 makes an array written over 1,024 slots past its end a dictionary (the
    // first text of a row past a million restored rows), and every text read a hash look-up.
    this.#textBlocks.length = (rows >> TEXT_BLOCK_SHIFT) + 1;
  }
}
