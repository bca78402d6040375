import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ResponseStore } from '../../store/response-store';
import type { StoreChange } from '../../store/store-events';
import { storeContext } from './store-context';

type Host = ReactiveControllerHost & HTMLElement;

/** The store events that change what a view says about its data (its notices), not the data. */
const STATUS_EVENTS = ['connection-change', 'cache-status', 'clock-change'] as const;

/**
 * Connects an element to a store: the one set on its `store` property if any, else the one the
 * nearest `<email-responses>` provides. Subscribes while connected and tells the element what
 * changed, at most once per animation frame; re-renders it when the store's connection or cache
 * status changes, so its notices follow.
 */
export class StoreController implements ReactiveController {
  #explicit: ResponseStore | undefined;
  #provided: ResponseStore | undefined;
  #subscribed: ResponseStore | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  readonly #host: Host;
  readonly #onChange: (change: StoreChange, store: ResponseStore) => void;
  /** Listens on the document while connected: see the constructor. */
  readonly #providerCame: (event: Event) => void;

  constructor(host: Host, onChange: (change: StoreChange, store: ResponseStore) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
    const consumer = new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (store) => {
        this.#provided = store;
        this.#resubscribe();
      },
    });
    // A provider connected (an `<email-responses>` announces itself so): a view still without one
    // asks again. A view defined before its `<email-responses>` (a bundle that puts the views'
    // definitions first) asked once, heard nothing, and showed "Loading…" for good with no error
    // (an integrator's review). `hostConnected` is how the consumer asks; it holds no other state.
    this.#providerCame = (event) => {
      if (!this.#provided && (event as Event & { context?: unknown }).context === storeContext)
        consumer.hostConnected();
    };
  }

  /** The store the element reads, or undefined while it has none. */
  get store(): ResponseStore | undefined {
    return this.#explicit ?? this.#provided;
  }

  /** A store set by the host on the element wins over the provided one. */
  set store(store: ResponseStore | undefined) {
    this.#explicit = store;
    this.#resubscribe();
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('context-provider', this.#providerCame);
    this.#resubscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('context-provider', this.#providerCame);
    this.#resubscribe();
  }

  #resubscribe(): void {
    const store = this.#connected ? this.store : undefined;
    if (store === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    for (const type of STATUS_EVENTS) this.#subscribed?.removeEventListener(type, this.#statusChanged);
    this.#subscribed = store;
    if (store) {
      for (const type of STATUS_EVENTS) store.addEventListener(type, this.#statusChanged);
      this.#unsubscribe = store.subscribe((change) => this.#onChange(change, store));
      // A new store is a new state: the element starts over.
      this.#onChange({ rows: [], emails: new Set(), contacts: new Set(), reset: true }, store);
    }
    this.#host.requestUpdate();
  }

  readonly #statusChanged = (): void => {
    this.#host.requestUpdate();
  };
}
