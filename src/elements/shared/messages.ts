import type { ResponseDefinition } from '../../core/catalogue';
import type { Stage } from '../../core/stages';
import { ENGLISH_ENGAGEMENT, ENGLISH_STAGES, type EngagementMessages } from './engagement-messages';
import { checkMessages } from './check-messages';
// Types only: the summary's and the timeline's words load with their views (addViewMessages), so
// a page with the grid alone does not carry them.
import type { SummaryMessages } from './summary-messages';
import type { TimelineMessages } from './timeline-messages';
import { warnOnce } from './warn';

export type { EngagementMessages } from './engagement-messages';
export type { SummaryMessages } from './summary-messages';
export type { TimelineMessages } from './timeline-messages';

/**
 * Every word the elements show, as one table. English is built in; a host adds or overrides a
 * language with `registerMessages('de', {...})` (any subset: the rest falls back to English).
 * Messages with numbers are functions, so each language can place and inflect them.
 */
export interface Messages {
  headers: {
    contact: string;
    address: string;
    response: string;
    opens: string;
    clicks: string;
    lastResponse: string;
    provider: string;
    emailType: string;
    /** The recipient's first human open (a click counts as one). */
    firstOpen: string;
    /** The recipient's newest human open or click. */
    lastOpen: string;
    lastClick: string;
    /** The link of the recipient's newest click. */
    clickedLink: string;
    stage: string;
    /** The provider's reason or details: a bounce's SMTP text, a cancel's cause. */
    reason: string;
  };
  /** The grid's column chooser and column widths. */
  columns: {
    /** The toolbar button that opens the chooser. */
    button: string;
    /** The chooser's title. */
    legend: string;
    /** How to change a width from the keyboard. */
    resizeHint: string;
    resetWidths: string;
    /** Told to screen readers after a keyboard resize, and a separator's value text: "Contact: 240 px wide". */
    resized: (column: string, width: number) => string;
    /** A column's resize separator: "Resize Contact". */
    resizeLabel: (column: string) => string;
  };
  /** CSV-only columns. */
  csv: {
    stage: string;
    final: string;
    details: string;
    recipientId: string;
    contactId: string;
    /** A time column's name with the zone its times are in: "Last response (UTC)". */
    inZone: (column: string, zone: string) => string;
    yes: string;
    no: string;
  };
  /** Response labels by catalogue id; a response missing here shows the rules' own label. */
  responses: Record<string, string>;
  /**
   * Provider names by provider id: empty in English, where the known providers show their brand
   * names ("SendGrid" for `sendgrid`, display-names.ts) and others their id; a host names its own.
   */
  providers: Record<string, string>;
  /**
   * Email type names by type (`newsletter`); a type missing here shows with its first letter a
   * capital, as the language writes it ("Newsletter").
   */
  emailTypes: Record<string, string>;
  /** The chips beside the stages: Sent (the three stages after the hand-over), final or not. */
  groups: { sent: string; final: string; awaitingFinal: string };
  /** The five stages (spec: "Stages"), the words every view, chip and CSV use. */
  stages: Record<Stage, string>;
  gridLabel: string;
  searchLabel: string;
  searchPlaceholder: string;
  filterLabel: string;
  clearFilter: string;
  exportCsv: string;
  /** Why Export CSV is unavailable while no row is shown (its tooltip and description). */
  nothingToExport: string;
  resendList: string;
  /** The resend button while no recipient soft-bounced (it is disabled then). */
  noSoftBounces: string;
  /** The final marker beside a response. */
  final: string;
  noName: string;
  /** "waiting 3 h of 48 h": Sent to provider, toward the backend's limit, by the store's clock. */
  waited: (hours: number, limitHours: number) => string;
  overdue: (hours: number, limitHours: number) => string;
  /** An Unsubscribed scoped to the email's type: "Unsubscribed from newsletter" (no type known: undefined). */
  unsubscribedFromType: (emailType: string | undefined) => string;
  /** The held-updates notice in the toolbar: "Paused while you read · 685 updates · Show". */
  heldUpdates: { paused: string; count: (count: number) => string; show: string; showLabel: (count: number) => string };
  /** Beside the sort arrow while held updates leave rows out of order. */
  sortPaused: string;
  /** The polite live summary. */
  announceChanges: (changed: number, shown: number, held: number) => string;
  /** Status lines. */
  noStore: string;
  noEmailId: string;
  cacheOpening: string;
  connecting: string;
  noRecipients: string;
  noMatch: string;
  /** Counts down; `attempt` and the source's `error` are there for languages or hosts that want them. */
  retrying: (seconds: number, attempt: number, error?: string) => string;
  retryNow: string;
  offline: string;
  closed: (error?: string) => string;
  /** The store was closed (`cacheStatus` `closed`): nothing new arrives. */
  storeClosed: string;
  /** The stream sends a message too long to read (status `skipping`): `chars` thrown away so far. */
  skipping: (chars: number) => string;
  memoryOnly: (reason?: string) => string;
  /** The grid's code for its rows (its sort and filters) could not be loaded: the reason, in English. */
  viewNotLoaded: (reason: string) => string;
  /** "120 of 5,000 recipients"; `paused` while held updates leave rows out ("…shown, as of the pause"). */
  rowCount: (shown: number, all: number, paused?: boolean) => string;
  /** The grid's chip for a count-based filter (Opened, Clicked, machine-only opens). */
  engagement: EngagementMessages;
  /** `<contact-response-timeline>`. */
  timeline: TimelineMessages;
  /** `<response-summary>`. */
  summary: SummaryMessages;
}

