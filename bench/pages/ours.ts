// Our <audience-response-grid> on our store: the rows come in as events through `ingest`, as
// they would from a source, and so do the updates.
import type { ResponseEvent } from '../../src/core/index';
import type { AudienceResponseGridElement } from '../../src/elements/audience-response-grid/audience-response-grid';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { PROBE_INDEX, audienceEvents } from './shared/audience';
import { frames, until } from './shared/frame-meter';
import { installGridBench } from './shared/grid-bench';
import { mountOurs } from './shared/ours-grid';
import { toEvents } from './shared/update-stream';

let store: ResponseStore | undefined;
let grid: AudienceResponseGridElement | undefined;

function shadow(): ShadowRoot {
  return grid!.shadowRoot!;
}

function dataRows(): HTMLElement[] {
  return [...shadow().querySelectorAll<HTMLElement>('[role="row"][data-index]')];
}

installGridBench<{ events: ResponseEvent[]; probes: ResponseEvent[] }>({
  name: 'ours',
  async mount(rows, host) {
    store = createResponseStore();
    await store.ingest(audienceEvents(rows));
    store.flush();
    grid = mountOurs(host, store);
    await until(() => grid!.shadowRoot !== null && dataRows().length > 0, 60_000, 'our first rows');
    await frames(2);
  },
  scroller: () => shadow().querySelector<HTMLElement>('[role="grid"]')!,
  cellRoots: () => [shadow()],
  probeOpens() {
    const cell = shadow().querySelector(`[role="row"][data-index="${PROBE_INDEX}"] > [data-col="3"]`);
    return cell ? Number(cell.textContent!.replace(/[^0-9]/g, '')) : NaN;
  },
  domRows: () => dataRows().length,
  rowHeight: () => dataRows()[0]?.getBoundingClientRect().height ?? NaN,
  firstVisibleRow() {
    const scroller = shadow().querySelector<HTMLElement>('[role="grid"]')!;
    // Below the sticky header row: the first data row whose bottom is past the header's bottom.
    const header = shadow().querySelector('.header-group')!.getBoundingClientRect().bottom;
    let first = Infinity;
    for (const row of dataRows()) {
      const box = row.getBoundingClientRect();
      if (box.bottom > header + 1 && box.top < scroller.getBoundingClientRect().bottom)
        first = Math.min(first, Number(row.dataset.index));
    }
    return Number.isFinite(first) ? first : 0;
  },
  prepare: (_rows, updates, probes, runId) => ({
    events: toEvents(updates, `${runId}-u`),
    probes: toEvents(probes, `${runId}-p`),
  }),
  apply(prepared, start, end, probe) {
    const batch = prepared.events.slice(start, end);
    batch.push(prepared.probes[probe]!);
    // ingest applies synchronously once the store is ready; the grid hears it at the next frame.
    void store!.ingest(batch);
  },
});
