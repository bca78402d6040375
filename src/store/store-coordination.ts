/**
 * A store's side of sharing with other stores: the TabRelay (`tabs`: one tab runs the stream for
 * the others) or the CacheLock (a cache name without `tabs`: one store writes the cache), loaded
 * on demand (load-coordination.ts), and what the store tells them. Until the relay or the lock is
 * here the store behaves as it would waiting for its Web Lock (a follower, not writing the cache),
 * and what it would have told them is queued, then passed on in order once they are started.
 */
import type { ResponseEvent } from '../core/event';
import type { CacheLock } from './cache-lock';
import { loadCacheLock, loadTabRelay } from './load-coordination';
import type { KeptSnapshotRow } from './snapshot-resets';
import type { TabRelay, TabRole } from './tab-relay';

/** What the relay and the lock need of the store they coordinate. */
export interface CoordinationHost {
  /** The store's `ready`: what other stores hand over waits until the cache has been read. */
  ready(): Promise<void>;
  /** Whether the store is closing (`close` was called). */
  closing(): boolean;
  /**
   * Whether what is handed over now will be written: the store's cache accepts writes, or it is
   * not closing (a cache that failed takes nothing from any tab: the sender must not wait on it).
   */
  takes(): boolean;
  /** The store writes its cache from now on (CacheWriter.takeLead). */
  takeLead(): Promise<void>;
  /** Runs the store's wanted source (once the cache is read). */
  startSource(): void;
  /**
   * Applies events another store passed on; returns those accepted. `own`: the store treats them
   * as given to it (the store writing the cache is told of them). `late`: where the copies an id
   * conflict kept go when the conflict is settled after this returned (its code was still loading);
   * by default they are relayed to every tab, as the source's are. `echoes`: the events are
   * another tab's copies of what it applied (see `ResponseStore`'s `#applyNow`).
   */
  apply(events: unknown[], own: boolean, late?: (replaced: ResponseEvent[]) => void, echoes?: boolean): ResponseEvent[];
  /** Cursors the leading tab reached. */
  heard(cursors: [string, string][]): void;
  /** Everything the store applied, its cursors and its kept snapshot rows, for a tab that joined. */
  snapshot(): { events: unknown[]; cursors: [string, string][]; resets: KeptSnapshotRow[] };
  /** Snapshot rows another store kept: keep and reset them here, and save them if this store writes. */
  takeSnapshotRows(rows: KeptSnapshotRow[]): void;
}

export interface CoordinationOptions {
  cacheName?: string;
  tabs?: string;
}