/** The sections a view's code adds to the table when it loads (summary-messages.ts, timeline-messages.ts). */
export type ViewSection = 'timeline' | 'summary';
const VIEW_SECTIONS: readonly ViewSection[] = ['timeline', 'summary'];

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

const CORE_ENGLISH: Omit<Messages, ViewSection> = {
  headers: {
    contact: 'Contact',
    address: 'Email address',
    response: 'Response',
    opens: 'Opens',
    clicks: 'Clicks',
    lastResponse: 'Last response',
    provider: 'Provider',
    emailType: 'Email type',
    firstOpen: 'First open',
    lastOpen: 'Last open',
    lastClick: 'Last click',
    clickedLink: 'Clicked link',
    stage: 'Stage',
    reason: 'Reason',
  },
  columns: {
    button: 'Columns',
    legend: 'Columns shown',
    resizeHint:
      'To change a width, drag the edge of its header, or press Alt+Left or Alt+Right on the header (or F2, then Left or Right).',
    resetWidths: 'Reset widths',
    resized: (column, width) => `${column}: ${width} px wide`,
    resizeLabel: (column) => `Resize ${column}`,
  },
  csv: {
    stage: 'Stage',
    final: 'Final',
    details: 'Details',
    recipientId: 'Recipient id',
    contactId: 'Contact id',
    inZone: (column, zone) => `${column} (${zone})`,
    yes: 'yes',
    no: 'no',
  },
  responses: {},
  providers: {},
  emailTypes: {},
  groups: { sent: 'Sent', final: 'Final', awaitingFinal: 'Still changing' },
  stages: ENGLISH_STAGES,
  gridLabel: 'Recipients and their responses',
  searchLabel: 'Search by contact name or email address',
  searchPlaceholder: 'Search name or address',
  filterLabel: 'Filter by response',
  clearFilter: 'All',
  exportCsv: 'Export CSV',
  nothingToExport: 'No rows to export: no recipient is shown',
  resendList: 'Resend list (soft bounces)',
  noSoftBounces: 'No soft bounces',
  final: 'final',
  noName: 'no name',
  waited: (hours, limit) => `waiting ${hours} h of ${limit} h`,
  overdue: (hours, limit) => `overdue: waited ${hours} h of ${limit} h`,
  unsubscribedFromType: (emailType) =>
    emailType === undefined ? "Unsubscribed from this email's type" : `Unsubscribed from ${emailType}`,
  heldUpdates: {
    paused: 'Paused while you read',
    count: (count) => plural(count, 'update', 'updates'),
    show: 'Show',
    showLabel: (count) => `Show ${plural(count, 'held update', 'held updates')}`,
  },
  sortPaused: 'paused',
  announceChanges: (changed, shown, held) =>
    `${plural(changed, 'recipient', 'recipients')} changed. ${plural(shown, 'row', 'rows')} shown.` +
    (held > 0 ? ` ${plural(held, 'update waits', 'updates wait')} to be shown.` : ''),
  noStore: 'Loading responses…',
  noEmailId: 'No email to show yet.',
  cacheOpening: 'Loading the saved responses…',
  connecting: 'Connecting to the live responses…',
  noRecipients: 'No recipients for this email yet.',
  noMatch: 'No recipient matches the search and filters.',
  retrying: (seconds) =>
    `Live updates interrupted. Trying again in ${plural(seconds, 'second', 'seconds')}. The responses shown may be out of date.`,
  retryNow: 'Retry now',
  offline:
    'You are offline. The responses shown are the ones received so far; live updates resume when the connection returns.',
  closed: () => 'Live updates stopped. The responses shown may be out of date.',
  storeClosed: 'Closed: no new responses arrive here. The responses shown are the ones received before it closed.',
  skipping: (chars) =>
    `Live updates paused: the stream is sending a message too long to read (${chars.toLocaleString('en')} characters so far), which is being skipped. The responses shown may be out of date.`,
  memoryOnly: (reason) =>
    `New responses are not being saved in this browser${reason ? ` (${reason})` : ''}. Nothing is lost: a reload restores the saved responses and fetches the rest from the live stream again.`,
  viewNotLoaded: (reason) =>
    `The recipients cannot be shown: part of this grid did not load (${reason}). Reload the page to try again.`,
  rowCount: (shown, all, paused) =>
    paused
      ? `${shown.toLocaleString('en')} of ${plural(all, 'recipient', 'recipients')} shown, as of the pause`
      : shown === all
        ? plural(all, 'recipient', 'recipients')
        : `${shown.toLocaleString('en')} of ${plural(all, 'recipient', 'recipients')}`,
  engagement: ENGLISH_ENGAGEMENT,
};

