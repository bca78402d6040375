import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ResponseStore } from '../../store/response-store';
import type { Messages } from '../shared/messages';
import type { ChooserInput, renderChooser } from './column-chooser';
import {
  formatColumns,
  gridColumns,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  narrowColumns,
  optionalColumns,
  parseColumns,
  resizeColumn,
  toggleColumn,
  type ColumnChoice,
  type ColumnId,
  type GridColumn,
  type OptionalColumn,
} from './grid-columns';
import type { HeaderResize } from './grid-header';
import { loadOnce } from '../shared/load-once';

/**
 * Only a grid beside a cache keeps its columns (in a small database of their own). A closed store
 * has let go of its cache, and one that never had a cache says `closed` too once closed.
 */
const keepsColumns = (store: ResponseStore) =>
  store.cacheStatus.state !== 'none' && store.cacheStatus.state !== 'closed';

/** A resize key changes a width by this much; with Shift, by `STEP_LARGE_PX`. */
const STEP_PX = 10;
const STEP_LARGE_PX = 50;

// Both load when first needed: the kept columns only beside a cache, the chooser's panel when
// it is first opened. One promise, so saves run in the order they were asked for.
const columnsCache = loadOnce(() => import('../../store/cache/grid-columns'));

/**
 * What the controller reads from and does to the grid: an adapter the grid hands it, so none of
 * this is public on the element.
 */
export interface ColumnLayoutGrid {
  /** The element's `columns` attribute, read and written. */
  columns: string;
  store(): ResponseStore | undefined;
  /** Which grid the cache keeps columns for. */
  key(): string;
  messages(): Messages;
  /** Two- and three-line rows: no widths and no resizing there. */
  narrow(): boolean;
  /** The role=grid element. */
  scroller(): HTMLElement | null;
  /** The column whose header has the grid's focus, or -1 while a data row has it. */
  focusedHeader(): number;
  /** Says a text in the grid's polite live region. */
  announce(text: string): void;
}

/**
 * The grid's columns: which are shown, in what order and how wide, as the `columns` attribute
 * says, the column chooser and resizing change, and the store's cache keeps per grid (a choice
 * read from the cache wins over the attribute, unless the user already chose here).
 *
 * Resizing: a header's edge is a focusable `role=separator` (the ARIA window splitter pattern)
 * that is never a Tab stop of its own. The pointer drags it (mirrored right to left). From a
 * focused header, F2 moves focus to its separator, where Left and Right move the edge by 10 px
 * (Shift: 50), Home and End to the narrowest and widest, and Escape, Enter or F2 go back to
 * the header (Tab leaves the grid, as from any cell); Alt+Left and Alt+Right on the header
 * resize at once and say the new width.
 * Narrow layouts (two- and three-line rows) show no separators and leave the kept widths unused,
 * but kept: a wider grid gets them back.
 */
export class ColumnLayoutController implements ReactiveController {
  /** The shown columns and their widths, as chosen. */
  choices: ColumnChoice[] = parseColumns('');
  /** The shown optional columns, which the CSV adds. */
  optional: OptionalColumn[] = [];
  /** The columns as drawn: the choices, or the narrow layout's. */
  columnList: GridColumn[] = gridColumns(this.choices);
  chooserOpen = false;
  /** The chooser's panel, once its module has loaded. */
  #chooser: typeof renderChooser | undefined;
  /** The user chose columns here: a choice read late from the cache must not undo it. */
  #userChose = false;
  /** The store whose cache the saved columns were asked of. */
  #readFor: unknown;
  /** Each column's drawn width in px (by id), for the separators' values. */
  #drawn = new Map<ColumnId, number>();
  #drawnFor = '';

  readonly #host: ReactiveControllerHost;
  readonly #grid: ColumnLayoutGrid;
  constructor(host: ReactiveControllerHost, grid: ColumnLayoutGrid) {
    this.#host = host;
    this.#grid = grid;
    host.addController(this);
  }

