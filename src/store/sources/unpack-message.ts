// The shapes a message may take on the wire, turned into items and a cursor. Only the outer
// shape is checked here: the items themselves stay raw for the store to validate. A columnar
// batch (docs/wire-format.md) is one item: the store unpacks it.
import { isColumnarBatch } from '../../core/columnar-batch';

export type ParseResult = { ok: true; value: unknown } | { ok: false; reason: string };

/** JSON.parse that reports instead of throwing. */
export function parseJson(text: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export interface Unpacked {
  items: unknown[];
  cursor: string | undefined;
}

export interface UnpackOptions {
  /** Accept `{ "cursor": "...", "events": [...] }` (default true). */
  envelope?: boolean;
  /** A single event object with a string `id` advances the cursor to that id. */
  idAsCursor?: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A cursor may be sent as a string or a number; anything else means "no cursor". */
export function cursorOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * One event, an array of events, or (when allowed) an envelope with a cursor; each of them may be
 * a columnar batch instead of events (`{ "cursor": "...", "events": { "format": "columns", … } }`).
 */
export function unpackMessage(value: unknown, options: UnpackOptions = {}): Unpacked {
  if (Array.isArray(value)) return { items: value, cursor: undefined };
  if (isObject(value) && options.envelope !== false && Array.isArray(value.events)) {
    return { items: value.events, cursor: cursorOf(value.cursor) };
  }
  if (isObject(value) && options.envelope !== false && isColumnarBatch(value.events)) {
    return { items: [value.events], cursor: cursorOf(value.cursor) };
  }
  const cursor =
    options.idAsCursor && isObject(value) && typeof value.id === 'string' && value.id !== '' ? value.id : undefined;
  return { items: [value], cursor };
}

/** Text for a `malformed` report about a value that is not itself text. */
export function describeRaw(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Adds (or replaces) one query parameter; `undefined` leaves the URL as given. */
export function withQueryParam(url: string, name: string, value: string | undefined): string {
  if (value === undefined) return url;
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  try {
    const parsed = base ? new URL(url, base) : new URL(url);
    parsed.searchParams.set(name, value);
    return parsed.href;
  } catch {
    const [path, hash] = url.split('#', 2) as [string, string?];
    const joined = `${path}${path.includes('?') ? '&' : '?'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
    return hash === undefined ? joined : `${joined}#${hash}`;
  }
}
