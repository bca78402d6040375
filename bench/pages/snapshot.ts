// A million recipients from the demo's mock backend's snapshot endpoint to every row shown in our
// grid: as objects and as columnar batches (docs/wire-format.md), the same rows. The mock backend
// runs in this page (msw), so its own work (building and encoding the pages) is in the figure, as
// a server's time would be.
import { startMockBackend } from '../../demo/backend/mock-server';
import { createResponseStore } from '../../src/store/response-store';
import { FrameMeter } from './shared/frame-meter';
import { mountOurs } from './shared/ours-grid';
import { whenPainted } from './shared/paint-watch';
import type { SnapshotOptions, SnapshotStats } from './shared/snapshot-api';

const EMAIL = 'spring-sale';

async function load({ rows, format }: SnapshotOptions): Promise<SnapshotStats> {
  // Paused (rate 0): no events stream, so the snapshot is all there is to show.
  const backend = await startMockBackend({ audience: rows, rate: 0, seed: 1 });
  try {
    const store = createResponseStore();
    await store.ready;
    const grid = mountOurs(document.getElementById('grid-host')!, store);
    grid.setAttribute('email-id', EMAIL);
    const root = grid.shadowRoot!;
    const meter = new FrameMeter();
    meter.start();
    const started = performance.now();
    const loading = store.loadSnapshot(`/api/snapshot?format=${format}`, EMAIL).then((result) => ({
      result,
      at: performance.now(),
    }));
    const [painted, loaded] = await Promise.all([whenPainted(meter, root, () => grid.rowCount >= rows), loading]);
    meter.stop();
    return {
      rows,
      format,
      allRowsMs: painted - started,
      loadMs: loaded.at - started,
      recipients: loaded.result.recipients,
      gridRows: grid.rowCount,
      problems: loaded.result.problems.length,
    };
  } finally {
    await backend.stop();
  }
}

window.snapshotBench = { load };
