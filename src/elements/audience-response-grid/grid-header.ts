import { html, nothing, type TemplateResult } from 'lit';
import type { AudienceSort, SortColumn } from '../../store/audience/audience-query';
import type { Messages } from '../shared/messages';
import type { GridColumn } from './grid-columns';

/**
 * The header row. A sortable column's header holds a button (Enter and Space sort, as buttons
 * do); `aria-sort` is on the sorted column alone. The focused header's button, or the header
 * itself when it has none, is the grid's one tab stop while the header holds focus.
 */
export function renderHeader(
  columns: readonly GridColumn[],
  sort: AudienceSort | null,
  messages: Messages,
  focusedCol: number,
  onSort: (column: SortColumn) => void,
  /** Held updates leave rows out of the column's order: the indicator says so. */
  paused = false,
): TemplateResult {
  return html`<div role="row" class="header" part="header-row" aria-rowindex="1">
    ${columns.map((column, col) => {
      const sorted = sort?.column === column.id ? sort.direction : undefined;
      const label = messages.headers[column.header];
      const tabindex = col === focusedCol ? 0 : -1;
      if (!column.sortable) {
        return html`<div role="columnheader" class="cell-header" part="header-cell" data-col=${col} data-column=${column.id} tabindex=${tabindex}><span>${label}</span></div>`;
      }
      return html`<div role="columnheader" class=${column.numeric ? 'numeric' : ''} part="header-cell" data-column=${column.id} aria-sort=${sorted ?? nothing}>
        <button type="button" class="sort" data-col=${col} tabindex=${tabindex} @click=${() => onSort(column.id)}>
          ${label}<span class="sort-icon" aria-hidden="true">${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span>${
            sorted && paused ? html`<span class="sort-paused">${messages.sortPaused}</span>` : nothing
          }
        </button>
      </div>`;
    })}
  </div>`;
}
