/**
 * Times as the elements show them: in the viewer's time zone (or the one a host names), with
 * the exact UTC time on hover, and relative ("5 min. ago") while recent. Formatters are built
 * once per locale and zone: Intl constructors cost far more than a format call.
 */

/** Times newer than this show relative. */
export const RECENT_MS = 24 * 3_600_000;

const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface TimeText {
  /** What the cell shows. */
  text: string;
  /** The exact time in UTC, for the title (hover). */
  title: string;
  /** For `<time datetime>`. */
  iso: string;
}

/** The viewer's own zone. */
export function viewerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Whether Intl knows a zone name. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "2026-03-01 10:00:00 UTC". */
export function utcText(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export class TimeFormatter {
  readonly timeZone: string;
  readonly #absolute: Intl.DateTimeFormat;
  readonly #relative: Intl.RelativeTimeFormat;
  readonly #parts: Intl.DateTimeFormat;
  readonly #offsets = new Map<number, number>();

  /** An unknown or missing zone means the viewer's; an unknown locale means the default one. */
  constructor(
    readonly locale: string | undefined,
    timeZone?: string,
  ) {
    this.timeZone = timeZone && isTimeZone(timeZone) ? timeZone : viewerTimeZone();
    const locales = locale && Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0 ? locale : undefined;
    this.#absolute = new Intl.DateTimeFormat(locales, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: this.timeZone,
    });
    this.#relative = new Intl.RelativeTimeFormat(locales, { numeric: 'auto', style: 'short' });
    this.#parts = new Intl.DateTimeFormat('en-US', {
      timeZone: this.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  /** A time for a cell: relative while recent, else date and time in the zone. */
  format(at: number, now: number): TimeText {
    const iso = new Date(at).toISOString();
    const age = now - at;
    let text: string;
    if (age >= -MINUTE && age < MINUTE) text = this.#relative.format(0, 'second');
    else if (age > 0 && age < HOUR) text = this.#relative.format(-Math.floor(age / MINUTE), 'minute');
    else if (age > 0 && age < RECENT_MS) text = this.#relative.format(-Math.floor(age / HOUR), 'hour');
    else text = this.#absolute.format(at);
    return { text, title: utcText(at), iso };
  }

  /**
   * "2026-03-01 11:00:00" in the zone: sortable and read by spreadsheets. The zone's offset is
   * cached per quarter hour (every offset change in the tz database falls on one), so an export
   * of a million rows formats arithmetic, not a million Intl calls.
   */
  zoned(at: number): string {
    const local = new Date(at + this.offsetAt(at));
    return local.toISOString().slice(0, 19).replace('T', ' ');
  }

  /** The zone's offset from UTC at a moment, in ms. */
  offsetAt(at: number): number {
    const bucket = Math.floor(at / (15 * MINUTE));
    let offset = this.#offsets.get(bucket);
    if (offset === undefined) {
      const fields: Record<string, number> = {};
      for (const part of this.#parts.formatToParts(at))
        if (part.type !== 'literal') fields[part.type] = Number(part.value);
      const wall = Date.UTC(
        fields['year']!,
        fields['month']! - 1,
        fields['day'],
        fields['hour'],
        fields['minute'],
        fields['second'],
      );
      offset = wall - (at - (((at % 1000) + 1000) % 1000));
      this.#offsets.set(bucket, offset);
    }
    return offset;
  }
}

export interface SentToProviderWait {
  /** Whole hours since the email was handed to the provider. */
  hours: number;
  limitHours: number;
  /** Past the limit: the backend should have replaced Sent to provider with a final response. */
  overdue: boolean;
}

/** How long Sent to provider has waited toward the rules' limit (spec: "Time"). */
export function sentToProviderWait(at: number, now: number, limitHours: number): SentToProviderWait {
  const waited = Math.max(0, now - at);
  return { hours: Math.floor(waited / HOUR), limitHours, overdue: waited > limitHours * HOUR };
}
