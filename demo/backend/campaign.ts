// A deterministic simulation of one CRM's email campaign, with no DOM: a bulk email sent to an
// audience of 100 to 1,000,000 recipients, and a trigger email whose participants keep joining.
// Nothing is generated upfront: the pre-send cascade runs one send batch at a time as the batch
// goes out (a byte per row keeps its decision), each recipient's timeline is a pure function of
// (seed, recipient) recomputed when needed, and a heap releases the events in time order as the
// simulated clock passes them.
import {
  failedHandOver,
  presendCascade,
  type AudienceRow,
  type EmailKind,
  type ResponseEvent,
} from '../../src/core/index';
import { ContactBook, contactId } from './contacts';
import { EventHeap } from './event-heap';
import { Participants, participantId } from './participants';
import { Rng, hash32 } from './random';
import { deliveryTimeline, drawOutcome, lateBounceDelay, type Outcome, type Step } from './timeline';

export interface DemoEmail {
  id: string;
  name: string;
  /** What the recipient's inbox shows; the report's header reads it from GET /api/emails. */
  subject: string;
  sender: string;
  kind: EmailKind;
  /** The email type, for per-type unsubscribes. */
  type: string;
  /** Epoch ms: when sending starts. */
  startsAt: number;
  /** Epoch ms: the end of the sending window (trigger emails). */
  expiresAt?: number;
  provider: string;
}

export interface CampaignOptions {
  /** Bulk audience size, clamped to 100 … 1,000,000. */
  audience: number;
  seed?: number;
  /** Epoch ms of the bulk send (default 2026-03-02T09:00:00Z); rounded down to a second. */
  startTime?: number;
}

export const MIN_AUDIENCE = 100;
export const MAX_AUDIENCE = 1_000_000;
/** A step number outside any timeline: the bounce the late-bounce switch adds. */
export const LATE_BOUNCE_STEP = 255;
const HOUR = 3_600_000;
/** Rows handed to the provider together, and the pause between batches (100 rows/s). */
const BATCH_SIZE = 200;
const BATCH_INTERVAL = 2000;
/** One hand-over fails (a provider outage) once there are enough batches to spare one. */
const FAILED_BATCH = 7;
const TIMELINE_SALT = 0x54494d45;
const LATE_SALT = 0x4c415445;
/** Recipients near the top of the bulk audience each show one outcome, whatever the seed. */
const SHOWCASE_OUTCOMES = new Map<number, Outcome>([
  [2, 'hard-bounce'],
  [4, 'soft-bounce'],
  [6, 'spam-after-click'],
  [8, 'unsubscribe'],
  [10, 'stuck'],
  [12, 'invalid'],
  [14, 'rejected'],
  [16, 'delayed'],
  [18, 'machine-only'],
]);

export class Campaign {
  readonly seed: number;
  readonly audience: number;
  readonly startTime: number;
  readonly bulk: DemoEmail;
  readonly trigger: DemoEmail;
  readonly book: ContactBook;
  readonly participants: Participants;
  /** The bulk rows' pre-send decisions: 1 + an index into #decisionIds, 0 until decided. */
  readonly #bulkDecision: Uint8Array;
  readonly #decisionIds: string[] = [];
  readonly #presendCounts: number[] = [];
  readonly #heap = new EventHeap();
  #clock: number;
  #nextRow = 0;
  #cachedRef = -1;
  #cachedSteps: Step[] = [];

  constructor(options: CampaignOptions) {
    this.seed = (options.seed ?? 1) >>> 0;
    this.audience = Math.min(MAX_AUDIENCE, Math.max(MIN_AUDIENCE, Math.floor(options.audience) || MIN_AUDIENCE));
    this.startTime = Math.floor((options.startTime ?? Date.UTC(2026, 2, 2, 9)) / 1000) * 1000;
    this.#clock = this.startTime;
    this.bulk = {
      id: 'spring-sale',
      name: 'Spring sale 2026',
      subject: 'Spring sale: 20 % off everything this week',
      sender: 'Northwind Outfitters <news@northwind.example>',
      kind: 'bulk',
      type: 'newsletter',
      startsAt: this.startTime,
      provider: 'sendgrid',
    };
    this.trigger = {
      id: 'welcome-series',
      name: 'Welcome series: day 1',
      subject: 'Welcome to Northwind',
      sender: 'Northwind Outfitters <hello@northwind.example>',
      kind: 'trigger',
      type: 'onboarding',
      startsAt: this.startTime + 60_000,
      expiresAt: this.startTime + 72 * HOUR,
      provider: 'sendgrid',
    };
    this.book = new ContactBook(this.seed, this.audience);
    this.participants = new Participants(
      this.book,
      { kind: 'trigger', emailType: 'onboarding', preventDuplicates: true },
      this.trigger.startsAt,
      this.trigger.expiresAt!,
    );
    this.#bulkDecision = new Uint8Array(this.audience);
  }

