import { messagesFor, type Messages } from './messages';
import { TimeFormatter } from './time-format';
import { warnOnce } from './warn';

/** Everything language- and zone-dependent an element formats with, built once per change. */
export interface LocaleContext {
  messages: Messages;
  time: TimeFormatter;
  numbers: Intl.NumberFormat;
}

/**
 * The formatters for a `locale` and `time-zone` attribute pair. A zone the browser does not know
 * is warned about once and replaced by the viewer's own; an unknown locale by the default.
 */
export function localeContext(given: string | undefined, timeZone: string | undefined, tag: string): LocaleContext {
  const locale = wellFormedLocale(given, tag);
  const time = new TimeFormatter(locale, timeZone);
  if (timeZone && time.timeZone !== timeZone)
    warnOnce(
      `zone:${timeZone}`,
      `<${tag} time-zone="${timeZone}">: not a zone this browser knows; showing ${time.timeZone}.`,
    );
  const supported = locale && Intl.NumberFormat.supportedLocalesOf(locale).length > 0 ? locale : undefined;
  return { messages: messagesFor(locale), time, numbers: new Intl.NumberFormat(supported) };
}

/**
 * The locale when it is a BCP 47 tag Intl accepts, else undefined (the default locale), said once.
 * Every Intl constructor throws a RangeError on a malformed tag (`en_US`, `!!!`), which would
 * stop the element rendering at all; one check here keeps every formatter behind it safe.
 */
function wellFormedLocale(locale: string | undefined, tag: string): string | undefined {
  if (!locale) return undefined;
  try {
    Intl.getCanonicalLocales(locale);
    return locale;
  } catch {
    warnOnce(
      `locale:${locale}`,
      `<${tag} locale="${locale}">: not a language tag (write it like "en-US"); showing the default locale.`,
    );
    return undefined;
  }
}
