/**
 * Reading fields out of provider payloads, which are untrusted: any field may be missing, of
 * another type, or an object where text was expected. Every reader returns undefined rather than
 * throwing, so a mapping can read first and decide after.
 */

export type JsonObject = Record<string, unknown>;

/** A plain object (not an array, not null), else undefined. */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** An array, else an empty one. */
export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Non-empty text. Finite numbers become their decimal text because providers are inconsistent
 * about quoting ids and codes (SparkPost quotes its numbers, Mailjet and Postmark do not).
 */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed.length > 0 ? trimmed : undefined;
  }
  // Stryker disable next-line ConditionalExpression: Number.isFinite is true only for numbers
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** Text compared case-insensitively, or '' when absent. */
export function lowerText(value: unknown): string {
  return asText(value)?.toLowerCase() ?? '';
}

/** Providers send flags as booleans, 'true'/'false' text or 0/1. */
export function asFlag(value: unknown): boolean {
  if (value === true || value === 1) return true;
  if (typeof value === 'string') return value.trim().toLowerCase() === 'true' || value.trim() === '1';
  return false;
}

/** Reads a nested field by path; undefined as soon as a step is not an object. */
export function pick(value: unknown, ...path: string[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    const object = asObject(current);
    if (!object) return undefined;
    current = object[key];
  }
  return current;
}

/** The addr-spec of `Jane <jane@example.com>` or of a bare address, lower-cased. */
export function addressOf(value: unknown): string | undefined {
  const text = asText(value);
  if (text === undefined) return undefined;
  const angled = /<([^<>\s]+@[^<>\s]+)>/.exec(text);
  // Never empty: asText trims and drops empty text, and the angled part has no spaces.
  return (angled ? angled[1]! : text).toLowerCase();
}

/** Message ids come with and without angle brackets depending on the provider and the API. */
export function bareMessageId(value: unknown): string | undefined {
  const text = asText(value);
  if (text === undefined) return undefined;
  const bare = text.startsWith('<') && text.endsWith('>') ? text.slice(1, -1).trim() : text;
  return bare.length > 0 ? bare : undefined;
}

/**
 * The scalar values of a metadata object as text. Nested values are left out rather than
 * serialized: they cannot be an id, and walking them would let a hostile payload cost time.
 */
export function scalarEntries(value: unknown, into: Record<string, string> = {}): Record<string, string> {
  const object = asObject(value);
  if (!object) return into;
  for (const key of Object.keys(object)) {
    const text = asText(object[key]);
    if (text !== undefined && !(key in into)) into[key] = text;
  }
  return into;
}

/** Metadata that arrives as JSON text (Brevo's X-Mailin-custom, Mailjet's Payload). */
export function jsonObjectText(value: unknown): JsonObject | undefined {
  if (typeof value !== 'string' || value.length > 65_536) return undefined;
  const trimmed = value.trim();
  // Stryker disable next-line ConditionalExpression,StringLiteral: JSON.parse gives objects only from {…}
  if (!trimmed.startsWith('{')) return undefined;
  // Stryker disable BlockStatement: an empty catch returns undefined too
  try {
    return asObject(JSON.parse(trimmed));
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
}

/** Tags come as one text, a list of texts, or SES's `{name: [values]}`. */
export function tagList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim().length > 0 ? [value.trim()] : [];
  const tags: string[] = [];
  for (const item of asList(value)) {
    const text = asText(item);
    if (text !== undefined) tags.push(text);
  }
  return tags;
}
