import { DEFAULT_RULES, type ResponseRules } from '../core/catalogue';
import type { EventRejection, RejectionCode, ResponseEvent } from '../core/event';
import { ResponseState, type RecipientState } from '../core/fold';
import type { ProviderName } from '../core/providers/index';
import { loadProviderNormalizers } from './provider-normalizers';
import { checkRules, compileRules } from '../core/rules';
import { errorText, readBatch } from '../core/read-batch';
import type { HydrateProgress, RecordedEvent } from './cache/index';
import { loadCache } from './cache/load-cache';
import type { CacheWriter } from './cache-writer';
import type { ConflictSettler, HeardConflict, Settled } from './conflict-settler';
import { EventLog } from './event-log';
import { loadBackend, type BackendModule } from './load-backend';
import { loadCacheWriter } from './load-cache-writer';
import { loadIngestCode, type IngestCode } from './load-ingest-code';
import { noCacheWriter, type CacheWriting } from './no-cache-writer';
import { openEarly } from './open-early';
import { HeldEvents } from './held-events';
import type { KeptSnapshotRow, SnapshotResets } from './snapshot-resets';
import type { SnapshotLoader, SnapshotLoaderHost } from './snapshot-loader';
import { SourceLink } from './source-link';
import { StoreChanges } from './store-changes';
import type { ConnectionStatus, ResponseSource } from './sources/source';
import type { TabRole } from './tab-relay';
import { StoreCoordination } from './store-coordination';
import type { CacheStatus, IngestResult, ResponseStoreEventMap, StoreChange, StoreTally } from './store-events';
import type { ResponseStoreOptions } from './store-options';

export type { ResponseStoreOptions } from './store-options';

type Listener = (change: StoreChange) => void;

/**
 * The state every element reads: events in (from `ingest` or a source), validated and folded
 * under the client's copy of the rules, listeners told at most once per animation frame.
 *
 * @fires events-rejected - Events that could not be applied, each with a reason.
 * @fires events-skipped - Parts of raw provider webhooks that carry no response (resubscribes, pings), with why.
 * @fires connection-change - The live source's state changed (connecting, live, retrying, offline, closed).
 * @fires cache-status - The cache opened, or the store fell back to memory and why, or the store was closed.
 * @fires reconcile-conflict - The server's state differs from the optimistic client state.
 * @fires event-conflict - Two copies of one event (same recipient and id) differ: the lower content hash is kept.
 * @fires rules-change - New rules were adopted and the events refolded under them.
 * @fires rules-error - The backend's rules could not be fetched or used; the current rules stay.
 * @fires clock-change - `setClock` gave the store another clock: views measure time again.
 */
export class ResponseStore extends EventTarget {
  #current: ResponseState;
  readonly #log = new EventLog();
  /** What listeners hear next frame (store-changes.ts). */
  readonly #changes = new StoreChanges(() => this.#current);
  #cacheState: CacheStatus = { state: 'none' };
  /** Events the current rules reject as unknown, kept for a refold under other rules. */
  #held: unknown[] = [];
  /** Rules asked for while the cache was still being read. */
  #pendingRules: ResponseRules | undefined;
  /** The other tabs (`tabs`) or the other stores naming this cache: see store-coordination.ts. */
  readonly #coordination: StoreCoordination;
  #closing: Promise<void> | undefined;
  readonly #sourceLink: SourceLink;
  /**
   * Writes nothing until the writer's code is here (a cache name; none before `ready` needs it):
   * a page that names no cache never loads it. TypeScript-private: bench/pages/shared/cache-peek.ts reads it.
   */
  private cacheWriter: CacheWriting = noCacheWriter;
  /** Events of responses the rules in use do not know, waiting while `loadRules` is in flight. */
  readonly #waiting = new HeldEvents();
  /** Snapshot rows and id conflicts: made when the ingest code is here, as only events make them. */
  #snapshots: SnapshotResets | undefined;
  #conflicts: ConflictSettler | undefined;
  /** Audience sizes the backend stated, by email: a snapshot page's `total`. */
  readonly #audienceSizes = new Map<string, number>();
  /** Made on the first `loadSnapshot`, with the backend reads' code. */
  #snapshotLoader: SnapshotLoader | undefined;
  /** The cache (if any) is read into the state: events apply at once (once `#code` is here). */
  #hydrated: boolean;
  /**
   * Validation and the fold (ingest-code.ts), asked for as the store is made: a grid's entry and
   * its first rows do without them (issue 14). Undefined until they load, or while they failed to.
   */
  #code: IngestCode | undefined;
  #clock: () => number = Date.now;
  /**
   * Resolves once the cache (if any) has been read into the state (every row, the ids of every
   * cached event, the events past its last compaction) and the store takes events: what is
   * ingested before waits for it, so an event the cache already had counts once. Every cached
   * row shows earlier (`rowsReady`); the cached events reach timelines later (`eventsReady`).
   */
  readonly ready: Promise<void>;
  /**
   * Resolves once every cached event is in the store's log as well: the events folded into the
   * cached rows are read after `ready`, in idle time (issue 16). Until then a timeline shows
   * fewer events (a `reset` change tells it to read again), and what needs them all waits: new
   * rules (a refold), `loadSnapshot`, the live source (its cursors mark places in the log), the
   * other tabs. Resolves with `ready` when the cache's rows needed its events anyway.
   */
  readonly eventsReady: Promise<void>;
  #eventsIn: () => void = () => undefined;
  /** Between `ready` and `eventsReady`: the cached events are still being read into the log. */
  #logLoading = false;
  #logFilled: () => void = () => undefined;
  /**
   * Id conflicts of batches applied before the settling code was here, or between `ready` and
   * `eventsReady`, settled in order once it is and the log is whole: `ingest` resolves after,
   * and `close` waits for it.
   */
  #settling: Promise<void> | undefined;
  /**
   * Those batches' conflicts, each with where its kept copies go, in the order the batches came.
   * They stay here when the code did not load, until a later conflict loads it again.
   */
  readonly #unsettled: { pending: HeardConflict[]; own: boolean; late?: (replaced: ResponseEvent[]) => void }[] = [];
  readonly #whenLogFilled = new Promise<void>((resolve) => (this.#logFilled = resolve));
  /**
   * Resolves once every cached row is in the state and the views have been told (issue 16): they
   * can show, sort and filter them all. The cached events are read after, in the page's idle time;
   * until they are in (`ready`), what needs them waits: events ingested or streamed (so one the
   * cache had counts once), new rules (a refold), `loadSnapshot`. A timeline shown meanwhile is
   * told again (a `reset` change) once its events are all in. Resolves with `ready` at the latest.
   * In the rare case another tab rewrites the cache while it is read, the rows are read again.
   */
  readonly rowsReady: Promise<void>;
  #rowsShown: () => void = () => undefined;
  /** Rows in the state at the last hydrate progress: a report adding none needs no repaint. */
  #rowsPainted = 0;

