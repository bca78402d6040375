// What registerMessages accepts: a host's table checked against the English one, which is the
// shape every view reads. Apart from messages.ts so that file stays the table of words.

/** Tables whose names are data (response and provider ids, email types), not fixed message names. */
const OPEN_TABLES: ReadonlySet<string> = new Set(['responses', 'providers', 'emailTypes']);

/** Names that reach Object.prototype or would replace an object's prototype when assigned. */
const RESERVED: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface CheckedMessages {
  /** The overrides without the entries that were left out, as plain own properties. */
  accepted: Record<string, unknown>;
  /** One reason per entry left out: `path: what is wrong`. */
  problems: string[];
}

const isTable = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const kindOf = (value: unknown): string =>
  typeof value === 'function'
    ? 'a function'
    : typeof value === 'string'
      ? 'a text'
      : isTable(value)
        ? 'a table'
        : Array.isArray(value)
          ? 'a list'
          : value === null
            ? 'null'
            : `a ${typeof value}`;

/** Checks `overrides` against `english` (the full table); never throws, whatever it is given. */
export function checkMessages(overrides: unknown, english: object): CheckedMessages {
  const problems: string[] = [];
  if (!isTable(overrides))
    return { accepted: {}, problems: [`the messages must be a table, not ${kindOf(overrides)}`] };
  const accepted = checkTable(overrides, english as Record<string, unknown>, '', problems);
  return { accepted, problems };
}

function checkTable(
  given: Record<string, unknown>,
  base: Record<string, unknown>,
  path: string,
  problems: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const open = OPEN_TABLES.has(path);
  let names: string[];
  try {
    names = Object.keys(given);
  } catch (error) {
    problems.push(`${path || 'messages'}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    return out;
  }
  for (const name of names) {
    const where = path ? `${path}.${name}` : name;
    let value: unknown;
    try {
      value = given[name];
    } catch {
      problems.push(`${where}: cannot be read`);
      continue;
    }
    if (RESERVED.has(name)) {
      problems.push(`${where}: a reserved name, not a message`);
      continue;
    }
    if (open) {
      if (typeof value === 'string') out[name] = value;
      else problems.push(`${where}: must be a text, not ${kindOf(value)}`);
      continue;
    }
    if (!Object.hasOwn(base, name)) {
      problems.push(`${where}: not a message name`);
      continue;
    }
    const english = base[name];
    if (isTable(english)) {
      if (isTable(value)) out[name] = checkTable(value, english, where, problems);
      else problems.push(`${where}: must be a table, not ${kindOf(value)}`);
    } else if (typeof value !== typeof english) {
      problems.push(`${where}: must be ${kindOf(english)}, not ${kindOf(value)}`);
    } else {
      out[name] = value;
    }
  }
  return out;
}
