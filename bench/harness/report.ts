// bench/results.md: every figure as median (min–max) over the runs, ours beside the peers with
// the ratio ours/peer (below 1: ours is better, for every shared figure here lower is better),
// then the goals of issue 8, met or not and by how much.
import type { GridName, MainThread } from '../pages/shared/bench-api';
import { spread, type Spread } from '../pages/shared/stats';
import { columnarGoals, columnarRows } from './columnar';
import { renderFirefoxSection } from './firefox';
import type { Results } from './results';

type PerGrid = Partial<Record<GridName, Spread>>;

interface Row {
  figure: string;
  unit: string;
  values: PerGrid;
  digits: number;
}

const PEERS: readonly GridName[] = ['ag-grid', 'vaadin'];

function value(s: Spread | undefined, digits: number): string {
  if (!s || !Number.isFinite(s.median)) return '—';
  const f = (n: number) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return s.runs.length > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
}

function ratio(ours: Spread | undefined, peer: Spread | undefined): string {
  if (!ours || !peer || !Number.isFinite(ours.median) || !Number.isFinite(peer.median)) return '—';
  if (peer.median === 0) return ours.median === 0 ? '= (0/0)' : '∞';
  return (ours.median / peer.median).toFixed(2);
}

function table(rows: Row[], shared: boolean): string {
  const head = shared
    ? '| figure | ours | AG Grid | Vaadin | ours/AG | ours/Vaadin |\n|---|---:|---:|---:|---:|---:|'
    : '| figure | value |\n|---|---:|';
  const lines = rows.map((row) => {
    const label = `${row.figure} (${row.unit})`;
    if (!shared) return `| ${label} | ${value(row.values.ours, row.digits)} |`;
    return `| ${label} | ${value(row.values.ours, row.digits)} | ${value(row.values['ag-grid'], row.digits)} | ${value(row.values.vaadin, row.digits)} | ${ratio(row.values.ours, row.values['ag-grid'])} | ${ratio(row.values.ours, row.values.vaadin)} |`;
  });
  return [head, ...lines].join('\n');
}

/** One figure per grid, each a spread over that grid's runs. */
function perGrid<T>(byGrid: Record<GridName, T[]> | undefined, read: (run: T) => number): PerGrid {
  const out: PerGrid = {};
  if (!byGrid) return out;
  for (const grid of Object.keys(byGrid) as GridName[])
    if (byGrid[grid].length > 0) out[grid] = spread(byGrid[grid].map(read));
  return out;
}

const MB = 2 ** 20;
const n = (x: number) => x.toLocaleString('en');

export interface Goal {
  goal: string;
  measured: string;
  met: boolean | undefined;
  note: string;
}

/** rAF timestamps jitter a few tenths of a millisecond: 16.8 against 16.7 is the same frame. */
function tolerance(row: Row): number {
  return row.unit === 'ms' ? 0.3 : 0;
}

function betterPeer(values: PerGrid): number {
  return Math.min(...PEERS.map((p) => values[p]?.median ?? Infinity));
}

