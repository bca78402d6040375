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
export function localeContext(locale: string | undefined, timeZone: string | undefined, tag: string): LocaleContext {
  const time = new TimeFormatter(locale, timeZone);
  if (timeZone && time.timeZone !== timeZone)
    warnOnce(
      `zone:${timeZone}`,
      `<${tag} time-zone="${timeZone}">: not a zone this browser knows; showing ${time.timeZone}.`,
    );
  const supported = locale && Intl.NumberFormat.supportedLocalesOf(locale).length > 0 ? locale : undefined;
  return { messages: messagesFor(locale), time, numbers: new Intl.NumberFormat(supported) };
}
