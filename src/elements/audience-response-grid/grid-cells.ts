import { html, nothing, type TemplateResult } from 'lit';
import type { RecipientState } from '../../core/fold';
import { isolated, ltr, visibleControls } from '../shared/bidi-text';
import { emailTypeName, providerName } from '../shared/display-names';
import type { Messages } from '../shared/messages';
import { sentToProviderWait, type TimeFormatter } from '../shared/time-format';
import type { EmailEngagement, RowEngagement } from '../../store/email-engagement';
import type { GridColumn } from './grid-columns';

/** What rendering a row's cells needs, built once per render. */
export interface CellContext {
  messages: Messages;
  /** Response labels by catalogue id, in the element's language. */
  labels: ReadonlyMap<string, string>;
  /** The wide grid's full date and time, or a narrow grid's shorter ones (ShortTime). */
  time: Pick<TimeFormatter, 'format'>;
  numbers: Intl.NumberFormat;
  now: number;
  /** The rules' Sent to provider limit. */
  limitHours: number;
  /** A response's stage, in the element's language. */
  stage: (response: string) => string;
  /**
   * The email's opens and clicks by row, from the store's events (`() => view.engagement()`),
   * for the first open, last open, last click and clicked link columns; without it they are
   * empty. Asked only by a row that shows one of them: reading the log costs nothing to a grid
   * without those columns.
   */
  engagement?: () => EmailEngagement | undefined;
}

/** A row's engagement times, read once per row and only when a column shows one. */
function engagementOf(r: RecipientState, ctx: CellContext, cache: { value?: RowEngagement }): RowEngagement {
  return (cache.value ??= ctx.engagement?.()?.recipient(r.recipientId) ?? {});
}

/**
 * One row's cells. Every value goes in as a text binding or an attribute value, so names and
 * addresses that look like markup stay text. The focused cell alone is in the tab order.
 */
export function renderCells(
  r: RecipientState,
  columns: readonly GridColumn[],
  ctx: CellContext,
  focusedCol: number,
): TemplateResult[] {
  const engaged: { value?: RowEngagement } = {};
  return columns.map((column, col) => {
    const focused = col === focusedCol;
    return html`<div
      role="gridcell"
      class=${column.numeric ? 'cell numeric' : 'cell'}
      part=${focused ? 'cell focused-cell' : 'cell'}
      data-col=${col}
      data-column=${column.id}
      title=${cellTitle(r, column, ctx, engaged) ?? nothing}
      tabindex=${focused ? 0 : -1}
    >${cellContent(r, column, ctx, engaged)}</div>`;
  });
}

/**
 * A text cell's whole text, as its tooltip: narrow columns cut names, addresses and reasons
 * with an ellipsis (screen readers still read the whole text, which stays in the cell).
 */
function cellTitle(
  r: RecipientState,
  column: GridColumn,
  ctx: CellContext,
  engaged: { value?: RowEngagement },
): string | undefined {
  switch (column.id) {
    case 'clicked-link': {
      const url = engagementOf(r, ctx, engaged).lastLink;
      return url === undefined ? undefined : visibleControls(url);
    }
    case 'contact':
      return r.contactName === undefined ? undefined : visibleControls(r.contactName);
    case 'address':
      return r.address === undefined ? undefined : visibleControls(r.address);
    case 'provider':
    case 'email-type':
      return namedContent(r, column.id, ctx);
    case 'stage':
      return ctx.stage(r.response);
    case 'reason':
      return r.reason === undefined ? undefined : visibleControls(r.reason);
    case 'response': {
      const parts = [ctx.labels.get(r.response) ?? r.label];
      if (r.final) parts.push(ctx.messages.final);
      if (r.reason !== undefined) parts.push(visibleControls(r.reason));
      return parts.join(' ');
    }
    default:
      return undefined;
  }
}

