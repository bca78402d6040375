import { html, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleProperties } from '../shared/style-properties';
import type { AudienceView } from '../../store/audience/audience-view';
import { renderCells, type CellContext } from './grid-cells';
import type { GridColumn } from './grid-columns';
import { rowTop, type RowWindow, type ScrollLayout } from './virtualizer';

export interface RowsInput {
  view: AudienceView;
  layout: ScrollLayout;
  window: RowWindow;
  scrollTop: number;
  columns: readonly GridColumn[];
  ctx: CellContext;
  /** View index and column of the focused cell (index -1: the header holds focus). */
  focusIndex: number;
  focusCol: number;
  flashing: (row: number) => boolean;
  /**
   * Changes whenever anything a row's cells show may have changed except its place: the store,
   * the columns, the language, the clock. While it holds, a row already in the DOM keeps its
   * cells as they are: a scroll frame then builds only the rows coming into view, not the ~30
   * it keeps (at a million rows the first frames after mount ran long on that rebuild).
   */
  cellsKey: string;
}

/**
 * The rendered rows: the window's rows plus the focused row wherever it is, so scrolling never
 * drops focus. Keyed by state row, so a row's DOM follows its recipient as rows move. Returns
 * the state rows it rendered, which the element flashes when they change.
 */
export function renderRows(input: RowsInput): { template: TemplateResult; rendered: Set<number> } {
  const { view, layout, window, focusIndex } = input;
  const indices: number[] = [];
  for (let i = window.first; i < window.end; i++) indices.push(i);
  if (focusIndex >= 0 && focusIndex < view.length && (focusIndex < window.first || focusIndex >= window.end))
    indices.push(focusIndex);
  // Off-screen positions are clamped just outside the body, which clips them.
  const lowest = -2 * layout.rowHeight;
  const highest = layout.physicalHeight + layout.rowHeight;
  const rendered = new Set<number>();
  const template = html`${repeat(
    indices,
    (index) => view.rowAt(index),
    (index) => {
      const row = view.rowAt(index);
      rendered.add(row);
      const focused = index === focusIndex;
      const top = Math.min(highest, Math.max(lowest, rowTop(layout, index, input.scrollTop, window.offset)));
      return html`<div
        role="row"
        class="row"
        part=${focused ? 'row focused-row' : 'row'}
        aria-rowindex=${index + 2}
        data-index=${index}
        ?data-flash=${input.flashing(row)}
        style=${styleProperties({ transform: `translateY(${top}px)` })}
      >${guard([input.cellsKey, focused ? input.focusCol : -1], () =>
        renderCells(view.state.recipientAt(row), input.columns, input.ctx, focused ? input.focusCol : -1),
      )}</div>`;
    },
  )}`;
  return { template, rendered };
}
