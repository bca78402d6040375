/**
 * Event times. The wire carries ISO-8601 text or epoch milliseconds; the fold works on epoch
 * milliseconds. ISO text is parsed by hand: Date.parse is about ten times slower, accepts
 * impossible dates (February 30) and reads zone-less times in the machine's local zone, which
 * would make the same event mean different moments on different machines.
 */

/** Times before this are absurd for an email event (epoch ms of 2000-01-01T00:00:00Z). */
export const EARLIEST_EVENT_TIME = 946_684_800_000;
/** Times from this on are absurd too (epoch ms of 2100-01-01T00:00:00Z). */
export const LATEST_EVENT_TIME = 4_102_444_800_000;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Parses `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or an
 * offset (`+02:00`, `+0200`). Returns epoch milliseconds, or NaN when the text is not such a time.
 * Fractions beyond milliseconds (.NET writes seven digits) are truncated.
 */
export function parseIsoTime(text: string): number {
  const length = text.length;
  if (length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return NaN;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return NaN;
  if (length === 10) return Date.UTC(year, month - 1, day);
  const sep = text.charCodeAt(10);
  if ((sep !== 84 && sep !== 116 && sep !== 32) || length < 17 || text.charCodeAt(13) !== 58) return NaN;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  let i = 16;
  let second = 0;
  let millisecond = 0;
  if (text.charCodeAt(i) === 58) {
    second = digits(text, i + 1, 2);
    if (second < 0 || second > 59) return NaN;
    i += 3;
    if (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44) {
      i += 1;
      const fractionStart = i;
      let scale = 100;
      while (i < length) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        millisecond += d * scale;
        scale /= 10;
        i += 1;
      }
      if (i === fractionStart) return NaN;
      millisecond = Math.floor(millisecond);
    }
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === 90 || zone === 122) {
    i += 1;
  } else if (zone === 43 || zone === 45) {
    const offsetHours = digits(text, i + 1, 2);
    let next = i + 3;
    if (text.charCodeAt(next) === 58) next += 1;
    const offsetMins = digits(text, next, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return NaN;
    offsetMinutes = (offsetHours * 60 + offsetMins) * (zone === 45 ? -1 : 1);
    i = next + 2;
  } else {
    // A time with no zone would be read in the machine's own zone: refuse it.
    return NaN;
  }
  if (i !== length) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
}

/** The event time as epoch ms, or NaN when it is neither epoch milliseconds nor ISO-8601 text. */
export function eventTime(at: unknown): number {
  if (typeof at === 'number') return Number.isFinite(at) ? at : NaN;
  if (typeof at === 'string') return parseIsoTime(at);
  return NaN;
}

/** True when a parsed time lies in the range an email event can have. */
export function isPlausibleTime(ms: number): boolean {
  return ms >= EARLIEST_EVENT_TIME && ms < LATEST_EVENT_TIME;
}
