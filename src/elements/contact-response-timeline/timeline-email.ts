import { html, nothing, type TemplateResult } from 'lit';
import type { ResponseEvent } from '../../core/event';
import { explainRecipientEvents, type ExplainedEvent } from '../../core/explain';
import type { RecipientState } from '../../core/fold';
import type { CompiledRules } from '../../core/rules';
import { ltr, ltrAddress, visibleControls } from '../shared/bidi-text';
import { emailTypeName } from '../shared/display-names';
import type { Messages } from '../shared/messages';
import { sentToProviderWait, type TimeFormatter } from '../shared/time-format';
import type { TimelineEmail } from './timeline-model';

/** What rendering an email needs, built once per render. */
export interface EmailContext {
  messages: Messages;
  /** Response labels by catalogue id, in the element's language. */
  labels: ReadonlyMap<string, string>;
  time: TimeFormatter;
  now: number;
  rules: CompiledRules;
  showMachineOpens: boolean;
  /** The email the host marks as current (the timeline's `email-id`); '' for none. */
  currentEmailId: string;
  /** A recipient's events in time order (the store's log). */
  events: (emailId: string, recipientId: string) => { event: ResponseEvent; at: number }[];
  /** Redeliveries the store counted once. */
  duplicates: (emailId: string, recipientId: string) => readonly { event: ResponseEvent; at: number }[];
  select: (email: TimelineEmail, recipient: RecipientState) => void;
  /** A warning when the email went out after the address was marked (see sentAfterFlag). */
  warning: (email: TimelineEmail) => string | undefined;
}

/**
 * One email of the timeline: what it was, the contact's current response to it, and every event
 * in time order saying whether it changed the response and, if not, why. All data goes in as
 * text bindings, so names, reasons and URLs that look like markup stay text.
 */
export function renderEmail(email: TimelineEmail, ctx: EmailContext): TemplateResult {
  const t = ctx.messages.timeline;
  const time = ctx.time.format(email.at, ctx.now);
  const current = email.emailId === ctx.currentEmailId;
  return html`<li class="email" part=${current ? 'email current-email' : 'email'} data-email-id=${email.emailId} aria-current=${current ? 'true' : nothing}>
    <div class="email-head">
      <button type="button" class="email-button" part="email-button" @click=${() => ctx.select(email, email.recipients[0]!)}>${ltr(email.emailId, 'email-id')}</button>
      <span class="muted" part="email-kind">${email.kind ? t.kinds[email.kind] : t.kinds.unknown}</span>
      ${email.type !== undefined ? html`<span class="muted" part="email-type">${t.emailType(emailTypeName(ctx.messages, email.type, ctx.time.locale))}</span>` : nothing}
      <time dir="auto" class="muted" part="email-time" datetime=${time.iso} title=${time.title}>${time.text}</time>
    </div>
    ${warningOf(email, ctx)}
    ${email.recipients.map((r, index) => renderRecipient(email, r, index, ctx))}
  </li>`;
}

function warningOf(email: TimelineEmail, ctx: EmailContext): TemplateResult | typeof nothing {
  const text = ctx.warning(email);
  return text === undefined
    ? nothing
    : html`<p class="warning" part="warning sent-after-flag" role="note" dir="auto">${text}</p>`;
}

