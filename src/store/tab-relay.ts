/**
 * Several tabs, one stream. The tab holding a Web Lock is the leader: it alone runs the live
 * source and relays what it applies over a BroadcastChannel; the others apply what it relays.
 * When the leader closes, the browser hands the lock to a waiting tab, which starts the source
 * from the newest cursor it has heard. Replays across the hand-over dedupe by event id, so there
 * is no gap and nothing counts twice.
 *
 * What a follower's host ingests goes to the leader, which writes the cache. Each such message is
 * numbered and kept until the leader says it took it (`ingested-taken`): one sent while no tab
 * leads, or that a closing leader could not take, is sent again when a new leader announces
 * itself (`leader`), and a closing follower waits (bounded) for the confirmations. A follower
 * that leads itself writes them with its backlog (they are in its log).
 */

import type { KeptSnapshotRow } from './snapshot-resets';

/** What tabs say to each other. */
export type TabMessage =
  /**
   * Events the leader applied, and the cursor its source reached with them. `origin`: the
   * follower that ingested them first (it has them already).
   */
  | { type: 'events'; from: string; events: unknown[]; cursor?: { kind: string; value: string }; origin?: string }
  /** Events a follower ingested (its message `seq`): the leader applies, caches and relays them to every tab. */
  | { type: 'ingested'; from: string; seq: number; events: unknown[] }
  /** The leader has `ingested` message `seq` of tab `to` in its cache's queue: the follower may forget it. */
  | { type: 'ingested-taken'; from: string; to: string; seq: number }
  /** This tab leads now: followers send again what no leader took. */
  | { type: 'leader'; from: string }
  /** Snapshot rows a tab applied (`loadSnapshot`): every tab keeps them, so they outlast a refold there. */
  | { type: 'resets'; from: string; rows: KeptSnapshotRow[] }
  /** A tab that just joined asks the leader for what it has applied so far. */
  | { type: 'hello'; from: string }
  /**
   * The leader's answer to one tab, on that tab's own channel and in slices: what it applied, and
   * its cursors with the last slice (a cursor heard before its events could skip them on a takeover).
   */
  | {
      type: 'sync';
      from: string;
      to: string;
      events: unknown[];
      cursors: [string, string][];
      last: boolean;
      /** With the last slice: the snapshot rows the leader keeps. */
      resets?: KeptSnapshotRow[];
    };

/** Events per slice of a join answer: each is cloned and applied in one task, so it stays short. */
export const SYNC_SLICE_EVENTS = 2000;

/**
 * How long a closing follower waits for the leader to take what it ingested. Bounded: with no
 * tab left to lead (all closing at once), the events stay in that tab's log only.
 */
export const SETTLE_TIMEOUT_MS = 5000;

/** The channel only the tab with this id listens on: a join answer reaches it and no other tab. */
const joinChannelName = (name: string, id: string) => `email-responses:${name}:join:${id}`;

export interface TabRelayHandlers {
  /** This tab is the leader now: start the source. */
  lead(): void;
  /** Events another tab applied; apply them here (they dedupe). */
  receive(events: unknown[], cursors: [string, string][]): void;
  /** Everything this tab applied, its cursors and its kept snapshot rows, for a tab that just joined. */
  snapshot(): { events: unknown[]; cursors: [string, string][]; resets?: KeptSnapshotRow[] };
  /** Snapshot rows another tab applied: keep and reset them here. */
  resets?(rows: KeptSnapshotRow[]): void;
  /**
   * Events a follower (`from`) ingested, heard by the leader: apply them (they dedupe) and relay
   * what was accepted with `relay(accepted, undefined, from)`, as the source's are. Resolves true
   * once they are in this tab's cache queue (or it has no cache to write), false while it closes
   * its cache: the follower then sends them again to the next leader.
   */
  ingested?(events: unknown[], from: string): Promise<boolean>;
}

