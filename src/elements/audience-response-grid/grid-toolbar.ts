import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ResponseDefinition } from '../../core/catalogue';
import { AUDIENCE_GROUPS, type AudienceEngagement, type AudienceGroup } from '../../store/audience/audience-query';
import type { AudienceCounts } from '../../store/audience/audience-view';
import type { FilterRequest } from '../shared/filter-request';
import type { Messages } from '../shared/messages';
import type { ChooserInput } from './column-chooser';

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
 * The filter chips: All, then the "Stage" group (Sent, the five stages, Final and Still changing),
 * then the "Response" group, every response that has rows or is chosen (29 chips, most at zero,
 * would bury the useful ones). Each count is the rows the chip shows. Each group is a role=group
 * named by its visible label. All the chips are one Tab stop (roving tabindex): `tabStop` names
 * the chip that has it, else the first pressed one; the arrows move between them, across the
 * groups (`chipKeyTarget`), so reaching the grid takes one Tab, not one per group.
 */
export function renderChips(
  counts: AudienceCounts,
  filter: FilterRequest,
  responses: readonly ResponseDefinition[],
  labels: ReadonlyMap<string, string>,
  messages: Messages,
  numbers: Intl.NumberFormat,
  actions: ChipActions,
  tabStop?: string,
): TemplateResult {
  const chosenResponses = filter.responses ?? [];
  const chosenGroups = filter.groups ?? [];
  const none = chosenResponses.length === 0 && chosenGroups.length === 0;
  const engagement = filter.engagement === undefined ? undefined : ENGAGEMENT_MESSAGE[filter.engagement];
  const shown = responses.filter(
    (response) => (counts.byResponse[response.id] ?? 0) > 0 || chosenResponses.includes(response.id),
  );
  const recipients = filter.recipients ? ['recipients'] : [];
  const names = [
    ...(engagement ? ['engagement'] : []),
    ...recipients,
    'all',
    ...AUDIENCE_GROUPS,
    ...shown.map((r) => r.id),
  ];
  const pressedNames = [
    ...(engagement ? ['engagement'] : []),
    ...recipients,
    ...(none ? ['all'] : []),
    ...chosenGroups,
    ...chosenResponses,
  ];
  const stop =
    tabStop !== undefined && names.includes(tabStop) ? tabStop : (names.find((n) => pressedNames.includes(n)) ?? 'all');
  // The count is a separate word for screen readers and copy and paste ("Sent 860", not "Sent860").
  const chip = (label: string, count: number, pressed: boolean, onClick: () => void, name: string) =>
    html`<button
      type="button"
      class="chip"
      part=${pressed ? 'chip chip-pressed' : 'chip'}
      data-chip=${name}
      tabindex=${name === stop ? 0 : -1}
      aria-pressed=${pressed ? 'true' : 'false'}
      @click=${onClick}
    >
      <span class="chip-label">${label}</span> <bdi class="chip-count">${numbers.format(count)}</bdi>
    </button>`;
  // A group of chips under a visible label (its name for screen readers too): "Delivered" is a
  // stage and a response, and "Delivered 865" beside "Delivered 654" told nobody which was which.
  // The label shows twice over, once for each layout (the styles show one): in the line's flow,
  // beside the first chip, where the chips wrap; before the line, out of its scroll, where the
  // line scrolls sideways (a narrow grid), so it stays in place while the chips scroll.
  const group = (kind: 'stage' | 'response', chips: TemplateResult[]) => {
    const label = messages.headers[kind];
    return chips.length === 0
      ? nothing
      : // The line is out of the Tab order: a scroller is otherwise a Tab stop of its own.
        html`<div class="chip-group" part="chip-group" role="group" aria-labelledby=${`chips-${kind}`}>
          <span class="chip-group-label" part="chip-group-label" aria-hidden="true">${label}</span>
          <div class="chip-line" tabindex="-1">
            <span class="chip-group-head"
              ><span class="chip-group-label" part="chip-group-label" id=${`chips-${kind}`}>${label}</span>${chips[0]}</span
            >${chips.slice(1)}
          </div>
        </div>`;
  };
  // The engagement narrows every chip, like the search: its chip shows while set and removes it.
  return html`${
    engagement
      ? chip(messages.engagement[engagement], counts.all, true, () => actions.clearEngagement(), 'engagement')
      : ''
  }${
    filter.recipients
      ? chip(filter.recipients.label, counts.all, true, () => actions.clearRecipients(), 'recipients')
      : ''
  }${chip(messages.clearFilter, counts.all, none, () => actions.clear(), 'all')}${group(
    'stage',
    AUDIENCE_GROUPS.map((g) =>
      chip(groupLabel(messages, g), counts.groups[g], chosenGroups.includes(g), () => actions.toggleGroup(g), g),
    ),
  )}${group(
    'response',
    shown.map((response) =>
      chip(
        labels.get(response.id) ?? response.label,
        counts.byResponse[response.id] ?? 0,
        chosenResponses.includes(response.id),
        () => actions.toggleResponse(response.id),
        response.id,
      ),
    ),
  )}`;
}

