import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ResponseState } from '../../core/fold';
import { reportEmail, type EmailReport } from '../../core/report';
import type { Stage } from '../../core/stages';
import { EmailEngagement, type LinkClicks } from '../../store/email-engagement';
import type { EmailInfo } from '../../store/email-info';
import type { ResponseStore } from '../../store/response-store';
import { isolated } from '../shared/bidi-text';
import { downloadText, fileName } from '../shared/download';
import type { StoreChange } from '../../store/store-events';
import { responseLabel, type Messages } from '../shared/messages';
// Adds the summary's words to the message table (they load with this view, not with the grid).
import '../shared/summary-messages';
import { ResponseViewElement } from '../shared/response-view-element';
import { viewNotices } from '../shared/store-status';
import { themeStyles } from '../shared/theme-styles';
import { BREAKDOWN_STAGES, reportFigures, type Figure, type FigureKey } from './report-figures';
import { renderBreakdown, type BreakdownStage } from './summary-breakdown';
import { renderCards, renderNotes, type FigureText } from './summary-cards';
import type { FilterRequestDetail } from './summary-events';
import { liveText, renderHeader } from './summary-header';
import { linksCsv, renderLinks } from './summary-links';
import { CHART_WIDTH, renderOverTime, type TimeRange } from './summary-over-time';
import { ChartWidth } from './chart-width';
import { summaryStyles } from './summary-styles';
import { DirectionWatch } from './direction-watch';

/** Ids are scoped by the shadow root: one name serves every instance. */
const HINT_ID = 'choose-hint';
const OPENS_NOTE_ID = 'opens-note';

