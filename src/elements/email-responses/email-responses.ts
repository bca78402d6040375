import { provide } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { createResponseStore, type ResponseStore, type ResponseStoreOptions } from '../../store/response-store';
import { DEFAULT_RULES } from '../../core/catalogue';
import type { ProviderName } from '../../core/providers/index';
// Not sources/index: that carries every transport; this loads only the one `stream-kind` names.
import { createSourceOrReport } from '../../store/sources/lazy-source';
import type { SourceKind } from '../../store/sources/source-spec';
import { storeContext } from '../controllers/store-context';
import type { IngestResult, ResponseStoreEventMap } from '../../store/store-events';

/** The events `<email-responses>` fires: the store's, relayed as bubbling, composed DOM events. */
export interface EmailResponsesEventMap extends HTMLElementEventMap, ResponseStoreEventMap {}

declare global {
  // Relayed as bubbling, composed events: a listener on any ancestor gets them typed.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the store's events
  interface GlobalEventHandlersEventMap extends ResponseStoreEventMap {}
}

const RELAYED: (keyof ResponseStoreEventMap)[] = [
  'events-rejected',
  'events-skipped',
  'connection-change',
  'cache-status',
  'reconcile-conflict',
  'event-conflict',
  'rules-change',
  'rules-error',
];

/**
 * The root of a response view: owns a store (or uses the one a host sets) and provides it to
 * every email-responses element inside it. Connects to a live stream when given `stream-url`.
 *
 * The store it makes is its own: when the element leaves the page its stream stops. With
 * `cache-name` or `tabs`, unless it is back within the same task (a move costs nothing), the store
 * is closed too: its Web Locks and BroadcastChannels are released (another tab or element takes
 * the lead), its IndexedDB connection closes, and `ingest` refuses events (`store-closed`).
 * Connected again later, it makes a fresh store, which the cache fills again. Without either, the
 * store holds nothing outside itself and is kept: back on the page, the element shows the same rows.
 * A store a host sets stays the host's: the host closes it (`store.close()`).
 *
 * @summary Provides a response store to the elements inside it.
 * @tagname email-responses
 * @slot - The grid, timeline and summary elements that read the store.
 * @attr stream-url - Where live events come from.
 * @attr stream-kind - `sse` (default), `websocket`, `poll` or `ndjson`.
 * @attr cache-name - Keep a copy in IndexedDB under this name: a reopened page paints at once.
 * @attr tabs - Share one stream among the tabs that use the same name (one leader runs it).
 * @attr rules-url - Fetch the backend's copy of the rules; a new version refolds every event.
 * @attr provider - The stream carries a provider's raw webhook bodies (`sendgrid`, `ses`…), not events.
 * @fires events-rejected - Events that could not be applied, each with a reason (detail: `{ rejected }`).
 * @fires events-skipped - Parts of raw provider webhooks that carry no response (detail: `{ skipped }`).
 * @fires rules-error - The backend's rules could not be used; the current rules stay.
 * @fires connection-change - The stream's state: connecting, live, skipping, retrying, offline, closed (the status).
 * @fires cache-status - The cache opened, or the store works from memory and why, or the store was closed.
 * @fires reconcile-conflict - The server's state differs from the client's optimistic state.
 * @fires event-conflict - Two copies of one event (same recipient and id) differ; the lower content hash is kept.
 * @fires rules-change - New rules were adopted and the events refolded.
 */
