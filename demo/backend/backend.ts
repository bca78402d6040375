// The mock backend without the transport: the campaign, its feed, the server's own folded state,
// the open streams, and the demo's switches that act on connections (offline, a dropped
// connection, a restart). handlers.ts maps HTTP onto it; mock-server.ts runs it in msw.
import { Campaign, type CampaignOptions, type DemoEmail } from './campaign';
import { EventFeed, type DemoSwitches, type FeedOptions } from './event-feed';
import { Rng } from './random';
import { ServerLedger } from './server-ledger';
import { StreamHub, type StreamKind } from './stream-hub';

export interface DemoBackendOptions extends CampaignOptions, Omit<FeedOptions, 'seed'> {}

/** Where a connection of this kind starts: the streams and the poll endpoint. */
export type ConnectionKind = StreamKind | 'poll';
const CONNECTION_KINDS: readonly ConnectionKind[] = ['sse', 'ndjson', 'sendgrid-sse', 'poll'];

export interface MockBackendStats {
  /** The simulated time, epoch ms. */
  clock: number;
  /** How far the feed has got: the latest event time emitted (0 before the first). */
  emittedThrough: number;
  /** The main log's length: the newest cursor. */
  cursor: number;
  /** The SendGrid stream's length: the provider events the webhook endpoint has verified. */
  providerCursor: number;
  rate: number;
  audience: number;
  participants: number;
  /** Recipients started and not yet at their last event. */
  inFlight: number;
  pendingLateBounces: number;
  openStreams: number;
  offline: boolean;
  /** Connections still to be sent back by the last restart. */
  replaysPending: number;
  emails: DemoEmail[];
}

export class DemoBackend {
  readonly campaign: Campaign;
  readonly ledger: ServerLedger;
  readonly feed: EventFeed;
  readonly streams: StreamHub;
  #offline = false;
  readonly #replay = new Set<ConnectionKind>();
  #replayBack = 0;
  readonly #rng: Rng;

  constructor(options: DemoBackendOptions) {
    this.campaign = new Campaign(options);
    this.ledger = new ServerLedger(this.campaign);
    this.feed = new EventFeed(this.campaign, this.ledger, options);
    this.streams = new StreamHub(this.feed);
    this.#rng = new Rng(this.campaign.seed ^ 0x52455354);
  }

  get switches(): DemoSwitches {
    return this.feed.switches;
  }

  get offline(): boolean {
    return this.#offline;
  }

  /** Offline: every request fails as a network error and open streams break, until back online. */
  setOffline(offline: boolean): void {
    this.#offline = offline;
    if (offline) this.streams.drop();
  }

  dropConnection(): void {
    this.streams.drop();
  }

  /**
   * A server restart: open streams break, and the next connection of each kind starts some
   * hundreds of events before the cursor it asks for, as a server that lost its latest
   * checkpoint would. Returns how far back.
   */
  restart(): number {
    this.#replayBack = 200 + this.#rng.int(600);
    for (const kind of CONNECTION_KINDS) this.#replay.add(kind);
    this.streams.drop();
    return this.#replayBack;
  }

  /**
   * The cursor a new connection really starts from. A cursor past the end of the log comes from
   * an earlier page session (this backend starts afresh on every load): replaying from 0 is safe,
   * because every event keeps its id and the client counts it once.
   */
  startCursor(kind: ConnectionKind, requested: number): number {
    const head = kind === 'sendgrid-sse' ? this.feed.providerReceived : this.feed.main.length;
    const cursor = requested > head ? 0 : requested;
    if (!this.#replay.delete(kind)) return cursor;
    return Math.max(0, cursor - this.#replayBack);
  }

  tick(elapsedMs: number): void {
    this.feed.tick(elapsedMs);
  }

  jump(hours: number): void {
    if (!Number.isFinite(hours) || hours <= 0) return;
    this.campaign.jump(hours);
    this.feed.jumped();
  }

  /** Hours to add to the clock to pass the trigger email's expiry by one hour (0 when past). */
  hoursPastExpiry(): number {
    const expiresAt = this.campaign.trigger.expiresAt ?? this.campaign.clock;
    return Math.max(0, (expiresAt - this.campaign.clock) / 3_600_000 + 1);
  }

  stats(): MockBackendStats {
    const { campaign, feed } = this;
    return {
      clock: campaign.clock,
      emittedThrough: feed.lastAt,
      cursor: feed.main.length,
      providerCursor: feed.providerReceived,
      rate: feed.rate,
      audience: campaign.audience,
      participants: campaign.participants.count,
      inFlight: campaign.inFlight,
      pendingLateBounces: feed.pendingLateBounces,
      openStreams: this.streams.openCount,
      offline: this.#offline,
      replaysPending: this.#replay.size,
      emails: campaign.emails,
    };
  }
}
