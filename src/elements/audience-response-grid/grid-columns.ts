import type { SortColumn } from '../../store/audience/audience-query';
import type { Messages } from '../shared/messages';
import { warnOnce } from '../shared/warn';

/**
 * Every column the grid can show. `stage` is the response's stage and `reason` the provider's
 * reason or details (a bounce's SMTP text, a cancel's cause): both are read from the row itself.
 * `first-open`, `last-open`, `last-click` and `clicked-link` are read from the email's events
 * (store/email-engagement.ts): a recipient with no open or click event leaves them empty.
 */
export type ColumnId = SortColumn | 'stage' | 'reason';

/** Shown columns the CSV adds after its own, in this order (hidden by default in the grid). */
export type OptionalColumn = 'provider' | 'email-type' | 'first-open' | 'last-open' | 'last-click' | 'clicked-link';

export const OPTIONAL_COLUMNS: readonly OptionalColumn[] = [
  'provider',
  'email-type',
  'first-open',
  'last-open',
  'last-click',
  'clicked-link',
];

/**
 * A `columns` value naming only these (`provider email-type`, as before columns could be
 * chosen) adds them after the default ones. The rule stays with the two it was made for: a
 * chooser's choice of, say, only Contact and First open must read back as just those two.
 */
const ADDED_TO_DEFAULT: readonly ColumnId[] = ['provider', 'email-type'];

/** The engagement columns that show a time. */
export const ENGAGEMENT_TIME_COLUMNS = ['first-open', 'last-open', 'last-click'] as const;

/** A shown column and, once resized, its width in CSS px. */
export interface ColumnChoice {
  id: ColumnId;
  width?: number;
}

export interface GridColumn {
  id: ColumnId;
  header: keyof Messages['headers'];
  /** A CSS grid track: the column's own width once resized, else a share of the room. */
  track: string;
  /** The width set by a resize or the `columns` attribute, in px. */
  width?: number;
  /** Numbers align to the end of the cell. */
  numeric: boolean;
  /**
   * The email type is the email's, the same on every row, so sorting by it would change
   * nothing: its header is not a sort button. Stage and reason do not sort either (Response's
   * catalogue order already groups the stages).
   */
  sortable: boolean;
}

/** Narrower than this a resized column would hide its header; wider has no use. */
export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 1600;

type Definition = Omit<GridColumn, 'width'>;

/** The smallest width a column takes without a width of its own: its track's minimum. */
function minimum(column: GridColumn): string {
  return column.width !== undefined ? `${column.width}px` : (/^minmax\(([^,]+),/.exec(column.track)?.[1] ?? '0px');
}

/**
 * The width the columns need at least: the rows and the header are this wide, so the columns'
 * tracks never overflow their row (in a right-to-left grid that overflow was an empty band).
 */
export function minimumWidth(columns: readonly GridColumn[]): string {
  return `calc(${columns.map(minimum).join(' + ') || '0px'})`;
}

/*
 * The default columns' minimums add up to 51.5rem (824 px), under the about 845 px the embed page
 * gives the grid at 1440: a wider sum scrolled it sideways, and on a right-to-left page cut the
 * time at its start. Opens and Clicks fit their header with its sort arrow, the time a whole date.
 * Response takes a rem from the address: its longest first line, "Canceled (unsubscribed", is
 * 169 px at 14 px, and beside the final marker it needs all of 12.5rem to show every name whole
 * in two lines; an address is cut either way (its whole text is the cell's).
 */
/** Each column's track, whether it is numeric (default: text) and sortable (default: yes). */
const SHAPES: Record<ColumnId, [track: string, numeric?: boolean, sortable?: boolean]> = {
  contact: ['minmax(8rem, 1.2fr)'],
  address: ['minmax(9rem, 1.5fr)'],
  response: ['minmax(12.5rem, 1.6fr)'],
  opens: ['minmax(5.25rem, 0.5fr)', true],
  clicks: ['minmax(5.25rem, 0.5fr)', true],
  'last-response': ['minmax(11.5rem, 1fr)'],
  provider: ['minmax(7rem, 0.8fr)'],
  'email-type': ['minmax(7rem, 0.8fr)', false, false],
  'first-open': ['minmax(11.5rem, 1fr)'],
  'last-open': ['minmax(11.5rem, 1fr)'],
  'last-click': ['minmax(11.5rem, 1fr)'],
  'clicked-link': ['minmax(12rem, 1.5fr)'],
  stage: ['minmax(8rem, 0.8fr)', false, false],
  reason: ['minmax(12rem, 1.5fr)', false, false],
};

/** The columns' definitions; a header's message is named after its column (`last-response`: `lastResponse`). */
const DEFINITIONS = Object.fromEntries(
  Object.entries(SHAPES).map(([id, [track, numeric = false, sortable = true]]) => [
    id,
    { id, header: id.replace(/-(.)/g, (_, c: string) => c.toUpperCase()), track, numeric, sortable },
  ]),
) as Record<ColumnId, Definition>;

/** Every column, in the order the column chooser lists them. */
export const COLUMN_IDS: readonly ColumnId[] = Object.keys(DEFINITIONS) as ColumnId[];

/** What a grid shows when nobody chose. */
export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  'contact',
  'address',
  'response',
  'opens',
  'clicks',
  'last-response',
];