function cellContent(
  r: RecipientState,
  column: GridColumn,
  ctx: CellContext,
  engaged: { value?: RowEngagement },
): unknown {
  switch (column.id) {
    case 'contact':
      return r.contactName !== undefined
        ? isolated(r.contactName)
        : html`<span class="missing">${ctx.messages.noName}</span>`;
    case 'address':
      return r.address !== undefined ? ltr(r.address, 'address') : '';
    case 'response':
      return responseContent(r, ctx);
    case 'opens':
      return ctx.numbers.format(r.opens);
    case 'clicks':
      return ctx.numbers.format(r.clicks);
    case 'last-response':
      return timeContent(r.lastAt, ctx);
    case 'first-open':
      return timeContent(engagementOf(r, ctx, engaged).firstOpenAt, ctx);
    case 'last-open':
      return timeContent(engagementOf(r, ctx, engaged).lastOpenAt, ctx);
    case 'last-click':
      return timeContent(engagementOf(r, ctx, engaged).lastClickAt, ctx);
    case 'clicked-link': {
      // A URL is left-to-right data: isolated, its bidi controls shown, its whole text the tooltip.
      const url = engagementOf(r, ctx, engaged).lastLink;
      return url !== undefined ? ltr(url) : '';
    }
    case 'provider': {
      const name = namedContent(r, column.id, ctx);
      return name !== undefined ? ltr(name) : '';
    }
    case 'email-type':
      return namedContent(r, column.id, ctx) ?? '';
    case 'stage':
      return ctx.stage(r.response);
    case 'reason':
      return r.reason !== undefined ? html`<span class="detail" dir="ltr">${visibleControls(r.reason)}</span>` : '';
  }
}

/**
 * The provider's or the email type's name ("SendGrid", "Newsletter"), as the CSV writes it; an
 * unknown provider shows its id. Both sort by the id (the store's key), which for the known
 * providers is the names' order but for Amazon SES (`ses`).
 */
function namedContent(r: RecipientState, column: 'provider' | 'email-type', ctx: CellContext): string | undefined {
  if (column === 'provider') return r.provider === undefined ? undefined : providerName(ctx.messages, r.provider);
  return r.emailType === undefined
    ? undefined
    : emailTypeName(ctx.messages, r.emailType, ctx.numbers.resolvedOptions().locale);
}

/** A time as the Last response column shows it (zone, language, relative while recent); empty without one. */
function timeContent(at: number | undefined, ctx: CellContext): TemplateResult | string {
  if (at === undefined) return '';
  const time = ctx.time.format(at, ctx.now);
  return html`<time dir="auto" datetime=${time.iso} title=${time.title}>${time.text}</time>`;
}

function responseContent(r: RecipientState, ctx: CellContext): TemplateResult {
  const label = ctx.labels.get(r.response) ?? r.label;
  let wait: TemplateResult | typeof nothing = nothing;
  if (r.response === 'sent-to-provider') {
    const waited = sentToProviderWait(r.at, ctx.now, ctx.limitHours);
    const text = waited.overdue
      ? ctx.messages.overdue(waited.hours, waited.limitHours)
      : ctx.messages.waited(waited.hours, waited.limitHours);
    wait = html`<span class=${waited.overdue ? 'detail overdue' : 'detail'} dir="auto" part=${waited.overdue ? 'wait overdue' : 'wait'}>${text}</span>`;
  }
  // An unsubscribe from one email type leaves the contact's other emails: say which type it was.
  const scope =
    r.scope === 'type'
      ? html` <span class="detail" part="scope">${ctx.messages.unsubscribedFromType(r.emailType)}</span>`
      : nothing;
  // The spaces between the parts keep them apart for screen readers and copy and paste. The final
  // marker's is its own (white-space: nowrap): a slim row never breaks between it and the name.
  return html`<span class="label" dir="auto" part=${`response-label response-${r.response}`}>${label}</span>${
    r.final ? html`<span class="final" part="final-marker"> ${ctx.messages.final}</span>` : nothing
  }${wait === nothing ? nothing : html` ${wait}`}${scope}${r.reason !== undefined ? html` <span class="detail" part="reason" dir="ltr" title=${visibleControls(r.reason)}>${visibleControls(r.reason)}</span>` : nothing}`;
}
