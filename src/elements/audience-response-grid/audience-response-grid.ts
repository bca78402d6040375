import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RecipientState } from '../../core/fold';
import {
  firstDirection,
  type AudienceGroup,
  type SortColumn,
  type SortDirection,
} from '../../store/audience/audience-query';
import type { AudienceCounts, AudienceView } from '../../store/audience/audience-view';
import type { EmailEngagement } from '../../store/email-engagement';
import type { StoreChange } from '../../store/store-events';
import type { FilterRequest } from '../shared/filter-request';
import { providerName } from '../shared/display-names';
import { responseLabel } from '../shared/messages';
import { resizeObserver } from '../shared/observe-resize';
import { ResponseViewElement } from '../shared/response-view-element';
import { viewNotices, type StatusNotice } from '../shared/store-status';
import { styleProperties } from '../shared/style-properties';
import { themeStyles } from '../shared/theme-styles';
import type { CsvOptions } from './csv-export';
import { loadAudienceView } from './load-audience-view';
import { loadCsvExport } from './load-csv-export';
import { stageOf } from '../../core/stages';
import { ColumnLayoutController, type ColumnLayoutGrid } from './column-layout-controller';
import { extraLines, minimumWidth } from './grid-columns';
import type { RecipientSelectDetail } from './grid-events';
import { GridFocus } from './grid-focus';
import { renderHeader } from './grid-header';
import { GridKeyboardController, type GridPosition } from './grid-keyboard';
import { LiveUpdates } from './grid-live';
import { checkedFilter, checkQuery, gridQuery, type GridQueryInput } from './grid-query';
import { renderRows } from './grid-rows';
import { GridScroll } from './grid-scroll';
import { gridStyles } from './grid-styles';
import { chipKeyTarget, renderChips, renderChooserButton, renderToolbar, toggled } from './grid-toolbar';
import { createLayout, pageSize, rowWindow, type ScrollLayout } from './virtualizer';
import { ShortTime } from './short-time';
import type { TimeFormatter } from '../shared/time-format';

const OVERSCAN = 4;

/** AudienceView once loaded (load-audience-view.ts): every grid makes its views with it. */
let View: typeof AudienceView | undefined;
// Asked for as soon as the grid's code runs, beside the store's own chunks: a grid asking only
// when it first met its store (after the page made both) waited for it behind a cold start's
// restore of cached rows, which holds the main thread the response is delivered on, and painted
// its first rows 0.8 s late at a million (issue 16 §1). A grid connected later asks again if this
// failed (a load that fails is forgotten, see load-once.ts).
void loadAudienceView().then(
  (loaded) => (View ??= loaded),
  () => undefined,
);
const DEFAULT_ROW_HEIGHT = 36;
const SEARCH_DEBOUNCE_MS = 200;
/** Below this width the rows are two lines (as the container query in grid-styles says). */
const NARROW_PX = 600;
const NARROW_ROW_FACTOR = 1.75;
/**
 * Below this width a row is three short lines (contact and response, address, opens, clicks and
 * time), so a phone's default height shows five rows and more: as high as a two-line row.
 */
const SLIM_PX = 420;
const SLIM_ROW_FACTOR = NARROW_ROW_FACTOR;
/** Each line more, for chosen columns past a narrow row's own (a slim row's lines are shorter). */
const EXTRA_LINE_FACTOR = 0.725;
const SLIM_EXTRA_LINE_FACTOR = 0.5;
/**
 * Properties that change no cell: the scroller's height moves the row window (new rows draw
 * anyway), the live region and the chips' tab stop sit outside the rows. A panel resize or an
 * announcement redrawing every kept row would cost a frame for nothing. The selection marks a
 * row (its attributes), never its cells.
 */
const OUTSIDE_CELLS: ReadonlySet<PropertyKey> = new Set([
  'scrollerHeight',
  'liveText',
  'chipStop',
  'selectedRecipientId',
]);

