import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ResponseState } from '../../core/fold';
import { summarizeEmail, type EmailSummary } from '../../core/summary';
import type { StoreChange } from '../../store/store-events';
import { responseLabel } from '../shared/messages';
import { ResponseViewElement } from '../shared/response-view-element';
import { viewNotices } from '../shared/store-status';
import { themeStyles } from '../shared/theme-styles';
import { renderChart, type RowText } from './summary-chart';
import type { FilterRequestDetail } from './summary-events';
import { FIGURE_KEYS, summaryRows, type SummaryRow } from './summary-figures';
import { summaryStyles } from './summary-styles';
import { DirectionWatch } from './direction-watch';
import { renderTable } from './summary-table';

/** Ids are scoped by the shadow root: one name serves every instance. */
const HINT_ID = 'choose-hint';

function percentFormat(numbers: Intl.NumberFormat): Intl.NumberFormat {
  return new Intl.NumberFormat(numbers.resolvedOptions().locale, { style: 'percent', maximumFractionDigits: 1 });
}

/**
 * One email's figures, live: the funnel Delivered, Opened, Clicked, and beside it Unsubscribed,
 * Spam complaint, Soft Bounce, Hard Bounce and Not sent by reason. Every figure shows its count
 * and its rate on the spec's denominator (Delivered, Soft and Hard Bounce of sent; Opened,
 * Clicked, Unsubscribed and Spam complaint of delivered); "—" when that denominator is 0. Opens
 * by machines alone are kept apart from human ones. The figures show twice, as an SVG chart and
 * as a table, and choosing one asks the grid, through `filter-request`, for exactly the
 * recipients it counts.
 *
 * @summary One email's funnel and outcomes, with counts and rates, live.
 * @tagname response-summary
 *
 * @fires filter-request - A figure was chosen (click, Enter or Space).
 *   Detail: `{ emailId, step, reason?, responses, groups, engagement? }`,
 *   which `grid.applyFilter(detail)` takes as it is. Choosing the chosen figure again sends `step: null` and no filter.
 *
 * @csspart status - The loading, empty and offline notices.
 * @csspart totals - "120 recipients, 100 sent".
 * @csspart figure - The figure holding both charts.
 * @csspart funnel-chart - The funnel's SVG (role="img").
 * @csspart outcomes-chart - The outcomes' SVG (role="img").
 * @csspart table - The table of the same figures.
 * @csspart section-row - A table row heading a group of figures.
 * @csspart row - A figure's table row; the chosen one also has `chosen-row`.
 * @csspart step-button - A figure's button (aria-pressed when chosen).
 * @csspart count - A count cell.
 * @csspart rate - A rate cell.
 * @csspart of - What the rate is of ("of 100 sent").
 *
 * @cssprop --email-responses-background - Background; white, or dark grey in dark mode.
 * @cssprop --email-responses-text - Text colour.
 * @cssprop --email-responses-muted - Secondary text (values beside the bars, machine opens).
 * @cssprop --email-responses-border - Table lines and button borders.
 * @cssprop --email-responses-header-background - The table header, notices, and the bars' track by default.
 * @cssprop --email-responses-accent - Focus rings, the chosen figure, and the funnel's bars by default.
 * @cssprop --email-responses-accent-text - Text on the accent colour.
 * @cssprop --email-responses-hover - Buttons under the pointer.
 * @cssprop --email-responses-overdue - Error notices.
 * @cssprop --email-responses-bar - The funnel's bars.
 * @cssprop --email-responses-bar-outcome - The bars of unsubscribes, complaints, bounces and Not sent.
 * @cssprop --email-responses-bar-machine - The bar of machine-only opens.
 * @cssprop --email-responses-bar-track - What is left of each bar's 100%.
 * @cssprop --email-responses-radius - Corner radius.
 * @cssprop --email-responses-font - The font shorthand.
 */
export class ResponseSummaryElement extends ResponseViewElement {
  static override styles = [themeStyles, summaryStyles];

  /** The email to summarize. */
  @property({ attribute: 'email-id' }) emailId = '';

  /** The key of the chosen figure (`opened`, `not-sent:canceled-duplicate`), or null. */
  @state() private chosen: string | null = null;

  private percent = percentFormat(this.locales.numbers);
  private figures: EmailSummary | undefined;
  /** The state the figures were read from: a store set since, or a refold, makes them stale. */
  private figuresOf: ResponseState | undefined;
  private stale = true;
  private rtl = false;
  /** Renders again when the page's direction changes: the charts' positions are computed. */
  private readonly direction = new DirectionWatch(this);