export function goals(results: Results): Goal[] {
  const out: Goal[] = [];
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  // Every shared figure: ours below both peers.
  const behind: string[] = [];
  const sharedRows = [...updateRows(results), ...scrollRows(results), ...heapRows(results)];
  for (const row of sharedRows) {
    const ours = row.values.ours?.median;
    if (ours === undefined || !Number.isFinite(ours)) continue;
    for (const peer of PEERS) {
      const theirs = row.values[peer]?.median;
      if (theirs === undefined || !Number.isFinite(theirs)) continue;
      if (ours > theirs + tolerance(row))
        behind.push(
          `${row.figure}: ${ours.toFixed(row.digits)} vs ${peer} ${theirs.toFixed(row.digits)} ${row.unit} (×${theirs === 0 ? '∞' : (ours / theirs).toFixed(2)})`,
        );
    }
  }
  if (sharedRows.length > 0)
    out.push({
      goal: 'ahead of both peers on every shared figure',
      measured: behind.length === 0 ? 'ahead or equal on all' : `behind on ${behind.length}`,
      met: behind.length === 0,
      note: behind.join('; '),
    });

  for (const [rate, byGrid] of Object.entries(results.updates ?? {})) {
    const paint = perGrid(byGrid, (r) => r.paintP95);
    const frame = perGrid(byGrid, (r) => r.frames.p95);
    for (const [name, values] of [
      ['p95 update-to-paint', paint],
      ['p95 frame time', frame],
    ] as const) {
      const ours = values.ours?.median ?? NaN;
      const limit = betterPeer(values) / 2;
      // Both measures have a floor of one 60 Hz frame: a frame is 16.7 ms apart from the one
      // before, and a batch applied just after a paint is painted at the next frame at the soonest.
      const belowFloor = limit < 16.6;
      const met = Number.isFinite(ours) && Number.isFinite(limit) ? ours <= limit + 0.3 : undefined;
      const floor = belowFloor
        ? `the limit is under one frame (16.7 ms), the floor of this measure: no grid can meet it once the better peer is under 33.3 ms.`
        : '';
      out.push({
        goal: `${name} at ${n(Number(rate))} updates/s ≤ half the better peer's`,
        measured: `${ms(ours)} vs limit ${ms(limit)}`,
        met,
        note: `${met === false ? `${(ours / limit).toFixed(2)}× the limit. ` : ''}${floor}`,
      });
    }
  }
  const fiftyK = results.updates?.['50000']?.ours;
  if (fiftyK && fiftyK.length > 0) {
    const longest = Math.max(...fiftyK.map((r) => r.frames.longTasks.maxMs));
    const count = fiftyK.reduce((sum, r) => sum + r.frames.longTasks.count, 0);
    const rate = Math.min(...fiftyK.map((r) => r.achievedRate));
    const sustained = rate >= 0.95 * 50_000 && fiftyK.every((r) => r.unpainted === 0);
    out.push({
      goal: '50,000 updates/s sustained with 100,000 rows, no long task over 50 ms',
      measured: `lowest applied rate ${n(Math.round(rate))}/s; ${count} long task(s) in ${fiftyK.length} run(s), longest ${longest.toFixed(0)} ms`,
      met: sustained && count === 0,
      note: !sustained ? 'the stream fell behind (batches unpainted at the end or rate under 95 %)' : '',
    });
  }
  for (const key of ['1000000', '1000000-rows']) {
    const million = results.scroll?.[key]?.ours;
    if (!million || million.length === 0) continue;
    const p95 = spread(million.map((r) => r.frames.p95)).median;
    // rAF timestamps jitter a few tenths of a millisecond around 16.7.
    out.push({
      goal: `1,000,000-row scroll p95 frame ≤ 16.7 ms (${key.endsWith('rows') ? 'equal rows per frame' : 'equal pixels per frame'})`,
      measured: ms(p95),
      met: p95 <= 16.9,
      note: p95 > 16.9 ? `${(p95 / 16.7).toFixed(2)}× the goal` : '',
    });
  }
  // Right after mount is when the store's heap is youngest: a major GC or a first build of the
  // view's orders lands in the first scroll (issue 16, section 2).
  const afterMount = results.scroll?.['1000000']?.ours;
  if (afterMount && afterMount.length > 0) {
    const longest = Math.max(...afterMount.map((r) => r.frames.longTasks.maxMs));
    const count = afterMount.reduce((sum, r) => sum + r.frames.longTasks.count, 0);
    out.push({
      goal: 'scrolling 1,000,000 rows right after mount: no long task over 50 ms (issue 16)',
      measured: `${count} long task(s) in ${afterMount.length} run(s), longest ${longest.toFixed(0)} ms`,
      met: longest <= 50,
      note: longest > 50 ? `${(longest / 50).toFixed(2)}× the goal` : '',
    });
  }
  const heap = results.heap?.['1000000'];
  const heapOurs = heap?.ours?.length ? spread(heap.ours.map((r) => r.js)).median : undefined;
  if (heap && heapOurs !== undefined) {
    const vaadin = heap.vaadin?.length ? spread(heap.vaadin.map((r) => r.js)).median : undefined;
    const ratio = vaadin ? heapOurs / vaadin : undefined;
    out.push({
      goal: 'JS heap with 1,000,000 rows ≤ 200 MiB and ≤ 1.3× Vaadin Grid in the same run (issue 16)',
      measured: `${(heapOurs / MB).toFixed(0)} MiB${ratio ? `, ${ratio.toFixed(2)}× Vaadin` : ''}`,
      met: heapOurs <= 200 * MB && (ratio === undefined || ratio <= 1.3),
      note: heapOurs > 200 * MB ? `${(heapOurs / (200 * MB)).toFixed(2)}× the goal` : '',
    });
  }
  const cold = results.cold?.['1000000'];
  if (cold && cold.runs.length > 0) {
    const first = spread(cold.runs.map((r) => r.firstRowsMs)).median;
    const all = spread(cold.runs.map((r) => r.allRowsMs)).median;
    // The run in a tab opened for it (see Results.cold), beside each: the browser's own work in it.
    const newTab = cold.newTab?.[0];
    const note = (over: string, inNewTab: number | undefined) =>
      [over, inNewTab === undefined ? '' : `in a new tab ${ms(inNewTab)}`].filter((part) => part !== '').join('; ');
    out.push({
      goal: 'cold start, 1,000,000 cached rows: first rows ≤ 100 ms',
      measured: ms(first),
      met: first <= 100,
      note: note(first > 100 ? `${(first / 100).toFixed(2)}× the goal` : '', newTab?.firstRowsMs),
    });
    out.push({
      goal: 'cold start, 1,000,000 cached rows: all rows ≤ 1.0 s (issue 16)',
      measured: ms(all),
      met: all <= 1000,
      note: note(all > 1000 ? `${(all / 1000).toFixed(2)}× the goal` : '', newTab?.allRowsMs),
    });
    // Each run against the raw read that followed it, so the machine's load of the moment cancels.
    const raw = cold.raw ?? [];
    if (raw.length === cold.runs.length) {
      const ratio = spread(cold.runs.map((r, i) => r.allRowsMs / raw[i]!.rowsMs)).median;
      out.push({
        goal: 'cold start, 1,000,000 cached rows: all rows ≤ 2.5× the raw read of the row pages',
        measured: `${ratio.toFixed(2)}×`,
        met: ratio <= 2.5,
        note: ratio > 2.5 ? `${(ratio / 2.5).toFixed(2)}× the goal` : '',
      });
    }
  }
  if (results.core) {
    const fold = results.core.foldEventsPerSecond.median;
    out.push({
      goal: 'core fold ≥ 5,000,000 events/s',
      measured: `${(fold / 1e6).toFixed(2)} M events/s`,
      met: fold >= 5e6,
      note: fold < 5e6 ? `${(5e6 / fold).toFixed(2)}× too slow` : '',
    });
    const pair = results.core.guidPair;
    if (pair) {
      const ratios = spread(pair.ratios);
      out.push({
        goal: `core fold on fresh 36-character GUIDs ≥ 1.5× the fold before issue 16 (${pair.baseCommit}), by CPU time, in turn in one process (issue 16)`,
        measured: `${ratios.median.toFixed(2)}× (${ratios.min.toFixed(2)}–${ratios.max.toFixed(2)}, ${ratios.runs.length} runs)`,
        met: ratios.median >= 1.5,
        note: `${(spread(pair.baseRate).median / 1e6).toFixed(2)} → ${(spread(pair.rate).median / 1e6).toFixed(2)} M events/s`,
      });
    }
  }
  out.push(...columnarGoals(results.columnar));
  if (results.bundle) {
    const kb = results.bundle.gzipBytes / 1000;
    const broken = results.bundle.registersElements
      ? ''
      : ' This build registers no element, so it is not the bundle the goal is about.';
    out.push({
      goal: 'IIFE ≤ 30 kB gzip (lit, context and idb included)',
      measured: `${kb.toFixed(1)} kB`,
      met: kb <= 30 && results.bundle.registersElements,
      note: `${kb > 30 ? `${(kb / 30).toFixed(2)}× the goal.` : ''}${broken}`,
    });
    out.push({
      goal: 'IIFE ≤ 45 kB gzip, its lazy parts apart (issue 14)',
      measured: `${kb.toFixed(1)} kB`,
      met: kb <= 45 && results.bundle.registersElements,
      note: `${kb > 45 ? `${(kb / 45).toFixed(2)}× the goal.` : ''}${broken}`,
    });
  }
  return out;
}

