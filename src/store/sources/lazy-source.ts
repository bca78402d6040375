// A source whose class loads on demand (load-source.ts). It says `connecting` from its start, so
// the views show the connection being made while the code arrives, never a stopped stream; then
// the real source takes over with the same sink and cursor. A stop before the code is here is
// kept: nothing connects. Code that cannot be loaded (the page went offline before the chunk
// came) closes the source with the reason, as a stream that cannot connect would.
import { FailedSource } from './failed-source';
import { loadSourceClass } from './load-source';
import type { ConnectionStatus, ResponseSource, SourceSink } from './source';
import { checkSpec, type SourceSpec } from './source-spec';

/** The sink as the loaded source sees it: its own first `connecting` was already said, so it is not repeated. */
function continuing(sink: SourceSink): SourceSink {
  let first = true;
  return {
    deliver: (items, cursor) => sink.deliver(items, cursor),
    malformed: (raw, reason) => sink.malformed(raw, reason),
    status: (status) => {
      const repeated = first && status.state === 'connecting' && status.attempt === 0;
      first = false;
      if (!repeated) sink.status(status);
    },
  };
}

export class LazySource implements ResponseSource {
  readonly kind: string;
  #status: ConnectionStatus = { state: 'idle', attempt: 0 };
  #loaded: ResponseSource | undefined;
  /** Bumped by each start and stop: a load that finishes for an older run starts nothing. */
  #run = 0;

  constructor(
    kind: string,
    private readonly load: () => Promise<ResponseSource>,
  ) {
    this.kind = kind;
  }

  get status(): ConnectionStatus {
    return this.#loaded ? this.#loaded.status : { ...this.#status };
  }

  start(sink: SourceSink, cursor?: string): void {
    if (this.#loaded) {
      this.#loaded.start(sink, cursor);
      return;
    }
    const run = ++this.#run;
    this.#report(sink, { state: 'connecting', attempt: 0 });
    this.load().then(
      (source) => {
        if (run !== this.#run) return;
        this.#loaded = source;
        source.start(continuing(sink), cursor);
      },
      (error: unknown) => {
        if (run !== this.#run) return;
        const reason = error instanceof Error ? error.message : String(error);
        this.#report(sink, { state: 'closed', attempt: 0, error: `the ${this.kind} source could not load: ${reason}` });
      },
    );
  }

  stop(): void {
    this.#run += 1;
    if (this.#loaded) this.#loaded.stop();
    else if (this.#status.state !== 'idle') this.#status = { state: 'closed', attempt: 0 };
  }

  #report(sink: SourceSink, status: ConnectionStatus): void {
    this.#status = status;
    try {
      sink.status({ ...status });
    } catch {
      /* the sink's own fault; the status stays readable */
    }
  }
}

/** The source a valid spec describes, its class loaded on demand (load-source.ts). */
function lazySource(spec: SourceSpec): ResponseSource {
  const load = async (): Promise<ResponseSource> => {
    switch (spec.kind) {
      case 'iterable':
        return new (await loadSourceClass('iterable'))(spec.factory, spec);
      case 'sse':
        return new (await loadSourceClass('sse'))(spec.url, spec);
      case 'websocket':
        return new (await loadSourceClass('websocket'))(spec.url, spec);
      case 'poll':
        return new (await loadSourceClass('poll'))(spec.url, spec);
      case 'ndjson':
        return new (await loadSourceClass('ndjson'))(spec.url, spec);
    }
  };
  return new LazySource(spec.kind, load);
}

/**
 * `createSource` for a spec read from attributes or a config file: never throws, and the source's
 * class loads when it starts (only the transport a page uses is fetched). A spec it cannot
 * build gives a source whose status is `closed` with the reason as its error, so the mistake
 * reaches the host (`connection-change`) and the user (the views' "live updates stopped").
 */
export function createSourceOrReport(spec: SourceSpec): ResponseSource {
  try {
    checkSpec(spec);
    return lazySource(spec);
  } catch (error) {
    const kind = typeof (spec as { kind?: unknown }).kind === 'string' ? (spec as { kind: string }).kind : 'unknown';
    return new FailedSource(kind, error instanceof Error ? error.message : String(error));
  }
}