/**
 * A store's part in the tabs sharing its stream: `leader` runs the stream for them, `follower`
 * hears it, `alone` shares nothing (no `tabs`, or no Web Locks) and runs its own, `closed` was
 * closed (`close()` resolved): it runs and hears nothing, and another tab leads. The relay itself
 * is never `closed`: the store says it.
 */
export type TabRole = 'alone' | 'leader' | 'follower' | 'closed';

export class TabRelay {
  readonly id = Math.random().toString(36).slice(2);
  private channel: BroadcastChannel | undefined;
  /** This tab's own channel while it waits for the leader's join answer. */
  private joinChannel: BroadcastChannel | undefined;
  private release: (() => void) | undefined;
  private abort: AbortController | undefined;
  private currentRole: TabRole = 'follower';
  private stopped = false;
  /** `ingested` messages this follower sent that no leader has taken yet, by `seq`. */
  private readonly untaken = new Map<number, unknown[]>();
  private sent = 0;
  private settle: (() => void) | undefined;

  constructor(
    private readonly name: string,
    private readonly handlers: TabRelayHandlers,
  ) {}

  get role(): TabRole {
    return this.currentRole;
  }

  /** Joins the tabs sharing `name`; without Web Locks or BroadcastChannel this tab is alone and leads. */
  start(): void {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks || typeof BroadcastChannel === 'undefined') {
      this.currentRole = 'alone';
      this.handlers.lead();
      return;
    }
    this.channel = new BroadcastChannel(`email-responses:${this.name}`);
    this.channel.onmessage = (message: MessageEvent<TabMessage>) => this.hear(message.data);
    // Opened before the hello, so the answer cannot arrive before anyone listens.
    this.joinChannel = new BroadcastChannel(joinChannelName(this.name, this.id));
    this.joinChannel.onmessage = (message: MessageEvent<TabMessage>) => this.hearJoin(message.data);
    this.post({ type: 'hello', from: this.id });
    this.abort = new AbortController();
    locks
      .request(`email-responses:${this.name}`, { signal: this.abort.signal }, () => {
        // Granted as stop() ran (too late to abort): let it go at once, for another tab to lead.
        if (this.stopped) return undefined;
        this.currentRole = 'leader';
        this.handlers.lead();
        this.post({ type: 'leader', from: this.id });
        // What no leader took is in this tab's log: lead() writes it with the backlog; relayed
        // here so the other tabs have it too (they dedupe).
        for (const events of this.untaken.values()) this.relay(events);
        this.untaken.clear();
        this.wake();
        // Held until stop() or until the tab goes away, when the browser releases it.
        return new Promise<void>((resolve) => (this.release = resolve));
      })
      .catch(() => {
        // Aborted by stop() while waiting: nothing to do.
      });
  }

  /** Relays what this tab (the leader) applied; `origin`: the follower that ingested them. */
  relay(events: unknown[], cursor?: { kind: string; value: string }, origin?: string): void {
    if (this.currentRole !== 'leader' || (events.length === 0 && cursor === undefined)) return;
    this.post({
      type: 'events',
      from: this.id,
      events,
      ...(cursor ? { cursor } : {}),
      ...(origin !== undefined ? { origin } : {}),
    });
  }

  /**
   * Events this tab's host ingested (accepted here): the leader relays them to the other tabs; a
   * follower sends them to the leader, which writes the cache and relays them to every tab.
   */
  forward(events: unknown[]): void {
    if (events.length === 0) return;
    if (this.currentRole === 'leader') this.relay(events);
    else if (this.currentRole === 'follower' && this.channel) {
      const seq = ++this.sent;
      this.untaken.set(seq, events);
      this.post({ type: 'ingested', from: this.id, seq, events });
    }
  }

  /**
   * Resolves once the leader has taken what this follower ingested, once this tab leads (it writes
   * them itself), or after SETTLE_TIMEOUT_MS: a store closing waits for it.
   */
  settled(): Promise<void> {
    if (this.untaken.size === 0 || this.currentRole !== 'follower' || !this.channel) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake(), SETTLE_TIMEOUT_MS);
      const before = this.settle;
      this.settle = () => {
        clearTimeout(timer);
        before?.();
        resolve();
      };
    });
  }

  /** Tells the other tabs of snapshot rows this tab applied (whatever its role). */
  sendResets(rows: KeptSnapshotRow[]): void {
    if (rows.length > 0) this.post({ type: 'resets', from: this.id, rows });
  }

  /** Leaves the tabs for good: the lock (for another tab to lead) and the channel are released. */
  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    this.release?.();
    this.release = undefined;
    this.channel?.close();
    this.channel = undefined;
    this.joinChannel?.close();
    this.joinChannel = undefined;
    this.currentRole = 'follower';
    this.wake();
  }

  private wake(): void {
    const settle = this.settle;
    this.settle = undefined;
    settle?.();
  }

  private hear(message: TabMessage): void {
    if (!message || message.from === this.id) return;
    switch (message.type) {
      case 'events':
        // This tab ingested them and sent them to the leader: it has them (applied twice, they
        // would show as a second delivery on the recipient's timeline).
        if (message.origin === this.id) break;
        this.handlers.receive(message.events, message.cursor ? [[message.cursor.kind, message.cursor.value]] : []);
        break;
      case 'hello':
        if (this.currentRole === 'leader') void this.answerJoin(message.from);
        break;
      case 'resets':
        this.handlers.resets?.(message.rows);
        break;
      case 'ingested': {
        const { from, seq, events } = message;
        const take = this.handlers.ingested;
        if (this.currentRole !== 'leader' || !Array.isArray(events) || !take) break;
        void take(events, from).then((kept) => {
          if (kept && this.currentRole === 'leader')
            this.post({ type: 'ingested-taken', from: this.id, to: from, seq });
        });
        break;
      }
      case 'ingested-taken':
        if (message.to !== this.id) break;
        this.untaken.delete(message.seq);
        if (this.untaken.size === 0) this.wake();
        break;
      case 'leader':
        // A new leader: what the last one did not take goes to it (it dedupes what it has).
        if (this.currentRole === 'follower')
          for (const [seq, events] of this.untaken) this.post({ type: 'ingested', from: this.id, seq, events });
        break;
      // A join answer comes on the joining tab's own channel (hearJoin), never on the shared one.
    }
  }

  /**
   * Sends a joining tab what this tab applied, on that tab's own channel so no other tab clones
   * it, in slices with a task between them so neither tab freezes on a long log.
   */
  private async answerJoin(to: string): Promise<void> {
    const { events, cursors, resets } = this.handlers.snapshot();
    const channel = new BroadcastChannel(joinChannelName(this.name, to));
    try {
      for (let start = 0; ; start += SYNC_SLICE_EVENTS) {
        const slice = events.slice(start, start + SYNC_SLICE_EVENTS);
        const last = start + SYNC_SLICE_EVENTS >= events.length;
        const message: TabMessage = {
          type: 'sync',
          from: this.id,
          to,
          events: slice,
          cursors: last ? cursors : [],
          last,
          ...(last && resets && resets.length > 0 ? { resets } : {}),
        };
        channel.postMessage(message);
        if (last) break;
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (this.currentRole !== 'leader') break;
      }
    } catch (error) {
      console.warn('email-responses: could not answer a tab that joined', error);
    } finally {
      channel.close();
    }
  }

  private hearJoin(message: TabMessage): void {
    if (!message || message.type !== 'sync' || message.to !== this.id) return;
    this.handlers.receive(message.events, message.cursors);
    if (message.resets) this.handlers.resets?.(message.resets);
    if (message.last) {
      this.joinChannel?.close();
      this.joinChannel = undefined;
    }
  }

  private post(message: TabMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch (error) {
      // An event that cannot be cloned must not break the stream; the other tabs still have the cache.
      console.warn('email-responses: could not relay to other tabs', error);
    }
  }
}
