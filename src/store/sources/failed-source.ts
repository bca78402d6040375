// A source that could not be made from a host's description (an unknown `stream-kind`, a missing
// url). It never connects; it reports the mistake as its closed status, so the store's
// `connection-change` carries it to the host and the views show that live updates stopped,
// instead of a TypeError no one catches while the grid says "No recipients".
import type { ConnectionStatus, ResponseSource, SourceSink } from './source';

export class FailedSource implements ResponseSource {
  readonly kind: string;
  #status: ConnectionStatus;

  constructor(
    kind: string,
    readonly error: string,
  ) {
    this.kind = kind;
    this.#status = { state: 'idle', attempt: 0 };
  }

  get status(): ConnectionStatus {
    return { ...this.#status };
  }

  start(sink: SourceSink): void {
    this.#status = { state: 'closed', attempt: 0, error: this.error };
    try {
      sink.status({ ...this.#status });
    } catch {
      /* the sink's own fault; the status stays readable */
    }
  }

  stop(): void {}
}
