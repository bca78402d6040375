import { html, nothing, type TemplateResult } from 'lit';
import type { ConnectionStatus } from '../../store/sources/source';
import type { EmailInfo } from '../../store/email-info';
import { isolated } from '../shared/bidi-text';
import type { LocaleContext } from '../shared/locale-context';

export interface LiveInput {
  connection: ConnectionStatus;
  /** The store was closed (`close()` resolved): nothing loads or streams in any more. */
  closed: boolean;
  now: number;
  /** When this email's figures last changed, or undefined (unknown). */
  updatedAt: number | undefined;
  /** When the connection went offline, while it is. */
  offlineSince: number | undefined;
  loaded: number;
  audience: number | undefined;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** What formatTime shows: the time of day, the date and time, or the day (to compare two times). */
const SHAPES = {
  time: { hour: '2-digit', minute: '2-digit' },
  dated: { dateStyle: 'medium', timeStyle: 'short' },
  day: { dateStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A time in the element's locale and zone. */
function formatTime(locales: LocaleContext, at: number, shape: keyof typeof SHAPES): string {
  const key = `${locales.time.locale ?? ''}\n${locales.time.timeZone}\n${shape}`;
  let format = formats.get(key);
  if (!format) {
    const locale =
      locales.time.locale && Intl.DateTimeFormat.supportedLocalesOf(locales.time.locale).length > 0
        ? locales.time.locale
        : undefined;
    format = new Intl.DateTimeFormat(locale, { ...SHAPES[shape], timeZone: locales.time.timeZone });
    formats.set(key, format);
  }
  return format.format(at);
}

/**
 * The live line, in words: "loading 2,400 of 100,000" until the audience the backend stated is
 * all here, then the connection: "live · updated 3 s ago", "offline since 10:42"; once the store
 * is closed, "last updated 10:42", or nothing when that is not known.
 */
export function liveText(input: LiveInput, locales: LocaleContext): string {
  const m = locales.messages.summary.live;
  if (input.closed) {
    // Nothing loads or updates any more (the Closed notice says so): only when the figures last
    // changed, as a time. A relative one ("now", "3 min. ago") read as if they were still live.
    const at = input.updatedAt;
    if (at === undefined) return '';
    const today = formatTime(locales, at, 'day') === formatTime(locales, input.now, 'day');
    return m.lastUpdated(formatTime(locales, at, today ? 'time' : 'dated'));
  }
  const parts: string[] = [];
  if (input.audience !== undefined && input.loaded < input.audience)
    parts.push(m.loading(locales.numbers.format(input.loaded), locales.numbers.format(input.audience)));
  const seconds = Math.max(0, Math.round((input.now - (input.updatedAt ?? input.now)) / 1000));
  const relative = new Intl.RelativeTimeFormat(locales.numbers.resolvedOptions().locale, {
    numeric: 'auto',
    style: 'narrow',
  });
  const ago = seconds < 60 ? relative.format(-seconds, 'second') : relative.format(-Math.round(seconds / 60), 'minute');
  switch (input.connection.state) {
    case 'live':
      parts.push(m.live(ago));
      break;
    case 'connecting':
      parts.push(m.connecting);
      break;
    case 'offline':
      parts.push(m.offline(formatTime(locales, input.offlineSince ?? input.now, 'time')));
      break;
    case 'retrying':
      parts.push(m.retrying);
      break;
    default:
      // No stream (a host that ingests itself, or disconnected its source): how fresh the figures are.
      if (input.updatedAt !== undefined) parts.push(m.updated(ago));
  }
  return parts.join(' · ');
}

/** The report's header: the email's name (or subject, or id), its subject, sender and send time, and the live line. */
export function renderHeader(
  emailId: string,
  info: EmailInfo | undefined,
  live: string,
  locales: LocaleContext,
): TemplateResult {
  const s = locales.messages.summary;
  const title = info?.name ?? info?.subject ?? s.title(emailId);
  const meta: string[] = [];
  if (info?.subject !== undefined && info.name !== undefined) meta.push(s.subject(info.subject));
  if (info?.sender !== undefined) meta.push(s.sender(info.sender));
  if (info?.sentAt !== undefined) meta.push(s.sentAt(formatTime(locales, info.sentAt, 'dated')));
  // A div, not <header>: several reports on one page must not make several banner landmarks.
  return html`<div class="header" part="header">
    <h2 part="title">${isolated(title)}</h2>
    ${meta.length > 0 ? html`<p class="meta muted" part="email-meta">${meta.map((text) => html`<span>${isolated(text)}</span>`)}</p>` : nothing}
    ${live ? html`<p class="live muted" part="live">${isolated(live)}</p>` : nothing}
  </div>`;
}