/**
 * The Audience view of one email: every recipient and their response, live, at any size.
 *
 * An ARIA grid with a sticky header, sortable columns, filter chips with live counts, search,
 * CSV export and the soft-bounce resend list. Only the visible rows (and a few more) are in the
 * DOM, and past about 110,000 rows the scroll height is a capped stand-in, so a million or ten
 * million rows scroll and every row is reachable: wheel, touch and keys move rows one to one,
 * a scrollbar drag jumps in proportion. Live changes update rows in place and flash
 * them; while the user scrolls, is in the grid or points at rows, a change that would move rows
 * waits, told in the toolbar ("Paused while you read · 3 updates · Show"), until Show or the next
 * update that comes while nobody is reading.
 *
 * @summary The recipients of one email and how each responded, live.
 * @tagname audience-response-grid
 *
 * Columns: the Columns button in the toolbar shows or hides any of them (stage and reason
 * included). Each header ends in a resize separator (`role=separator`, its value the width in
 * px, named "Resize Contact"): the pointer drags it; from the keyboard, F2 on a focused header
 * moves focus to it, Left and Right move it (Shift: larger steps), Home and End to the narrowest
 * and widest, and Escape or Enter go back to the header. The separators are never Tab stops, so
 * the grid stays one Tab stop. Alt+Left or Alt+Right on a focused header resizes at once and says
 * the new width. The choice is the `columns` attribute, and with the store's cache it is kept
 * across visits, per grid (by its `id`). Narrow layouts (two- and three-line rows, under about
 * 600 px) have no separators and leave kept widths unused, not lost: a wider grid uses them again.
 *
 * Provider and Email type show names, not ids: a provider's from the messages' `providers` table,
 * else the brand name of a provider the package reads ("SendGrid", "Amazon SES"), else its id; an
 * email type's from `emailTypes`, else the type with a capital first letter in the grid's locale
 * ("Newsletter"). The
 * CSV writes the same names, as it writes response labels rather than ids (the ids stay on the
 * rows, `RecipientState.provider` and `.emailType`). Sorting by Provider is by the id (the store's
 * key), the names' order for every known provider but Amazon SES (`ses`, among the S).
 *
 * Response: a name too long for one line takes two, then ends in an ellipsis; at the embed page's
 * 845 px every name of the catalogue shows whole. A final response is marked by a small square
 * (the Final chip shows it as its legend); the word "final" stays in the cell's text, so screen
 * readers, copy and paste and the tooltip have it.
 *
 * @attr selected-recipient-id - The selected recipient's id (`selectedRecipientId`); click and Enter set it.
 *
 * @fires recipient-select - A recipient was chosen by click or Enter. Detail: `{ emailId, recipientId, contactId }`
 *   (`contactId` undefined when the recipient's events named no contact). It becomes `selectedRecipientId` first,
 *   so a listener that opens someone else can set that instead.
 * @fires columns-change - The user showed, hid or resized a column. Detail: `{ columns }`, the new `columns` value.
 *
 * @csspart toolbar - The bar with search, row count and export buttons.
 * @csspart search - The search field.
 * @csspart row-count - "120 of 5,000 recipients".
 * @csspart button - Every button outside the grid (export, resend, updates).
 * @csspart export-button - Downloads the CSV of the current view.
 * @csspart columns-button - Shows and hides the column chooser.
 * @csspart column-chooser - The column chooser: a checkbox per column and Reset widths.
 * @csspart resize-handle - A column's resize separator, at the end edge of its header (focused with F2 on the header).
 * @csspart resend-button - Downloads the resend list (soft bounces).
 * @csspart chips - All the chips: one Tab stop, arrows between them.
 * @csspart chip-group - The stage chips, and the response chips: each a role=group under its label.
 * @csspart chip-group-label - A group's visible label, "Stage" or "Response".
 * @csspart chip - A filter chip; chosen ones also have `chip-pressed`. The engagement chip
 *   (`data-chip="engagement"`, shown while `filter.engagement` is set) removes it; so does the
 *   recipients chip (`data-chip="recipients"`, while `filter.recipients` is set).
 * @csspart status - The loading, empty, error and offline notices.
 * @csspart held-updates - "Paused while you read · 3 updates", in the toolbar.
 * @csspart updates-button - Its "Show" button.
 * @csspart grid - The scrolling role=grid element.
 * @csspart header-row - The sticky header row.
 * @csspart header-cell - A column header.
 * @csspart row - A data row; the row holding focus also has `focused-row`, the selected recipient's `selected-row`
 *   (with `aria-selected="true"`; every other row has `"false"`).
 * @csspart cell - A data cell; the cell holding focus also has `focused-cell`.
 * @csspart response-label - The response's label; also `response-<id>` (`response-hard-bounce`).
 * @csspart final-marker - The "final" marker beside a final response (inline in slim rows: no width, height).
 * @csspart reason - The provider's reason or details.
 * @csspart wait - Sent to provider's wait toward the limit; past it also `overdue`.
 *
 * @cssprop --email-responses-background - Background; white, or dark grey in dark mode.
 * @cssprop --email-responses-text - Text colour.
 * @cssprop --email-responses-muted - Secondary text (reasons, counts).
 * @cssprop --email-responses-border - Lines and borders.
 * @cssprop --email-responses-header-background - The header row and notices.
 * @cssprop --email-responses-accent - Focus rings, chosen chips, the updates button, the selected row's edge bar.
 * @cssprop --email-responses-accent-text - Text on the accent colour.
 * @cssprop --email-responses-pressed-background - A chosen chip and the selected row (their text is the theme's
 *   text colour).
 * @cssprop --email-responses-hover - The row under the pointer.
 * @cssprop --email-responses-flash - The brief highlight of a row that changed.
 * @cssprop --email-responses-overdue - Overdue waits and error notices.
 * @cssprop --email-responses-radius - Corner radius.
 * @cssprop --email-responses-font - The font shorthand.
 * @cssprop --email-responses-height - The grid's height (default 28rem).
 */
