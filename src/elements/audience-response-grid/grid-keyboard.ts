import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A cell: `row` -1 is the header row, 0… the data rows in view order. */
export interface GridPosition {
  row: number;
  col: number;
}

/**
 * What the keyboard controller reads from and does to the grid: an adapter the grid hands it,
 * so none of this is public on the element.
 */
export interface KeyboardGrid {
  /** Data rows, without the header. */
  rowCount(): number;
  columnCount(): number;
  /** Rows PageUp and PageDown move by. */
  pageSize(): number;
  position(): GridPosition;
  /** The element whose keys the controller handles (the role=grid element). */
  target(): HTMLElement | null;
  moveFocus(position: GridPosition): void;
  activateRow(row: number): void;
}

/**
 * The ARIA grid pattern's keys: arrows move one cell (left and right swap in right-to-left
 * pages), Home and End go to the row's first and last cell, Ctrl+Home and Ctrl+End to the
 * first and last data row, PageUp and PageDown by a screenful, Enter selects the row's
 * recipient. The header row is reached with ArrowUp from the first row; its sort buttons act on
 * Enter and Space by themselves. Keys the grid uses never also scroll the page.
 */
export class GridKeyboardController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #grid: KeyboardGrid;
  constructor(host: ReactiveControllerHost & HTMLElement, grid: KeyboardGrid) {
    this.#host = host;
    this.#grid = grid;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeyDown);
  }

  /** Where a key moves focus from `at`, or undefined when the grid does not use the key. */
  static target(
    key: string,
    ctrl: boolean,
    rtl: boolean,
    at: GridPosition,
    rows: number,
    cols: number,
    page: number,
  ): GridPosition | undefined {
    const lastRow = rows - 1;
    const lastCol = cols - 1;
    const firstRow = rows > 0 ? 0 : -1;
    const clampRow = (row: number) => Math.max(-1, Math.min(lastRow, row));
    switch (key) {
      case 'ArrowDown':
        return { row: clampRow(at.row + 1), col: at.col };
      case 'ArrowUp':
        return { row: clampRow(at.row - 1), col: at.col };
      case 'ArrowRight':
        return { row: at.row, col: Math.max(0, Math.min(lastCol, at.col + (rtl ? -1 : 1))) };
      case 'ArrowLeft':
        return { row: at.row, col: Math.max(0, Math.min(lastCol, at.col + (rtl ? 1 : -1))) };
      case 'Home':
        return ctrl ? { row: firstRow, col: 0 } : { row: at.row, col: 0 };
      case 'End':
        return ctrl ? { row: Math.max(firstRow, lastRow), col: lastCol } : { row: at.row, col: lastCol };
      case 'PageDown':
        return { row: rows === 0 ? -1 : clampRow(Math.max(0, at.row + page)), col: at.col };
      case 'PageUp':
        return { row: at.row < 0 ? -1 : Math.max(0, at.row - page), col: at.col };
      default:
        return undefined;
    }
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const grid = this.#grid;
    const target = grid.target();
    if (!target || event.defaultPrevented || event.altKey || !event.composedPath().includes(target)) return;
    const at = grid.position();
    if (event.key === 'Enter' || event.key === ' ') {
      if (at.row < 0) return;
      event.preventDefault();
      // Space: a data cell has nothing to press; left to the browser, it scrolled the rows away
      // from the focused cell (a header's sort button still takes it, as buttons do).
      if (event.key === 'Enter') grid.activateRow(at.row);
      return;
    }
    const rtl = getComputedStyle(this.#host).direction === 'rtl';
    const ctrl = event.ctrlKey || event.metaKey;
    const next = GridKeyboardController.target(
      event.key,
      ctrl,
      rtl,
      at,
      grid.rowCount(),
      grid.columnCount(),
      grid.pageSize(),
    );
    if (!next) return;
    event.preventDefault();
    grid.moveFocus(next);
  };
}
