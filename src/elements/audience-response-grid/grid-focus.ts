import type { AudienceView } from '../../store/audience/audience-view';
import type { GridPosition } from './grid-keyboard';

/**
 * Where the grid's focus is. A data row is remembered by its recipient, not its index, so focus
 * stays on the same person as live updates, sorting and filtering move rows; the index is
 * worked out again before each render. Row -1 is the header.
 */
export class GridFocus {
  index = -1;
  col = 0;
  #recipient: string | undefined;

  get position(): GridPosition {
    return { row: this.index, col: this.col };
  }

  /** Focuses the row at a view index (or the header, for -1 or an index out of range). */
  setRow(view: AudienceView | undefined, index: number): void {
    if (!view || index < 0 || index >= view.length) {
      this.index = -1;
      this.#recipient = undefined;
      return;
    }
    this.index = index;
    this.#recipient = view.state.recipientAt(view.rowAt(index)).recipientId;
  }

  /** Focuses a recipient known to be at `index`. */
  setRecipient(recipientId: string, index: number): void {
    this.index = index;
    this.#recipient = recipientId;
  }

  /** Follows the recipient to its new index; if it left the view, takes the row now in its place. */
  resolve(view: AudienceView | undefined, columns: number): void {
    this.col = Math.max(0, Math.min(columns - 1, this.col));
    if (!view || this.index < 0) return;
    const index = this.#recipient === undefined ? -1 : view.indexOf(this.#recipient);
    if (index >= 0) this.index = index;
    else this.setRow(view, Math.min(this.index, view.length - 1));
  }

  /** The cell a focus event landed on, from the data attributes the templates set. */
  static cellOf(target: EventTarget | undefined): GridPosition | undefined {
    const cell = (target as HTMLElement | undefined)?.closest?.<HTMLElement>('[data-col]');
    if (!cell) return undefined;
    const row = cell.closest<HTMLElement>('[data-index]');
    return { row: row ? Number(row.dataset['index']) : -1, col: Number(cell.dataset['col']) };
  }
}