function updateRows(results: Results): Row[] {
  const rows: Row[] = [];
  for (const [rate, byGrid] of Object.entries(results.updates ?? {})) {
    const at = `${n(Number(rate))}/s`;
    rows.push(
      { figure: `update-to-paint p50, ${at}`, unit: 'ms', values: perGrid(byGrid, (r) => r.paintP50), digits: 1 },
      { figure: `update-to-paint p95, ${at}`, unit: 'ms', values: perGrid(byGrid, (r) => r.paintP95), digits: 1 },
      { figure: `frame time p95, ${at}`, unit: 'ms', values: perGrid(byGrid, (r) => r.frames.p95), digits: 1 },
      {
        figure: `long tasks, ${at}`,
        unit: 'count',
        values: perGrid(byGrid, (r) => r.frames.longTasks.count),
        digits: 0,
      },
      {
        figure: `longest task, ${at}`,
        unit: 'ms',
        values: perGrid(byGrid, (r) => r.frames.longTasks.maxMs),
        digits: 0,
      },
    );
  }
  return rows;
}

function scrollRows(results: Results): Row[] {
  const rows: Row[] = [];
  for (const [key, byGrid] of Object.entries(results.scroll ?? {})) {
    const at = scrollLabel(key);
    rows.push(
      { figure: `scroll frame p50, ${at}`, unit: 'ms', values: perGrid(byGrid, (r) => r.frames.p50), digits: 1 },
      { figure: `scroll frame p95, ${at}`, unit: 'ms', values: perGrid(byGrid, (r) => r.frames.p95), digits: 1 },
      {
        figure: `scroll long tasks, ${at}`,
        unit: 'count',
        values: perGrid(byGrid, (r) => r.frames.longTasks.count),
        digits: 0,
      },
      {
        figure: `scroll longest task, ${at}`,
        unit: 'ms',
        values: perGrid(byGrid, (r) => r.frames.longTasks.maxMs),
        digits: 0,
      },
    );
  }
  return rows;
}