  constructor(options: ResponseStoreOptions = {}) {
    super();
    if (options.clock) this.#clock = options.clock;
    this.#current = new ResponseState(compileRules(options.rules ?? DEFAULT_RULES));
    const cacheName = options.cacheName ?? options.cache;
    // The cache's database opens first of all (open-early.ts): what follows here took a cold page
    // 3 to 13 ms before it asked, time its first rows waited for (issue 16).
    const opened = cacheName ? openEarly(cacheName) : undefined;
    this.#sourceLink = new SourceLink(this.#log, {
      apply: (items) => {
        const accepted: ResponseEvent[] = [];
        this.#applyNow(items, accepted, true, this.#relayLate);
        return accepted;
      },
      delivered: (kind, accepted, cursor) => {
        if (cursor !== undefined) this.cacheWriter.saveCursor(kind, cursor);
        this.#coordination.delivered(accepted, cursor === undefined ? undefined : { kind, value: cursor });
      },
      malformed: (raw, reason) => this.#reject([{ event: raw, code: 'not-json', reason }]),
      status: (status) => this.#emit('connection-change', status),
    });
    // The tab relay and the cache lock load on demand; what they ask of this store waits for `ready`.
    this.#coordination = new StoreCoordination(
      { cacheName, tabs: options.tabs },
      {
        ready: () => this.eventsReady,
        closing: () => this.#closing !== undefined,
        takes: () => this.cacheWriter.accepting || this.#closing === undefined,
        takeLead: () => this.cacheWriter.takeLead(),
        startSource: () => this.#startSource(),
        apply: (events, own, late = this.#relayLate, echoes = false) => {
          const accepted: ResponseEvent[] = [];
          this.#applyNow(events, accepted, own, late, echoes);
          return accepted;
        },
        heard: (cursors) => this.#sourceLink.heard(cursors),
        snapshot: () => ({
          events: [...this.#log.all()],
          cursors: this.#sourceLink.allCursors(),
          resets: this.#snapshots?.rows() ?? [],
        }),
        takeSnapshotRows: (rows) => this.#takeSnapshotRows(rows),
      },
    );
    // The cache opens now (its status `opening` from here), and its first rows paint, while the
    // lock is asked for: one after the other cost a cold page some 400 ms before its first rows
    // (issue 16). The rest is read once this store knows whether it writes the cache (cache-writer.ts).
    this.rowsReady = new Promise((resolve) => (this.#rowsShown = resolve));
    const code = this.#loadCode();
    this.#sourceLink.holdUntil(code);
    this.ready = cacheName
      ? this.#openCache(cacheName, options.rules !== undefined, code, opened)
      : this.#codeReady(code);
    void this.ready.then(() => this.#rowsShown());
    this.eventsReady = new Promise((resolve) => (this.#eventsIn = resolve));
    void this.ready.then(() => !this.#logLoading && this.#eventsIn());
    this.#hydrated = !cacheName;
    if (options.source) this.connect(options.source);
  }

  /**
   * `leader` runs the stream for the tabs sharing it, `follower` hears it, `alone` shares nothing;
   * `closed` once `close()` resolved (its locks and channels let go, as its cache status says
   * `closed`): it shares nothing, and another tab leads. Until then a closing leader still leads.
   */
  get tabRole(): TabRole {
    return this.#cacheState.state === 'closed' ? 'closed' : this.#coordination.role;
  }

  /** The folded state; replaced (with a `reset` change) when the rules change. */
  get state(): ResponseState {
    return this.#current;
  }

  get rules(): ResponseRules {
    return this.#current.rules.source;
  }

  /**
   * What this store applied since it was made, from every way in (`ingest`, its source, another
   * tab's relay): events applied, and redeliveries counted once (`conflicts`: their content
   * differed, see `event-conflict`). A source's duplicates show nowhere else. A copy: it does
   * not change under the host that read it, nor can the host change the store's.
   */
  get tally(): StoreTally {
    return { ...this.#tally };
  }
  readonly #tally: StoreTally = { accepted: 0, duplicates: 0, conflicts: 0 };

  get connection(): ConnectionStatus {
    return this.#sourceLink.status;
  }

  /** The store's time, ms since the epoch: the host's clock if it set one, else the wall clock. */
  now(): number {
    return this.#clock();
  }

  /**
   * Sets the store's clock (undefined: back to the wall clock) and tells the views, which
   * measure relative times and waits again (`clock-change`). Call it again after the clock's time
   * jumped (a demo's "jump 48 hours") for the views to follow at once.
   */
  setClock(clock: (() => number) | undefined): void {
    this.#clock = clock ?? Date.now;
    this.#emit('clock-change', { now: this.#clock() });
  }

  /** While the connection is `retrying`: when the next attempt starts (ms since the epoch). */
  get nextRetryAt(): number | undefined {
    return this.#sourceLink.nextRetryAt;
  }

  /** Connects again at once instead of waiting out the backoff; false when not retrying. */
  retryNow(): boolean {
    return this.#sourceLink.retryNow();
  }

  /**
   * Where the store keeps its copy: `none`, `opening`, `ready`, or `memory-only` with the reason;
   * `closed` once `close()` resolved.
   */
  get cacheStatus(): CacheStatus {
    return this.#cacheState;
  }

  /** @deprecated Use `cacheStatus`: the option `cache` was a database name, this a status. */
  get cache(): CacheStatus {
    return this.#cacheState;
  }

  /**
   * Validates and applies events: plain ones, columnar batches (docs/wire-format.md), or both.
   * Resolves with what was applied, what came again (`duplicates`, or `conflicts` when its content
   * differs), and what was rejected, and why. Once `close()` was called, every event is rejected
   * (`store-closed`).
   */
  ingest(events: Iterable<unknown>): Promise<IngestResult> {
    // Before the cache is read, events wait: restoring saved rows needs them absent.
    if (this.#hydrated && this.#code && !this.#closing) return this.#ingestNow(events);
    const batch = readBatch(events);
    if (!Array.isArray(batch)) return Promise.resolve(this.#rejectBatch(batch));
    if (this.#closing) return Promise.resolve(this.#rejectClosed(batch));
    // In the order given: each waits on the same promises, the code's second load included.
    return this.ready.then(async () =>
      this.#code || (await this.#loadCode()) ? this.#ingestNow(batch) : this.#rejectUnloaded(batch),
    );
  }

  /**
   * Applies the host's events; with `tabs`, they go to the other tabs (a follower's through the
   * leader, which caches them). Resolves once the batch's id conflicts are settled: at once, or,
   * while their code loads or an earlier batch's conflicts wait, after that settle (or its failed
   * load). Not while the cached events are still being read into the log (until `eventsReady`):
   * the settle waits for them, as before.
   */
  #ingestNow(events: Iterable<unknown>): Promise<IngestResult> {
    const accepted: ResponseEvent[] = [];
    const before = this.#settling;
    const result = this.#applyNow(events, accepted, true, (replaced) => this.#coordination.ingested(replaced));
    this.#coordination.ingested(accepted);
    const settling = this.#settling;
    return settling === before || this.#logLoading ? Promise.resolve(result) : settling!.then(() => result);
  }

  /** Hears what changed, at most once per animation frame. Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    return this.#changes.subscribe(listener);
  }

  /** Tells listeners now what is pending instead of at the next frame. */
  flush(): void {
    this.#changes.flush();
  }

  /**
   * Starts a live source (stopping the one before), resuming from its last cursor. With `tabs`,
   * only the leading tab runs it; another tab starts it when it takes the lead. A closed store
   * starts none.
   */
  connect(source: ResponseSource): void {
    this.#sourceLink.want(source);
    this.#startSource();
  }

  disconnect(): void {
    this.#sourceLink.disconnect();
  }

  /** The cursor each source kind has reached (what a reconnect resumes from). */
  cursor(kind: string): string | undefined {
    return this.#sourceLink.cursor(kind);
  }

  /**
   * Every event applied so far, in the order applied (to hand over to another store). The events
   * folded into a cache's rows are in it from `eventsReady` on.
   */
  appliedEvents(): readonly ResponseEvent[] {
    return this.#log.all();
  }

  /** A recipient's events in time order, each with its time in epoch ms. */
  recipientEvents(emailId: string, recipientId: string): { event: ResponseEvent; at: number }[] {
    const row = this.#current.emails.get(emailId)?.rows.get(recipientId);
    return row === undefined ? [] : this.#log.forRow(row);
  }

  /** Redeliveries of a recipient's events (counted once), the first few of them. */
  recipientDuplicates(emailId: string, recipientId: string): readonly { event: ResponseEvent; at: number }[] {
    const row = this.#current.rowOf(emailId, recipientId);
    return row < 0 ? [] : this.#log.duplicatesOf(row);
  }

  /** Every recipient row of the contact, across emails. */
  contactRecipients(contactId: string): RecipientState[] {
    return this.#current.contactRows(contactId).map((row) => this.#current.recipientAt(row));
  }

  /**
   * Fetches the backend's copy of the rules (`rules-url`) and adopts it when its version differs.
   * Resolves with the reason when it could not: the store keeps its current rules then.
   */
  async loadRules(url: string, init?: RequestInit): Promise<{ adopted: boolean; version: string; reason?: string }> {
    const settled = this.#waiting.begin();
    try {
      return await this.#adoptRules(url, init);
    } finally {
      settled();
      void this.ready.then(() => this.#releaseWaiting());
    }
  }

  /** Applies the events held for the rules once no rules load is in flight (see held-events.ts). */
  #releaseWaiting(): void {
    if (this.#waiting.settling || this.#waiting.size === 0) return;
    const events = this.#waiting.take();
    this.cacheWriter.saveHeld([]);
    this.#applyNow(events);
  }

  /** The backend reads (load-backend.ts), or why their code did not load: a reason, as a failed read is. */
  async #backend(): Promise<BackendModule | { ok: false; reason: string }> {
    try {
      return await loadBackend();
    } catch (error) {
      return { ok: false, reason: `the code that reads the backend did not load: ${errorText(error)}` };
    }
  }

  async #adoptRules(url: string, init?: RequestInit) {
    const backend = await this.#backend();
    const read = 'ok' in backend ? backend : await backend.readRules(url, init);
    if (!read.ok) {
      this.#emit('rules-error', { url, reason: read.reason });
      return { adopted: false, version: this.#current.rules.version, reason: read.reason };
    }
    const rules = read.value;
    if (rules.version === this.#current.rules.version) return { adopted: false, version: rules.version };
    this.setRules(rules);
    return { adopted: true, version: rules.version };
  }

  /**
   * Fetches a contact's history from the backend (every event of the contact, across emails) and
   * applies it: `GET url` answers `{ "events": [ … ] }` or a plain array. Events the store has
   * already count once. Resolves with what was applied, or the reason it could not be read.
   */
  async loadContactHistory(url: string, init?: RequestInit): Promise<IngestResult & { reason?: string }> {
    const backend = await this.#backend();
    const read = 'ok' in backend ? backend : await backend.readContactHistory(url, init);
    if (!read.ok) {
      const { reason } = read;
      this.#reject([
        'body' in read ? { event: read.body, code: 'not-an-object', reason } : { event: url, code: 'not-json', reason },
      ]);
      return { accepted: 0, duplicates: 0, conflicts: 0, rejected: [], reason };
    }
    return this.ingest(read.value);
  }

  /**
   * Fetches an email's authoritative audience from the snapshot endpoint, page by page
   * (`GET url?emailId=…&page=…` answering a `SnapshotPage`), and makes the server's state win for
   * the recipients it covers. Events that arrived after the snapshot's cursor are applied again on
   * top; every recipient where the optimistic state disagreed is reported as `reconcile-conflict`.
   * A snapshot whose cursor this store never reached is taken as covering every event it has.
   * A page's `total` becomes `audienceSize(emailId)`.
   */
  async loadSnapshot(
    url: string,
    emailId: string,
    init?: RequestInit,
  ): Promise<{ recipients: number; conflicts: number; problems: string[] }> {
    await this.eventsReady;
    const backend = await this.#backend();
    if ('ok' in backend) return { recipients: 0, conflicts: 0, problems: [backend.reason] };
    if (!this.#snapshots) {
      return { recipients: 0, conflicts: 0, problems: [this.#codeError] };
    }
    this.#snapshotLoader ??= new backend.SnapshotLoader(
      this.#log,
      this.#snapshots,
      this.#audienceSizes,
      this.#snapshotHost(),
    );
    return this.#snapshotLoader.load(url, emailId, init);
  }

  /** What a snapshot page does to this store beyond its state. */
  #snapshotHost(): SnapshotLoaderHost {
    // A store with no cache and no tabs hands its kept rows to no one: a page of them kept as its
    // columns is then never made into objects (a million of them cost seconds; issue 16).
    const cached = () => this.#cacheState.state !== 'none';
    return {
      state: () => this.#current,
      positionOf: (cursor) => this.#sourceLink.positionOf(cursor),
      audienceChanged: (emailId) => this.#changes.changed([], [emailId]),
      // Sent to the other tabs and kept in the cache: they last past a reload and a refold there too.
      kept: (_emailId, kept) => {
        if (cached() || this.#coordination.role !== 'alone') this.#coordination.snapshotRows(kept());
      },
      save: (emailId) => {
        if (cached()) this.cacheWriter.saveSnapshotRows(emailId, this.#snapshots!.rows(new Set([emailId])));
      },
      reset: (rows) => {
        this.#changes.changed(rows);
        this.cacheWriter.recordReset(rows);
      },
      conflict: (conflict) => this.#emit('reconcile-conflict', conflict),
      reject: (rejected) => this.#reject(rejected),
    };
  }

  /**
   * How many recipients an email's audience has, as the backend last stated it (a snapshot
   * page's `total`), or undefined when it has not. The report shows loading progress until that
   * many rows are here.
   */
  audienceSize(emailId: string): number | undefined {
    return this.#audienceSizes.get(emailId);
  }

  /**
   * A source `transform` that reads each item as a provider's raw webhook body, for backends that
   * forward webhooks as they are. What gives no event is reported as `events-skipped`. The
   * normalizers load on demand (they are not in the main bundle), hence the promise.
   */
  async providerTransform(provider: ProviderName): Promise<(item: unknown) => unknown[]> {
    const { normalizeProviderEvents } = await loadProviderNormalizers();
    return (item) => {
      const { events, skipped } = normalizeProviderEvents(provider, item, { rules: this.#current.rules });
      if (skipped.length > 0)
        this.#emit('events-skipped', { skipped: skipped.map((s) => ({ input: s.input, reason: s.reason })) });
      return events;
    };
  }

  /** Adopts new rules: every event applied so far is folded again under them. */
  setRules(rules: ResponseRules): void {
    const compiled = compileRules(rules);
    if (!this.#hydrated || this.#logLoading) {
      // The cache is still filling the state or the log: swap rules once it is done (a refold
      // needs every event), and win over its rules.
      this.#pendingRules = rules;
      void this.ready.then(async () => {
        // At `ready` itself when the log is whole by then: the host sees its rules with the state.
        if (this.#logLoading) await this.eventsReady;
        if (this.#pendingRules !== rules) return;
        this.#pendingRules = undefined;
        this.setRules(rules);
      });
      return;
    }
    if (compiled === this.#current.rules) return;
    const events = [...this.#log.all(), ...this.#held];
    this.#log.clear();
    this.#current = new ResponseState(compiled);
    // With no events there is nothing to fold: rules set before the fold's code is here apply at once.
    const { rejected } =
      events.length === 0
        ? { rejected: [] }
        : this.#current.apply(events, (event, row, at) => this.#log.add(event, row, at));
    // Events these rules do not know are kept: rules that know them again bring them back.
    this.#held = rejected.filter((r) => r.code === 'unknown-response').map((r) => r.event);
    // Snapshot rows are the server's word: the refold must not undo them (snapshot-resets.ts).
    this.#snapshots?.reapply(this.#current, (row) => this.#log.forRowSince(row, 0));
    if (rejected.length > 0) this.#reject(rejected);
    this.#changes.stateReplaced();
    this.cacheWriter.rulesAdopted(rules, this.#current);
    this.#emit('rules-change', { version: compiled.version });
  }

  /**
   * Lets go of everything the store holds outside itself: stops the source and the
   * notifications, writes what the cache still has queued and closes its database, then releases
   * the Web Locks and BroadcastChannels, so another tab (or element) takes the stream and the
   * cache. Resolves once all is released; calling it again gives the same promise. The
   * connection says `closed` from the call on, the cache status `closed` once it resolves (each
   * told once: `connection-change`, `cache-status`).
   *
   * `<email-responses>` closes the store it made when it leaves the page; a store a host made
   * (and set as the element's `store`) is the host's to close.
   */
  close(): Promise<void> {
    if (this.#closing) return this.#closing;
    // The connection says `closed` at once, even with no source: nothing streams in from now on.
    this.#sourceLink.close();
    this.#changes.close();
    this.#closing = (async () => {
      // Events passed to the tab writing the cache must be in its queue, or written here.
      await this.#coordination.settled();
      // What the cache is being read for, and a lead being taken, end first: then all is written.
      await this.ready;
      // A settle waiting for its code: the copies it keeps reach the cache and the other stores
      // first. Until the locks go, another tab can still relay a copy that starts one: waited too.
      while (this.#settling) {
        while (this.#settling) await this.#settling;
        await this.#coordination.settled();
      }
      await this.cacheWriter.close();
      // One started while the cache closed is settled in memory before close() resolves: no
      // `event-conflict` or refold after it. Then, in the same task, the channels close.
      while (this.#settling) await this.#settling;
      // The locks go after the database is closed: the next writer reads where the records end.
      this.#coordination.stop();
      // The last thing said of the cache: a status the writer gives later changes nothing now.
      this.setCacheStatus({ state: 'closed' });
    })();
    return this.#closing;
  }

  override addEventListener<K extends keyof ResponseStoreEventMap>(
    type: K,
    listener: ((event: ResponseStoreEventMap[K]) => void) | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener, options);
  }

  protected setCacheStatus(status: CacheStatus): void {
    if (this.#cacheState.state === 'closed') return;
    this.#cacheState = status;
    this.#emit('cache-status', status);
  }

  /**
   * The wanted source runs once the cache is read (events before it would be counted twice), in
   * a tab that follows no other (one that follows hears the leader's).
   */
  #startSource(): void {
    if (this.#hydrated && !this.#logLoading && this.#coordination.role !== 'follower') this.#sourceLink.start();
  }

  /**
   * Loads the ingest code (load-ingest-code.ts); true once it is here. Never rejects: when it did
   * not load, what needs it asks again, and events that cannot wait are refused with the reason.
   */
  async #loadCode(): Promise<boolean> {
    try {
      const code = (this.#code ??= await loadIngestCode());
      this.#snapshots ??= new code.SnapshotResets();
      this.#conflicts ??= new code.ConflictSettler(this.#log, this.#snapshots);
      return true;
    } catch (error) {
      this.#codeError = `the code that applies events did not load: ${errorText(error)}`;
      return false;
    }
  }

  /** Why the ingest code last failed to load, in words a host can show. */
  #codeError = '';

  /** A store without a cache is ready when its ingest code is here (or failed to load). */
  async #codeReady(code: Promise<boolean>): Promise<void> {
    await code;
    this.#releaseWaiting();
  }

  /** Events that arrived while the ingest code could not be loaded: refused, with why. */
  #rejectUnloaded(batch: unknown[]): IngestResult {
    return this.#refuse(batch, 'not-loaded', this.#codeError);
  }

  /**
   * Applies events here. `own`: they were given to this store (not heard from another tab's
   * store), so the one writing the cache is told of them. `accepted` gets the events accepted
   * and the copies an id conflict kept; `late` is given those kept copies when the conflict is
   * settled after `accepted` was passed on (its code was not here yet).
   *
   * `echoes`: the events are another tab's copies of what it applied, and one this store has
   * with the same content came here first another way (its cache, or an earlier relay): the
   * provider sent it once, so it is neither a redelivery on the recipient's timeline nor one of
   * the tally's duplicates. A follower that joined after reading the cache heard the leader's
   * whole log as a thousand redeliveries (a new user's review of the demo's second tab).
   */
  #applyNow(
    events: Iterable<unknown>,
    accepted?: ResponseEvent[],
    own = true,
    late?: (replaced: ResponseEvent[]) => void,
    echoes = false,
  ): IngestResult {
    const code = this.#code;
    if (!code) {
      const batch = readBatch(events);
      return Array.isArray(batch) ? this.#rejectUnloaded(batch) : this.#rejectBatch(batch);
    }
    const { applyItems, forColumns, heard } = code;
    const recorded: RecordedEvent[] = [];
    // Only a store sharing its events (a cache, tabs) passes them on as objects; otherwise a
    // columnar batch's rows go into the log as columns, with no object per row (issue 16).
    const shares = this.#coordination.shares;
    // Redeliveries whose content differed from the log's copy: the result counts them apart.
    let conflicts = 0;
    let echoed = 0;
    const batch = applyItems(
      this.#current,
      events,
      forColumns((event, row, at) => {
        if (heard.rows && !shares) return this.#log.add(event, row, at, heard);
        if (heard.rows) event = heard.copy();
        this.#log.add(event, row, at);
        accepted?.push(event);
        recorded.push({ event, row, at });
      }),
      // A redelivery of a columnar row is heard as `heard.copy()`, kept by the log and compared.
      forColumns((event, row, at) => {
        if (heard.rows) event = heard.copy();
        const differs = this.#conflicts!.heard(event, row, at, !this.#logLoading);
        if (differs) conflicts++;
        else if (echoes) {
          echoed++;
          return;
        }
        this.#log.addDuplicate(event, row, at);
        // Nothing in the state changed, but the recipient's timeline now shows one more delivery.
        this.#changes.changed([row]);
      }),
    );
    this.cacheWriter.recordApplied(recorded, batch.changed);
    if (own && recorded.length > 0) this.#coordination.applied(recorded.map((r) => r.event));
    this.#settleConflicts(accepted, own, late);
    const { report, held } = this.#waiting.keep(batch.rejected);
    if (held) this.cacheWriter.saveHeld(this.#waiting.all());
    this.#changes.changed(batch.changed, batch.changedEmails);
    if (report.length > 0) this.#reject(report);
    const duplicates = batch.duplicates - conflicts - echoed;
    const result = { accepted: batch.accepted, duplicates, conflicts, rejected: report };
    const tally = this.#tally;
    tally.accepted += result.accepted;
    tally.duplicates += result.duplicates;
    tally.conflicts += result.conflicts;
    return result;
  }

  /**
   * Id conflicts of the batch just applied (see conflict-settler.ts): a copy that replaced the
   * log's goes to the other tabs (`accepted`, or `late` when settled later) and the cache's
   * writer, the rows refolded are saved, the settled pair kept in the cache and reported once.
   * Settled now when the settling code is here, no batch before waits, and the log is whole;
   * else once they are (`#settling`), in the order the batches came.
   */
  #settleConflicts(
    accepted: ResponseEvent[] | undefined,
    own: boolean,
    late?: (replaced: ResponseEvent[]) => void,
  ): void {
    const conflicts = this.#conflicts;
    if (!conflicts?.pending) return;
    if (conflicts.loaded && !this.#settling && !this.#logLoading && this.#unsettled.length === 0) {
      this.#settled(
        conflicts.settle(this.#current, conflicts.take()),
        own,
        accepted ? (replaced) => accepted.push(...replaced) : late,
      );
      return;
    }
    // A row refolded before `eventsReady` would miss its events still on their way from the cache.
    this.#unsettled.push({ pending: conflicts.take(), own, late });
    const settling: Promise<void> = Promise.all([this.#settling, conflicts.load(), this.eventsReady])
      .then(() => {
        // Its code did not load: these wait for the next conflict to try again.
        if (!conflicts.loaded) return;
        for (let batch = this.#unsettled.shift(); batch; batch = this.#unsettled.shift())
          this.#settled(conflicts.settle(this.#current, batch.pending), batch.own, batch.late);
      })
      // Never rejects: a later settle, `ingest` and `close` wait on it.
      .catch((error: unknown) => console.error('email-responses: could not settle id conflicts', error))
      .finally(() => {
        if (this.#settling === settling) this.#settling = undefined;
      });
    this.#settling = settling;
  }

  /** What a settle did, told: see `#settleConflicts`. */
  #settled(
    { conflicts, replaced, rows, settled }: Settled,
    own: boolean,
    share: ((replaced: ResponseEvent[]) => void) | undefined,
  ): void {
    if (replaced.length > 0) {
      share?.(replaced);
      if (own) this.#coordination.applied(replaced);
    }
    this.#changes.changed(rows);
    this.cacheWriter.recordReset(rows);
    this.cacheWriter.saveConflicts(settled);
    for (const conflict of conflicts) this.#emit('event-conflict', conflict);
  }

  /**
   * Copies an id conflict kept, settled after the batch's accepted events were relayed: relayed
   * now (only a leading tab relays), as the source's are.
   */
  readonly #relayLate = (replaced: ResponseEvent[]): void => this.#coordination.delivered(replaced, undefined);

  /**
   * Snapshot rows kept elsewhere (the cache, another tab's `loadSnapshot`): kept here too, so a
   * refold keeps them, and reset now. `save`: this store writes them to the cache if it writes it.
   */
  #takeSnapshotRows(rows: readonly KeptSnapshotRow[], save = true): void {
    const snapshots = this.#snapshots;
    // Without the ingest code (it did not load) the rows stay where they are kept, not reset here.
    if (rows.length === 0 || !snapshots) return;
    snapshots.restore(rows);
    const set = snapshots.reapplyRows(this.#current, rows, (row) => this.#log.forRowSince(row, 0));
    this.#changes.add(set);
    this.#changes.schedule();
    this.cacheWriter.recordReset(set);
    if (save)
      for (const emailId of new Set(rows.map((r) => r.saved.emailId)))
        this.cacheWriter.saveSnapshotRows(emailId, snapshots.rows(new Set([emailId])));
  }

  /** A batch that could not be read: none of it applied, and the host told why. */
  #rejectBatch(rejection: EventRejection): IngestResult {
    this.#reject([rejection]);
    return { accepted: 0, duplicates: 0, conflicts: 0, rejected: [rejection] };
  }

  /**
   * A closed store's cache, tabs and views are gone: an event applied now would be lost on the
   * next reload, so each is refused, and the host can hand them to the store that took over.
   */
  #rejectClosed(batch: unknown[]): IngestResult {
    const reason = 'the store was closed (its close() was called, or its <email-responses> left the page)';
    return this.#refuse(batch, 'store-closed', reason);
  }

  /** Every event of the batch refused for one reason: none applied, the host told. */
  #refuse(batch: unknown[], code: RejectionCode, reason: string): IngestResult {
    const rejected = batch.map((event): EventRejection => ({ event, code, reason }));
    this.#reject(rejected);
    return { accepted: 0, duplicates: 0, conflicts: 0, rejected };
  }

  #reject(rejected: EventRejection[]): void {
    this.#emit('events-rejected', { rejected });
  }

  /** Opens the cache, paints from it, then lets events and the source in. Never rejects. */
  async #openCache(
    name: string,
    rulesGiven: boolean,
    code: Promise<boolean>,
    opened: IDBOpenDBRequest | undefined,
  ): Promise<void> {
    this.setCacheStatus({ state: 'opening' });
    const writer = await this.#cacheWriter();
    await writer?.open(
      name,
      {
        state: () => this.#current,
        offerRules: (rules) => {
          // The rules the cached rows were folded under, unless the host chose its own.
          if (rulesGiven || this.#pendingRules !== undefined || rules.version === this.#current.rules.version) return;
          if (checkRules(rules).length === 0) this.#current = new ResponseState(compileRules(rules));
        },
        restart: () => {
          this.#current = new ResponseState(this.#current.rules);
          this.#log.clear();
          this.#rowsPainted = 0;
          this.#logLoading = false;
        },
        // The cache's writer hands hydrate's reports through as they are (cache-writer.ts).
        progress: (progress?: HydrateProgress) => {
          const rows = this.#current.recipients.size;
          if (rows !== this.#rowsPainted || !progress) {
            this.#rowsPainted = rows;
            this.#changes.markReset();
            this.#changes.flush();
            this.#changes.schedule();
          }
          if (progress?.rowsDone) this.#rowsShown();
          if (progress?.done && !progress.logged) this.#logLoading = true;
          else if (progress?.logged && this.#logLoading) this.#cachedEventsLogged();
        },
        resumeFrom: (cursors) => this.#sourceLink.restore(cursors),
        offerHeld: (events) => this.#waiting.restore(events),
        offerCorrections: (records) => {
          // The last visit's snapshot rows, reset again (the rows may have been refolded), then the
          // copies its id conflicts kept.
          this.#takeSnapshotRows(
            records.flatMap((r) => ('snapshotRows' in r ? r.snapshotRows : [])),
            false,
          );
          // Its code loads only when there are some; the cache's read waits for it.
          return this.#conflicts?.restore(
            this.#current,
            records.filter((r) => 'pair' in r),
          );
        },
      },
      // The first rows are read before this store knows whether it writes the cache, the rest after,
      // and after the fold's code is here: the cache replays the events past its last compaction.
      Promise.all([this.#coordination.decided, code]),
      opened,
    );
    // Rules asked for while the cache was read are adopted at `ready`, as the host expects: their
    // refold needs every cached event, so `ready` waits for them then.
    if (this.#logLoading && this.#pendingRules !== undefined) await this.#whenLogFilled;
    this.#hydrated = true;
    this.#releaseWaiting();
    // Subscribers hear the whole state before `ready` resolves, as they did when every progress
    // report was flushed: a report that adds no rows now is not (issue 16's cold start).
    this.#changes.markReset();
    this.#changes.flush();
    this.#changes.schedule();
    this.#startSource();
  }

  /**
   * The cache's writer, once its code is here; undefined (the store stays in memory) when it
   * did not load. The cache's code is asked for beside it, not after it: second, as the writer
   * is the smaller and is needed first (a cold start's first rows wait for both).
   */
  async #cacheWriter(): Promise<CacheWriter | undefined> {
    const loading = loadCacheWriter();
    void loadCache().catch(() => undefined);
    try {
      const { CacheWriter } = await loading;
      const writer = new CacheWriter(
        this.#log,
        () => this.#coordination.writesCache,
        // `opening` was said as this store was made, as before the writer loaded on demand.
        (status) => status.state !== 'opening' && this.setCacheStatus(status),
      );
      this.cacheWriter = writer;
      return writer;
    } catch (error) {
      this.setCacheStatus({ state: 'memory-only', reason: `the cache's code did not load: ${errorText(error)}` });
      return undefined;
    }
  }

  /** Every cached event is in the log now: timelines read again, and what waited for them goes on. */
  #cachedEventsLogged(): void {
    this.#logLoading = false;
    this.#logFilled();
    this.#changes.markReset();
    this.#changes.schedule();
    // Before `ready`, its own ending lets them in.
    if (!this.#hydrated) return;
    this.#eventsIn();
    // Its events reach the log after these: a refold waiting for `eventsReady` has them too.
    this.#startSource();
  }

  #emit<K extends keyof ResponseStoreEventMap>(type: K, detail: ResponseStoreEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/** A store for plain JavaScript hosts (and for sharing one store across a page's elements). */
export function createResponseStore(options: ResponseStoreOptions = {}): ResponseStore {
  return new ResponseStore(options);
}
