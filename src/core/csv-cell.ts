// One CSV cell, safe to open in a spreadsheet (OWASP's CSV injection guidance) and quoted as
// RFC 4180 asks. Pure and DOM-free: the grid's export and the summary's link export both use it.

/**
 * The characters a spreadsheet starts a formula with: = + - @, tab and CR, and the full-width
 * (＝＋－＠) and small (﹦﹢﹣﹫) forms that Excel and LibreOffice read as the same operators.
 */
const FORMULA_CHAR = /[=+\-@\t\r\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]/u;

/**
 * What a spreadsheet skips before it looks for a formula: spaces of every kind (NBSP, the
 * ideographic space), line breaks, and the zero-width characters a reader cannot see.
 */
// A `*` pattern always matches at 0, so neither the ^ nor a check that it matched changes anything.
// Stryker disable next-line Regex: equivalent, as said above
const SKIPPED_LEAD = /^[\s\u00a0\u200b-\u200d\u2060\ufeff]*/u;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** True when a spreadsheet could read this text as a formula. */
export function startsFormula(text: string): boolean {
  // Stryker disable next-line OptionalChaining: equivalent (SKIPPED_LEAD always matches)
  const lead = SKIPPED_LEAD.exec(text)?.[0].length ?? 0;
  // A tab or CR at the very start counts by itself; after skipped spaces the next one decides.
  const first = text[0];
  if (first === '\t' || first === '\r') return true;
  const next = text[lead];
  // Past the end `test` reads "undefined", which has no formula character: the check is for the type.
  // Stryker disable next-line ConditionalExpression: equivalent, as said above
  return next !== undefined && FORMULA_CHAR.test(next);
}

/**
 * One CSV cell: text a spreadsheet would run as a formula gets a leading apostrophe (OWASP), and
 * a value with a comma, quote, line break or edge space is quoted (RFC 4180). Numbers are data,
 * never formulas, so a negative number stays a number.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && startsFormula(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
