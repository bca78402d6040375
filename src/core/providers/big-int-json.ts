/**
 * Mailjet's MessageID is an 18-digit integer; JSON.parse turns it into the nearest double and
 * the id no longer matches the one the send API returned. Before parsing, integers that a double
 * cannot hold exactly are wrapped in quotes, so they arrive as their exact decimal text.
 */

/** Whether the text has a run of 16 or more digits anywhere: the cheap test that skips the scan. */
// Stryker disable next-line Regex: a shortcut; the scan quotes only longer runs, so a looser test gives the same text
const LONG_DIGITS = /\d{16}/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Returns the JSON text with every unsafe integer literal (outside strings) quoted. Text that is
 * not valid JSON comes back in some form that JSON.parse will reject just the same.
 */
export function quoteBigIntegers(text: string): string {
  // Stryker disable next-line ConditionalExpression: without the shortcut the scan quotes nothing
  if (!LONG_DIGITS.test(text)) return text;
  const pieces: string[] = [];
  let copiedUpTo = 0;
  let inString = false;
  const length = text.length;
  let i = 0;
  // Stryker disable next-line EqualityOperator: one step past the end reads NaN, which is no quote and no digit
  while (i < length) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92)
        i += 2; // a backslash escapes the next character, quotes included
      else {
        if (code === 34) inString = false;
        i += 1;
      }
      continue;
    }
    if (code === 34) {
      inString = true;
      i += 1;
      continue;
    }
    if (code !== 45 && !isDigit(code)) {
      i += 1;
      continue;
    }
    // A number token: -?digits(.digits)?([eE][+-]?digits)?
    const start = i;
    // Stryker disable next-line ConditionalExpression: a first digit stepped over is still taken
    if (code === 45) i += 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: charCodeAt past the end is NaN, no digit
    while (i < length && isDigit(text.charCodeAt(i))) i += 1;
    let integer = true;
    if (text.charCodeAt(i) === 46) {
      integer = false;
      i += 1;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: charCodeAt past the end is NaN, no digit
      while (i < length && isDigit(text.charCodeAt(i))) i += 1;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      integer = false;
      i += 1;
      const sign = text.charCodeAt(i);
      // Stryker disable next-line ConditionalExpression: in JSON a sign or digit follows e; a digit is taken anyway
      if (sign === 43 || sign === 45) i += 1;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: charCodeAt past the end is NaN, no digit
      while (i < length && isDigit(text.charCodeAt(i))) i += 1;
    }
    const token = text.slice(start, i);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut: 15 characters are always safe
    if (integer && token.length > 15 && !Number.isSafeInteger(Number(token))) {
      pieces.push(text.slice(copiedUpTo, start), '"', token, '"');
      copiedUpTo = i;
    }
  }
  // Stryker disable next-line ConditionalExpression: joining the one piece gives the same text
  if (copiedUpTo === 0) return text;
  pieces.push(text.slice(copiedUpTo));
  return pieces.join('');
}

/** JSON.parse that keeps integers beyond 2^53 exact, as decimal text. Throws what JSON.parse throws. */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  return JSON.parse(quoteBigIntegers(text));
}
