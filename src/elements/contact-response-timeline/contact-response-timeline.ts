import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { RecipientState, ResponseState } from '../../core/fold';
import type { ResponseStore } from '../../store/response-store';
import type { StoreChange } from '../../store/store-events';
import { responseLabel, type Messages } from '../shared/messages';
// Adds the timeline's words to the message table (they load with this view, not with the grid).
import '../shared/timeline-messages';
import { ResponseViewElement } from '../shared/response-view-element';
import { storeNotices, type StatusNotice } from '../shared/store-status';
import { themeStyles } from '../shared/theme-styles';
import { warnOnce } from '../shared/warn';
import { KeysetWindow } from './keyset-window';
import { TimelineData } from './timeline-data';
import { renderEmail, type EmailContext } from './timeline-email';
import type { EmailSelectDetail } from './timeline-events';
import { renderFlags, sentAfterFlag } from './timeline-flags';
import { compareKeys, withResponse, type TimelineEmail, type TimelineKey } from './timeline-model';
import { timelineStyles } from './timeline-styles';
import { renderToolbar } from './timeline-toolbar';

const DEFAULT_PAGE = 50;
/** A page this long is already slow to read; thousands at once would be slow to render. */
const MAX_PAGE = 500;

/**
 * One contact across every bulk and trigger email it was in, live: newest first, each email with
 * its kind and type, the contact's current response (final or not), opens and clicks, and under
 * it every event in time order saying whether it changed the response and, if not, why (a lower
 * priority, after a final response, the same response again). The contact's flags lead: Do not
 * use email, Valid, the email types it unsubscribed from, and the soft-bounce warning.
 *
 * Long histories are paged by key, not offset: a page of emails at a time, "show older emails"
 * continuing after the last one shown, and never more than four pages in the DOM (the newest
 * drop out and "show newer emails" brings them back). Live changes re-render only when they
 * touch this contact.
 *
 * @summary Every email a contact was in, how it responded, and why each event counted or not.
 * @tagname contact-response-timeline
 *
 * @fires email-select - An email was chosen by click or Enter. Detail: `{ emailId, recipientId, contactId }`;
 *   open that email's grid and call `grid.revealRecipient(recipientId)`.
 *
 * @csspart contact-header - The contact's name and address above the flags.
 * @csspart contact-name - The contact's name.
 * @csspart contact-address - The contact's current address (isolated left-to-right).
 * @csspart sent-after-flag - The warning on an email sent or delivered after the address was marked invalid or
 *   Do not use email (also `warning`).
 * @csspart flags - The contact's flags.
 * @csspart flag - One flag (`data-flag`: `do-not-use-email`, `valid`, `unsubscribed-types`).
 * @csspart flag-cause - Which response in which email set a flag.
 * @csspart warning - The soft-bounce warning.
 * @csspart status - The loading, empty and offline notices.
 * @csspart toolbar - The filter, the machine-opens switch and the range.
 * @csspart filter - The response filter (a select).
 * @csspart machine-toggle - The show-machine-opens checkbox.
 * @csspart range - "Emails 1–50 of 5,000".
 * @csspart button - Every button but the emails' own.
 * @csspart more-button - Shows older emails.
 * @csspart newer-button - Shows newer emails.
 * @csspart emails - The list of emails.
 * @csspart email - One email; also `current-email` for the one `email-id` names.
 * @csspart email-button - The email's name: chooses it (`email-select`). A later recipient of the same email
 *   (the contact was twice in its audience) has its own: "welcome, send 2".
 * @csspart email-id - The email's id in its button, isolated left-to-right.
 * @csspart email-kind - Bulk or trigger.
 * @csspart email-type - The email's type.
 * @csspart email-time - When the email first reached the contact.
 * @csspart recipient - The contact's recipient in the email.
 * @csspart address - The address the email went to.
 * @csspart response-label - The current response; also `response-<id>` (`response-hard-bounce`).
 * @csspart final-marker - The "final" marker.
 * @csspart counts - Opens and clicks (and machine opens when shown).
 * @csspart reason - The provider's reason.
 * @csspart wait - Sent to provider's wait toward the rules' limit; past it also `overdue`.
 * @csspart scope - "Unsubscribed from newsletter": an unsubscribe from the email's type only.
 * @csspart events - The list of the recipient's events.
 * @csspart event - One event; also `event-changed` or `event-unchanged`.
 * @csspart event-response - The event's response.
 * @csspart explanation - Changed the response, or why not.
 * @csspart counted - "+1 open", "+1 click".
 * @csspart url - The link clicked.
 * @csspart hidden-count - "2 machine opens hidden".
 * @csspart no-events - Said when the events are not in this page (restored from the cache).
 *
 * @cssprop --email-responses-background - Background; white, or dark grey in dark mode.
 * @cssprop --email-responses-text - Text colour.
 * @cssprop --email-responses-muted - Secondary text (times, counts, reasons).
 * @cssprop --email-responses-border - Lines, and the marks of events that changed nothing.
 * @cssprop --email-responses-header-background - Notices and the warning.
 * @cssprop --email-responses-accent - Focus rings and the marks of events that changed the response.
 * @cssprop --email-responses-accent-text - Text on the accent colour.
 * @cssprop --email-responses-hover - Buttons under the pointer.
 * @cssprop --email-responses-overdue - Flags that stop sending, the warning, error notices.
 * @cssprop --email-responses-radius - Corner radius.
 * @cssprop --email-responses-font - The font shorthand.
 */