/**
 * The English table, which every language falls back to. Its `timeline` and `summary` sections are
 * there once their views' code has loaded: only those views read them.
 */
export const ENGLISH = CORE_ENGLISH as Messages;

/** Any subset of a table, at any depth; a message function is replaced whole. */
type Overrides<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => string ? T[K] : T[K] extends object ? Overrides<T[K]> : T[K];
};

/** A language's messages: any subset; tables (headers, groups, timeline…) merge key by key, at any depth. */
export type MessageOverrides = Overrides<Messages>;

const registered = new Map<string, MessageOverrides>();
const resolved = new Map<string, Messages>();
/** Overrides of a view's section registered before its code loaded, by locale, in order: checked then. */
const deferred = new Map<string, Partial<Record<ViewSection, unknown>>[]>();

/**
 * Adds a view's English section to the table (summary-messages.ts and timeline-messages.ts call
 * it as they load), then checks and applies what hosts registered for it before.
 */
export function addViewMessages<K extends ViewSection>(name: K, english: Messages[K]): void {
  if (Object.hasOwn(ENGLISH, name)) return;
  ENGLISH[name] = english;
  for (const [key, list] of deferred) {
    for (const entry of list) {
      if (!Object.hasOwn(entry, name)) continue;
      accept(key, { [name]: entry[name] });
      delete entry[name];
    }
    const left = list.filter((entry) => Object.keys(entry).length > 0);
    if (left.length > 0) deferred.set(key, left);
    else deferred.delete(key);
  }
  resolved.clear();
}

