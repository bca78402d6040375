import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../shared/messages';
import { COLUMN_IDS, gridColumns, type ColumnChoice, type ColumnId } from './grid-columns';

export interface ChooserInput {
  messages: Messages;
  choices: readonly ColumnChoice[];
  open: boolean;
  onToggleOpen: () => void;
  onToggleColumn: (id: ColumnId) => void;
  onResetWidths: () => void;
  /** Escape in the panel closes it and gives focus back to the button. */
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * The chooser: a checkbox per column, in the page's flow under the toolbar rather than floating
 * over the rows, so it never covers data and never paints outside the host. The last shown
 * column cannot be hidden. This module loads when the chooser is first opened
 * (column-layout-controller.ts): most visits never open it. Its button is the toolbar's.
 */
export function renderChooser(input: ChooserInput): TemplateResult | typeof nothing {
  if (!input.open) return nothing;
  const { messages: m, choices } = input;
  const shown = new Set(choices.map((choice) => choice.id));
  const headers = new Map(gridColumns(COLUMN_IDS.map((id) => ({ id }))).map((c) => [c.id, m.headers[c.header]]));
  return html`<fieldset id="column-chooser" class="chooser" part="column-chooser" @keydown=${input.onKeyDown}>
    <legend>${m.columns.legend}</legend>
    <div class="chooser-options">
      ${COLUMN_IDS.map((id) => {
        const checked = shown.has(id);
        return html`<label class="chooser-option"
          ><input
            type="checkbox"
            data-column=${id}
            .checked=${checked}
            ?disabled=${checked && shown.size === 1}
            @change=${() => input.onToggleColumn(id)}
          />${headers.get(id)}</label
        >`;
      })}
    </div>
    <p class="chooser-hint">${m.columns.resizeHint}</p>
    <button
      type="button"
      part="button"
      ?disabled=${choices.every((choice) => choice.width === undefined)}
      @click=${input.onResetWidths}
    >
      ${m.columns.resetWidths}
    </button>
  </fieldset>`;
}