function renderRecipient(email: TimelineEmail, r: RecipientState, index: number, ctx: EmailContext): TemplateResult {
  const m = ctx.messages;
  const t = m.timeline;
  const explained = explainRecipientEvents(
    ctx.events(r.emailId, r.recipientId),
    ctx.rules,
    ctx.duplicates(r.emailId, r.recipientId),
  );
  const shown = ctx.showMachineOpens ? explained : explained.filter((e) => e.counted !== 'machineOpens');
  const hidden = explained.length - shown.length;
  // The email's button chooses its first recipient; a later one (the contact was twice in the
  // audience) gets its own, named by the email and the send's number: a bare address there read
  // like another email's name. The address follows as for the first.
  const address =
    r.address !== undefined ? html`<span class="muted" part="address">${ltrAddress(r.address)}</span> ` : nothing;
  const who =
    index > 0
      ? html`<button type="button" class="recipient-button" part="email-button" @click=${() => ctx.select(email, r)}>${t.sendNumber(email.emailId, index + 1)}</button> ${address}`
      : address;
  const counts = [
    t.opens(r.opens),
    t.clicks(r.clicks),
    ...(ctx.showMachineOpens ? [t.machineOpens(r.machineOpens)] : []),
  ].join(' · ');
  return html`<div class="recipient" part="recipient" data-recipient-id=${r.recipientId}>
    <p class="current">
      ${who}<span class="response" part=${`response-label response-${r.response}`}>${ctx.labels.get(r.response) ?? r.label}</span>${
        r.final ? html` <span class="final" part="final-marker">${m.final}</span>` : nothing
      }
      ${currentDetails(r, ctx)}<span class="muted" part="counts" dir="auto">${counts}</span>${r.reason !== undefined ? html` <span class="muted" part="reason" dir="ltr">${visibleControls(r.reason)}</span>` : nothing}
    </p>
    ${
      explained.length === 0
        ? html`<p class="muted" part="no-events">${t.noEvents}</p>`
        : html`<ol class="events" part="events" aria-label=${t.eventsLabel(email.emailId)}>
          ${shown.map((e) => renderEvent(e, ctx))}
        </ol>`
    }
    ${hidden > 0 ? html`<p class="muted" part="hidden-count">${t.machineOpensHidden(hidden)}</p>` : nothing}
  </div>`;
}

/**
 * What the response alone does not say: how long Sent to provider has waited toward the rules'
 * limit (as the grid shows it), and the email type of an unsubscribe scoped to it.
 */
function currentDetails(r: RecipientState, ctx: EmailContext): TemplateResult | typeof nothing {
  const m = ctx.messages;
  if (r.response === 'sent-to-provider') {
    const waited = sentToProviderWait(r.at, ctx.now, ctx.rules.source.sentToProviderLimitHours);
    const text = waited.overdue
      ? m.overdue(waited.hours, waited.limitHours)
      : m.waited(waited.hours, waited.limitHours);
    return html`<span class=${waited.overdue ? 'muted overdue' : 'muted'} part=${waited.overdue ? 'wait overdue' : 'wait'}>${text}</span> `;
  }
  if (r.scope === 'type') return html`<span class="scope" part="scope">${m.unsubscribedFromType(r.emailType)}</span> `;
  return nothing;
}

function renderEvent(e: ExplainedEvent, ctx: EmailContext): TemplateResult {
  const t = ctx.messages.timeline;
  const time = ctx.time.format(e.at, ctx.now);
  return html`<li
    class=${e.changed ? 'event changed' : 'event'}
    part=${e.changed ? 'event event-changed' : 'event event-unchanged'}
    data-response=${e.response}
    data-because=${e.because ?? 'changed'}
  >
    <time dir="auto" datetime=${time.iso} title=${time.title}>${time.text}</time>
    <span class="event-response" part="event-response">${ctx.labels.get(e.response) ?? e.response}</span>
    <span class="explanation" part="explanation">${explanation(e, ctx)}</span>${
      e.counted ? html` <span class="counted" part="counted">${t.counted[e.counted]}</span>` : nothing
    }${e.event.reason !== undefined ? html` <span class="muted" part="reason" dir="ltr">${visibleControls(e.event.reason)}</span>` : nothing}${
      e.event.url !== undefined
        ? html` <span class="muted url" part="url" dir="ltr">${visibleControls(e.event.url)}</span>`
        : nothing
    }
  </li>`;
}

/** Changed, or why not, naming the response that stood. */
function explanation(e: ExplainedEvent, ctx: EmailContext): string {
  const t = ctx.messages.timeline;
  const standing = ctx.labels.get(e.responseAfter) ?? e.responseAfter;
  switch (e.because) {
    case undefined:
      return t.changed;
    case 'lower-priority':
      return t.lowerPriority(standing);
    case 'after-final':
      return t.afterFinal(standing);
    case 'same-response':
      return t.sameResponse(standing);
    case 'duplicate':
      return t.duplicate;
    case 'after-period':
      return t.afterPeriod(ctx.rules.source.statisticsPeriodDays ?? 0);
  }
}
