// AG Grid Community on the same rows: client-side row model, row ids, updates through
// applyTransactionAsync (AG Grid's batching API for high-frequency updates; its default 50 ms
// asyncTransactionWaitMillis kept, as its documentation recommends for streams).
import { AllCommunityModule, ModuleRegistry, createGrid, type ColDef, type GridApi } from 'ag-grid-community';
import { COLUMNS, PROBE_INDEX, TIME_FORMAT, audienceRows, recipientId, type AudienceRow } from './shared/audience';
import { frames, until } from './shared/frame-meter';
import { installGridBench } from './shared/grid-bench';
import { simulate } from './shared/update-stream';

ModuleRegistry.registerModules([AllCommunityModule]);

let api: GridApi<AudienceRow> | undefined;
let root: HTMLElement | undefined;

const numeric = (field: string) => field === 'opens' || field === 'clicks';

const columnDefs: ColDef<AudienceRow>[] = COLUMNS.map(({ field, header }) => ({
  field,
  headerName: header,
  flex: 1,
  ...(numeric(field) ? { type: 'rightAligned' } : {}),
  ...(field === 'lastAt' ? { valueFormatter: (p: { value: number }) => TIME_FORMAT.format(p.value) } : {}),
}));

function viewport(): HTMLElement {
  return root!.querySelector<HTMLElement>('.ag-grid-viewport')!;
}

installGridBench<{ rows: AudienceRow[]; probes: AudienceRow[] }>({
  name: 'ag-grid',
  async mount(rows, host) {
    root = document.createElement('div');
    root.style.cssText = 'width:100%;height:100%';
    host.append(root);
    api = createGrid<AudienceRow>(root, {
      columnDefs,
      rowData: audienceRows(rows),
      getRowId: (p) => p.data.id,
      rowHeight: 36,
      headerHeight: 36,
    });
    await until(() => root!.querySelector('.ag-grid-scrolling-rows .ag-row') !== null, 120_000, 'AG Grid first rows');
    await frames(2);
  },
  scroller: viewport,
  cellRoots: () => [root!],
  probeOpens() {
    const cell = root!.querySelector(
      `.ag-grid-scrolling-rows .ag-row[row-id="${recipientId(PROBE_INDEX)}"] .ag-cell[col-id="opens"]`,
    );
    return cell ? Number(cell.textContent!.replace(/[^0-9]/g, '')) : NaN;
  },
  domRows: () => root!.querySelectorAll('.ag-grid-scrolling-rows .ag-row').length,
  rowHeight: () => root!.querySelector('.ag-grid-scrolling-rows .ag-row')?.getBoundingClientRect().height ?? NaN,
  firstVisibleRow: () => api!.getFirstDisplayedRowIndex(),
  prepare(_rows, updates, probes) {
    // The rows as the grid holds them now (an earlier run's updates included), by row index.
    const current: AudienceRow[] = [];
    api!.forEachNode((node) => {
      if (node.data) current[Number(node.data.id.slice(1))] = node.data;
    });
    return { rows: simulate(current, updates), probes: simulate(current, probes) };
  },
  apply(prepared, start, end, probe) {
    const update = prepared.rows.slice(start, end);
    update.push(prepared.probes[probe]!);
    api!.applyTransactionAsync({ update });
  },
});
