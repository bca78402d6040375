// Vaadin Grid on the same rows: an `items` array, one <vaadin-grid-column> per column. Updates
// change the item objects in place and call requestContentUpdate(), which re-runs the renderers
// of the rows on screen: the fastest documented way when no row is added, removed or moved
// (clearCache() would also drop and re-request every cached page from the array data provider).
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';
import type { Grid } from '@vaadin/grid/vaadin-grid.js';
import type { GridColumn } from '@vaadin/grid/vaadin-grid-column.js';
import { COLUMNS, PROBE_INDEX, TIME_FORMAT, audienceRows, type AudienceRow } from './shared/audience';
import { frames, until } from './shared/frame-meter';
import { installGridBench } from './shared/grid-bench';
import { simulate } from './shared/update-stream';

let grid: Grid<AudienceRow> | undefined;
let items: AudienceRow[] = [];

const style = document.createElement('style');
// Rows of 36 px like the other two grids: 35 px cells and the base styles' 1 px row border.
style.textContent = `vaadin-grid { --vaadin-grid-cell-padding: 0 8px; }
vaadin-grid::part(cell) { min-height: 35px; }
vaadin-grid-cell-content { line-height: 36px; padding-block: 0; }`;
document.head.append(style);

/** Body rows of the grid's table, in the shadow root. */
function bodyRows(): (HTMLTableRowElement & { index?: number })[] {
  return [...grid!.shadowRoot!.querySelectorAll<HTMLTableRowElement & { index?: number }>('#items > tr')].filter(
    (row) => !row.hidden,
  );
}

/** The light-DOM content element a body cell slots in. */
function cellContent(row: HTMLTableRowElement, column: number): Element | null {
  const slot = row.querySelectorAll('td')[column]?.querySelector('slot');
  return slot?.assignedElements()[0] ?? null;
}

installGridBench<{ rows: AudienceRow[]; probes: AudienceRow[] }>({
  name: 'vaadin',
  async mount(rows, host) {
    grid = document.createElement('vaadin-grid') as Grid<AudienceRow>;
    grid.style.cssText = 'width:100%;height:100%';
    for (const { field, header } of COLUMNS) {
      const column = document.createElement('vaadin-grid-column') as GridColumn<AudienceRow>;
      column.header = header;
      if (field === 'lastAt')
        column.renderer = (cell, _column, model) => (cell.textContent = TIME_FORMAT.format(model.item.lastAt));
      else column.path = field;
      if (field === 'opens' || field === 'clicks') column.textAlign = 'end';
      grid.append(column);
    }
    host.append(grid);
    items = audienceRows(rows);
    grid.items = items;
    await until(
      () => bodyRows().some((row) => row.index === 0 && cellContent(row, 0)?.textContent !== ''),
      120_000,
      'Vaadin first rows',
    );
    await frames(2);
  },
  scroller: () => grid!.shadowRoot!.querySelector<HTMLElement>('#table')!,
  cellRoots: () => [grid!],
  probeOpens() {
    const row = bodyRows().find((r) => r.index === PROBE_INDEX);
    const content = row && cellContent(row, 3);
    return content ? Number(content.textContent!.replace(/[^0-9]/g, '')) : NaN;
  },
  domRows: () => bodyRows().length,
  rowHeight: () => bodyRows()[0]?.getBoundingClientRect().height ?? NaN,
  firstVisibleRow: () => (grid as unknown as { _firstVisibleIndex: number })._firstVisibleIndex,
  prepare: (_rows, updates, probes) => ({ rows: simulate(items, updates), probes: simulate(items, probes) }),
  apply(prepared, start, end, probe) {
    for (let k = start; k < end; k++) {
      const next = prepared.rows[k]!;
      const item = items[indexOf(next)]!;
      Object.assign(item, next);
    }
    Object.assign(items[PROBE_INDEX]!, prepared.probes[probe]!);
    grid!.requestContentUpdate();
  },
});

/** Row ids are `r<index>`: the index in `items`. */
function indexOf(row: AudienceRow): number {
  return Number(row.id.slice(1));
}
