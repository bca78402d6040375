/**
 * Several tabs, one stream. The tab holding a Web Lock is the leader: it alone runs the live
 * source and relays what it applies over a BroadcastChannel; the others apply what it relays.
 * When the leader closes, the browser hands the lock to a waiting tab, which starts the source
 * from the newest cursor it has heard. Replays across the hand-over dedupe by event id, so there
 * is no gap and nothing counts twice.
 */

/** What tabs say to each other. */
export type TabMessage =
  /** Events the leader applied, and the cursor its source reached with them. */
  | { type: 'events'; from: string; events: unknown[]; cursor?: { kind: string; value: string } }
  /** A tab that just joined asks the leader for what it has applied so far. */
  | { type: 'hello'; from: string }
  /** The leader's answer to one tab: everything it applied, and its cursors. */
  | { type: 'sync'; from: string; to: string; events: unknown[]; cursors: [string, string][] };

export interface TabRelayHandlers {
  /** This tab is the leader now: start the source. */
  lead(): void;
  /** Events another tab applied; apply them here (they dedupe). */
  receive(events: unknown[], cursors: [string, string][]): void;
  /** Everything this tab applied and its cursors, for a tab that just joined. */
  snapshot(): { events: unknown[]; cursors: [string, string][] };
}

export type TabRole = 'alone' | 'leader' | 'follower';

export class TabRelay {
  readonly id = Math.random().toString(36).slice(2);
  private channel: BroadcastChannel | undefined;
  private release: (() => void) | undefined;
  private abort: AbortController | undefined;
  private currentRole: TabRole = 'follower';
  private stopped = false;

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
    this.post({ type: 'hello', from: this.id });
    this.abort = new AbortController();
    locks
      .request(`email-responses:${this.name}`, { signal: this.abort.signal }, () => {
        // Granted as stop() ran (too late to abort): let it go at once, for another tab to lead.
        if (this.stopped) return undefined;
        this.currentRole = 'leader';
        this.handlers.lead();
        // Held until stop() or until the tab goes away, when the browser releases it.
        return new Promise<void>((resolve) => (this.release = resolve));
      })
      .catch(() => {
        // Aborted by stop() while waiting: nothing to do.
      });
  }

  /** Relays what this tab (the leader) applied. */
  relay(events: unknown[], cursor?: { kind: string; value: string }): void {
    if (this.currentRole !== 'leader' || (events.length === 0 && cursor === undefined)) return;
    this.post(cursor ? { type: 'events', from: this.id, events, cursor } : { type: 'events', from: this.id, events });
  }

  /** Leaves the tabs for good: the lock (for another tab to lead) and the channel are released. */
  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    this.release?.();
    this.release = undefined;
    this.channel?.close();
    this.channel = undefined;
    this.currentRole = 'follower';
  }

  private hear(message: TabMessage): void {
    if (!message || message.from === this.id) return;
    switch (message.type) {
      case 'events':
        this.handlers.receive(message.events, message.cursor ? [[message.cursor.kind, message.cursor.value]] : []);
        break;
      case 'hello':
        if (this.currentRole === 'leader') {
          const { events, cursors } = this.handlers.snapshot();
          this.post({ type: 'sync', from: this.id, to: message.from, events, cursors });
        }
        break;
      case 'sync':
        if (message.to === this.id) this.handlers.receive(message.events, message.cursors);
        break;
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
