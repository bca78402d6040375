import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ResponseStore } from '../../store/response-store';
import type { StoreChange } from '../../store/store-events';
import { StoreController } from '../controllers/store-controller';
import { localeContext, type LocaleContext } from './locale-context';
import type { StatusNotice } from './store-status';
import { upgradeProperty } from './upgrade-property';

/** Relative times ("5 min. ago") and Sent to provider waits move with the clock, not the store. */
const CLOCK_MS = 30_000;

/**
 * What every view of a store shares (as `ShoelaceElement` is for Shoelace's): the `store`
 * property, set on the element or provided by the enclosing `<email-responses>`, and honoured
 * when a host set it before the element was defined; the `locale` and the formatters made from
 * it; re-rendering when the store's connection or cache status changes; the notices; and, for
 * views that show times, a 30-second clock. A subclass says what a store change means to it.
 */
export abstract class ResponseViewElement extends LitElement {
  /**
   * `light`, `dark`, or `auto` (the OS's); without it the element follows the page's
   * `color-scheme`, as the page's own form controls do.
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;

  /** Language of labels, numbers and times, if shown (BCP 47); messages come from `registerMessages`. */
  @property() locale: string | undefined;

  /** Messages and formatters for `locale` (and `timeZoneShown`), made again when they change. */
  protected locales: LocaleContext = localeContext(undefined, undefined, '');

  /** Views whose times are relative to now set it: they re-render every 30 seconds. */
  protected showsTimes = false;

  readonly #storeController = new StoreController(this, (change) => this.storeChanged(change));
  #localeKey = '\n';
  #clock: ReturnType<typeof setInterval> | undefined;
  /** Ticks each second while the connection waits to retry, for the countdown. */
  #countdown: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    upgradeProperty(this, 'store');
  }

  /** The store to read; by default the one the enclosing `<email-responses>` provides. */
  get store(): ResponseStore | undefined {
    return this.#storeController.store;
  }

  set store(store: ResponseStore | undefined) {
    this.#storeController.store = store;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.showsTimes) this.#clock = setInterval(() => this.requestUpdate(), CLOCK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
    this.#clock = undefined;
    clearInterval(this.#countdown);
    this.#countdown = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const retrying = this.isConnected && this.store?.connection.state === 'retrying';
    if (retrying) this.#countdown ??= setInterval(() => this.requestUpdate(), 1000);
    else {
      // Clearing none is a no-op: cheaper in bytes than asking first.
      clearInterval(this.#countdown);
      this.#countdown = undefined;
    }
  }

  /**
   * What a change of the store's state means to the view: at most one call per animation frame
   * while connected, and one with `reset` whenever the view gets a store (or another one).
   */
  protected abstract storeChanged(change: StoreChange): void;

  /** The zone times show in; undefined is the viewer's own (and what views without times say). */
  protected get timeZoneShown(): string | undefined {
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const zone = this.timeZoneShown;
    const key = `${this.locale ?? ''}\n${zone ?? ''}`;
    if (key === this.#localeKey) return;
    this.#localeKey = key;
    this.locales = localeContext(this.locale, zone, this.localName);
  }

  /** The loading, empty, error and offline notices, in a status region. */
  protected renderNotices(notices: readonly StatusNotice[]): TemplateResult {
    return html`<div class="status" role="status">
      ${notices.map(
        (n) =>
          // The sentence takes its own direction: an English fallback on a right-to-left page
          // read ".Choose a recipient…", its full stop at the wrong end.
          html`<p class="notice" part="status" data-kind=${n.kind}><span dir="auto">${n.text}</span>${
            n.action
              ? html` <button type="button" part=${n.action.part} @click=${n.action.run}>${n.action.label}</button>`
              : nothing
          }</p>`,
      )}
    </div>`;
  }
}