/** Splits off the sections of views whose code has not loaded yet: they cannot be checked now. */
function splitDeferred(overrides: MessageOverrides): {
  now: MessageOverrides;
  later: Partial<Record<ViewSection, unknown>>;
} {
  const later: Partial<Record<ViewSection, unknown>> = {};
  try {
    if (!isTable(overrides)) return { now: overrides, later };
    const names = VIEW_SECTIONS.filter((name) => !Object.hasOwn(ENGLISH, name) && Object.hasOwn(overrides, name));
    if (names.length === 0) return { now: overrides, later };
    const now: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(overrides)) {
      if ((names as readonly string[]).includes(name)) later[name as ViewSection] = value;
      else now[name] = value;
    }
    return { now: now as MessageOverrides, later };
  } catch {
    // A table that cannot be read whole: checkMessages reports what it can read.
    return { now: overrides, later: {} };
  }
}

/** Checks overrides against the English table as loaded, warns of what it leaves out, keeps the rest. */
function accept(key: string, overrides: unknown, locale = key): string[] {
  const { accepted, problems } = checkMessages(overrides, ENGLISH);
  if (problems.length > 0) {
    warnOnce(
      `messages:${locale}:${problems.join('\n')}`,
      `registerMessages(${JSON.stringify(locale)}) left out what would break a view: ${problems.join('; ')}.`,
    );
  }
  const before = registered.get(key) ?? {};
  registered.set(key, merge(before, accepted) as MessageOverrides);
  resolved.clear();
  return problems;
}

/**
 * Adds or overrides a language's messages (`de`, `de-AT`…). Later calls merge into earlier ones.
 * Messages often come from JSON, so each is checked against the English table: a name it does not
 * have, a text where a function belongs (or the reverse), or a prototype name (`__proto__`) is
 * left out and warned about once; the rest applies. Returns those problems, one reason each.
 * The `timeline` and `summary` sections of a page that has not loaded those views yet (an entry
 * per element, or the IIFE's lazy views) are kept and checked when the view loads: their problems
 * are warned about then, not returned.
 */
export function registerMessages(locale: string, overrides: MessageOverrides): string[] {
  if (typeof locale !== 'string' || locale === '') {
    const problem = 'the locale must be a non-empty string';
    warnOnce(
      `messages:${String(locale)}`,
      `registerMessages(${JSON.stringify(locale) ?? String(locale)}): ${problem}.`,
    );
    return [problem];
  }
  const key = locale.toLowerCase();
  const { now, later } = splitDeferred(overrides);
  if (Object.keys(later).length > 0) deferred.set(key, [...(deferred.get(key) ?? []), later]);
  return accept(key, now, locale);
}

/** The messages for a locale: its own, then its language's (`de` for `de-AT`), then English. */
export function messagesFor(locale: string | undefined): Messages {
  const key = (locale ?? '').toLowerCase();
  const cached = resolved.get(key);
  if (cached) return cached;
  const chain = [key.split('-')[0] ?? '', key].filter((k, i, all) => k !== '' && all.indexOf(k) === i);
  let messages: Messages = ENGLISH;
  for (const k of chain) {
    const overrides = registered.get(k);
    if (!overrides) continue;
    messages = merge(messages, overrides) as unknown as Messages;
  }
  resolved.set(key, messages);
  return messages;
}

/**
 * A response's label in these messages, else the rules' English label. Own properties only: a
 * response id such as `constructor` must not find Object.prototype's.
 */
export function responseLabel(messages: Messages, response: ResponseDefinition): string {
  const own = Object.hasOwn(messages.responses, response.id) ? messages.responses[response.id] : undefined;
  return typeof own === 'string' ? own : response.label;
}

/** A copy of `base` with `overrides` laid over it; nested tables (`timeline.kinds`) merge too. */
function merge(base: object, overrides: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(overrides)) {
    const previous = out[name];
    out[name] = isTable(value) && isTable(previous) ? merge(previous, value) : value;
  }
  return out;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
