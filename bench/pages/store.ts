// Sustained ingest into our store, with the IndexedDB cache writing through (and in memory, to
// show what the writes cost): batches of events handed over one per task, as a source would,
// timed until the cache's last write has committed.
import { createResponseStore } from '../../src/store/response-store';
import { makeEvents } from '../event-mix';
import type { IngestOptions, IngestStats } from './shared/bench-api';
import { deleteDatabase, storeCache, yieldTask } from './shared/cache-peek';
import { FrameMeter } from './shared/frame-meter';

async function ingest(options: IngestOptions): Promise<IngestStats> {
  if (options.cache) await deleteDatabase(options.cache);
  const store = createResponseStore(options.cache ? { cacheName: options.cache } : {});
  await store.ready;
  if (options.cache && store.cacheStatus.state !== 'ready')
    throw new Error(`bench: the cache did not open: ${JSON.stringify(store.cacheStatus)}`);
  const events = makeEvents(options.events, options.recipients, { emailId: 'ingest' });
  const meter = new FrameMeter();
  meter.start();
  meter.begin();
  const started = performance.now();
  for (let i = 0; i < events.length; i += options.batch) {
    void store.ingest(events.slice(i, i + options.batch));
    await yieldTask();
  }
  const applied = performance.now();
  if (options.cache) await storeCache(store).flush();
  const written = performance.now();
  const frames = meter.end();
  meter.stop();
  const { deltas: _deltas, ...frameSummary } = frames;
  store.close();
  if (options.cache) await deleteDatabase(options.cache);
  return {
    events: events.length,
    cache: options.cache !== undefined,
    applyMs: applied - started,
    writtenMs: written - started,
    eventsPerSecond: events.length / ((written - started) / 1000),
    applyEventsPerSecond: events.length / ((applied - started) / 1000),
    frames: frameSummary,
  };
}

window.storeBench = { ingest };
