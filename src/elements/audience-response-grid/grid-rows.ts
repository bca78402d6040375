import { html, noChange, type TemplateResult } from 'lit';
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
  /** The selected recipient's id (the element's `selectedRecipientId`). */
  selected: string | undefined;
  flashing: (row: number) => boolean;
  /**
   * Changes whenever anything a row's cells show may have changed except its place: the store,
   * the columns, the language, the clock. While it holds, a row already in the DOM keeps its
   * cells as they are: a scroll frame then builds only the rows coming into view, not the ~30
   * it keeps (at a million rows the first frames after mount ran long on that rebuild).
   */
  cellsKey: string;
  /** The previous render's `drawn`: each row then in the DOM, with the cells key it was drawn for. */
  drawn: ReadonlyMap<number, string>;
}

/**
 * The rendered rows: the window's rows plus the focused row wherever it is, so scrolling never
 * drops focus. Keyed by state row, so a row's DOM follows its recipient as rows move. Returns
 * the state rows it rendered (filled as lit commits), which the element flashes when they
 * change, each with its cells key.
 */
export function renderRows(input: RowsInput): { template: TemplateResult; drawn: Map<number, string> } {
  const { view, layout, window, focusIndex } = input;
  const indices: number[] = [];
  for (let i = window.first; i < window.end; i++) indices.push(i);
  if (focusIndex >= 0 && focusIndex < view.length && (focusIndex < window.first || focusIndex >= window.end))
    indices.push(focusIndex);
  // Off-screen positions are clamped just outside the body, which clips them.
  const lowest = -2 * layout.rowHeight;
  const highest = layout.physicalHeight + layout.rowHeight;
  const drawn = new Map<number, string>();
  // The selection is a recipient, found once as its state row: the rows are keyed by state row.
  const selectedRow = input.selected ? view.state.rowOf(view.emailId, input.selected) : -1;
  const template = html`${repeat(
    indices,
    (index) => view.rowAt(index),
    (index) => {
      const row = view.rowAt(index);
      const focused = index === focusIndex;
      const selected = row === selectedRow;
      const cells = focused ? `${input.cellsKey} ${input.focusCol}` : input.cellsKey;
      drawn.set(row, cells);
      const top = Math.min(highest, Math.max(lowest, rowTop(layout, index, input.scrollTop, window.offset)));
      return html`<div
        role="row"
        class="row"
        part=${`row${focused ? ' focused-row' : ''}${selected ? ' selected-row' : ''}`}
        aria-selected=${selected}
        aria-rowindex=${index + 2}
        data-index=${index}
        ?data-flash=${input.flashing(row)}
        style=${styleProperties({ transform: `translateY(${top}px)` })}
      >${
        // Keyed by row, a row drawn last time still has its DOM: lit leaves `noChange` as it is.
        input.drawn.get(row) === cells
          ? noChange
          : renderCells(view.state.recipientAt(row), input.columns, input.ctx, focused ? input.focusCol : -1)
      }</div>`;
    },
  )}`;
  return { template, drawn };
}