/** `1000000` → "1,000,000 rows"; `1000000-rows` → the variant that passes equal rows per frame. */
function scrollLabel(key: string): string {
  const [count, variant] = key.split('-');
  return `${n(Number(count))} rows${variant === 'rows' ? ', equal rows per frame' : ''}`;
}

function heapRows(results: Results): Row[] {
  return Object.entries(results.heap ?? {}).map(([count, byGrid]) => ({
    figure: `JS heap with ${n(Number(count))} rows`,
    unit: 'MB',
    values: perGrid(byGrid, (r) => r.js / MB),
    digits: 0,
  }));
}

/** Every goal the run measured, met or not and by how much; undefined when it measured none. */
export function goalsTable(results: Results): string | undefined {
  const list = goals(results);
  if (list.length === 0) return undefined;
  return [
    '| goal | measured | met | note |',
    '|---|---|---|---|',
    ...list.map(
      (g) => `| ${g.goal} | ${g.measured} | ${g.met === undefined ? '?' : g.met ? 'yes' : '**no**'} | ${g.note} |`,
    ),
  ].join('\n');
}

/** Our own figures (no peer runs them), the raw read and the same data as plain events beside. */
export function ownTable(results: Results): string | undefined {
  const own = ownRows(results);
  return own.length > 0 ? table(own, false) : undefined;
}

/** The figures measured on every grid, ours beside the peers' with the ratios; undefined when none. */
export function peersTable(results: Results): string | undefined {
  const shared = [...updateRows(results), ...scrollRows(results), ...heapRows(results)];
  return shared.length > 0 ? table(shared, true) : undefined;
}

/**
 * The figures only we have (the core, the store, the cache, the wire formats, the bundle), with the
 * raw read of the cache and the same data as plain events beside.
 */