  /** Before each render: reads the attribute when it changed, the cache once per store. */
  sync(columnsChanged: boolean): void {
    if (columnsChanged) {
      this.choices = parseColumns(this.#grid.columns);
      this.optional = optionalColumns(this.choices);
    }
    this.#readSaved();
    this.columnList = this.#grid.narrow() ? narrowColumns(this.choices) : gridColumns(this.choices);
  }

  hostUpdated(): void {
    // Flexible columns' widths are known only once drawn; read them again when the tracks change.
    const tracks = `${this.#grid.narrow()}|${this.columnList.map((c) => c.track).join(' ')}`;
    if (tracks === this.#drawnFor) return;
    this.#drawnFor = tracks;
    // In the next frame, as the grid's other measures: rendering again from within an update is a loop.
    requestAnimationFrame(() => this.#measure());
  }

  /** The grid changed size (called in an animation frame): flexible columns did too. */
  resized(): void {
    this.#measure();
  }

  /** What the header row needs for its separators; undefined in narrow layouts. */
  headerResize(): HeaderResize | undefined {
    if (this.#grid.narrow()) return undefined;
    return {
      min: MIN_COLUMN_WIDTH,
      max: MAX_COLUMN_WIDTH,
      width: (col) => {
        const column = this.columnList[col];
        return column && (column.width ?? this.#drawn.get(column.id));
      },
      onPointerDown: this.#onPointerDown,
      onKeyDown: this.#onSeparatorKey,
    };
  }

  chooserInput(): ChooserInput {
    return {
      messages: this.#grid.messages(),
      choices: this.choices,
      open: this.chooserOpen,
      onToggleOpen: () => {
        this.chooserOpen = !this.chooserOpen;
        this.#host.requestUpdate();
        if (this.chooserOpen && !this.#chooser) void this.#loadChooser();
      },
      onToggleColumn: (id: ColumnId) => this.#choose(toggleColumn(this.choices, id)),
      onResetWidths: () => this.#choose(this.choices.map(({ id }) => ({ id }))),
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        this.chooserOpen = false;
        this.#host.requestUpdate();
        (this.#grid.scroller()?.getRootNode() as ParentNode | undefined)
          ?.querySelector<HTMLElement>('.columns-button')
          ?.focus();
      },
    };
  }

  /**
   * The open chooser, under the toolbar. Its button says it is open at once (`aria-expanded`);
   * the panel follows when its code has loaded (the first time only), and focus stays on the
   * button as it does every time.
   */
  renderChooser(): TemplateResult | typeof nothing {
    return this.chooserOpen && this.#chooser ? this.#chooser(this.chooserInput()) : nothing;
  }

  async #loadChooser(): Promise<void> {
    try {
      this.#chooser = (await import('./column-chooser')).renderChooser;
    } catch (error) {
      // Told, and closed again, so the button does not say an absent panel is open.
      console.error('email-responses: could not load the column chooser', error);
      this.chooserOpen = false;
    }
    this.#host.requestUpdate();
  }

  /** Alt+Left and Alt+Right on a focused header: narrower or wider (mirrored right to left), and said aloud. */
  readonly onHeaderKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || this.#grid.narrow()) return;
    const col = this.#grid.focusedHeader();
    if (col < 0 || (event.target as Element).getAttribute?.('role') === 'separator') return;
    if (event.key === 'F2' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      this.#separator(col)?.focus();
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    // Alt+Left is also the browser's Back: the header keeps it.
    event.preventDefault();
    const width = this.#step(col, event.key, event.shiftKey, event.currentTarget as HTMLElement);
    const column = this.columnList[col];
    if (width !== undefined && column)
      this.#grid.announce(this.#grid.messages().columns.resized(this.#grid.messages().headers[column.header], width));
  };

  /** The window splitter pattern's keys on a focused separator. */
  readonly #onSeparatorKey = (event: KeyboardEvent, col: number): void => {
    if (event.ctrlKey || event.metaKey) return;
    const handle = event.currentTarget as HTMLElement;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight':
        this.#step(col, event.key, event.shiftKey, handle);
        break;
      case 'Home':
      case 'End':
        this.#setWidth(col, event.key === 'Home' ? MIN_COLUMN_WIDTH : MAX_COLUMN_WIDTH);
        break;
      case 'Escape':
      case 'Enter':
      case 'F2':
        this.#headerFocusable(col)?.focus();
        break;
      case 'ArrowUp':
      case 'ArrowDown':
      case 'PageUp':
      case 'PageDown':
        // The separator holds focus until it is left: the grid's own keys wait.
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  /** Dragging a header's edge: the column follows the pointer, and is chosen when let go. */
  readonly #onPointerDown = (event: PointerEvent, col: number): void => {
    const id = this.columnList[col]?.id;
    const start = this.#headerWidth(col);
    if (id === undefined || start === undefined || event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget as HTMLElement;
    const rtl = getComputedStyle(handle).direction === 'rtl';
    const x = event.clientX;
    handle.setPointerCapture?.(event.pointerId);
    const move = (e: PointerEvent) => {
      this.choices = resizeColumn(this.choices, id, start + (rtl ? x - e.clientX : e.clientX - x));
      this.#host.requestUpdate();
    };
    // One abort takes the three listeners off (the controller is their options: its `signal`).
    const drag = new AbortController();
    const end = () => {
      drag.abort();
      this.#choose(this.choices);
    };
    handle.addEventListener('pointermove', move, drag);
    handle.addEventListener('pointerup', end, drag);
    handle.addEventListener('pointercancel', end, drag);
  };

  /** Moves a column's end edge a step toward the arrow (so right to left, Left widens); the new width. */
  #step(col: number, key: string, large: boolean, from: HTMLElement): number | undefined {
    const start = this.#headerWidth(col);
    if (start === undefined) return undefined;
    const rtl = getComputedStyle(from).direction === 'rtl';
    const wider = (key === 'ArrowRight') !== rtl;
    const step = large ? STEP_LARGE_PX : STEP_PX;
    return this.#setWidth(col, Math.round(start) + (wider ? step : -step));
  }

  #setWidth(col: number, width: number): number | undefined {
    const column = this.columnList[col];
    if (!column) return undefined;
    const choices = resizeColumn(this.choices, column.id, width);
    this.#choose(choices);
    return choices.find((choice) => choice.id === column.id)?.width;
  }

  /** A choice of the user's: the attribute says it, the host hears it, and the cache keeps it. */
  #choose(choices: ColumnChoice[]): void {
    this.#userChose = true;
    this.choices = choices;
    const columns = formatColumns(choices);
    this.#grid.columns = columns;
    this.#host.requestUpdate();
    const store = this.#grid.store();
    if (store && keepsColumns(store)) {
      const key = this.#grid.key();
      columnsCache()
        .then(({ saveGridColumns }) => saveGridColumns(key, columns))
        .catch((error: unknown) => console.error('email-responses: could not keep the chosen columns', error));
    }
    const event = new CustomEvent('columns-change', { detail: { columns }, bubbles: true, composed: true });
    (this.#host as unknown as HTMLElement).dispatchEvent(event);
  }

  /** With the store's cache in use, reads this grid's kept columns once per store. */
  #readSaved(): void {
    const store = this.#grid.store();
    if (!store || store === this.#readFor || !keepsColumns(store)) return;
    this.#readFor = store;
    const key = this.#grid.key();
    void columnsCache()
      .then(({ loadGridColumns }) => loadGridColumns(key))
      .then((saved) => {
        if (saved !== undefined && !this.#userChose && this.#grid.store() === store) this.#grid.columns = saved;
      })
      // The columns as given stay; a later save loads the module again.
      .catch((error: unknown) => console.error('email-responses: could not read the kept columns', error));
  }

  #headers(): HTMLElement[] {
    return [...(this.#grid.scroller()?.querySelectorAll<HTMLElement>('[role="columnheader"]') ?? [])];
  }

  /** A header's width as drawn, in px: where a resize starts. */
  #headerWidth(col: number): number | undefined {
    const cell = this.#headers()[col];
    return cell ? cell.getBoundingClientRect().width : undefined;
  }

  #separator(col: number): HTMLElement | null {
    return this.#headers()[col]?.querySelector<HTMLElement>('[role="separator"]') ?? null;
  }

  /** The header's own focusable: its sort button, or the header itself. */
  #headerFocusable(col: number): HTMLElement | null {
    const header = this.#headers()[col];
    return header?.querySelector<HTMLElement>('button[data-col]') ?? header ?? null;
  }

  /** Reads the drawn widths; renders again only when one changed. */
  #measure(): void {
    const next = new Map<ColumnId, number>();
    this.#headers().forEach((cell, col) => {
      const id = this.columnList[col]?.id;
      if (id !== undefined) next.set(id, Math.round(cell.getBoundingClientRect().width));
    });
    const same = next.size === this.#drawn.size && [...next].every(([id, w]) => this.#drawn.get(id) === w);
    this.#drawn = next;
    if (!same) this.#host.requestUpdate();
  }
}