  /** The figures shown (`summarizeEmail`), or undefined while the email has no recipients. */
  get summary(): EmailSummary | undefined {
    if (this.isStale()) this.refresh();
    return this.figures;
  }

  /** The chosen figure's key, or null. */
  get selected(): string | null {
    return this.chosen;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved into another page direction: the chart's positions are computed, not mirrored.
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('locale')) this.percent = percentFormat(this.locales.numbers);
    if (changed.has('emailId')) {
      this.stale = true;
      this.chosen = null;
    }
    if (this.isStale()) this.refresh();
    this.rtl = this.direction.rtl;
  }

  protected override render() {
    const store = this.store;
    const { messages: m, numbers } = this.locales;
    const s = m.summary;
    const summary = this.figures;
    const total = summary?.recipients ?? 0;
    const notices = viewNotices(store, m, this.emailId, total, total);
    const status = this.renderNotices(notices);
    if (!store || !summary || total === 0) return status;
    const responses = store.state.rules.responses;
    const rows = summaryRows(summary, responses);
    const percent = this.percent;
    const texts = new Map<string, RowText>();
    for (const row of rows) {
      const definition = row.reason === undefined ? undefined : responses.find((r) => r.id === row.reason);
      const label = definition ? responseLabel(m, definition) : s.figures[FIGURE_KEYS[row.step]];
      const count = numbers.format(row.count);
      const rate = row.rate === null ? s.noRate : percent.format(row.rate);
      const of = row.of === null ? '' : s.of[row.of](numbers.format(row.denominator));
      texts.set(row.key, {
        label,
        count,
        rate,
        of,
        title: s.figureText(label, count, row.of === null ? '' : rate, of),
      });
    }
    const caption = s.label(this.emailId);
    const alt = (section: (row: SummaryRow) => boolean, title: string) =>
      `${title}: ${rows
        .filter(section)
        .map((row) => texts.get(row.key)!.title)
        .join('; ')}`;
    const chart = (section: (row: SummaryRow) => boolean, title: string, part: string) =>
      renderChart(
        {
          rows: rows.filter(section),
          texts,
          label: alt(section, title),
          rtl: this.rtl,
          chosen: this.chosen,
          onChoose: this.choose,
        },
        part,
      );
    const funnel = (row: SummaryRow) => row.section === 'funnel' || row.section === 'machine';
    const outcomes = (row: SummaryRow) => !funnel(row);
    return html`${status}
      <p class="muted" part="totals">${s.totals(numbers.format(summary.recipients), numbers.format(summary.sent))}</p>
      <figure part="figure">
        <figcaption>${caption}</figcaption>
        <div class="charts">${chart(funnel, s.funnel, 'funnel-chart')}${chart(outcomes, s.outcomes, 'outcomes-chart')}</div>
      </figure>
      <p id=${HINT_ID} class="visually-hidden">${s.chooseHint}</p>
      ${renderTable({ messages: m, caption, rows, texts, chosen: this.chosen, hintId: HINT_ID, onChoose: this.choose })}`;
  }

  private isStale(): boolean {
    return this.stale || this.figuresOf !== this.store?.state;
  }

  private refresh(): void {
    const store = this.store;
    this.figures = store && this.emailId ? summarizeEmail(store.state, this.emailId) : undefined;
    this.figuresOf = store?.state;
    this.stale = false;
  }

  /** Only this email's changes: summarizeEmail is cheap, but most changes are other emails'. */
  protected override storeChanged(change: StoreChange): void {
    if (change.reset || change.emails.has(this.emailId)) {
      this.stale = true;
      this.requestUpdate();
    }
  }

  private readonly choose = (row: SummaryRow): void => {
    const again = this.chosen === row.key;
    this.chosen = again ? null : row.key;
    const { responses, groups, engagement } = row.filter;
    const detail: FilterRequestDetail = again
      ? { emailId: this.emailId, step: null, responses: [], groups: [] }
      : {
          emailId: this.emailId,
          step: row.step,
          ...(row.reason === undefined ? {} : { reason: row.reason }),
          responses: [...responses],
          groups: [...groups],
          ...(engagement === undefined ? {} : { engagement }),
        };
    this.dispatchEvent(new CustomEvent('filter-request', { detail, bubbles: true, composed: true }));
  };
}
