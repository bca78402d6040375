import type { ResponseDefinition } from '../../core/catalogue';
import { csvCell } from '../../core/csv-cell';
import { definitionStage } from '../../core/stages';
import type { RecipientState } from '../../core/fold';
import { responseLabel, type Messages } from '../shared/messages';
import type { TimeFormatter } from '../shared/time-format';
import type { OptionalColumn } from './grid-columns';

/** What an export needs besides the rows. */
export interface CsvOptions {
  messages: Messages;
  /** Times are written in its zone, which the time column's name gives. */
  time: Pick<TimeFormatter, 'zoned' | 'timeZone'>;
  /** The catalogue, for labels. */
  responses: readonly ResponseDefinition[];
  /** Optional columns the grid shows, written in the same order. */
  optional?: readonly OptionalColumn[];
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
function timeHeader(options: CsvOptions): string {
  return options.messages.csv.inZone(options.messages.headers.lastResponse, options.time.timeZone);
}

/**
 * The Audience view as CSV: the header line, then one line per row (its stage beside its
 * response, in the views' words) given (the grid passes every row of its current filter and sort,
 * not only the rendered ones). Lines end in CRLF, as RFC 4180 and spreadsheets expect.
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
  for (const column of optional) header.push(column === 'provider' ? h.provider : h.emailType);
  header.push(messages.csv.recipientId, messages.csv.contactId);
  const label = labels(options);
  const stage = new Map(options.responses.map((response) => [response.id, messages.stages[definitionStage(response)]]));
  const out = [line(header)];
  for (const r of rows) {
    const cells: (string | number)[] = [
      r.contactName ?? '',
      r.address ?? '',
      stage.get(r.response) ?? '',
      label.get(r.response) ?? r.label,
      r.final ? messages.csv.yes : messages.csv.no,
      r.reason ?? '',
      r.opens,
      r.clicks,
      options.time.zoned(r.lastAt),
    ];
    for (const column of optional) cells.push((column === 'provider' ? r.provider : r.emailType) ?? '');
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