  get emails(): DemoEmail[] {
    return [this.bulk, this.trigger];
  }

  /** The simulated time, epoch ms. */
  get clock(): number {
    return this.#clock;
  }

  /** Recipients in flight: started and not yet at their last event. */
  get inFlight(): number {
    return this.#heap.size;
  }

  /** Moves the simulated clock on; events up to it become due. */
  advance(ms: number): void {
    if (ms > 0) this.#clock += ms;
  }

  jump(hours: number): void {
    this.advance(hours * HOUR);
  }

  /** How many bulk rows got each pre-send response so far (rows are decided batch by batch). */
  presendCounts(): Record<string, number> {
    return Object.fromEntries(this.#decisionIds.map((id, code) => [id, this.#presendCounts[code]!]));
  }

  /**
   * Hands up to `max` due events to `sink` as (recipient, step), earliest first; returns how many.
   * A recipient is a number: bulk rows 0 … audience-1, then trigger participants.
   */
  take(max: number, sink: (ref: number, step: number) => void): number {
    const heap = this.#heap;
    let taken = 0;
    while (taken < max) {
      this.#admit(Math.min(heap.topAt, this.#clock));
      if (heap.topAt > this.#clock) break;
      const ref = heap.topRef;
      const step = heap.topStep;
      heap.pop();
      const steps = this.steps(ref);
      if (step + 1 < steps.length) heap.push(steps[step + 1]!.at, ref, step + 1);
      sink(ref, step);
      taken++;
    }
    return taken;
  }

  /** Starts every recipient whose first event is due by `bound`. */
  #admit(bound: number): void {
    const heap = this.#heap;
    while (this.#nextRow < this.audience && this.#sendAt(this.#nextRow) <= bound) {
      const ref = this.#nextRow++;
      heap.push(this.steps(ref)[0]!.at, ref, 0);
    }
    const participants = this.participants;
    while (participants.nextLaunchAt <= bound) {
      const { first, size } = participants.launch();
      for (let p = first; p < first + size; p++) heap.push(participants.joinAt[p]!, this.audience + p, 0);
    }
  }

  /** The recipient's whole timeline (cached for the last one asked: steps are read in runs). */
  steps(ref: number): Step[] {
    if (ref !== this.#cachedRef) {
      this.#cachedSteps = ref < this.audience ? this.#bulkSteps(ref) : this.#triggerSteps(ref - this.audience);
      this.#cachedRef = ref;
    }
    return this.#cachedSteps;
  }

  step(ref: number, step: number): Step | undefined {
    return step === LATE_BOUNCE_STEP ? this.#lateBounce(ref) : this.steps(ref)[step];
  }

  /** When the late-bounce switch would bounce this recipient, or NaN when it was never delivered. */
  lateBounceAt(ref: number): number {
    return this.#lateBounce(ref)?.at ?? NaN;
  }

  emailOf(ref: number): DemoEmail {
    return ref < this.audience ? this.bulk : this.trigger;
  }

  recipientIdOf(ref: number): string {
    return ref < this.audience ? `r-${ref}` : participantId(ref - this.audience);
  }

  /** The recipient number of an email's recipient id, or -1 when there is none (yet). */
  refOf(emailId: string, recipientId: string): number {
    const match = /^([rp])-(\d{1,9})$/.exec(recipientId);
    if (!match) return -1;
    const n = Number(match[2]);
    if (emailId === this.bulk.id && match[1] === 'r') return n < this.audience ? n : -1;
    if (emailId === this.trigger.id && match[1] === 'p') return n < this.participants.count ? this.audience + n : -1;
    return -1;
  }

  contactOf(ref: number): number {
    return ref < this.audience ? ref : this.participants.contact[ref - this.audience]!;
  }

  /** The event on the wire for one step of one recipient. */
  event(ref: number, stepNumber: number): ResponseEvent {
    const step = this.step(ref, stepNumber);
    if (!step) throw new RangeError(`recipient ${ref} has no step ${stepNumber}`);
    const email = this.emailOf(ref);
    const recipientId = this.recipientIdOf(ref);
    const contact = this.contactOf(ref);
    const tag = stepNumber === LATE_BOUNCE_STEP ? 'late' : String(stepNumber);
    // A provider's event keeps the provider's id, so it is the same event whichever way it came.
    const id = step.fromProvider ? `sendgrid:${email.id}.${recipientId}.${tag}` : `${email.id}/${recipientId}/${tag}`;
    const event: ResponseEvent = {
      id,
      emailId: email.id,
      recipientId,
      response: step.response,
      at: step.at,
      contactId: contactId(contact),
      contactName: this.book.name(contact),
      emailKind: email.kind,
      emailType: email.type,
    };
    const address = this.book.address(contact);
    if (address !== undefined) event.address = address;
    if (step.fromProvider) event.provider = email.provider;
    if (step.url !== undefined) event.url = step.url;
    if (step.reason !== undefined) event.reason = step.reason;
    return event;
  }

  #sendAt(row: number): number {
    return this.startTime + Math.floor(row / BATCH_SIZE) * BATCH_INTERVAL;
  }

