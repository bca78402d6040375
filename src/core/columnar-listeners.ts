/**
 * Listeners that hear a columnar batch's rows without an object per row (issue 16 §3).
 *
 * A plain `AcceptedListener` hears each accepted event as an object it may keep, so the fold
 * unpacks every row of a columnar batch into one (columnar-rows.ts `event`), which cost the store
 * more than the fold itself. These listeners hear a row as a scratch event instead, rewritten for
 * the next row, with a `RowCopy` to make the object only when it is kept: the store's event log
 * keeps the row's fields as bytes (event-log-pages.ts) and needs no object. A redelivery is heard
 * as an object: the store keeps a few and compares their contents (event-conflicts.ts).
 *
 * `applyItems(state, items, listeners.accepted, listeners.duplicate)`: the fold finds these
 * listeners by their `accepted` function (a WeakMap, so the fold's signature stays as it is).
 */
import type { AcceptedListener } from './batch';
import type { ColumnarRows } from './columnar-rows';
import type { ResponseEvent } from './event';
import type { CompiledRules } from './rules';
import type { CheckedEvent } from './validate';

/** The row being heard, as an object of its own: what a listener keeps. */
export interface RowCopy {
  copy(): ResponseEvent;
}

/**
 * Hears an accepted event. With `copy` undefined, `event` is an object to keep as it is; with
 * `copy`, `event` is a scratch object holding the row's fields (every field of the event it
 * stands for, absent ones undefined) only during the call: keep `copy.copy()`, never `event`.
 */
export type KeepingListener = (event: ResponseEvent, row: number, at: number, copy: RowCopy | undefined) => void;

const byAccepted = new WeakMap<AcceptedListener, ColumnarListeners>();

export class ColumnarListeners implements RowCopy {
  /** For `apply`'s `onAccepted`: plain events are heard as objects, rows as scratch events. */
  readonly accepted: AcceptedListener;
  /** For `apply`'s `onDuplicate`: every redelivery is heard as an object of its own. */
  readonly duplicate: AcceptedListener;
  /** The batch whose row is being applied, while the fold applies it (see `enter`). */
  #rows: ColumnarRows | undefined = undefined;
  #i = 0;
  #rules: CompiledRules | undefined = undefined;
  // Stryker disable next-line ObjectLiteral: checkEvent writes every field before any is read
  readonly #checked: CheckedEvent = { event: undefined as unknown as ResponseEvent, response: -1, at: 0 };

  constructor(onAccepted: KeepingListener, onDuplicate: AcceptedListener) {
    this.accepted = (event, row, at) => onAccepted(event, row, at, this.#rows === undefined ? undefined : this);
    this.duplicate = (event, row, at) => onDuplicate(this.#rows === undefined ? event : this.copy(), row, at);
    byAccepted.set(this.accepted, this);
  }

  /**
   * The listeners whose `accepted` is `onAccepted`, when `onDuplicate` is theirs too (or absent):
   * then the fold may hand them scratch events. Otherwise undefined, and every row is an object.
   */
  static of(onAccepted: AcceptedListener | undefined, onDuplicate: AcceptedListener | undefined) {
    const listeners = onAccepted === undefined ? undefined : byAccepted.get(onAccepted);
    return listeners !== undefined && (onDuplicate === undefined || onDuplicate === listeners.duplicate)
      ? listeners
      : undefined;
  }

  /** Row `i` of `rows` is being applied: what these listeners hear now is that row. */
  enter(rows: ColumnarRows, i: number, rules: CompiledRules): void {
    this.#rows = rows;
    this.#i = i;
    this.#rules = rules;
  }

  /** No row is being applied: what they hear now (an apply from a listener) is an object. */
  leave(): void {
    this.#rows = undefined;
  }

  /** The row being applied as the object it stands for, as `checkEvent` makes it of a plain one. */
  copy(): ResponseEvent {
    const out = this.#checked;
    return this.#rows!.event(this.#i, this.#rules!, out);
  }
}