export class EmailResponsesElement extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  /**
   * The store the elements inside read. Set one to share a store across a page: it stays yours
   * (call its `close()` when done); the one the element made is closed as it is replaced.
   */
  @provide({ context: storeContext })
  @property({ attribute: false })
  store: ResponseStore = createResponseStore();

  /** The URL of the live event stream. */
  @property({ attribute: 'stream-url', reflect: true }) streamUrl?: string;

  /** The stream's transport. */
  @property({ attribute: 'stream-kind' }) streamKind: SourceKind = 'sse';

  /** Read each stream item as this provider's raw webhook body. */
  @property() provider?: ProviderName;

  /** IndexedDB name for the cache of the store this element makes (not of a store a host sets). */
  @property({ attribute: 'cache-name' }) cacheName?: string;

  /** Tab-sharing name for the store this element makes. */
  @property() tabs?: string;

  /** Where the backend serves its copy of the rules. */
  @property({ attribute: 'rules-url' }) rulesUrl?: string;

  /** The store this element made itself, until a host sets one of its own. */
  #own: ResponseStore | undefined = this.store;
  #configured = false;
  /** Set when the element left the page: the own store closes unless it is back in this task. */
  #leaving: ReturnType<typeof setTimeout> | undefined;
  /** The own store was closed as the element left: a new connection makes another. */
  #ownClosed = false;

  #relayedFrom: ResponseStore | undefined;
  #connectedSource = false;
  /** What the running source was made from, so an unchanged setting does not reconnect. */
  #sourceKey = '';

  /**
   * Validates and applies events to the store (`store.ingest`), for a host without a stream.
   * Resolves with what was applied and what was rejected, and why (also fired as `events-rejected`).
   */
  ingest(events: Iterable<unknown>): Promise<IngestResult> {
    return this.store.ingest(events);
  }

  override connectedCallback(): void {
    // Moved (out and in within a task): the own store stays as it was.
    clearTimeout(this.#leaving);
    this.#leaving = undefined;
    const reopened = this.#ownClosed;
    if (reopened) {
      // Back after its store was closed: a fresh one, made as the first was.
      this.#ownClosed = false;
      this.#configured = false;
    }
    this.#configureOwnStore(reopened);
    super.connectedCallback();
    this.#relay();
    this.#connectSource();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#disconnectSource();
    this.#unrelay();
    // A task later, not now: a DOM move disconnects and connects again in the same task.
    if (this.#own && this.store === this.#own) this.#leaving = setTimeout(() => this.#closeOwnStore(), 0);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The first update lists `store` too (its initial value): only a replacement moves the source.
    const previous = changed.get('store');
    if (changed.has('store') && previous !== undefined && previous !== this.store) {
      if (this.#connectedSource) previous.disconnect();
      this.#connectedSource = false;
      this.#sourceKey = '';
      this.#relay();
    }
    if (changed.has('store') && this.#own && this.store !== this.#own) {
      // The host set a store of its own: the one this element made has no reader left.
      void this.#own.close();
      this.#own = undefined;
    }
    if (changed.has('store') || changed.has('streamUrl') || changed.has('streamKind') || changed.has('provider'))
      this.#connectSource();
    if ((changed.has('store') || changed.has('rulesUrl')) && this.rulesUrl) void this.store.loadRules(this.rulesUrl);
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  /**
   * A cache or tab name must be known when a store is made, and attributes are read after the
   * constructor: so the first connection remakes the element's own store with them, carrying
   * over anything a host already put into it. `reopened`: the element is back after its store
   * was closed; the cache, if named, has what that store applied (copied, it would count twice).
   */
  #configureOwnStore(reopened = false): void {
    if (this.#configured || !this.#own || this.store !== this.#own || (!this.cacheName && !this.tabs)) return;
    this.#configured = true;
    const previous = this.#own;
    // Rules the host gave on purpose stay; default ones yield to those saved with the cache.
    const options: ResponseStoreOptions = previous.rules === DEFAULT_RULES ? {} : { rules: previous.rules };
    if (this.cacheName) options.cacheName = this.cacheName;
    if (this.tabs) options.tabs = this.tabs;
    const store = createResponseStore(options);
    if (!(reopened && this.cacheName) && previous.appliedEvents().length > 0)
      void store.ingest(previous.appliedEvents());
    void previous.close();
    this.#own = store;
    this.store = store;
  }

  /**
   * The element left the page for good: its own store lets go of its locks, channels and
   * database. A store made without `cache-name` or `tabs` holds nothing outside itself (its
   * source is already stopped) and is kept as it is.
   */
  #closeOwnStore(): void {
    this.#leaving = undefined;
    const own = this.#own;
    if (this.isConnected || !own || this.store !== own || !this.#configured) return;
    this.#ownClosed = true;
    void own.close();
  }

  #connectSource(): void {
    if (!this.isConnected) return;
    const key = JSON.stringify([this.streamKind, this.streamUrl, this.provider]);
    if (this.#connectedSource && key === this.#sourceKey) return;
    this.#disconnectSource();
    if (!this.streamUrl) return;
    this.#sourceKey = key;
    const spec = { kind: this.streamKind, url: this.streamUrl };
    if (this.provider) {
      // The normalizers load on demand: connect once they are here, if nothing changed meanwhile.
      const store = this.store;
      void store.providerTransform(this.provider).then((transform) => {
        if (this.#sourceKey === key && this.store === store && this.#connectedSource)
          store.connect(createSourceOrReport({ ...spec, transform }));
      });
    } else this.store.connect(createSourceOrReport(spec));
    this.#connectedSource = true;
  }

  #disconnectSource(): void {
    // Only the source this element started: a host's own source on a shared store stays.
    if (this.#connectedSource) this.store.disconnect();
    this.#connectedSource = false;
    this.#sourceKey = '';
  }

  #relay(): void {
    if (this.#relayedFrom === this.store) return;
    this.#unrelay();
    for (const type of RELAYED) this.store.addEventListener(type, this.#forward);
    this.#relayedFrom = this.store;
  }

  #unrelay(): void {
    for (const type of RELAYED) this.#relayedFrom?.removeEventListener(type, this.#forward);
    this.#relayedFrom = undefined;
  }

  readonly #forward = (event: Event): void => {
    const detail = (event as CustomEvent<unknown>).detail;
    this.dispatchEvent(new CustomEvent(event.type, { detail, bubbles: true, composed: true }));
  };
}
