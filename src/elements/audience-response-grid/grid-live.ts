import type { AudienceView } from '../../store/audience/audience-view';
import type { StoreChange } from '../../store/store-events';

/**
 * Live without disorienting: when to hold re-sorting back, which rows flash, and a summary for
 * screen readers that never talks more than once per interval.
 */

/** The grid's live-update policy, applied to each store change. */
export class LiveUpdates {
  readonly hold = new HoldTracker();
  readonly #flash: FlashTracker;
  readonly #announcer: ThrottledAnnouncer;

  constructor(repaint: () => void, say: (text: string) => void) {
    this.#flash = new FlashTracker(repaint);
    this.#announcer = new ThrottledAnnouncer(say);
  }

  /**
   * Follows a change: moves wait while the user reads (held ones are applied by the next change
   * that comes while nobody does, or by the updates button); rows on screen that changed flash;
   * the change is told to screen readers, politely and throttled.
   */
  apply(
    view: AudienceView,
    change: Pick<StoreChange, 'rows' | 'reset'>,
    onScreen: Pick<ReadonlySet<number>, 'has'>,
    compose: (changed: number) => string,
  ): void {
    const now = performance.now();
    view.hold = this.hold.holding(now);
    if (!view.hold) view.applyPending();
    const result = view.update(change);
    this.#flash.mark(
      result.changed.filter((row) => onScreen.has(row)),
      now,
    );
    this.#announcer.note(result.changed.length, compose);
  }

  flashing(row: number): boolean {
    return this.#flash.has(row, performance.now());
  }

  stop(): void {
    this.#flash.clear();
    this.#announcer.cancel();
  }
}

/** Why re-sorting should wait: the user is scrolling, in the grid with the keyboard, or pointing at rows. */
export class HoldTracker {
  focusWithin = false;
  pointerOver = false;
  #scrollingUntil = -Infinity;

  constructor(private readonly scrollIdleMs = 700) {}

  scrolled(now: number): void {
    this.#scrollingUntil = now + this.scrollIdleMs;
  }

  holding(now: number): boolean {
    return this.focusWithin || this.pointerOver || now < this.#scrollingUntil;
  }
}

/** Rows that changed recently, so the grid can mark them for a short animation. */
export class FlashTracker {
  readonly #until = new Map<number, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #expired: () => void;
  constructor(
    expired: () => void,
    readonly durationMs = 900,
  ) {
    this.#expired = expired;
  }

  mark(rows: Iterable<number>, now: number): void {
    for (const row of rows) this.#until.set(row, now + this.durationMs);
    this.#schedule(now);
  }

  has(row: number, now: number): boolean {
    return (this.#until.get(row) ?? -Infinity) > now;
  }

  clear(): void {
    this.#until.clear();
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(now: number): void {
    if (this.#timer !== undefined || this.#until.size === 0) return;
    let next = Infinity;
    for (const at of this.#until.values()) if (at < next) next = at;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        const later = performance.now();
        for (const [row, at] of this.#until) if (at <= later) this.#until.delete(row);
        this.#expired();
        this.#schedule(later);
      },
      Math.max(0, next - now),
    );
  }
}

/**
 * A polite summary of changes, at most one per `intervalMs`: the first change is told at once,
 * the ones after it are added up and told when the interval has passed. The text is composed
 * when it is told, so its figures are current.
 */
export class ThrottledAnnouncer {
  #lastAt = -Infinity;
  #changed = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #compose: ((changed: number) => string) | undefined;

  readonly #say: (text: string) => void;
  constructor(
    say: (text: string) => void,
    /**
     * Ten seconds: a steady stream told every two kept a screen reader talking over whatever its
     * user was reading ("~400 recipients changed. 1,000 rows shown.", a new user's review).
     */
    readonly intervalMs = 10_000,
  ) {
    this.#say = say;
  }

  note(changed: number, compose: (changed: number) => string): void {
    if (changed <= 0) return;
    this.#changed += changed;
    this.#compose = compose;
    if (this.#timer !== undefined) return;
    const wait = this.#lastAt + this.intervalMs - performance.now();
    if (wait <= 0) this.#tell();
    else this.#timer = setTimeout(() => this.#tell(), wait);
  }

  cancel(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#changed = 0;
  }

  #tell(): void {
    this.#timer = undefined;
    if (this.#changed === 0 || !this.#compose) return;
    this.#lastAt = performance.now();
    this.#say(this.#compose(this.#changed));
    this.#changed = 0;
  }
}