export class ContactResponseTimelineElement extends ResponseViewElement {
  static override styles = [themeStyles, timelineStyles];

  /** The contact to show. */
  @property({ attribute: 'contact-id' }) contactId = '';
  /**
   * The email the contact was chosen from (the grid's `recipient-select` says which): its entry
   * is marked as the current one (`aria-current`, part `current-email`) and scrolled into view,
   * so a contact with newer emails does not open on another one.
   */
  @property({ attribute: 'email-id' }) emailId = '';
  /** Shows only the emails where the contact's response is this catalogue id; empty shows all. */
  @property() response = '';
  /** Lists Opened (machine) events and counts; hidden by default. */
  @property({ attribute: 'show-machine-opens', type: Boolean }) showMachineOpens = false;
  /** Emails per page (default 50, at most 500). */
  @property({ attribute: 'page-size', type: Number }) pageSize: number = DEFAULT_PAGE;
  /** An IANA zone for times (`Europe/Paris`); default: the viewer's own. */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;

  protected override showsTimes = true;
  private readonly window = new KeysetWindow(compareKeys, DEFAULT_PAGE);
  private readonly data = new TimelineData();
  private rendered: { start: number; end: number; total: number } = { start: 0, end: 0, total: 0 };
  private focusKey: TimelineKey | undefined;

  /** Emails of the contact that the response filter keeps, on every page. */
  get emailCount(): number {
    return this.rendered.total;
  }

  /** Emails in the DOM now: a page or a few, never the whole history. */
  get renderedCount(): number {
    return this.rendered.end - this.rendered.start;
  }

  /** Shows the next page of older emails, after the last one shown. False when there is none. */
  showMore(): boolean {
    const list = this.current();
    const before = this.window.range(list).end;
    if (!this.window.showMore(list)) return false;
    this.focusKey = list[before];
    this.requestUpdate();
    return true;
  }

  /** Shows the page of newer emails before the first one shown. False at the top. */
  showNewer(): boolean {
    const list = this.current();
    if (!this.window.showNewer(list)) return false;
    this.focusKey = list[this.window.range(list).start];
    this.requestUpdate();
    return true;
  }

