import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ResponseDefinition } from '../../core/catalogue';
import { AUDIENCE_GROUPS, type AudienceEngagement, type AudienceGroup } from '../../store/audience/audience-query';
import type { AudienceCounts } from '../../store/audience/audience-view';
import type { FilterRequest } from '../shared/filter-request';
import type { Messages } from '../shared/messages';

export interface ChipActions {
  toggleResponse(id: string): void;
  toggleGroup(group: AudienceGroup): void;
  /** All: clears the response and group chips (an engagement stays, like the search). */
  clear(): void;
  clearEngagement(): void;
  clearRecipients(): void;
}

const ENGAGEMENT_MESSAGE: Record<AudienceEngagement, keyof Messages['engagement']> = {
  opened: 'opened',
  clicked: 'clicked',
  'machine-opened': 'machineOpened',
  'opened-not-delivered': 'openedNotDelivered',
};

/** A group chip's words: a stage's name, or Sent, Final, Still changing. */
export function groupLabel(messages: Messages, group: AudienceGroup): string {
  switch (group) {
    case 'sent':
      return messages.groups.sent;
    case 'final':
      return messages.groups.final;
    case 'awaiting-final':
      return messages.groups.awaitingFinal;
    default:
      return messages.stages[group];
  }
}

/**
 * The filter chips: All, Sent, the five stages, Final and Still changing, then every response that has rows
 * or is chosen (29 chips, most at zero, would bury the useful ones). Each count is the rows the chip shows.
 */
export function renderChips(
  counts: AudienceCounts,
  filter: FilterRequest,
  responses: readonly ResponseDefinition[],
  labels: ReadonlyMap<string, string>,
  messages: Messages,
  numbers: Intl.NumberFormat,
  actions: ChipActions,
): TemplateResult {
  const chosenResponses = filter.responses ?? [];
  const chosenGroups = filter.groups ?? [];
  const none = chosenResponses.length === 0 && chosenGroups.length === 0;
  const chip = (label: string, count: number, pressed: boolean, onClick: () => void, name: string) =>
    html`<button type="button" class="chip" part=${pressed ? 'chip chip-pressed' : 'chip'} data-chip=${name} aria-pressed=${pressed ? 'true' : 'false'} @click=${onClick}>
      ${label}<span class="chip-count">${numbers.format(count)}</span>
    </button>`;
  // The engagement narrows every chip, like the search: its chip shows while set and removes it.
  const engagement = filter.engagement === undefined ? undefined : ENGAGEMENT_MESSAGE[filter.engagement];
  return html`${
    engagement
      ? chip(messages.engagement[engagement], counts.all, true, () => actions.clearEngagement(), 'engagement')
      : ''
  }${filter.recipients ? chip(filter.recipients.label, counts.all, true, () => actions.clearRecipients(), 'recipients') : ''}${chip(messages.clearFilter, counts.all, none, () => actions.clear(), 'all')}${AUDIENCE_GROUPS.map(
    (group) =>
      chip(
        groupLabel(messages, group),
        counts.groups[group],
        chosenGroups.includes(group),
        () => actions.toggleGroup(group),
        group,
      ),
  )}${responses
    .filter((response) => (counts.byResponse[response.id] ?? 0) > 0 || chosenResponses.includes(response.id))
    .map((response) =>
      chip(
        labels.get(response.id) ?? response.label,
        counts.byResponse[response.id] ?? 0,
        chosenResponses.includes(response.id),
        () => actions.toggleResponse(response.id),
        response.id,
      ),
    )}`;
}

/** A copy of the filter with one value added or taken away. */
export function toggled<T>(values: readonly T[] | undefined, value: T): T[] {
  const list = [...(values ?? [])];
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
  else list.push(value);
  return list;
}

export interface ToolbarInput {
  messages: Messages;
  search: string;
  shown: number;
  total: number;
  /** No email to export yet. */
  disabled: boolean;
  onSearchInput: (event: Event) => void;
  onSearchChange: (event: Event) => void;
  onExport: () => void;
  onResend: () => void;
}

/** Search, the row count and the two downloads. */
export function renderToolbar(input: ToolbarInput): TemplateResult {
  const m = input.messages;
  return html`<div class="toolbar" part="toolbar">
    <input
      type="search"
      part="search"
      aria-label=${m.searchLabel}
      placeholder=${m.searchPlaceholder}
      .value=${live(input.search)}
      @input=${input.onSearchInput}
      @change=${input.onSearchChange}
    />
    <span class="count" part="row-count">${m.rowCount(input.shown, input.total)}</span>
    <button type="button" part="button export-button" ?disabled=${input.disabled} @click=${input.onExport}>${m.exportCsv}</button>
    <button type="button" part="button resend-button" ?disabled=${input.disabled} @click=${input.onResend}>${m.resendList}</button>
  </div>`;
}
