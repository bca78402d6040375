/**
 * Events that wait for the rules. While the backend's rules (`rules-url`) are on their way, an
 * event whose response the rules in use do not know (say `auto-reply`, which the new rules add)
 * is held instead of rejected: kept in memory and in the cache (a reload before the rules answer
 * holds it again), and applied once the rules are settled. If the settled rules do not know it
 * either, it is rejected then, with the reason.
 */
import type { EventRejection } from '../core/event';

export class HeldEvents {
  /** Rules loads in flight: the rules are settled when none is. */
  #loads = 0;
  #events: unknown[] = [];

  /** True while rules are on their way: unknown responses wait. */
  get settling(): boolean {
    return this.#loads > 0;
  }

  get size(): number {
    return this.#events.length;
  }

  /** Every event held, oldest first (what the cache keeps). */
  all(): readonly unknown[] {
    return this.#events;
  }

  /** A rules load started; call the function it returns when it ended, however it ended. */
  begin(): () => void {
    this.#loads++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#loads--;
    };
  }

  /**
   * While the rules are settling, keeps the events rejected only for an unknown response and
   * returns the rejections to report now; `held` says whether any was kept. Settled: keeps none.
   */
  keep(rejected: readonly EventRejection[]): { report: EventRejection[]; held: boolean } {
    if (!this.settling) return { report: [...rejected], held: false };
    const report: EventRejection[] = [];
    let held = false;
    for (const rejection of rejected) {
      const copy = rejection.code === 'unknown-response' ? plainCopy(rejection.event) : undefined;
      if (copy === undefined) report.push(rejection);
      else {
        this.#events.push(copy);
        held = true;
      }
    }
    return { report, held };
  }

  /** Events a cache held from the last visit: they wait again. */
  restore(events: readonly unknown[]): void {
    for (const event of events) this.#events.push(event);
  }

  /** The held events, to apply now that the rules are settled; none is held after. */
  take(): unknown[] {
    const out = this.#events;
    this.#events = [];
    return out;
  }
}

/**
 * The event as JSON data, as the cache can store it and a reload read it back; undefined when it
 * is not (a function or a cycle in it): such an event is rejected at once rather than held.
 */
function plainCopy(event: unknown): unknown {
  try {
    const text = JSON.stringify(event);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