export class AudienceResponseGridElement extends ResponseViewElement {
  static override styles = [themeStyles, gridStyles];

  /** The email to show. */
  @property({ attribute: 'email-id' }) emailId = '';
  /**
   * The columns shown, in order, each with an optional width in px: `contact:240,address,response,opens`
   * (commas or spaces between). Names: `contact`, `address`, `response`, `opens`, `clicks`,
   * `last-response`, `provider`, `email-type`, `first-open`, `last-open` (human opens; a click
   * counts), `last-click`, `clicked-link` (the newest click's URL; these four are empty for a
   * recipient with no open or click event), `stage` (the response's stage), `reason` (the
   * provider's reason or details). A list of only `provider` and `email-type` adds them to the
   * default six. Empty: the default six. It changes as the user chooses (`columns-change`); a
   * choice kept in the cache wins over the attribute on the next visit.
   */
  @property() columns = '';
  /** An IANA zone for times (`Europe/Paris`); default: the viewer's own. */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;
  /**
   * `contact`, `address`, `response` (catalogue order), `opens`, `clicks`, `last-response`,
   * `provider`, `email-type`, `first-open`, `last-open`, `last-click` or `clicked-link` (rows
   * without a value last); empty keeps first-appearance order.
   */
  @property({ attribute: 'sort-by' }) sortBy: SortColumn | '' = '';
  /** `ascending` or `descending`. */
  @property({ attribute: 'sort-direction' }) sortDirection: SortDirection = 'ascending';
  /** Shows recipients whose name or address contains it (case and accents ignored). */
  @property() search = '';
  /**
   * The chosen chips: `{ responses?, groups?, engagement?, recipients? }` (`recipients`: a labelled
   * set of ids, as the summary's "clicked this link" sends). Set it, or call `applyFilter`.
   */
  @property({ attribute: false }) filter: FilterRequest = {};
  /** Row height in px (default 36); every row has this height. */
  @property({ attribute: 'row-height', type: Number }) rowHeight: number = DEFAULT_ROW_HEIGHT;
  /**
   * The selected recipient (of this email): its row is marked and has `aria-selected="true"`,
   * wherever sorting, filtering or live changes move it. Click and Enter set it (and fire
   * `recipient-select`); a host that opened a recipient some other way sets it too. A new
   * `emailId` clears it, unless set in the same update.
   */
  @property({ attribute: 'selected-recipient-id', reflect: true }) selectedRecipientId: string | undefined;

  /** The scroller's client height; rows show in it below the one-row header. */
  @state() private scrollerHeight = 0;
  /** Under about 600 px wide (the host's width, not the viewport's): two lines per row. */
  @state() private narrow = false;
  /** Under about 420 px (a phone's card, a side panel): three short lines per row. */
  @state() private slim = false;
  @state() private liveText = '';
  /** The chip holding the chips' one Tab stop. */
  @state() private chipStop: string | undefined;