  protected override get timeZoneShown(): string | undefined {
    return this.timeZone;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('pageSize')) this.window.pageSize = this.checkedPageSize();
    if (changed.has('contactId') || changed.has('response') || changed.has('pageSize')) this.window.reset();
    const store = this.store;
    if (store && changed.has('response')) this.checkResponse(store.state);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Into view within the timeline's own scrolling, and the page's only as far as needed.
    if ((changed.has('contactId') || changed.has('emailId')) && this.emailId)
      this.renderRoot.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
    const key = this.focusKey;
    this.focusKey = undefined;
    if (!key) return;
    // After "show more", the keyboard carries on from the first email it brought in.
    const item = [...this.renderRoot.querySelectorAll<HTMLElement>('li.email')].find(
      (li) => li.dataset['emailId'] === key.emailId,
    );
    item?.querySelector<HTMLElement>('.email-button')?.focus();
  }

  protected override render() {
    const store = this.store;
    const { messages: m } = this.locales;
    const all = this.all();
    const list = withResponse(all, this.response);
    const { start, end } = this.window.range(list);
    this.rendered = { start, end, total: list.length };
    const rules = store?.state.rules;
    const labels = new Map((rules?.responses ?? []).map((r) => [r.id, responseLabel(m, r)]));
    const t = m.timeline;
    const page = this.window.pageSize;
    const ctx = store ? this.emailContext(store, m, labels) : undefined;
    return html`
      ${this.renderNotices(this.notices(store, m, all.length, list.length))}
      ${store && rules && all.length > 0 ? renderFlags(this.data.contact(store.state, this.contactId), rules, m, labels, all, this.locales.time, store.now()) : nothing}
      ${
        all.length > 0 && rules
          ? renderToolbar({
              messages: m,
              all,
              responses: rules.responses,
              labels,
              response: this.response,
              showMachineOpens: this.showMachineOpens,
              start,
              end,
              total: list.length,
              onFilter: this.onFilter,
              onMachineToggle: this.onMachineToggle,
            })
          : nothing
      }
      ${
        start > 0
          ? html`<button type="button" class="pager" part="button newer-button" @click=${() => this.showNewer()}>${t.showNewer(Math.min(page, start))}</button>`
          : nothing
      }
      ${
        ctx && end > start
          ? html`<ol class="emails" part="emails" aria-label=${t.listLabel}>
            ${repeat(
              list.slice(start, end),
              (email) => email.emailId,
              (email) => renderEmail(email, ctx),
            )}
          </ol>`
          : nothing
      }
      ${
        end < list.length
          ? html`<button type="button" class="pager" part="button more-button" @click=${() => this.showMore()}>${t.showMore(Math.min(page, list.length - end))}</button>`
          : nothing
      }
    `;
  }

  private emailContext(store: ResponseStore, messages: Messages, labels: ReadonlyMap<string, string>): EmailContext {
    return {
      messages,
      labels,
      time: this.locales.time,
      now: store.now(),
      rules: store.state.rules,
      showMachineOpens: this.showMachineOpens,
      currentEmailId: this.emailId,
      events: (emailId, recipientId) => store.recipientEvents(emailId, recipientId),
      duplicates: (emailId, recipientId) => store.recipientDuplicates(emailId, recipientId),
      select: (email, recipient) => this.select(email, recipient),
      warning: (email) => {
        const contact = this.data.contact(store.state, this.contactId);
        const found = sentAfterFlag(email, contact, store.state.rules, this.all());
        if (!found) return undefined;
        const t = messages.timeline;
        const effects = store.state.rules.responses[store.state.rules.lookup.get(found.cause.response) ?? -1]?.effects;
        const label = (id: string) => labels.get(id) ?? id;
        // An address is "marked invalid" when the cause did that; Do not use email otherwise.
        return t.sentAfterFlag(
          label(found.response),
          found.address,
          effects?.invalidatesAddress ? t.invalidFlag : t.doNotUseEmail,
          t.causedBy(label(found.cause.response), found.cause.emailId),
          this.locales.time.format(found.causeAt, store.now()).text,
        );
      },
    };
  }

  /** Every email of the contact (read again when a change made the data stale). */
  private all(): readonly TimelineEmail[] {
    const store = this.store;
    return store && this.contactId ? this.data.emails(store.state, this.contactId) : [];
  }

  private current(): readonly TimelineEmail[] {
    return withResponse(this.all(), this.response);
  }

  protected override storeChanged(change: StoreChange): void {
    const state = this.store?.state;
    if (state && this.data.follow(change, state, this.contactId)) this.requestUpdate();
  }

  private select(email: TimelineEmail, recipient: RecipientState): void {
    const detail: EmailSelectDetail = {
      emailId: email.emailId,
      recipientId: recipient.recipientId,
      contactId: this.contactId,
    };
    this.dispatchEvent(new CustomEvent('email-select', { detail, bubbles: true, composed: true }));
  }

  private notices(store: ResponseStore | undefined, m: Messages, total: number, shown: number): StatusNotice[] {
    if (!store) return [{ kind: 'loading', text: m.noStore }];
    if (!this.contactId) return [{ kind: 'empty', text: m.timeline.noContactId }];
    const notices = storeNotices(store, m, total > 0);
    if (total === 0 && !notices.some((n) => n.kind === 'loading'))
      notices.push({ kind: 'empty', text: m.timeline.noEmails });
    else if (total > 0 && shown === 0) notices.push({ kind: 'empty', text: m.timeline.noMatch });
    return notices;
  }

  private checkedPageSize(): number {
    const size = Math.floor(this.pageSize);
    if (Number.isFinite(size) && size >= 1 && size <= MAX_PAGE) return size;
    warnOnce(
      `page-size:${String(this.pageSize)}`,
      `<${this.localName} page-size="${String(this.pageSize)}">: use a whole number from 1 to ${MAX_PAGE}; showing ${size > MAX_PAGE ? MAX_PAGE : DEFAULT_PAGE}.`,
    );
    return size > MAX_PAGE ? MAX_PAGE : DEFAULT_PAGE;
  }

  private checkResponse(state: ResponseState): void {
    if (this.response !== '' && !state.rules.responses.some((r) => r.id === this.response)) {
      warnOnce(
        `timeline-response:${this.response}`,
        `<${this.localName} response="${this.response}">: not a response id in rules ${state.rules.version}; it matches no email.`,
      );
    }
  }

  private readonly onFilter = (event: Event): void => {
    this.response = (event.target as HTMLSelectElement).value;
  };

  private readonly onMachineToggle = (event: Event): void => {
    this.showMachineOpens = (event.target as HTMLInputElement).checked;
  };
}