function ownRows(results: Results): Row[] {
  const own: Row[] = [];
  if (results.core) {
    own.push({
      figure: `core fold, ${n(results.config.core.events)} events over ${n(results.config.core.recipients)} recipients`,
      unit: 'M events/s',
      values: { ours: scale(results.core.foldEventsPerSecond, 1e-6) },
      digits: 2,
    });
    own.push({
      figure: 'core incremental, batches of 1,000',
      unit: 'M events/s',
      values: { ours: scale(results.core.incrementalEventsPerSecond, 1e-6) },
      digits: 2,
    });
    own.push({
      figure: 'core fold by process CPU time (steadier under load)',
      unit: 'M events/s',
      values: { ours: scale(results.core.foldCpuEventsPerSecond, 1e-6) },
      digits: 2,
    });
    const ids = { short: '`r-<n>` ids', guid: '36-character GUID ids' };
    const input = { fresh: 'fresh from JSON.parse', warm: 'warm' };
    for (const [key, value] of Object.entries(results.core.byIds ?? {})) {
      const [, length, state] = key.split('-') as [string, keyof typeof ids, keyof typeof input];
      own.push({
        figure: `core fold, ${ids[length]}, ${input[state]}`,
        unit: 'M events/s',
        values: { ours: scale(value, 1e-6) },
        digits: 2,
      });
    }
  }
  for (const row of columnarRows(results.columnar))
    own.push({ figure: row.figure, unit: row.unit, values: { ours: row.value }, digits: row.digits });
  if (results.store) {
    own.push({
      figure: `store ingest with IndexedDB write-through, ${n(results.config.ingest.events)} events`,
      unit: 'M events/s',
      values: { ours: spread(results.store.writeThrough.map((s) => s.eventsPerSecond / 1e6)) },
      digits: 2,
    });
    own.push({
      figure: 'store ingest in memory (no cache), same events',
      unit: 'M events/s',
      values: { ours: spread(results.store.memoryOnly.map((s) => s.eventsPerSecond / 1e6)) },
      digits: 2,
    });
    own.push({
      figure: 'store ingest with write-through: longest task',
      unit: 'ms',
      values: { ours: spread(results.store.writeThrough.map((s) => s.frames.longTasks.maxMs)) },
      digits: 0,
    });
  }
  for (const [count, cold] of Object.entries(results.cold ?? {})) {
    const at = `${n(Number(count))} cached rows`;
    own.push({
      figure: `cold start, ${at}: first rows painted`,
      unit: 'ms',
      values: { ours: spread(cold.runs.map((r) => r.firstRowsMs)) },
      digits: 0,
    });
    if (cold.newTab && cold.newTab.length > 0) {
      own.push({
        figure: `cold start, ${at}, in a tab opened for the run: first rows painted`,
        unit: 'ms',
        values: { ours: spread(cold.newTab.map((r) => r.firstRowsMs)) },
        digits: 0,
      });
      own.push({
        figure: `cold start, ${at}, in a tab opened for the run: all rows painted`,
        unit: 'ms',
        values: { ours: spread(cold.newTab.map((r) => r.allRowsMs)) },
        digits: 0,
      });
    }
    own.push({
      figure: `cold start, ${at}: first rows in the DOM (not yet painted)`,
      unit: 'ms',
      values: { ours: spread(cold.runs.map((r) => r.firstRowsDomMs)) },
      digits: 0,
    });
    own.push({
      figure: `cold start, ${at}: all rows painted`,
      unit: 'ms',
      values: { ours: spread(cold.runs.map((r) => r.allRowsMs)) },
      digits: 0,
    });
    const rowsReady = cold.runs.flatMap((r) => (r.rowsReadyMs === undefined ? [] : [r.rowsReadyMs]));
    if (rowsReady.length > 0)
      own.push({
        figure: `cold start, ${at}: store.rowsReady (every cached row in the state)`,
        unit: 'ms',
        values: { ours: spread(rowsReady) },
        digits: 0,
      });
    own.push({
      figure: `cold start, ${at}: store.ready (takes events: the rows' event ids came with them)`,
      unit: 'ms',
      values: { ours: spread(cold.runs.map((r) => r.readyMs)) },
      digits: 0,
    });
    const eventsReady = cold.runs.flatMap((r) => (r.eventsReadyMs === undefined ? [] : [r.eventsReadyMs]));
    if (eventsReady.length > 0)
      own.push({
        figure: `cold start, ${at}: store.eventsReady (every cached event in the log, read in idle time)`,
        unit: 'ms',
        values: { ours: spread(eventsReady) },
        digits: 0,
      });
    if (cold.raw && cold.raw.length > 0) {
      own.push({
        figure: `cold start, ${at}: raw read of the row pages (open, getAll, decode)`,
        unit: 'ms',
        values: { ours: spread(cold.raw.map((r) => r.rowsMs)) },
        digits: 0,
      });
      own.push({
        figure: `cold start, ${at}: raw read of row pages and event records`,
        unit: 'ms',
        values: { ours: spread(cold.raw.map((r) => r.allMs)) },
        digits: 0,
      });
    }
    own.push({
      figure: `cold start, ${at}: page script started after navigation`,
      unit: 'ms',
      values: { ours: spread(cold.runs.map((r) => r.scriptAt)) },
      digits: 0,
    });
    if (cold.hydrate.length === 0) continue;
    own.push({
      figure: `openResponseCache, ${at}`,
      unit: 'ms',
      values: { ours: spread(cold.hydrate.map((h) => h.openMs)) },
      digits: 0,
    });
    own.push({
      figure: `cache.hydrate alone, ${at}: first rows`,
      unit: 'ms',
      values: { ours: spread(cold.hydrate.map((h) => h.firstRowsMs)) },
      digits: 0,
    });
    own.push({
      figure: `cache.hydrate alone, ${at}: all rows`,
      unit: 'ms',
      values: { ours: spread(cold.hydrate.map((h) => h.rowsMs)) },
      digits: 0,
    });
    own.push({
      figure: `cache.hydrate alone, ${at}: done (the events folded into the rows follow in idle time)`,
      unit: 'ms',
      values: { ours: spread(cold.hydrate.map((h) => h.totalMs)) },
      digits: 0,
    });
  }
  if (results.bundle) {
    const b = results.bundle;
    const works = b.registersElements ? '' : '; registers NO element: the build dropped the define modules';
    own.push({
      figure: `IIFE ${b.file} as vite.config.ts builds it, gzip -9 (raw ${(b.bytes / 1000).toFixed(1)} kB${works})`,
      unit: 'kB',
      values: { ours: spread([b.gzipBytes / 1000]) },
      digits: 1,
    });
  }
  return own;
}

