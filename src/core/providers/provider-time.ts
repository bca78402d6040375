/**
 * Every timestamp form the providers use, read into epoch milliseconds (NaN when unusable).
 * ISO text goes through the core's own parser, which truncates .NET's seven fractional digits
 * and honours offsets; the forms below are the ones it does not cover.
 */
import { parseIsoTime } from '../time';

/**
 * Below this, a number is in seconds; from it on, in milliseconds. 1e11 seconds lies in the
 * year 5138 and 1e11 milliseconds in 1973, so no email event can be misread either way.
 */
const SECONDS_LIMIT = 1e11;

/**
 * Unix time as a number or numeric text, in seconds (SendGrid, Mailjet, SparkPost's quoted
 * text), fractional seconds (Mailgun) or milliseconds (Brevo `ts_epoch`, a SendGrid doc example).
 */
export function epochTime(value: unknown): number {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) number = Number(value);
  else return NaN;
  if (!Number.isFinite(number) || number <= 0) return NaN;
  return number < SECONDS_LIMIT ? Math.round(number * 1000) : Math.round(number);
}

/** ISO-8601 text with a zone, as the core reads it. */
export function isoTime(value: unknown): number {
  return typeof value === 'string' ? parseIsoTime(value.trim()) : NaN;
}

/** Reads `YYYY-MM-DD HH:MM[:SS]` as if it were UTC; the caller applies the real offset. */
function localAsUtc(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return NaN;
  return parseIsoTime(`${text.replace(' ', 'T')}Z`);
}

function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * Brevo writes `date`, `date_sent` and `date_event` in Paris time (CET, CEST in summer; the EU
 * switches at 01:00 UTC on the last Sundays of March and October). The rule is written out here
 * rather than asked of Intl, so that the result does not depend on the runtime's zone data.
 * A fixed offset (minutes east of UTC) replaces it for accounts set to another zone.
 */
export function brevoLocalTime(value: unknown, fixedOffsetMinutes?: number): number {
  const local = localAsUtc(value);
  // Stryker disable next-line ConditionalExpression: NaN stays NaN through the arithmetic below
  if (Number.isNaN(local)) return NaN;
  if (fixedOffsetMinutes !== undefined) {
    return Number.isFinite(fixedOffsetMinutes) ? local - fixedOffsetMinutes * 60_000 : NaN;
  }
  const year = new Date(local).getUTCFullYear();
  const summer = local - 2 * 3_600_000;
  // In the autumn hour that happens twice, the summer reading (the first one) is taken.
  if (summer >= lastSundayUtc(year, 2) && summer < lastSundayUtc(year, 9)) return summer;
  return local - 3_600_000;
}

/** Elastic Email's `date`: `M/D/YYYY h:mm:ss AM`, in UTC. A 24-hour clock without AM/PM is read too. */
export function usDateTime(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(value.trim());
  if (!match) return NaN;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const year = Number(match[3]);
  let hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const meridiem = match[7]?.toUpperCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return NaN;
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return NaN;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2/30 over into March; an impossible date is refused instead.
  return new Date(ms).getUTCDate() === day ? ms : NaN;
}

/** The first of the candidates that reads as a time in any zoned form (epoch or ISO). */
export function firstTime(...candidates: unknown[]): number {
  for (const candidate of candidates) {
    const ms =
      typeof candidate === 'string' && !/^\s*\d+(\.\d+)?\s*$/.test(candidate)
        ? isoTime(candidate)
        : epochTime(candidate);
    if (!Number.isNaN(ms)) return ms;
  }
  return NaN;
}
