import { html, nothing, type TemplateResult } from 'lit';
import type { AudienceSort, SortColumn } from '../../store/audience/audience-query';
import type { Messages } from '../shared/messages';
import type { GridColumn } from './grid-columns';

/** What a header row needs for its resize separators (ColumnLayoutController gives it). */
export interface HeaderResize {
  /** The separators' aria-valuemin and aria-valuemax, in px. */
  min: number;
  max: number;
  /** A column's width in px, as set or as last drawn; undefined before it is drawn. */
  width: (col: number) => number | undefined;
  /** A pointer went down on a column's separator. */
  onPointerDown: (event: PointerEvent, col: number) => void;
  /** A key on a focused separator. */
  onKeyDown: (event: KeyboardEvent, col: number) => void;
}

export interface HeaderInput {
  columns: readonly GridColumn[];
  sort: AudienceSort | null;
  messages: Messages;
  focusedCol: number;
  onSort: (column: SortColumn) => void;
  /** Held updates leave rows out of the column's order: the indicator says so. */
  paused: boolean;
  /** Two- and three-line rows have no widths to change: no separators then. */
  resize?: HeaderResize | undefined;
}

/**
 * The header row. A sortable column's header holds a button (Enter and Space sort, as buttons
 * do); `aria-sort` is on the sorted column alone. The focused header's button, or the header
 * itself when it has none, is the grid's one tab stop while the header holds focus.
 *
 * Each header ends in its resize separator (`role=separator`, vertical, its value the width in
 * px, named "Resize Contact"). It is focusable but never a Tab stop, so the grid keeps one tab
 * stop and its arrow keys as the ARIA grid pattern has them: F2 on the header focuses it (as F2
 * enters a cell's widgets in that pattern; Enter is the sort button's), and Escape goes back.
 * Each header is named by its label alone (aria-labelledby), not also by its separator's name.
 */
export function renderHeader(input: HeaderInput): TemplateResult {
  const { columns, sort, messages, focusedCol, onSort, paused, resize } = input;
  return html`<div role="row" class="header" part="header-row" aria-rowindex="1">
    ${columns.map((column, col) => {
      const sorted = sort?.column === column.id ? sort.direction : undefined;
      const label = messages.headers[column.header];
      const tabindex = col === focusedCol ? 0 : -1;
      const labelId = `header-${column.id}`;
      const showPaused = sorted !== undefined && paused;
      const width = resize?.width(col);
      // A focusable separator has a value: until its column is drawn (the next frame), it is not focusable.
      const measured = width !== undefined;
      const handle = resize
        ? html`<span
            class="resize-handle"
            part="resize-handle"
            role="separator"
            aria-orientation="vertical"
            tabindex=${measured ? -1 : nothing}
            aria-label=${messages.columns.resizeLabel(label)}
            aria-valuemin=${measured ? resize.min : nothing}
            aria-valuemax=${measured ? resize.max : nothing}
            aria-valuenow=${width ?? nothing}
            aria-valuetext=${width === undefined ? nothing : messages.columns.resized(label, width)}
            title=${messages.columns.resizeHint}
            @pointerdown=${(event: PointerEvent) => resize.onPointerDown(event, col)}
            @keydown=${(event: KeyboardEvent) => resize.onKeyDown(event, col)}
          ></span>`
        : nothing;
      const shortcuts = resize ? 'F2 Alt+ArrowLeft Alt+ArrowRight' : nothing;
      if (!column.sortable) {
        return html`<div role="columnheader" class="cell-header" part="header-cell" data-col=${col} data-column=${column.id} tabindex=${tabindex} aria-labelledby=${labelId} aria-keyshortcuts=${shortcuts}><span class="header-label" id=${labelId} dir="auto" title=${label}>${label}</span>${handle}</div>`;
      }
      return html`<div role="columnheader" class=${column.numeric ? 'numeric' : ''} part="header-cell" data-column=${column.id} aria-sort=${sorted ?? nothing} aria-labelledby=${showPaused ? `${labelId} ${labelId}-paused` : labelId}>
        <button type="button" class="sort" data-col=${col} tabindex=${tabindex} aria-keyshortcuts=${shortcuts} @click=${() => onSort(column.id as SortColumn)}>
          <span class="header-label" id=${labelId} dir="auto" title=${label}>${label}</span><span class="sort-icon" aria-hidden="true">${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span>${
            showPaused
              ? html`<span class="sort-paused" id=${`${labelId}-paused`}>${messages.sortPaused}</span>`
              : nothing
          }
        </button>${handle}
      </div>`;
    })}
  </div>`;
}