export class StoreCoordination {
  #relay: TabRelay | undefined;
  /** Without `tabs`, which elects its own writer: who of the stores naming this cache writes it. */
  #cacheLock: CacheLock | undefined;
  /** The relay's or the lock's code could not load: this store shares nothing, as without Web Locks. */
  #alone = false;
  /** Whether this store shares its cache through a CacheLock (a cache name without `tabs`). */
  readonly #locksCache: boolean;
  /** Whether this store was asked to share one stream with other tabs (`tabs`). */
  readonly #wantsTabs: boolean;
  /** Passed on by the relay or the lock once it is here: what this store did before it was. */
  readonly #early: {
    resets: KeptSnapshotRow[][];
    applied: unknown[][];
    lockRows: KeptSnapshotRow[][];
    ingested: ResponseEvent[][];
  } = { resets: [], applied: [], lockRows: [], ingested: [] };
  /**
   * Resolves once this store knows whether it writes its cache: the lock it asked for is started,
   * or could not load. The cache is read only then.
   */
  readonly decided: Promise<void> = Promise.resolve();
  /** Resolves once the relay and the lock this store asked for are created and started. */
  readonly #coordinated: Promise<void> = Promise.resolve();

  readonly #host: CoordinationHost;

  constructor(options: CoordinationOptions, host: CoordinationHost) {
    this.#host = host;
    const { cacheName, tabs } = options;
    this.#wantsTabs = Boolean(tabs);
    this.#locksCache = Boolean(cacheName && !tabs);
    if (cacheName && !tabs) {
      this.decided = loadCacheLock().then(
        ({ cacheLockFor }) => {
          this.#cacheLock = cacheLockFor(cacheName, host);
          const started = this.#cacheLock.start();
          for (const events of this.#early.applied.splice(0)) this.#cacheLock.applied(events);
          for (const rows of this.#early.lockRows.splice(0)) this.#cacheLock.snapshotRows(rows);
          return started;
        },
        (error: unknown) => {
          // Its code could not load (offline, a missing file): as without Web Locks, this store
          // shares the cache with no one and writes it.
          console.warn('email-responses: could not load the cache lock; this store writes its cache alone', error);
          this.#alone = true;
        },
      );
      this.#coordinated = this.decided;
    }
    if (tabs) this.#coordinated = this.#joinTabs(tabs);
  }

  /** Whether the events applied here go on (to other tabs, or to the store writing the cache). */
  get shares(): boolean {
    return this.#wantsTabs || this.#locksCache;
  }

  /** `leader` runs the stream for the tabs sharing it, `follower` hears it, `alone` shares nothing. */
  get role(): TabRole {
    return this.#relay?.role ?? (this.#wantsTabs && !this.#alone ? 'follower' : 'alone');
  }

  /** Whether this store writes its cache: it holds the cache's lock, or (with `tabs`) does not follow. */
  get writesCache(): boolean {
    return this.#locksCache && !this.#alone ? (this.#cacheLock?.holds ?? false) : this.role !== 'follower';
  }

  /** Events this store applied itself, for the store holding the cache (kept until the lock is here). */
  applied(events: unknown[]): void {
    if (this.#cacheLock) this.#cacheLock.applied(events);
    else if (this.#locksCache) this.#early.applied.push(events);
  }

  /** Events the host ingested here: to the other tabs (a follower's through the leader, which caches them). */
  ingested(accepted: ResponseEvent[]): void {
    if (this.#relay) this.#relay.forward(accepted);
    else if (this.#wantsTabs && accepted.length > 0) this.#early.ingested.push(accepted);
  }

  /** What this store's source delivered: to the other tabs, with the cursor it reached. */
  delivered(accepted: ResponseEvent[], cursor: { kind: string; value: string } | undefined): void {
    this.#relay?.relay(accepted, cursor);
  }

  /** Snapshot rows this store kept (`loadSnapshot`): to the other tabs and to the store writing the cache. */
  snapshotRows(kept: KeptSnapshotRow[]): void {
    if (this.#relay) this.#relay.sendResets(kept);
    else if (this.#wantsTabs) this.#early.resets.push(kept);
    if (this.#cacheLock) this.#cacheLock.snapshotRows(kept);
    else if (this.#locksCache) this.#early.lockRows.push(kept);
  }

  /** Resolves once what was passed to the store writing the cache is in its queue (or waited for, bounded). */
  async settled(): Promise<void> {
    await this.#coordinated;
    await this.#cacheLock?.settled();
    await this.#relay?.settled();
  }

  /** Releases the Web Locks and channels: another store takes the stream and the cache. */
  stop(): void {
    this.#relay?.stop();
    this.#cacheLock?.stop();
  }

  #joinTabs(tabs: string): Promise<void> {
    const host = this.#host;
    return loadTabRelay().then(
      ({ tabRelayFor }) => {
        // Closed before the relay was here: it never joins the tabs.
        if (host.closing()) return;
        const relay = tabRelayFor(tabs, host);
        this.#relay = relay;
        relay.start();
        for (const rows of this.#early.resets.splice(0)) relay.sendResets(rows);
        for (const events of this.#early.ingested.splice(0)) relay.forward(events);
      },
      (error: unknown) => {
        // Its code could not load: as without Web Locks, this tab shares nothing and runs its source.
        console.warn('email-responses: could not load the tab relay; this tab runs its own stream', error);
        this.#alone = true;
        if (host.closing()) return;
        void host
          .ready()
          .then(() => host.takeLead())
          .then(() => host.startSource());
      },
    );
  }
}
