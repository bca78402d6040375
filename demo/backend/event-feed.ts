// The backend's event feed: what the campaign produces, at a chosen rate, bent by the demo's
// switches, appended to logs that never change once written. A cursor is a position in a log:
// cursor n means "the first n events are had", so any client can resume from any cursor.
// The main log carries events in the wire format; with the provider-format switch on, a share of
// the provider's events goes to a second log instead, served in SendGrid's webhook format.
import type { ResponseEvent } from '../../src/core/index';
import { LATE_BOUNCE_STEP, type Campaign } from './campaign';
import { EventHeap } from './event-heap';
import { Rng } from './random';
import { RefLog } from './ref-log';
import { toSendgrid, type SendgridItem } from './sendgrid-format';
import { SendgridWebhooks } from './sendgrid-webhook';
import type { ServerLedger } from './server-ledger';

export interface DemoSwitches {
  /** Deliver about 5% of events a second time, up to a few seconds later. */
  duplicates: boolean;
  /** Shuffle each batch and hold some events back to the next one. */
  reordering: boolean;
  /** Bounce about 5% of delivered recipients hours later, after their opens and clicks. */
  lateBounces: boolean;
  /** Send about a quarter of the provider's events as SendGrid webhook items on the provider stream. */
  providerFormat: boolean;
  /**
   * Send events (SSE, NDJSON, poll) and snapshot rows as columnar batches (docs/wire-format.md)
   * instead of objects. A request's `format=columns` or `format=objects` wins over it.
   */
  columnar: boolean;
}

export const NO_SWITCHES: Readonly<DemoSwitches> = {
  duplicates: false,
  reordering: false,
  lateBounces: false,
  providerFormat: false,
  columnar: false,
};

export interface FeedOptions {
  /** Events per second (0 pauses the feed; the clock still runs). */
  rate: number;
  seed?: number;
  /** Simulated ms per real ms (default 60: a minute of campaign per second). */
  timeScale?: number;
  switches?: Partial<DemoSwitches>;
}

export type LogName = 'main' | 'provider';

interface Pending {
  ref: number;
  step: number;
  log: LogName;
  /** The tick a redelivery is due. */
  tick: number;
  /** Held back once by reordering already. */
  held?: boolean;
}

export const MAX_RATE = 100_000;
/**
 * Events per second while the feed catches up with a jump. The jump moves the clock 49 hours at
 * once; at the chosen rate (200 a second) the events it passed, released in time order, took
 * minutes to get past the sends and deliveries of a 10,000 audience, so the report showed 0 opens
 * long after "Jump past 48 hours". The store takes 100,000-event bursts (the fault suite).
 */
export const CATCH_UP_RATE = 20_000;

export class EventFeed {
  readonly campaign: Campaign;
  readonly ledger: ServerLedger;
  readonly switches: DemoSwitches;
  readonly timeScale: number;
  readonly main = new RefLog();
  /** What the simulated SendGrid has posted, in order. */
  readonly provider = new RefLog();
  /** Posts the provider log's batches as signed webhooks to the backend's own endpoint. */
  readonly webhooks: SendgridWebhooks;
  readonly #rng: Rng;
  readonly #lateBounces = new EventHeap();
  readonly #listeners = new Set<() => void>();
  #rate = 0;
  #budget = 0;
  #tick = 0;
  #held: Pending[] = [];
  #lastAt = 0;
  /** The clock a jump moved to: until the feed has emitted that far, it runs at CATCH_UP_RATE. */
  #catchUpTo = 0;
  #redeliveries: Pending[] = [];
  #providerReceived = 0;
  /** The last batch appended to the main log, materialised: clients read it right away. */
  #recent: { from: number; events: ResponseEvent[] } = { from: 0, events: [] };

