import type { ResponseDefinition } from '../../core/catalogue';
import { csvCell } from '../../core/csv-cell';
import type { RecipientState } from '../../core/fold';
import { emailTypeName, providerName } from '../shared/display-names';
import { responseLabel, type Messages } from '../shared/messages';
import type { TimeFormatter } from '../shared/time-format';
import type { EmailEngagement, RowEngagement } from '../../store/email-engagement';
import type { OptionalColumn } from './grid-columns';

/** What an export needs besides the rows. */
export interface CsvOptions {
  messages: Messages;
  /** Times are written in its zone, which the time column's name gives; email types capitalised in its locale. */
  time: Pick<TimeFormatter, 'zoned' | 'timeZone' | 'locale'>;
  /** The catalogue, for labels. */
  responses: readonly ResponseDefinition[];
  /** A response's stage in the views' words (the grid's Stage column's): '' when unknown. */
  stage: (response: string) => string;
  /** Optional columns the grid shows, written in the same order. */
  optional?: readonly OptionalColumn[];
  /** The email's opens and clicks by row (`() => view.engagement()`), asked only when an engagement column is shown. */
  engagement?: () => EmailEngagement | undefined;
}

// The neutralizing rule (OWASP CSV injection) lives in core/csv-cell.ts; exported here as before.
export { csvCell };

function line(cells: (string | number)[]): string {
  return cells.map(csvCell).join(',');
}

function labels(options: CsvOptions): Map<string, string> {
  return new Map(options.responses.map((response) => [response.id, responseLabel(options.messages, response)]));
}

/** A time column's header names its zone: imports need the header on line 1, so no zone line. */
function timeHeader(options: CsvOptions, name = options.messages.headers.lastResponse): string {
  return options.messages.csv.inZone(name, options.time.timeZone);
}

/** An optional column's header; the engagement times name their zone like Last response. */
function optionalHeader(column: OptionalColumn, options: CsvOptions): string {
  const h = options.messages.headers;
  switch (column) {
    case 'provider':
      return h.provider;
    case 'email-type':
      return h.emailType;
    case 'first-open':
      return timeHeader(options, h.firstOpen);
    case 'last-open':
      return timeHeader(options, h.lastOpen);
    case 'last-click':
      return timeHeader(options, h.lastClick);
    case 'clicked-link':
      return h.clickedLink;
  }
}

/** An optional column's cell: empty when the recipient has no value (no open or click event, say). */
function optionalCell(
  column: OptionalColumn,
  r: RecipientState,
  engaged: () => RowEngagement,
  options: CsvOptions,
): string {
  const zoned = (at: number | undefined) => (at === undefined ? '' : options.time.zoned(at));
  switch (column) {
    // Names as the grid shows them, as the Response column has labels, not ids.
    case 'provider':
      return r.provider === undefined ? '' : providerName(options.messages, r.provider);
    case 'email-type':
      return r.emailType === undefined ? '' : emailTypeName(options.messages, r.emailType, options.time.locale);
    case 'first-open':
      return zoned(engaged().firstOpenAt);
    case 'last-open':
      return zoned(engaged().lastOpenAt);
    case 'last-click':
      return zoned(engaged().lastClickAt);
    case 'clicked-link':
      return engaged().lastLink ?? '';
  }
}

/**
 * The Audience view as CSV: the header line, then one line per row given (the grid passes every
 * row of its current filter and sort, not only the rendered ones). Each line has the row's stage
 * beside its response, in the views' words, then the optional columns the grid shows (provider,
 * email type, first open, last open, last click, clicked link, in that order). Lines end in
 * CRLF, as RFC 4180 and spreadsheets expect.
 */
export function audienceCsv(rows: Iterable<RecipientState>, options: CsvOptions): string {
  const { messages } = options;
  const optional = options.optional ?? [];
  const h = messages.headers;
  const header = [
    h.contact,
    h.address,
    messages.csv.stage,
    h.response,
    messages.csv.final,
    messages.csv.details,
    h.opens,
    h.clicks,
    timeHeader(options),
  ];
  for (const column of optional) header.push(optionalHeader(column, options));
  header.push(messages.csv.recipientId, messages.csv.contactId);
  const label = labels(options);
  const out = [line(header)];
  let engagement: EmailEngagement | undefined;
  for (const r of rows) {
    const cells: (string | number)[] = [
      r.contactName ?? '',
      r.address ?? '',
      options.stage(r.response),
      label.get(r.response) ?? r.label,
      r.final ? messages.csv.yes : messages.csv.no,
      r.reason ?? '',
      r.opens,
      r.clicks,
      options.time.zoned(r.lastAt),
    ];
    let row: RowEngagement | undefined;
    const engaged = () => (row ??= (engagement ??= options.engagement?.())?.recipient(r.recipientId) ?? {});
    for (const column of optional) cells.push(optionalCell(column, r, engaged, options));
    cells.push(r.recipientId, r.contactId ?? '');
    out.push(line(cells));
  }
  return out.join('\r\n') + '\r\n';
}

/**
 * The resend list: recipients whose response is Soft Bounce, which the spec says can be sent
 * again in another email. Every such recipient of the email, whatever the grid's filter.
 */
export function resendCsv(rows: Iterable<RecipientState>, options: CsvOptions): string {
  const { messages } = options;
  const h = messages.headers;
  const out = [
    line([
      h.contact,
      h.address,
      messages.csv.details,
      timeHeader(options),
      messages.csv.recipientId,
      messages.csv.contactId,
    ]),
  ];
  for (const r of rows) {
    if (r.response !== 'soft-bounce') continue;
    out.push(
      line([
        r.contactName ?? '',
        r.address ?? '',
        r.reason ?? '',
        options.time.zoned(r.lastAt),
        r.recipientId,
        r.contactId ?? '',
      ]),
    );
  }
  return out.join('\r\n') + '\r\n';
}
