import { html, nothing, type TemplateResult } from 'lit';
import type { AudienceSort, SortColumn } from '../../store/audience/audience-query';
import type { Messages } from '../shared/messages';
import type { GridColumn } from './grid-columns';

export interface HeaderInput {
  columns: readonly GridColumn[];
  sort: AudienceSort | null;
  messages: Messages;
  focusedCol: number;
  onSort: (column: SortColumn) => void;
  /** Held updates leave rows out of the column's order: the indicator says so. */
  paused: boolean;
  /** Two-line rows have no widths to change: no handles then. */
  resizable: boolean;
  /** A pointer went down on a column's resize handle. */
  onResizeStart: (event: PointerEvent, col: number) => void;
}

/**
 * The header row. A sortable column's header holds a button (Enter and Space sort, as buttons
 * do); `aria-sort` is on the sorted column alone. The focused header's button, or the header
 * itself when it has none, is the grid's one tab stop while the header holds focus.
 *
 * Each header ends in a resize handle for the pointer. It is hidden from assistive technology and
 * never focused: the keyboard resizes the focused header with Alt+Left and Alt+Right (as WPF's
 * and other data grids do), so the grid's one tab stop and its arrow keys stay as the ARIA grid
 * pattern has them, and the new width is announced.
 */
export function renderHeader(input: HeaderInput): TemplateResult {
  const { columns, sort, messages, focusedCol, onSort, paused } = input;
  return html`<div role="row" class="header" part="header-row" aria-rowindex="1">
    ${columns.map((column, col) => {
      const sorted = sort?.column === column.id ? sort.direction : undefined;
      const label = messages.headers[column.header];
      const tabindex = col === focusedCol ? 0 : -1;
      const handle = input.resizable
        ? html`<span
            class="resize-handle"
            part="resize-handle"
            aria-hidden="true"
            title=${messages.columns.resizeHint}
            @pointerdown=${(event: PointerEvent) => input.onResizeStart(event, col)}
          ></span>`
        : nothing;
      if (!column.sortable) {
        return html`<div role="columnheader" class="cell-header" part="header-cell" data-col=${col} data-column=${column.id} tabindex=${tabindex}><span class="header-label" dir="auto" title=${label}>${label}</span>${handle}</div>`;
      }
      return html`<div role="columnheader" class=${column.numeric ? 'numeric' : ''} part="header-cell" data-column=${column.id} aria-sort=${sorted ?? nothing}>
        <button type="button" class="sort" data-col=${col} tabindex=${tabindex} @click=${() => onSort(column.id as SortColumn)}>
          <span class="header-label" dir="auto" title=${label}>${label}</span><span class="sort-icon" aria-hidden="true">${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span>${
            sorted && paused ? html`<span class="sort-paused">${messages.sortPaused}</span>` : nothing
          }
        </button>${handle}
      </div>`;
    })}
  </div>`;
}