  protected override showsTimes = true;
  readonly #liveUpdates = new LiveUpdates(
    () => this.requestUpdate(),
    (text) => (this.liveText = text),
  );
  readonly #focusState = new GridFocus();
  readonly #scrollState = new GridScroll();
  #view: AudienceView | undefined;
  #needsRebuild = true;
  /** AudienceView's load while it runs (load-audience-view.ts), and why it failed, if it did. */
  #viewLoad: Promise<void> | undefined;
  #viewError: string | undefined;
  readonly #columnLayout: ColumnLayoutController = new ColumnLayoutController(this, this.#columnGrid());
  #hadFocus = false;
  /** The rows in the DOM, with what their cells were drawn for (see renderRows). */
  #rendered: ReadonlyMap<number, string> = new Map();
  /** Counts updates that may change cells (a store change, a property): see RowsInput.cellsKey. */
  #cellsEpoch = 0;
  #resizeObserver: ResizeObserver | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The chips area's height after the last update, which it keeps while the user reads (see updated). */
  #chipsHeight = '';
  /** Whether the email has a soft bounce, when the counts cannot say; undefined: not read since the last change. */
  #softBounceSeen: boolean | undefined;

  constructor() {
    super();
    new GridKeyboardController(this, {
      rowCount: () => this.#view?.length ?? 0,
      columnCount: () => this.#columnLayout.columnList.length,
      pageSize: () => pageSize(this.#layout()),
      position: () => this.#focusState.position,
      target: () => this.#scroller(),
      moveFocus: (position) => void this.#moveFocus(position),
      activateRow: (index) => this.#activateRow(index),
    });
  }

  /** Rows matching the current search and filter. */
  get rowCount(): number {
    return this.#view?.length ?? 0;
  }

  /** Changes held back while the user reads: what the "N updates, show" button applies. */
  get pendingUpdates(): number {
    return this.#view?.pendingMoves ?? 0;
  }

  /** Sets the chips, as the summary's `filter-request` asks: `grid.applyFilter(event.detail)`. */
  applyFilter(request: FilterRequest = {}): void {
    this.filter = checkedFilter(request, this.localName);
  }

  /** Applies the changes held back while the user was reading. */
  showUpdates(): void {
    if (this.#view?.applyPending()) this.requestUpdate();
  }

  /**
   * The current view as CSV: every matching row in the grid's order, times in the grid's zone.
   * Asynchronous: the CSV code loads on the first export; the rows are those of the view when it has.
   */
  async csv(): Promise<string> {
    const { audienceCsv } = await loadCsvExport();
    const view = this.#view;
    return audienceCsv(view ? mapRows(view.rows(), (row) => view.state.recipientAt(row)) : [], this.#csvOptions());
  }

  /** The soft-bounced recipients of the email (whatever the filter): they can be sent again. */
  resendList(): RecipientState[] {
    const view = this.#view;
    return view ? view.rowsWith('soft-bounce').map((row) => view.state.recipientAt(row)) : [];
  }

  /** The resend list as CSV (asynchronous, as `csv()`). */
  async resendCsv(): Promise<string> {
    const { resendCsv } = await loadCsvExport();
    return resendCsv(this.resendList(), this.#csvOptions());
  }

  /** Downloads `csv()` as a file (what the Export CSV button does); resolves once the download has started. */
  async downloadCsv(): Promise<void> {
    const { downloadText, fileName } = await loadCsvExport();
    downloadText(fileName(this.emailId, '-audience.csv'), await this.csv());
  }

  /** Downloads `resendCsv()` as a file (what the resend list button does); resolves once the download has started. */
  async downloadResendCsv(): Promise<void> {
    const { downloadText, fileName } = await loadCsvExport();
    downloadText(fileName(this.emailId, '-resend.csv'), await this.resendCsv());
  }

  /** Scrolls a recipient into view and makes it the grid's focus position; false when not shown. */
  revealRecipient(recipientId: string): boolean {
    const index = this.#view?.indexOf(recipientId) ?? -1;
    if (index < 0) return false;
    this.#focusState.setRecipient(recipientId, index);
    this.#scrollState.reveal(this.#layout(), index);
    this.requestUpdate();
    return true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#liveUpdates.stop();
  }

  protected override get timeZoneShown(): string | undefined {
    return this.timeZone;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ([...changed.keys()].some((name) => !OUTSIDE_CELLS.has(name))) this.#cellsEpoch++;
    this.#columnLayout.sync(changed.has('columns'));
    if (changed.has('sortBy') || changed.has('sortDirection') || changed.has('filter'))
      checkQuery(this.#queryInput(), this.store?.state.rules, this.localName);
    const store = this.store;
    if (changed.has('emailId')) this.#softBounceSeen = undefined;
    // A recipient is one email's: another email's grid has no such row (the first email is no change).
    if (changed.get('emailId') && !changed.has('selectedRecipientId')) this.selectedRecipientId = undefined;
    // A new store or email tries a failed load again; nothing else does, so a failure never loops.
    if (changed.has('store') || changed.has('emailId')) this.#viewError = undefined;
    const queryChanged =
      changed.has('sortBy') || changed.has('sortDirection') || changed.has('search') || changed.has('filter');
    if (!store || !this.emailId) {
      this.#view = undefined;
    } else if (!View) {
      this.#view = undefined;
      if (this.#viewError === undefined) this.#loadView();
    } else if (
      this.#needsRebuild ||
      !this.#view ||
      this.#view.emailId !== this.emailId ||
      this.#view.state !== store.state
    ) {
      const sameEmail = this.#view?.emailId === this.emailId;
      // Provider sorts by the name it shows ("Amazon SES" among the A's, not the S's of `ses`).
      this.#view = new View(store.state, this.emailId, gridQuery(this.#queryInput()), store, (id) =>
        providerName(this.locales.messages, id),
      );
      this.#needsRebuild = false;
      if (!sameEmail) this.#scrollState.reset(this.#layout());
    } else if (queryChanged) {
      this.#view.setQuery(gridQuery(this.#queryInput()));
      this.#scrollState.reset(this.#layout());
    }
    this.#focusState.resolve(this.#view, this.#columnLayout.columnList.length);
    const active = (this.renderRoot as ShadowRoot | undefined)?.activeElement;
    this.#hadFocus = !!active && !!this.#scroller()?.contains(active);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const scroller = this.#scroller();
    // An update can run after the element left the page: observing then would outlive it.
    if (!scroller || !this.isConnected) return;
    if (!this.#resizeObserver) {
      // Here rather than in firstUpdated: a moved element is disconnected and connected again.
      // Read in the next frame: a narrow grid's taller rows resize the scroller again, which
      // within the observer's own frame would be a ResizeObserver loop.
      // Without ResizeObserver (jsdom, happy-dom) the grid keeps its default height and width.
      this.#resizeObserver = resizeObserver(() =>
        requestAnimationFrame(() => {
          this.scrollerHeight = scroller.clientHeight;
          this.narrow = scroller.clientWidth > 0 && scroller.clientWidth < NARROW_PX;
          this.slim = this.narrow && scroller.clientWidth < SLIM_PX;
          // A resized grid lays its chips out anew: the height they kept is no one's.
          this.#chipsHeight = '';
          this.#columnLayout.resized();
        }),
      );
      this.#resizeObserver?.observe(scroller);
    }
    this.#scrollState.apply((top) => {
      scroller.scrollTop = top;
      return scroller.scrollTop;
    });
    // A new line of chips (a response seen for the first time, a count a digit longer) pushed the
    // rows down under a reader's eyes and pointer: while the user reads, as row moves wait, the
    // chips keep their height, a new line a scroll away in them (the shade at their edge says
    // so), until an update that comes while nobody reads. Measured then only: not while scrolling.
    const chips = this.renderRoot.querySelector<HTMLElement>('.chips');
    if (chips) {
      const reading = this.#liveUpdates.hold.holding(performance.now());
      chips.style.height = reading ? this.#chipsHeight : '';
      if (!reading) this.#chipsHeight = getComputedStyle(chips).height;
    }
    // The focused row may have left the DOM (filtered out, say): keep focus in the grid.
    if (this.#hadFocus && !scroller.contains((this.renderRoot as ShadowRoot).activeElement))
      this.#focusTarget()?.focus({ preventScroll: true });
  }

  #loadView(): void {
    this.#viewLoad ??= loadAudienceView()
      .then(
        (loaded) => void (View = loaded),
        (error: unknown) => {
          this.#viewError = error instanceof Error ? error.message : String(error);
          console.error('email-responses: the grid could not load its view of the store', error);
        },
      )
      .finally(() => {
        this.#viewLoad = undefined;
        this.requestUpdate();
      });
  }

  /** Also waits for the grid's view of the store on its first store: done means the rows show. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#viewLoad) {
      await this.#viewLoad;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  #notices(view: AudienceView | undefined, total: number): StatusNotice[] {
    const { store, emailId } = this;
    const m = this.locales.messages;
    const notices = viewNotices(store, m, emailId, total, view?.length ?? 0);
    if (!store || !emailId || view) return notices;
    if (this.#viewError !== undefined) return [{ kind: 'error' as const, text: m.viewNotLoaded(this.#viewError) }];
    // Before the view's code is here (a frame, beside the store's own chunks) "no recipients"
    // would be said of an email that has some.
    return notices.filter((notice) => notice.kind !== 'empty');
  }

  protected override render() {
    const view = this.#view;
    const store = this.store;
    const { messages: m, numbers, time } = this.locales;
    const rules = store?.state.rules;
    const labels = new Map((rules?.responses ?? []).map((r) => [r.id, responseLabel(m, r)]));
    const counts = view?.counts();
    const total = (view && store?.state.emails.get(this.emailId)?.order.length) || 0;
    const layout = this.#layout();
    const pending = view?.pendingMoves ?? 0;
    const columns = this.#columnLayout.columnList;
    const now = store?.now() ?? Date.now();
    const styles = {
      '--_row-height': `${layout.rowHeight}px`,
      '--_tracks': columns.map((c) => c.track).join(' '),
      '--_min-width': this.narrow ? '0px' : minimumWidth(columns),
      '--_lines': String((this.slim ? 3 : 2) + this.#extraLines()),
    };
    const rows = view
      ? renderRows({
          view,
          layout,
          window: rowWindow(layout, this.#scrollState.scrollTop, this.#scrollState.base, OVERSCAN),
          scrollTop: this.#scrollState.scrollTop,
          columns,
          ctx: {
            messages: m,
            labels,
            time: this.narrow ? this.#shortTime(time) : time,
            numbers,
            now,
            limitHours: store?.rules.sentToProviderLimitHours ?? 48,
            stage: this.#stageWords,
            engagement: engagementOnce(view),
          },
          focusIndex: this.#focusState.index,
          focusCol: this.#focusState.col,
          selected: this.selectedRecipientId,
          flashing: (row) => this.#liveUpdates.flashing(row),
          // Times show to the second at most ("now", "3 minutes ago").
          cellsKey: `${this.#cellsEpoch} ${Math.floor(now / 1000)} ${columns.map((c) => c.id).join()}`,
          drawn: this.#rendered,
        })
      : undefined;
    this.#rendered = rows?.drawn ?? new Map();
    return html`
      ${renderToolbar({
        messages: m,
        search: this.search,
        shown: view?.length ?? 0,
        total,
        disabled: !view,
        held: pending,
        softBounces: this.#hasSoftBounces(counts),
        onShowHeld: () => this.showUpdates(),
        onSearchInput: this.#onSearchInput,
        onSearchChange: this.#onSearchChange,
        onExport: () => void this.downloadCsv(),
        onResend: () => void this.downloadResendCsv(),
        columnsButton: renderChooserButton(this.#columnLayout.chooserInput()),
      })}
      ${this.#columnLayout.renderChooser()}
      ${
        counts && rules
          ? html`<div class="chips" part="chips" role="toolbar" tabindex="-1" aria-label=${m.filterLabel} @keydown=${this.#onChipKey} @focusin=${this.#onChipFocus}>
            ${renderChips(counts, this.filter, rules.responses, labels, m, numbers, this.#chipActions, this.chipStop)}
          </div>`
          : nothing
      }
      ${this.renderNotices(this.#notices(view, total))}
      <div class="area" style=${styleProperties(styles)}>
        <div
          class=${this.slim ? 'scroller narrow slim' : this.narrow ? 'scroller narrow' : 'scroller wide'}
          part="grid"
          role="grid"
          aria-label=${m.gridLabel}
          aria-rowcount=${(view?.length ?? 0) + 1}
          aria-colcount=${columns.length}
          @scroll=${this.#onScroll}
          @scrollend=${this.#onScrollEnd}
          @focusin=${this.#onFocusIn}
          @focusout=${this.#onFocusOut}
          @keydown=${this.#columnLayout.onHeaderKey}
        >
          <div role="rowgroup" class="header-group">
            ${renderHeader({
              columns,
              sort: gridQuery(this.#queryInput()).sort ?? null,
              messages: m,
              focusedCol: this.#focusState.index < 0 ? this.#focusState.col : -1,
              onSort: this.#onSort,
              paused: pending > 0,
              resize: this.#columnLayout.headerResize(),
            })}
          </div>
          <div
            role=${view && view.length > 0 ? 'rowgroup' : nothing}
            class="body"
            style=${styleProperties({ height: `${layout.physicalHeight}px` })}
            @click=${this.#onRowClick}
            @pointerenter=${this.#onPointerOver}
            @pointerleave=${this.#onPointerOver}
          >
            ${rows?.template ?? nothing}
          </div>
        </div>
      </div>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.liveText}</div>
    `;
  }

  protected override storeChanged(change: StoreChange): void {
    const view = this.#view;
    this.#softBounceSeen = undefined;
    this.#cellsEpoch++;
    if (change.reset || !view || view.state !== this.store?.state) {
      this.#needsRebuild = true;
    } else {
      this.#liveUpdates.apply(view, change, this.#rendered, (changed) =>
        this.locales.messages.announceChanges(changed, view.length, view.pendingMoves),
      );
    }
    this.requestUpdate();
  }

  /**
   * Whether the resend list has anyone. The chip counts answer at once unless a search or an
   * engagement hides soft bounces; then the email's rows are read, once per store change.
   */
  #hasSoftBounces(counts: AudienceCounts | undefined): boolean {
    if (!this.#view || !counts) return false;
    if ((counts.byResponse['soft-bounce'] ?? 0) > 0) return true;
    if (!this.search && !this.filter.engagement) return false;
    this.#softBounceSeen ??= this.#view.rowsWith('soft-bounce').length > 0;
    return this.#softBounceSeen;
  }

  #queryInput(): GridQueryInput {
    return { sortBy: this.sortBy, sortDirection: this.sortDirection, filter: this.filter, search: this.search };
  }

  /** Lines a narrow row adds for the chosen columns past its own: 2 to a line. */
  #extraLines(): number {
    return this.narrow ? extraLines(this.#columnLayout.columnList, 2) : 0;
  }

  #layout(): ScrollLayout {
    const line = this.rowHeight > 0 ? this.rowHeight : DEFAULT_ROW_HEIGHT;
    // Two lines of text in a narrow row: not twice the padding.
    const factor = this.slim ? SLIM_ROW_FACTOR : this.narrow ? NARROW_ROW_FACTOR : 1;
    const extra = this.slim ? SLIM_EXTRA_LINE_FACTOR : EXTRA_LINE_FACTOR;
    const rowHeight = Math.round(line * (factor + this.#extraLines() * extra));
    return createLayout(this.#view?.length ?? 0, rowHeight, Math.max(0, this.scrollerHeight - rowHeight));
  }

  /** The role=grid element: it scrolls, and its keys are the keyboard controller's. */
  #scroller(): HTMLElement | null {
    return this.renderRoot?.querySelector?.<HTMLElement>('.scroller') ?? null;
  }

  /** Moves the grid's focus to a cell, scrolling it into view. */
  async #moveFocus(position: GridPosition): Promise<void> {
    this.#focusState.col = position.col;
    this.#focusState.setRow(this.#view, position.row);
    if (this.#focusState.index >= 0) this.#scrollState.reveal(this.#layout(), this.#focusState.index);
    this.requestUpdate();
    await this.updateComplete;
    const target = this.#focusTarget();
    target?.focus({ preventScroll: true });
    if (target) this.#revealInline(target);
  }

  /**
   * Scrolls the grid sideways so a focused cell is wholly in view (the rows are virtual, so the
   * vertical scroll is the scroll state's; sideways the browser's own scroll is the truth).
   */
  #revealInline(target: HTMLElement): void {
    const scroller = this.#scroller();
    const cell = target.closest<HTMLElement>('[role="gridcell"], [role="columnheader"]') ?? target;
    if (!scroller) return;
    const box = scroller.getBoundingClientRect();
    const left = box.left + scroller.clientLeft;
    const right = left + scroller.clientWidth;
    const r = cell.getBoundingClientRect();
    // A cell wider than the view shows its start: the left edge, or the right one in rtl.
    const rtl = getComputedStyle(scroller).direction === 'rtl';
    let delta = 0;
    if (r.width > right - left) delta = rtl ? r.right - right : r.left - left;
    else if (r.left < left) delta = r.left - left;
    else if (r.right > right) delta = r.right - right;
    if (Math.abs(delta) >= 1) scroller.scrollLeft += delta;
    // A grid taller than the window (a phone, wrapped chips) can hold its focused row below the
    // window's edge: the page moves, the grid's own scroll (already right) does not.
    const onPage = cell.getBoundingClientRect();
    if (onPage.top < 0 || onPage.bottom > innerHeight || onPage.left < 0 || onPage.right > innerWidth)
      cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** Selects the row at a view index and fires `recipient-select` for it. */
  #activateRow(index: number): void {
    const view = this.#view;
    if (!view || index < 0 || index >= view.length) return;
    const r = view.state.recipientAt(view.rowAt(index));
    // Before the event, so a listener that opens someone else can select them instead.
    this.selectedRecipientId = r.recipientId;
    const detail: RecipientSelectDetail = { emailId: r.emailId, recipientId: r.recipientId, contactId: r.contactId };
    this.dispatchEvent(new CustomEvent('recipient-select', { detail, bubbles: true, composed: true }));
  }

  #short?: ShortTime;

  /** A narrow grid's shorter times, built again only when the language or zone changed. */
  #shortTime(time: TimeFormatter): ShortTime {
    if (this.#short?.formatter !== time) this.#short = new ShortTime(time);
    return this.#short;
  }

  #csvOptions(): CsvOptions {
    return {
      messages: this.locales.messages,
      time: this.locales.time,
      responses: this.store?.state.rules.responses ?? [],
      stage: this.#stageWords,
      optional: this.#columnLayout.optional,
      engagement: () => this.#view?.engagement(),
    };
  }

  /** A response's stage in the views' words, for the Stage column and the CSV's. */
  readonly #stageWords = (response: string): string => {
    const rules = this.store?.state.rules;
    const stage = rules && stageOf(rules, response);
    return stage ? this.locales.messages.stages[stage] : '';
  };

  #focusTarget(): HTMLElement | null {
    return this.#scroller()?.querySelector<HTMLElement>('[tabindex="0"]') ?? null;
  }

  /** The column layout's view of the grid. */
  #columnGrid(): ColumnLayoutGrid {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the adapter reads the element's current state.
    const grid = this;
    return {
      get columns() {
        return grid.columns;
      },
      set columns(value: string) {
        grid.columns = value;
      },
      store: () => this.store,
      // Which grid the cache keeps columns for: its `id`, else one choice for the page's unnamed grids.
      key: () => this.id || this.localName,
      messages: () => this.locales.messages,
      narrow: () => this.narrow,
      scroller: () => this.#scroller(),
      focusedHeader: () => (this.#focusState.index < 0 ? this.#focusState.col : -1),
      announce: (text) => (this.liveText = text),
    };
  }

  readonly #chipActions = {
    toggleResponse: (id: string) => (this.filter = { ...this.filter, responses: toggled(this.filter.responses, id) }),
    toggleGroup: (group: AudienceGroup) =>
      (this.filter = { ...this.filter, groups: toggled(this.filter.groups, group) }),
    clear: () =>
      (this.filter = {
        ...(this.filter.engagement ? { engagement: this.filter.engagement } : {}),
        ...(this.filter.recipients ? { recipients: this.filter.recipients } : {}),
      }),
    clearEngagement: () => (this.filter = { ...this.filter, engagement: undefined }),
    clearRecipients: () => (this.filter = { ...this.filter, recipients: undefined }),
  };

  readonly #onChipKey = (event: KeyboardEvent): void => {
    const container = event.currentTarget as HTMLElement;
    const chips = [...container.querySelectorAll<HTMLButtonElement>('.chip')];
    const at = chips.indexOf((event.target as HTMLElement).closest<HTMLButtonElement>('.chip')!);
    if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = chipKeyTarget(event.key, getComputedStyle(container).direction === 'rtl', at, chips.length);
    if (next === undefined) return;
    event.preventDefault();
    chips[next]!.focus();
  };

  /** The chip that gets focus, by key or click, keeps the chips' one Tab stop. */
  readonly #onChipFocus = (event: FocusEvent): void => {
    const name = (event.target as HTMLElement).closest<HTMLElement>('.chip')?.dataset['chip'];
    if (name !== undefined && name !== this.chipStop) this.chipStop = name;
  };

  readonly #onSort = (column: SortColumn): void => {
    if (this.sortBy === column) this.sortDirection = this.sortDirection === 'descending' ? 'ascending' : 'descending';
    else [this.sortBy, this.sortDirection] = [column, firstDirection(column)];
  };

  readonly #onSearchInput = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    // A million rows take tens of milliseconds to search: once per pause, not per key.
    this.#searchTimer = setTimeout(() => (this.search = value), SEARCH_DEBOUNCE_MS);
  };

  /** Enter (or leaving the field) searches at once. */
  readonly #onSearchChange = (event: Event): void => {
    clearTimeout(this.#searchTimer);
    this.search = (event.target as HTMLInputElement).value;
  };

  readonly #onScroll = (event: Event): void => {
    this.#scrollState.scrolled(this.#layout(), (event.currentTarget as HTMLElement).scrollTop);
    this.#liveUpdates.hold.scrolled(performance.now());
    this.requestUpdate();
  };

  // Without `scrollend` (older Safari) the thumb is not moved home at rest; the ends stay
  // reachable through the rebase near them.
  readonly #onScrollEnd = (): void => {
    if (this.#scrollState.rested(this.#layout())) this.requestUpdate();
  };

  readonly #onFocusIn = (event: FocusEvent): void => {
    this.#liveUpdates.hold.focusWithin = true;
    const cell = GridFocus.cellOf(event.composedPath()[0]);
    if (!cell || (cell.col === this.#focusState.col && cell.row === this.#focusState.index)) return;
    this.#focusState.col = cell.col;
    this.#focusState.setRow(this.#view, cell.row);
    this.requestUpdate();
  };

  readonly #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.#scroller()?.contains(next)) this.#liveUpdates.hold.focusWithin = false;
  };

  readonly #onRowClick = (event: MouseEvent): void => {
    const row = GridFocus.cellOf(event.composedPath()[0]);
    if (row && row.row >= 0) this.#activateRow(row.row);
  };

  readonly #onPointerOver = (event: PointerEvent): void => {
    this.#liveUpdates.hold.pointerOver = event.type === 'pointerenter';
  };
}

function* mapRows<T>(rows: Iterable<number>, read: (row: number) => T): IterableIterator<T> {
  for (const row of rows) yield read(row);
}

/**
 * The view's engagement, asked at most once per render: bringing it up to date reads the store's
 * event log, and every shown row with an engagement column asks for it.
 */
function engagementOnce(view: AudienceView): () => EmailEngagement | undefined {
  let asked = false;
  let engagement: EmailEngagement | undefined;
  return () => {
    if (!asked) {
      asked = true;
      engagement = view.engagement();
    }
    return engagement;
  };
}