function percentFormat(numbers: Intl.NumberFormat): Intl.NumberFormat {
  // One decimal everywhere, so "6.0 %" stands beside "1.9 %".
  return new Intl.NumberFormat(numbers.resolvedOptions().locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

/** A figure's name: the words of the grid's chip for the same filter. */
function figureLabel(
  m: Messages,
  figure: Figure,
  responses: ReadonlyMap<string, Parameters<typeof responseLabel>[1]>,
): string {
  switch (figure.key) {
    case 'sent':
      return m.groups.sent;
    case 'delivered':
      return m.stages.delivered;
    case 'not-delivered':
      return m.stages['not-delivered'];
    case 'unique-opens':
      return m.engagement.opened;
    case 'unique-clicks':
      return m.engagement.clicked;
    case 'click-to-open':
      return m.summary.figures.clickToOpen;
    case 'machine-opened':
      return m.engagement.machineOpened;
    case 'opened-not-delivered':
      return m.engagement.openedNotDelivered;
    case 'unsubscribed':
    case 'spam-complaint': {
      const definition = responses.get(figure.key);
      return definition ? responseLabel(m, definition) : figure.key;
    }
  }
  if (figure.kind === 'stage') return m.stages[figure.stage!];
  const definition = responses.get(figure.response!);
  return definition ? responseLabel(m, definition) : figure.response!;
}

const HELP: Partial<Record<FigureKey, keyof Messages['summary']['help']>> = {
  sent: 'sent',
  delivered: 'delivered',
  'unique-opens': 'uniqueOpens',
  'unique-clicks': 'uniqueClicks',
  'click-to-open': 'clickToOpen',
  unsubscribed: 'unsubscribed',
  'spam-complaint': 'spamComplaint',
  'not-delivered': 'notDelivered',
  'machine-opened': 'machineOpened',
  'opened-not-delivered': 'openedNotDelivered',
};

/**
 * One email's report, live, as a marketer reads it: a header (the email's name, subject, sender
 * and send time when `emailInfo` gives them, and a live line), headline cards with a count and a
 * one-decimal rate each, the rate first where it is what a marketer reads (Sent, Delivered,
 * unique opens and total opens, unique clicks and total clicks, click-to-open, unsubscribes, spam
 * complaints, Not delivered with hard and soft bounces), machine opens and opens before a bounce
 * report apart, a note that opens are estimates, the stages the cards do not tell, each once, with their
 * responses, unique opens and clicks per hour since the send (an SVG chart with a table behind
 * it, and the median time to first open), and the clicked links (top ten; all in `linksCsv()`).
 * Opens and clicks count Delivered recipients only, so every rate's numerator is inside its base.
 * Every figure is a set of recipients: choosing it asks the grid, through `filter-request`, for
 * exactly those rows, and the grid's chip then says the same words. Once the store is closed, the
 * live line says when the figures last changed ("last updated 10:42"), not that they are live.
 *
 * @summary One email's report: headline rates and stages, live.
 * @tagname response-summary
 *
 * @fires filter-request - A figure was chosen (click, Enter or Space).
 *   Detail: `{ emailId, step, responses, groups, engagement? }`,
 *   which `grid.applyFilter(detail)` takes as it is. Choosing the chosen figure again sends `step: null` and no filter.
 *
 * @csspart status - The loading, empty and offline notices.
 * @csspart header - The email's name, details and live line.
 * @csspart title - The email's name, subject or id.
 * @csspart email-meta - Subject, sender and send time.
 * @csspart live - "live · updated 3 s ago", "offline since 10:42", "loading 2,400 of 100,000", "last updated 10:42".
 * @csspart cards - The list of headline figures.
 * @csspart card - A headline figure's button; the chosen one also has `chosen-card`.
 * @csspart card-label - Its name.
 * @csspart card-value - Its count (click-to-open: its rate).
 * @csspart card-rate - Its rate and the rate's name.
 * @csspart card-of - What the rate is of.
 * @csspart card-total - Total opens or clicks.
 * @csspart notes - Machine opens and opens before a bounce report.
 * @csspart note - One of them, a button; the chosen one also has `chosen-note`.
 * @csspart breakdown - The stages the cards do not tell.
 * @csspart stage - A stage's expandable list (`data-stage`, `data-tone` problem or pending).
 * @csspart stage-summary - A stage's name and count.
 * @csspart choose - A button in a stage's list; the chosen one also has `chosen-choose`.
 * @csspart over-time - Opens and clicks over time: the range buttons, the median, the chart and its table.
 * @csspart range - A range button (First 24 h, First 72 h, All).
 * @csspart median - The median time to first open.
 * @csspart chart - The SVG chart (role="img").
 * @csspart over-time-table - The chart's figures as a table, behind a disclosure.
 * @csspart links - The clicked links.
 * @csspart links-table - The top ten links with their unique and total clicks.
 * @csspart link-url - A link's URL, always left to right.
 * @csspart links-download - The button that downloads every link as CSV.
 *
 * @cssprop --email-responses-background - Background; white, or dark grey in dark mode.
 * @cssprop --email-responses-text - Text colour.
 * @cssprop --email-responses-muted - Secondary text.
 * @cssprop --email-responses-border - Card and list borders.
 * @cssprop --email-responses-header-background - Card background.
 * @cssprop --email-responses-accent - Focus rings and the chosen figure.
 * @cssprop --email-responses-accent-text - Text on the accent colour.
 * @cssprop --email-responses-hover - Buttons under the pointer.
 * @cssprop --email-responses-overdue - Error notices.
 * @cssprop --email-responses-bar-outcome - The mark of Not delivered and Not sent.
 * @cssprop --email-responses-bar-machine - The mark of stages in flight (Awaiting provider, Scheduled).
 * @cssprop --email-responses-bar - The opens line of the chart.
 * @cssprop --email-responses-bar-clicks - The clicks line of the chart.
 * @cssprop --email-responses-radius - Corner radius.
 * @cssprop --email-responses-font - The font shorthand.
 */
export class ResponseSummaryElement extends ResponseViewElement {
  static override styles = [themeStyles, summaryStyles];

  /** The email to summarize. */
  @property({ attribute: 'email-id' }) emailId = '';

  /**
   * The email's name, subject, sender, send time and audience size, when the host has them
   * (see `fetchEmailInfo`); the id is the title without them. The audience size a snapshot
   * stated (`store.audienceSize`) wins over this one.
   */
  @property({ attribute: false }) emailInfo: EmailInfo | undefined;

  /** The key of the chosen figure (`unique-opens`, `response:hard-bounce`), or null. */
  @state() private chosen: string | null = null;
  @state() private openStages = new Set<Stage>();
  @state() private range: TimeRange = '24';

  private percent = percentFormat(this.locales.numbers);
  private report: EmailReport | undefined;
  /** The state the figures were read from: a store set since, or a refold, makes them stale. */
  private reportOf: ResponseState | undefined;
  private stale = true;
  private engagement = new EmailEngagement('');
  /**
   * When this view last heard its email's figures change, and in which store and email: a closed
   * store's figures are as they were then (the reset it gives a view that subscribes later is no
   * change).
   */
  private lastChange: { at: number; store: ResponseStore | undefined; emailId: string } | undefined;
  private offlineSince: number | undefined;
  /** Renders again when the page's direction changes: the chart's positions are computed. */
  private readonly direction = new DirectionWatch(this);
  /** Renders again when the chart's width changes: it draws in CSS pixels, not scaled. */
  private readonly chartWidth = new ChartWidth(
    this,
    () => this.renderRoot.querySelector('svg[part="chart"]'),
    CHART_WIDTH,
  );

  constructor() {
    super();
    this.showsTimes = true;
  }

  /** The report shown (`reportEmail`), or undefined while the email has no recipients. */
  get summary(): EmailReport | undefined {
    if (this.isStale()) this.refresh();
    return this.report;
  }

  /** The chosen figure's key, or null. */
  get selected(): string | null {
    return this.chosen;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('locale')) this.percent = percentFormat(this.locales.numbers);
    if (changed.has('emailId')) {
      this.stale = true;
      this.chosen = null;
    }
    if (this.isStale()) this.refresh();
    const offline = this.store?.connection.state === 'offline';
    if (offline && this.offlineSince === undefined) this.offlineSince = Date.now();
    if (!offline) this.offlineSince = undefined;
  }

  protected override render() {
    const store = this.store;
    const locales = this.locales;
    const { messages: m, numbers } = locales;
    const report = this.report;
    const total = report?.recipients ?? 0;
    const status = this.renderNotices(viewNotices(store, m, this.emailId, total, total));
    if (!store || !this.emailId) return status;
    const closed = store.cacheStatus.state === 'closed';
    const last = this.lastChange;
    const live = liveText(
      {
        connection: store.connection,
        closed,
        now: Date.now(),
        updatedAt: closed && (last?.store !== store || last.emailId !== this.emailId) ? undefined : last?.at,
        offlineSince: this.offlineSince,
        loaded: total,
        audience: this.audience(),
      },
      locales,
    );
    const header = renderHeader(this.emailId, this.emailInfo, live, locales);
    if (!report || total === 0) return html`${header}${status}`;
    const responses = new Map(store.state.rules.responses.map((r) => [r.id, r]));
    const figures = reportFigures(report);
    const texts = new Map<string, FigureText>();
    const labels = new Map<string, string>();
    for (const figure of figures) {
      const label = figureLabel(m, figure, responses);
      labels.set(figure.key, label);
      texts.set(figure.key, this.figureText(figure, label, report));
    }
    const chosen = this.chosen;
    const notes = figures
      .filter((f) => f.kind === 'note' && f.count > 0)
      .map((figure) => ({
        figure,
        text:
          figure.key === 'machine-opened'
            ? m.summary.machineNote(numbers.format(figure.count), this.rate(figure.rate))
            : m.summary.openedNotDeliveredNote(numbers.format(figure.count), figure.count),
        help: texts.get(figure.key)!.help,
      }));
    const stages: BreakdownStage[] = BREAKDOWN_STAGES.map((stage) => ({
      stage,
      figure: figures.find((f) => f.key === `stage:${stage}`)!,
      responses: figures.filter((f) => f.kind === 'response' && f.stage === stage),
    }));
    const sendAt =
      this.emailInfo?.sentAt ??
      (Number.isFinite(this.engagement.firstSentAt) ? this.engagement.firstSentAt : undefined);
    const overTime =
      sendAt === undefined
        ? ''
        : renderOverTime({
            series: this.engagement.series(store.state, sendAt, this.range === 'all' ? null : Number(this.range)),
            range: this.range,
            messages: m.summary,
            numbers,
            rtl: this.direction.rtl,
            width: this.chartWidth.width,
            elapsedHours: (store.now() - sendAt) / 3_600_000,
            onRange: (range) => (this.range = range),
          });
    const links = this.engagement.links(store.state);
    // The hint sits before the figures it describes: at the end its 1 px box fell below the report.
    return html`${header}${status}
      <p id=${HINT_ID} class="visually-hidden">${m.summary.chooseHint}</p>
      ${renderCards({ figures: figures.filter((f) => f.kind === 'headline'), texts, chosen, hintId: HINT_ID, listLabel: m.summary.headline, onChoose: this.choose })}
      ${renderNotes({ notes, chosen, hintId: HINT_ID, onChoose: this.choose })}
      <p id=${OPENS_NOTE_ID} class="opens-note">${isolated(m.summary.opensNote)}</p>
      ${renderBreakdown({
        title: m.summary.breakdown,
        stages,
        labels,
        numbers,
        chosen,
        hintId: HINT_ID,
        open: this.openStages,
        showStage: m.summary.showStage,
        onToggle: this.toggleStage,
        onChoose: this.choose,
      })}
      <div class="panels">${overTime}${renderLinks({ links, figureOf: (link) => this.linkFigure(link), chosen, hintId: HINT_ID, onChoose: this.choose, messages: m.summary, numbers, onDownload: () => this.downloadLinks() })}</div>
`;
  }

  /** A link's clickers as a figure: the grid shows exactly them, under a chip naming the link. */
  private linkFigure(link: LinkClicks): Figure {
    const table = this.store!.state.recipients;
    const ids = [...link.rows].map((row) => table.recipientIdOf(row));
    return {
      key: `link:${link.url}`,
      kind: 'link',
      count: ids.length,
      rate: null,
      filter: {
        responses: [],
        groups: [],
        recipients: { label: this.locales.messages.summary.links.chip(link.url), ids },
      },
    };
  }

  /** Every clicked link of the email with its unique and total clicks, as CSV. */
  linksCsv(): string {
    const store = this.store;
    if (!store) return linksCsv([], this.locales.messages.summary);
    this.refresh();
    return linksCsv(this.engagement.links(store.state), this.locales.messages.summary);
  }

  /** Downloads `linksCsv()` as `<email id>-links.csv`. */
  downloadLinks(): void {
    downloadText(fileName(this.emailId, '-links.csv'), this.linksCsv());
  }

  /** The audience size: the store's is the backend's latest word (a snapshot states it); the host's is a fallback. */
  private audience(): number | undefined {
    return this.store?.audienceSize(this.emailId) ?? this.emailInfo?.audience;
  }

  private rate(rate: number | null): string {
    return rate === null ? this.locales.messages.summary.noRate : this.percent.format(rate);
  }

  private figureText(figure: Figure, label: string, report: EmailReport): FigureText {
    const { messages: m, numbers } = this.locales;
    const s = m.summary;
    const n = (count: number) => numbers.format(count);
    const rate = this.rate(figure.rate);
    const help = HELP[figure.key] ? s.help[HELP[figure.key]!] : '';
    const text: FigureText = {
      label,
      value: n(figure.count),
      rate: '',
      of: '',
      lead: '',
      total: '',
      split: [],
      alias: '',
      help,
      describedBy: '',
    };
    // The rate leads where it is the figure a marketer reads; the count follows, "of" its base.
    const led = (line: string, of: string): FigureText => ({ ...text, rate: line, lead: rate, of });
    const ofDelivered = s.rates.ofDelivered(n(report.delivered.count));
    const opens = { describedBy: OPENS_NOTE_ID };
    switch (figure.key) {
      case 'sent': {
        // Of the rows here so far while the audience loads: "of 2,000 recipients" under "loading
        // 2,000 of 100,000" read as if the audience were 2,000.
        const audience = this.audience();
        const loading = audience !== undefined && report.recipients < audience;
        const of = loading ? s.rates.sentOfLoaded : s.rates.sent;
        return { ...text, rate: of(rate, n(report.recipients), report.recipients) };
      }
      case 'delivered':
        return led(s.rates.delivery(rate), s.rates.ofSent(n(report.sent)));
      case 'not-delivered': {
        const responses = new Map(this.store!.state.rules.responses.map((r) => [r.id, r]));
        const split = (figure.split ?? []).map((b) =>
          s.bounce(responseLabel(m, responses.get(b.response)!), n(b.count), this.rate(b.rate)),
        );
        return { ...led(s.rates.bounce(rate), s.rates.ofSent(n(report.sent))), split };
      }
      case 'unique-opens':
        return {
          ...led(s.rates.open(rate), ofDelivered),
          total: s.totalOpens(n(report.totalOpens), report.totalOpens),
          ...opens,
        };
      case 'unique-clicks':
        return {
          ...led(s.rates.click(rate), ofDelivered),
          total: s.totalClicks(n(report.totalClicks), report.totalClicks),
        };
      case 'click-to-open':
        return {
          ...text,
          value: rate,
          rate: s.rates.clickToOpen(n(figure.count), n(figure.base!.count), figure.count, figure.base!.count),
          alias: s.clickToOpenAlias,
          ...opens,
        };
      case 'unsubscribed':
        return led(s.rates.unsubscribe(rate), ofDelivered);
      case 'spam-complaint':
        return led(s.rates.spam(rate), ofDelivered);
      default:
        return text;
    }
  }

  private isStale(): boolean {
    return this.stale || this.reportOf !== this.store?.state;
  }

  private refresh(): void {
    const store = this.store;
    this.report = store && this.emailId ? reportEmail(store.state, this.emailId) : undefined;
    if (this.engagement.emailId !== this.emailId) this.engagement = new EmailEngagement(this.emailId);
    if (store && this.emailId) this.engagement.update(store.state, store.appliedEvents());
    this.reportOf = store?.state;
    this.stale = false;
  }

  /** Only this email's changes: most changes are other emails'. */
  protected override storeChanged(change: StoreChange): void {
    if (change.reset || change.emails.has(this.emailId)) {
      this.stale = true;
      // A closed store changes no more: what it tells a view that subscribes now is no update.
      const store = this.store;
      if (store?.cacheStatus.state !== 'closed') this.lastChange = { at: Date.now(), store, emailId: this.emailId };
      this.requestUpdate();
    }
  }

  private readonly toggleStage = (stage: Stage, open: boolean): void => {
    if (open === this.openStages.has(stage)) return;
    const next = new Set(this.openStages);
    if (open) next.add(stage);
    else next.delete(stage);
    this.openStages = next;
  };

  private readonly choose = (figure: Figure): void => {
    const again = this.chosen === figure.key;
    this.chosen = again ? null : figure.key;
    const { responses, groups, engagement, recipients } = figure.filter;
    const detail: FilterRequestDetail = again
      ? { emailId: this.emailId, step: null, responses: [], groups: [] }
      : {
          emailId: this.emailId,
          step: figure.key,
          responses: [...responses],
          groups: [...groups],
          ...(engagement === undefined ? {} : { engagement }),
          ...(recipients === undefined ? {} : { recipients }),
        };
    this.dispatchEvent(new CustomEvent('filter-request', { detail, bubbles: true, composed: true }));
  };
}
