// A JSON answer written straight into UTF-8 bytes, as a server writes its output buffer: the same
// text as JSON.stringify, without first making the page's text as one big string and then
// encoding it again (in the browser, JSON.stringify and TextEncoder each took seconds over a
// million-row snapshot). ASCII texts without a character to escape (ids, addresses, numbers) are
// copied a byte a character; any other text goes through JSON.stringify and TextEncoder alone.

const encoder = new TextEncoder();

/** Bytes that are JSON already, in parts (a snapshot page's columns): copied as they are. */
export class JsonRaw {
  constructor(readonly parts: readonly Uint8Array[]) {}
}

export class JsonBytes {
  #buffer: Uint8Array;
  #length = 0;
  /** The last number written, and its text: a column often repeats one (a snapshot's times). */
  #lastNumber = NaN;
  #lastText = 'null';

  /** `size`: the bytes expected (grown by doubling past it). */
  constructor(size = 1 << 16) {
    this.#buffer = new Uint8Array(size);
  }

  /** The bytes written so far (a view of the buffer). */
  bytes(): Uint8Array {
    return this.#buffer.subarray(0, this.#length);
  }

  /** `value` as JSON.stringify writes plain data (objects, arrays, texts, numbers, booleans, null). */
  value(value: unknown): void {
    if (typeof value === 'string') return this.text(value);
    if (typeof value === 'number') {
      if (value !== this.#lastNumber) {
        this.#lastNumber = value;
        this.#lastText = Number.isFinite(value) ? String(value) : 'null';
      }
      return this.ascii(this.#lastText);
    }
    if (value === null || typeof value === 'boolean') return this.ascii(String(value));
    if (Array.isArray(value)) {
      this.ascii('[');
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.ascii(',');
        const item: unknown = value[i];
        // As JSON.stringify: a value it cannot write is null in a list.
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') this.ascii('null');
        else this.value(item);
      }
      return this.ascii(']');
    }
    if (value instanceof JsonRaw) return this.#raw(value.parts);
    if (typeof value === 'object') {
      this.ascii('{');
      let first = true;
      for (const key of Object.keys(value)) {
        const field = (value as Record<string, unknown>)[key];
        if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
        if (!first) this.ascii(',');
        first = false;
        this.text(key);
        this.ascii(':');
        this.value(field);
      }
      return this.ascii('}');
    }
    throw new TypeError(`JsonBytes: cannot write a ${typeof value}`);
  }

  /** A whole number of at least 0 (a dictionary index): its digits, without making its text. */
  whole(value: number): void {
    if (!(value >= 0 && value <= 0x7fff_ffff && value === (value | 0))) return this.value(value);
    this.#room(10);
    const buffer = this.#buffer;
    let digits = 1;
    for (let rest = value; rest >= 10; rest = (rest / 10) | 0) digits++;
    let at = this.#length + digits;
    this.#length = at;
    let rest = value;
    do {
      buffer[--at] = 0x30 + (rest % 10);
      rest = (rest / 10) | 0;
    } while (rest > 0);
  }

  /** The `,` before a list's next value. */
  comma(): void {
    if (this.#length === this.#buffer.length) this.#room(1);
    this.#buffer[this.#length++] = 0x2c;
  }

  /** `,null`: a list's next value, which is none. */
  nextNull(): void {
    this.#room(5);
    const buffer = this.#buffer;
    const at = this.#length;
    buffer[at] = 0x2c;
    buffer[at + 1] = 0x6e;
    buffer[at + 2] = 0x75;
    buffer[at + 3] = 0x6c;
    buffer[at + 4] = 0x6c;
    this.#length = at + 5;
  }

  /** A JSON text literal: byte by byte while it is plain ASCII, else as JSON.stringify writes it. */
  text(text: string): void {
    const length = text.length;
    // The room is looked at here, not in a call a text (a snapshot page writes millions).
    if (this.#length + length + 2 > this.#buffer.length) this.#room(length + 2);
    const buffer = this.#buffer;
    let at = this.#length;
    buffer[at++] = 0x22;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      // Control characters, the quote, the backslash and everything past ASCII need JSON's care.
      if (code < 0x20 || code === 0x22 || code === 0x5c || code > 0x7e) return this.#encoded(JSON.stringify(text));
      buffer[at++] = code;
    }
    buffer[at++] = 0x22;
    this.#length = at;
  }

  /** Text known to be JSON already, and ASCII (punctuation, numbers). */
  ascii(text: string): void {
    this.#room(text.length);
    const buffer = this.#buffer;
    let at = this.#length;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.#length = at;
  }

  #raw(parts: readonly Uint8Array[]): void {
    for (const bytes of parts) {
      this.#room(bytes.byteLength);
      this.#buffer.set(bytes, this.#length);
      this.#length += bytes.byteLength;
    }
  }

  #encoded(json: string): void {
    // At most three bytes a UTF-16 unit.
    this.#room(json.length * 3);
    this.#length += encoder.encodeInto(json, this.#buffer.subarray(this.#length)).written;
  }

  #room(more: number): void {
    const need = this.#length + more;
    if (need <= this.#buffer.length) return;
    let size = this.#buffer.length * 2;
    while (size < need) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.#buffer.subarray(0, this.#length));
    this.#buffer = grown;
  }
}

/** The size of the last answer: the next one is most likely as big (the pages of one snapshot). */
let lastSize = 1 << 16;

/** The UTF-8 bytes of `JSON.stringify(value)` for plain data. */
export function jsonBytesOf(value: unknown): Uint8Array {
  // A little over the last answer's size, rather than growing a 4 MB snapshot page from 64 kB by
  // copying it five times.
  const out = new JsonBytes(Math.max(1 << 16, Math.ceil(lastSize * 1.1)));
  out.value(value);
  const bytes = out.bytes();
  lastSize = bytes.byteLength;
  return bytes;
}