/** The columns of a two-line row, in reading order: contact and response, then address, opens, clicks and time. */
const NARROW_ORDER: readonly ColumnId[] = ['contact', 'response', 'address', 'opens', 'clicks', 'last-response'];

export function isColumnId(value: string): value is ColumnId {
  return Object.hasOwn(DEFINITIONS, value);
}

/**
 * Reads a `columns` value: names separated by commas or spaces, each with an optional width in
 * px after a colon (`contact:240, response, opens, stage`). A list naming only `provider` and
 * `email-type` (as before columns could be chosen) adds them after the default ones;
 * any other list is the whole set, in its order. Unknown names and widths outside 48–1600 px are
 * warned about once and left out.
 */
export function parseColumns(value: string | null | undefined): ColumnChoice[] {
  const out: ColumnChoice[] = [];
  for (const entry of (value ?? '').split(/[\s,]+/)) {
    if (entry === '') continue;
    const [name = '', widthText, ...rest] = entry.split(':');
    if (!isColumnId(name) || rest.length > 0) {
      warnOnce(
        `columns:${name}`,
        `<audience-response-grid columns>: no column "${entry}"; use ${COLUMN_IDS.join(', ')}, each with an optional ":width" in px.`,
      );
      continue;
    }
    if (out.some((choice) => choice.id === name)) continue;
    const choice: ColumnChoice = { id: name };
    if (widthText !== undefined) {
      const width = Number(widthText);
      if (Number.isFinite(width) && width >= MIN_COLUMN_WIDTH && width <= MAX_COLUMN_WIDTH)
        choice.width = Math.round(width);
      else
        warnOnce(
          `columns:${entry}`,
          `<audience-response-grid columns>: "${entry}": a width is ${MIN_COLUMN_WIDTH} to ${MAX_COLUMN_WIDTH} px; ignoring it.`,
        );
    }
    out.push(choice);
  }
  const onlyOptional = out.every((choice) => ADDED_TO_DEFAULT.includes(choice.id));
  return onlyOptional ? [...DEFAULT_COLUMNS.map((id) => ({ id })), ...out] : out;
}

/** The `columns` value that reads back as these choices: `contact:240,address,response`. */
export function formatColumns(choices: readonly ColumnChoice[]): string {
  return choices.map((c) => (c.width === undefined ? c.id : `${c.id}:${c.width}`)).join(',');
}

/** The shown optional columns, which the CSV adds after its own. */
export function optionalColumns(choices: readonly ColumnChoice[]): OptionalColumn[] {
  return OPTIONAL_COLUMNS.filter((id) => choices.some((choice) => choice.id === id));
}

export function gridColumns(choices: readonly ColumnChoice[]): GridColumn[] {
  return choices.map(({ id, width }) =>
    width === undefined ? { ...DEFINITIONS[id] } : { ...DEFINITIONS[id], track: `${width}px`, width },
  );
}

/**
 * The columns of a narrow grid (under about 600 px), each row two lines in reading order:
 * contact and response, then address, opens, clicks and time, those of them that are chosen.
 * The other columns are left out (there is no room; the CSV still has them), and so are widths.
 */
export function narrowColumns(choices: readonly ColumnChoice[]): GridColumn[] {
  const chosen = NARROW_ORDER.filter((id) => choices.some((choice) => choice.id === id));
  // The other chosen columns (Provider, Stage…) follow on lines of their own: a column the chooser
  // shows ticked is never left out because the grid is narrow.
  const others = choices.filter((choice) => !NARROW_ORDER.includes(choice.id)).map((choice) => choice.id);
  const ids = [...(chosen.length > 0 ? chosen : (['contact', 'response'] as const)), ...others];
  return ids.map((id) => ({ ...DEFINITIONS[id] }));
}

/** Lines a narrow row needs for the chosen columns past its own (`perLine` of them to a line). */
export function extraLines(columns: readonly GridColumn[], perLine: number): number {
  return Math.ceil(columns.filter((column) => !NARROW_ORDER.includes(column.id)).length / perLine);
}

/** The choices with one column shown or hidden: a shown one goes back to its place in the chooser's order. */
export function toggleColumn(choices: readonly ColumnChoice[], id: ColumnId): ColumnChoice[] {
  if (choices.some((choice) => choice.id === id)) return choices.filter((choice) => choice.id !== id);
  const at = COLUMN_IDS.indexOf(id);
  const index = choices.findIndex((choice) => COLUMN_IDS.indexOf(choice.id) > at);
  const next = [...choices];
  next.splice(index < 0 ? next.length : index, 0, { id });
  return next;
}

/** The choices with one column's width set (clamped to 48–1600 px). */
export function resizeColumn(choices: readonly ColumnChoice[], id: ColumnId, width: number): ColumnChoice[] {
  const clamped = Math.round(Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, width)));
  return choices.map((choice) => (choice.id === id ? { id, width: clamped } : choice));
}
