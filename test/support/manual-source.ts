// A source the test drives by hand: `sink.deliver(...)` is the server sending a batch.
import type { ConnectionStatus, ResponseSource, SourceSink } from '../../src/store/sources/source';

export class ManualSource implements ResponseSource {
  readonly kind = 'manual';
  sink: SourceSink | undefined;
  /** The cursor the store asked to resume from, on the last start. */
  startedFrom: string | undefined;
  started = 0;
  status: ConnectionStatus = { state: 'idle', attempt: 0 };

  start(sink: SourceSink, cursor?: string) {
    this.sink = sink;
    this.startedFrom = cursor;
    this.started++;
  }

  stop() {
    this.sink = undefined;
  }
}
