import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ResponseDefinition } from '../../core/catalogue';
import type { Messages } from '../shared/messages';
import { responseCounts, type TimelineEmail } from './timeline-model';

export interface ToolbarInput {
  messages: Messages;
  /** Every email of the contact, whatever the filter: the options count over them. */
  all: readonly TimelineEmail[];
  responses: readonly ResponseDefinition[];
  labels: ReadonlyMap<string, string>;
  response: string;
  showMachineOpens: boolean;
  /** The window: `[start, end)` of `total` filtered emails. */
  start: number;
  end: number;
  total: number;
  onFilter: (event: Event) => void;
  onMachineToggle: (event: Event) => void;
}

/**
 * The response filter (only the responses the contact has, each with how many emails, in
 * catalogue order), the machine-opens switch and where the window is. Options carry `selected`
 * rather than the select a `.value`: the value would be set before the options exist.
 */
export function renderToolbar(input: ToolbarInput): TemplateResult {
  const t = input.messages.timeline;
  const counts = responseCounts(input.all);
  const options = input.responses.filter((r) => counts.has(r.id) || r.id === input.response);
  return html`<div class="toolbar" part="toolbar">
    <label
      >${t.filterLabel}
      <select part="filter" @change=${input.onFilter}>
        <option value="" ?selected=${input.response === ''}>${t.allResponses}</option>
        ${options.map(
          (r) =>
            html`<option value=${r.id} ?selected=${input.response === r.id}>${t.responseOption(input.labels.get(r.id) ?? r.label, counts.get(r.id) ?? 0)}</option>`,
        )}
      </select>
    </label>
    <label><input type="checkbox" part="machine-toggle" .checked=${live(input.showMachineOpens)} @change=${input.onMachineToggle} />${t.showMachineOpens}</label>
    <span class="range muted" part="range">${input.total > 0 ? t.range(input.start + 1, input.end, input.total) : ''}</span>
  </div>`;
}