  /** The row's pre-send response; the cascade runs one send batch at a time, when first needed. */
  decisionOf(row: number): string {
    if (this.#bulkDecision[row] === 0) this.#decideBatch(Math.floor(row / BATCH_SIZE));
    return this.#decisionIds[this.#bulkDecision[row]! - 1]!;
  }

  #decideBatch(batch: number): void {
    const first = batch * BATCH_SIZE;
    const end = Math.min(first + BATCH_SIZE, this.audience);
    // Two rows share an address only as a duplicate and its (earlier) original, so starting at
    // the earliest original gives the same decisions as running the whole audience at once.
    let from = first;
    for (let r = first; r < end; r++) {
      if (this.book.profile(r) === 'duplicate') from = Math.min(from, this.book.duplicateOf(r));
    }
    const rows: AudienceRow[] = [];
    for (let r = from; r < end; r++) rows.push(this.book.row(r, `r-${r}`));
    let decisions = presendCascade(rows, { kind: 'bulk', emailType: 'newsletter', preventDuplicates: true }).slice(
      first - from,
    );
    if (batch === FAILED_BATCH && this.audience >= BATCH_SIZE * 20) decisions = failedHandOver(decisions);
    for (let k = 0; k < decisions.length; k++) {
      const response = decisions[k]!.response;
      let code = this.#decisionIds.indexOf(response) + 1;
      if (code === 0) code = this.#decisionIds.push(response);
      this.#bulkDecision[first + k] = code;
      this.#presendCounts[code - 1] = (this.#presendCounts[code - 1] ?? 0) + 1;
    }
  }

  #bulkSteps(row: number): Step[] {
    const decision = this.decisionOf(row);
    const sentAt = this.#sendAt(row);
    if (decision === 'delivery-error') {
      const reason = `the hand-over of batch ${Math.floor(row / BATCH_SIZE)} to the provider failed: 503 Service Unavailable`;
      return [{ response: decision, at: sentAt + 2000, reason, fromProvider: false }];
    }
    if (decision !== 'sent-to-provider') return [{ response: decision, at: sentAt, fromProvider: false }];
    const rng = new Rng(hash32(this.seed, row, TIMELINE_SALT));
    return deliveryTimeline(rng, sentAt, SHOWCASE_OUTCOMES.get(row) ?? drawOutcome(rng));
  }

  #triggerSteps(p: number): Step[] {
    const participants = this.participants;
    const joinAt = participants.joinAt[p]!;
    const expiresAt = this.trigger.expiresAt!;
    if (joinAt >= expiresAt) return [{ response: 'stopped-expired', at: joinAt, fromProvider: false }];
    const planned: Step = { response: 'planned', at: joinAt, fromProvider: false };
    const decision = participants.decision[p]!;
    const sendAt = participants.sendAt[p]!;
    if (decision === 'stopped-expired') return [planned, { response: decision, at: expiresAt, fromProvider: false }];
    if (decision !== 'sent-to-provider') return [planned, { response: decision, at: sendAt, fromProvider: false }];
    const rng = new Rng(hash32(this.seed, this.audience + p, TIMELINE_SALT));
    return [planned, ...deliveryTimeline(rng, sendAt, drawOutcome(rng))];
  }

  #lateBounce(ref: number): Step | undefined {
    const delivered = this.steps(ref).find((step) => step.response === 'delivered');
    if (!delivered) return undefined;
    const at = delivered.at + lateBounceDelay(new Rng(hash32(this.seed, ref, LATE_SALT)));
    const reason = '550 5.1.1 asynchronous bounce: the mailbox does not exist';
    return { response: 'hard-bounce', at, reason, fromProvider: true };
  }
}
