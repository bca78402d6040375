import type { SortColumn } from '../../store/audience/audience-query';
import type { Messages } from '../shared/messages';
import { warnOnce } from '../shared/warn';

/** Columns a host adds with `columns="provider email-type"`. */
export type OptionalColumn = 'provider' | 'email-type';

export const OPTIONAL_COLUMNS: readonly OptionalColumn[] = ['provider', 'email-type'];

export interface GridColumn {
  id: SortColumn;
  header: keyof Messages['headers'];
  /** A CSS grid track. */
  track: string;
  /** Numbers align to the end of the cell. */
  numeric: boolean;
  /**
   * The email type is the email's, the same on every row, so sorting by it would change
   * nothing: its header is not a sort button.
   */
  sortable: boolean;
}

const BASE: GridColumn[] = [
  { id: 'contact', header: 'contact', track: 'minmax(9rem, 1.2fr)', numeric: false, sortable: true },
  { id: 'address', header: 'address', track: 'minmax(12rem, 1.5fr)', numeric: false, sortable: true },
  { id: 'response', header: 'response', track: 'minmax(13rem, 1.6fr)', numeric: false, sortable: true },
  { id: 'opens', header: 'opens', track: 'minmax(5rem, 0.5fr)', numeric: true, sortable: true },
  { id: 'clicks', header: 'clicks', track: 'minmax(5rem, 0.5fr)', numeric: true, sortable: true },
  { id: 'last-response', header: 'lastResponse', track: 'minmax(10rem, 1fr)', numeric: false, sortable: true },
];

const EXTRA: Record<OptionalColumn, GridColumn> = {
  provider: { id: 'provider', header: 'provider', track: 'minmax(7rem, 0.8fr)', numeric: false, sortable: true },
  'email-type': {
    id: 'email-type',
    header: 'emailType',
    track: 'minmax(7rem, 0.8fr)',
    numeric: false,
    sortable: false,
  },
};

/**
 * The columns of a narrow grid (under about 600 px), in reading order: each row is two lines,
 * contact and response, then address, opens, clicks and time. Optional columns are left out:
 * there is no room, and the CSV still has them.
 */
export function narrowColumns(): GridColumn[] {
  const byId = new Map(BASE.map((c) => [c.id, c]));
  return (['contact', 'response', 'address', 'opens', 'clicks', 'last-response'] as const).map((id) => byId.get(id)!);
}

/** The optional columns an attribute value names, in the order given; unknown names are warned about once. */
export function parseColumns(value: string | null | undefined): OptionalColumn[] {
  const out: OptionalColumn[] = [];
  for (const name of (value ?? '').split(/[\s,]+/)) {
    if (name === '') continue;
    if ((OPTIONAL_COLUMNS as readonly string[]).includes(name)) {
      if (!out.includes(name as OptionalColumn)) out.push(name as OptionalColumn);
    } else {
      warnOnce(
        `columns:${name}`,
        `<audience-response-grid columns> does not know "${name}"; use ${OPTIONAL_COLUMNS.join(' and ')}.`,
      );
    }
  }
  return out;
}

export function gridColumns(optional: readonly OptionalColumn[]): GridColumn[] {
  return [...BASE, ...optional.map((column) => EXTRA[column])];
}
