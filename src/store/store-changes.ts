/**
 * What the store's listeners hear: the rows, emails and contacts that changed since they last
 * heard (or a reset: read everything again), gathered between animation frames and told at most
 * once per frame, so a burst of events costs the views one render.
 */
import type { ResponseState } from '../core/fold';
import { FrameBatcher } from './frame-batcher';
import type { StoreChange } from './store-events';

export type StoreListener = (change: StoreChange) => void;

export class StoreChanges {
  readonly #listeners = new Set<StoreListener>();
  readonly #batcher = new FrameBatcher(() => this.#notify());
  #rows = new Set<number>();
  #emails = new Set<string>();
  #reset = false;

  /** `state`: the store's state when listeners are told (rows are named by their email and contact in it). */
  constructor(private readonly state: () => ResponseState) {}

  /** Hears what changed, at most once per animation frame. Returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Rows and emails that changed, told at the next frame. */
  add(rows: Iterable<number>, emails: Iterable<string> = []): void {
    for (const row of rows) this.#rows.add(row);
    for (const email of emails) this.#emails.add(email);
  }

  /** Rows and emails that changed, told at the next frame when there are any. */
  changed(rows: readonly number[], emails: readonly string[] = []): void {
    this.add(rows, emails);
    if (rows.length > 0 || emails.length > 0) this.schedule();
  }

  /** Listeners are to read everything again (the state was filled from the cache). */
  markReset(): void {
    this.#reset = true;
  }

  /**
   * The state was replaced (refolded under other rules): listeners read everything again, and
   * rows pending are dropped, as they number the old state's recipients.
   */
  stateReplaced(): void {
    this.#reset = true;
    this.#rows.clear();
    this.schedule();
  }

  schedule(): void {
    this.#batcher.schedule();
  }

  /** Tells listeners now what is pending instead of at the next frame. */
  flush(): void {
    this.#batcher.flush();
  }

  /** Nothing more is told: the pending frame is cancelled and the listeners let go. */
  close(): void {
    this.#batcher.cancel();
    this.#listeners.clear();
  }

  #notify(): void {
    const state = this.state();
    const rows = [...this.#rows];
    const emails = new Set(this.#emails);
    for (const row of rows) emails.add(state.emails.at(state.recipients.emailOf(row)).id);
    let contacts: Set<string> | undefined;
    const change: StoreChange = {
      rows,
      emails,
      // Only a timeline reads the contacts: a million-row snapshot's Set of them cost its frame
      // 1-2 s (issue 16), so they are gathered when a listener first asks, from the state it was
      // told about (read while told, as listeners do, it is what an eager Set would have held).
      get contacts() {
        if (!contacts) {
          contacts = new Set();
          for (const row of rows) {
            const contact = state.recipients.contactOf(row);
            if (contact !== undefined) contacts.add(contact);
          }
        }
        return contacts;
      },
      reset: this.#reset,
    };
    this.#rows = new Set();
    this.#emails = new Set();
    this.#reset = false;
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        // One broken view must not stop the others from hearing the change.
        console.error('email-responses: a store listener threw', error);
      }
    }
  }
}