  constructor(campaign: Campaign, ledger: ServerLedger, options: FeedOptions) {
    this.campaign = campaign;
    this.ledger = ledger;
    this.switches = { ...NO_SWITCHES, ...options.switches };
    this.timeScale = options.timeScale ?? 60;
    this.#rng = new Rng((options.seed ?? campaign.seed) ^ 0x46454544);
    this.rate = options.rate;
    this.webhooks = new SendgridWebhooks(
      (events) => this.ledger.apply(events),
      (count) => {
        this.#providerReceived += count;
        for (const listener of this.#listeners) listener();
      },
    );
  }

  /**
   * How much of the provider log the webhook endpoint has verified and applied: the head of the
   * SendGrid stream and the snapshot's providerCursor. Behind `provider.length` while a delivery
   * is being signed and checked.
   */
  get providerReceived(): number {
    return this.#providerReceived;
  }

  get rate(): number {
    return this.#rate;
  }

  set rate(value: number) {
    this.#rate = Number.isFinite(value) ? Math.min(MAX_RATE, Math.max(0, value)) : 0;
  }

  /** The latest event time appended so far (0 before the first): how far the feed has got. */
  get lastAt(): number {
    return this.#lastAt;
  }

  /** Late bounces waiting for their time. */
  get pendingLateBounces(): number {
    return this.#lateBounces.size;
  }

  /** Hears every append; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The clock jumped: release what the jump passed quickly, then go back to the chosen rate. */
  jumped(): void {
    this.#catchUpTo = this.campaign.clock;
  }

  /** Runs `elapsedMs` of real time: the clock moves on and up to rate × time events are appended. */
  tick(elapsedMs: number): number {
    const campaign = this.campaign;
    this.#tick++;
    campaign.advance(elapsedMs * this.timeScale);
    // A paused feed (rate 0) stays paused through a jump.
    const rate = this.#rate > 0 && this.#lastAt < this.#catchUpTo ? Math.max(this.#rate, CATCH_UP_RATE) : this.#rate;
    // At most a second's worth of budget, so a paused tab does not come back with a burst.
    this.#budget = rate === 0 ? 0 : Math.min(this.#budget + (rate * elapsedMs) / 1000, Math.max(1, rate));
    const batch: Pending[] = this.#held;
    this.#held = [];
    this.#redeliveries = this.#redeliveries.filter((item) => (item.tick <= this.#tick ? !batch.push(item) : true));
    const late = this.#lateBounces;
    while (late.topAt <= campaign.clock && batch.length < this.#budget) {
      batch.push({ ref: late.topRef, step: LATE_BOUNCE_STEP, log: 'main', tick: this.#tick });
      late.pop();
    }
    campaign.take(Math.floor(this.#budget) - batch.length, (ref, step) => batch.push(this.#route(ref, step)));
    this.#budget = Math.max(0, this.#budget - batch.length);
    if (this.switches.reordering) this.#reorder(batch);
    this.#append(batch);
    return batch.length;
  }

  /** Events of the main log from cursor `from`, at most `count`. */
  read(from: number, count: number): ResponseEvent[] {
    const end = Math.min(this.main.length, from + count);
    const recent = this.#recent;
    if (from >= recent.from && end <= recent.from + recent.events.length)
      return recent.events.slice(from - recent.from, end - recent.from);
    const events: ResponseEvent[] = [];
    for (let i = from; i < end; i++) events.push(this.campaign.event(this.main.ref(i), this.main.step(i)));
    return events;
  }

  /** SendGrid webhook items of the provider log from cursor `from`, at most `count`. */
  readProvider(from: number, count: number): SendgridItem[] {
    const end = Math.min(this.provider.length, from + count);
    const items: SendgridItem[] = [];
    for (let i = from; i < end; i++) items.push(this.#sendgrid(this.provider.ref(i), this.provider.step(i)));
    return items;
  }

  /** Every emitted event of one contact, across emails and both logs, in the wire format. */
  eventsOfContact(contact: number): ResponseEvent[] {
    const events: ResponseEvent[] = [];
    for (const log of [this.main, this.provider]) {
      for (let i = 0; i < log.length; i++) {
        const ref = log.ref(i);
        if (this.campaign.contactOf(ref) === contact) events.push(this.campaign.event(ref, log.step(i)));
      }
    }
    return events;
  }

  /** Picks the log for a fresh event and schedules what the switches add to it. */
  #route(ref: number, step: number): Pending {
    const rng = this.#rng;
    const fromProvider = this.campaign.step(ref, step)!.fromProvider;
    const log: LogName = this.switches.providerFormat && fromProvider && rng.chance(0.25) ? 'provider' : 'main';
    const item = { ref, step, log, tick: this.#tick };
    if (this.switches.duplicates && rng.chance(0.05))
      this.#redeliveries.push({ ...item, tick: this.#tick + 1 + rng.int(30) });
    if (this.switches.lateBounces && this.campaign.step(ref, step)!.response === 'delivered' && rng.chance(0.05)) {
      this.#lateBounces.push(this.campaign.lateBounceAt(ref), ref, LATE_BOUNCE_STEP);
    }
    return item;
  }

  /** Shuffles in windows of 32 and holds about one in eight back for the next batch. */
  #reorder(batch: Pending[]): void {
    const rng = this.#rng;
    for (let start = 0; start < batch.length; start += 32) {
      for (let i = Math.min(batch.length, start + 32) - 1; i > start; i--) {
        const j = start + rng.int(i - start + 1);
        [batch[i], batch[j]] = [batch[j]!, batch[i]!];
      }
    }
    // Held once only, so nothing is held forever.
    const kept = batch.filter((item) => item.held || !rng.chance(0.125) || !this.#held.push({ ...item, held: true }));
    batch.splice(0, batch.length, ...kept);
  }

  #append(batch: Pending[]): void {
    if (batch.length === 0) return;
    const from = this.main.length;
    const events: ResponseEvent[] = [];
    const items: SendgridItem[] = [];
    for (const { ref, step, log } of batch) {
      this.#lastAt = Math.max(this.#lastAt, this.campaign.step(ref, step)!.at);
      if (log === 'main') {
        this.main.push(ref, step);
        events.push(this.campaign.event(ref, step));
      } else {
        this.provider.push(ref, step);
        items.push(this.#sendgrid(ref, step));
      }
    }
    this.#recent = { from, events };
    this.ledger.apply(events);
    // The server learns of provider events only through its webhook endpoint, once verified.
    if (items.length > 0) this.webhooks.post(items, items.length);
    for (const listener of this.#listeners) listener();
  }

  #sendgrid(ref: number, step: number): SendgridItem {
    const item = toSendgrid(this.campaign.event(ref, step));
    // Only provider events (which always have an address) are routed here.
    if (!item) throw new Error(`email-responses demo: event ${ref}/${step} has no SendGrid form`);
    return item;
  }
}