/**
 * The chip an arrow key, Home or End moves to from chip `at` of `count` (left and right swap on
 * a right-to-left page); undefined for other keys.
 */
export function chipKeyTarget(key: string, rtl: boolean, at: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
      return Math.max(0, Math.min(count - 1, at + (rtl ? -1 : 1)));
    case 'ArrowLeft':
      return Math.max(0, Math.min(count - 1, at + (rtl ? 1 : -1)));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
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
  /** No email yet: no resend list. */
  disabled: boolean;
  /** Changes held back while the user reads (0: none). */
  held: number;
  /** Whether any recipient of the email soft-bounced: the resend list is empty otherwise. */
  softBounces: boolean;
  onShowHeld: () => void;
  onSearchInput: (event: Event) => void;
  onSearchChange: (event: Event) => void;
  onExport: () => void;
  onResend: () => void;
  /** The column chooser's button, before the downloads. */
  columnsButton?: TemplateResult;
}

/**
 * Search, the row count, held updates and the two downloads. Held updates are told here, in
 * the bar, never over the rows they concern.
 */
export function renderToolbar(input: ToolbarInput): TemplateResult {
  const m = input.messages;
  // No row, nothing to export: the button says why and stays focusable (aria-disabled), so a
  // keyboard or screen reader user finds it and hears the reason instead of getting an empty file.
  const empty = input.shown === 0;
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
    <span class="count" part="row-count" dir="auto">${m.rowCount(input.shown, input.total, input.held > 0)}</span>
    ${
      input.held > 0
        ? html`<span class="held" part="held-updates"
          >${m.heldUpdates.paused} · ${m.heldUpdates.count(input.held)} ·
          <button type="button" part="button updates-button" aria-label=${m.heldUpdates.showLabel(input.held)} @click=${input.onShowHeld}>${m.heldUpdates.show}</button></span
        >`
        : nothing
    }
    ${input.columnsButton ?? nothing}
    <button
      type="button"
      part="button export-button"
      aria-disabled=${empty ? 'true' : nothing}
      title=${empty ? m.nothingToExport : nothing}
      @click=${empty ? null : input.onExport}
    >${m.exportCsv}</button>
    <button type="button" part="button resend-button" ?disabled=${input.disabled || !input.softBounces} @click=${input.onResend}>
      ${input.softBounces ? m.resendList : m.noSoftBounces}
    </button>
  </div>`;
}

/** The toolbar button that shows and hides the column chooser (the APG disclosure pattern). */
export function renderChooserButton(input: ChooserInput): TemplateResult {
  return html`<button
    type="button"
    class="columns-button"
    part="button columns-button"
    aria-expanded=${input.open ? 'true' : 'false'}
    aria-controls="column-chooser"
    @click=${input.onToggleOpen}
  >
    ${input.messages.columns.button}
  </button>`;
}
