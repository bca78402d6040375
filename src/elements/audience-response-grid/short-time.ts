import { RECENT_MS, type TimeFormatter, type TimeText } from '../shared/time-format';

/**
 * A narrow grid's times: "Dec 6, 5:40 AM" where the wide grid says "Dec 6, 2026, 5:40 AM". The
 * time column of a two-line row has about 100 px, which the full date and time overflowed, cut
 * to "Dec 6, 2026, 5:0…". The year is left out only when it is the current one (by the store's
 * clock); recent times stay relative ("5 min. ago") as in the wide grid; the exact UTC time
 * stays in the tooltip. Built once per locale and zone, like the formatter it wraps.
 */
export class ShortTime {
  readonly #sameYear: Intl.DateTimeFormat;
  readonly #otherYear: Intl.DateTimeFormat;
  readonly #year: Intl.DateTimeFormat;

  constructor(readonly formatter: TimeFormatter) {
    const locales =
      formatter.locale && Intl.DateTimeFormat.supportedLocalesOf(formatter.locale).length > 0
        ? formatter.locale
        : undefined;
    const zone = { timeZone: formatter.timeZone };
    this.#sameYear = new Intl.DateTimeFormat(locales, {
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      ...zone,
    });
    this.#otherYear = new Intl.DateTimeFormat(locales, { dateStyle: 'short', timeStyle: 'short', ...zone });
    this.#year = new Intl.DateTimeFormat('en-US', { year: 'numeric', ...zone });
  }

  format(at: number, now: number): TimeText {
    const full = this.formatter.format(at, now);
    // A relative time (the formatter's rule: from a minute ahead to a day old) is short already.
    const age = now - at;
    if (age >= -60_000 && age < RECENT_MS) return full;
    const text =
      this.#year.format(at) === this.#year.format(now) ? this.#sameYear.format(at) : this.#otherYear.format(at);
    return { ...full, text };
  }
}