export function renderMarkdown(results: Results): string {
  const parts: string[] = [];
  const m = results.machine;
  parts.push(`# email-responses benchmark (${results.config.mode})`);
  parts.push(
    `${results.startedAt}, ${results.seconds} s. ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}, Chromium ${m.chromium || '—'} headless. ` +
      `Median of ${results.config.runs} run(s)${results.config.runs > 1 ? ' (min–max)' : ''}; ratios are medians ours/peer: below 1, ours is better.`,
  );
  const changed = results.source.changedInSrc;
  parts.push(
    `Source: commit ${results.source.commit}${changed.length > 0 ? ` with uncommitted changes in ${changed.join(', ')}` : ', clean src/'}.`,
  );
  parts.push(
    'Noise: load average (1, 5, 15 min) and the share of a core a busy loop in the harness got, as each section started. ' +
      `With a load average above ${m.cpus} other work was waiting for these cores: wall-clock figures (all of them) include that wait.`,
    [
      '| section | load average | busy loop got |',
      '|---|---|---:|',
      ...results.load.map((l) => `| ${l.section} | ${l.loadavg.join(' / ')} | ${Math.round(l.cpuShare * 100)} % |`),
    ].join('\n'),
  );

  const own = ownRows(results);
  if (own.length > 0) parts.push('## Our own figures', table(own, false));

  const peers = peersTable(results);
  if (peers) {
    parts.push('## Beside the peers (same data, same stream, same browser)', peers);
    const info: Row[] = [];
    for (const [rate, byGrid] of Object.entries(results.updates ?? {})) {
      info.push({
        figure: `updates applied per second, target ${n(Number(rate))}/s`,
        unit: '/s',
        values: perGrid(byGrid, (r) => r.achievedRate),
        digits: 0,
      });
      info.push({
        figure: `batches never painted, ${n(Number(rate))}/s`,
        unit: 'count',
        values: perGrid(byGrid, (r) => r.unpainted),
        digits: 0,
      });
      info.push({
        figure: `update call, synchronous part p95, ${n(Number(rate))}/s`,
        unit: 'ms',
        values: perGrid(byGrid, (r) => r.applyP95),
        digits: 2,
      });
      info.push(...mainThreadRows(`${n(Number(rate))} updates/s`, byGrid));
    }
    for (const [key, byGrid] of Object.entries(results.scroll ?? {})) {
      info.push({
        figure: `scroll step, ${scrollLabel(key)}`,
        unit: 'px/frame',
        values: perGrid(byGrid, (r) => r.step),
        digits: 1,
      });
      info.push({
        figure: `rows passed per second while scrolling, ${scrollLabel(key)}`,
        unit: 'rows/s',
        values: perGrid(byGrid, (r) => r.rowsPerSecond),
        digits: 0,
      });
      info.push(...mainThreadRows(`scrolling ${scrollLabel(key)}`, byGrid));
    }
    for (const [count, byGrid] of Object.entries(results.heap ?? {})) {
      info.push({
        figure: `DOM (Blink) heap with ${n(Number(count))} rows`,
        unit: 'MB',
        values: perGrid(byGrid, (r) => r.dom / MB),
        digits: 0,
      });
      info.push({
        figure: `JS heap of the page before mounting, ${n(Number(count))}-row page`,
        unit: 'MB',
        values: perGrid(byGrid, (r) => r.baselineJs / MB),
        digits: 1,
      });
    }
    for (const [count, byGrid] of Object.entries(results.mounts ?? {})) {
      info.push({
        figure: `mount, not comparable (ours ingests events; the peers' time includes our core folding their rows), ${n(Number(count))} rows`,
        unit: 's',
        values: perGrid(byGrid, (r) => r.mountMs / 1000),
        digits: 2,
      });
      info.push({
        figure: `rows in the DOM, ${n(Number(count))} rows`,
        unit: 'count',
        values: perGrid(byGrid, (r) => r.domRows),
        digits: 0,
      });
      info.push({
        figure: `row height, ${n(Number(count))} rows`,
        unit: 'px',
        values: perGrid(byGrid, (r) => r.rowHeight),
        digits: 0,
      });
    }
    parts.push('### Context (not goals: what the figures above rest on)', table(info, true));
  }

  if (results.firefox) parts.push(...renderFirefoxSection(results.firefox, results.config));

  const goalRows = goalsTable(results);
  if (goalRows) parts.push('## Goals (issue 8)', goalRows);
  if (results.problems.length > 0)
    parts.push(
      '## Page errors seen',
      results.problems
        .slice(0, 20)
        .map((p) => `- ${p}`)
        .join('\n'),
    );
  return `${parts.join('\n\n')}\n`;
}

function mainThreadRows(what: string, byGrid: Record<GridName, { mainThread?: MainThread }[]>): Row[] {
  const part = (label: string, read: (m: MainThread) => number): Row => ({
    figure: `main thread ${label}, ${what}`,
    unit: 'ms per s',
    values: perGrid(byGrid, (r) => (r.mainThread ? read(r.mainThread) : NaN)),
    digits: 0,
  });
  return [
    part('busy (tasks)', (m) => m.taskMs),
    part('in script', (m) => m.scriptMs),
    part('in style', (m) => m.styleMs),
    part('in layout', (m) => m.layoutMs),
  ];
}

function scale(s: Spread, by: number): Spread {
  return { median: s.median * by, min: s.min * by, max: s.max * by, runs: s.runs.map((r) => r * by) };
}
