// The harness of `npm run bench` (started by bench/run.mjs): the core in this Node process, then
// the pages built with vite, served by vite preview and driven in Debian's Chromium. Writes
// bench/results.json and bench/results.md and prints the table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runCoreFold } from '../core-fold';
import { foldPairs } from '../core-fold-pair';
import type { GridName, MountInfo } from '../pages/shared/bench-api';
import { spread } from '../pages/shared/stats';
import { launch, within, type Bench } from './browser';
import { PAGES, ROOT, buildIife, buildPages } from './build';
import { runBacklog, runSnapshot } from './columnar';
import { configFor } from './config';
import { runFirefoxSection } from './firefox';
import { renderMarkdown } from './report';
import { GRIDS, type Results } from './results';
import { servePages } from './server';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((arg) => arg.startsWith('--only='));
const SECTIONS = ['core', 'columnar', 'bundle', 'store', 'cold', 'snapshot', 'updates', 'scroll', 'firefox'] as const;
type Section = (typeof SECTIONS)[number];
const only = new Set<Section>(onlyArg ? (onlyArg.slice('--only='.length).split(',') as Section[]) : SECTIONS);
const config = configFor(quick);
const started = Date.now();

/** Others may be changing src/ while this runs: the results say what they measured. */
function sourceState(): Results['source'] {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT }).toString();
    return {
      commit,
      changedInSrc: status
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(3)),
    };
  } catch {
    return { commit: 'unknown (no git)', changedInSrc: [] };
  }
}

const results: Results = {
  config,
  source: sourceState(),
  startedAt: new Date(started).toISOString(),
  finishedAt: '',
  seconds: 0,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: '',
    platform: `${process.platform} ${process.arch}`,
  },
  load: [],
  problems: [],
};

function log(text: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${seconds} s] ${text}`);
}

/** Spins for `ms` and returns the CPU time it got over the wall time: under 1, others had the core. */
function cpuShare(ms = 250): number {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let spins = 0;
  while (performance.now() - start < ms) spins++;
  const used = process.cpuUsage(cpu);
  return spins > 0 ? (used.user + used.system) / 1000 / (performance.now() - start) : NaN;
}

function noteLoad(section: string): void {
  const [one, five, fifteen] = loadavg() as [number, number, number];
  const share = cpuShare();
  results.load.push({
    section,
    at: new Date().toISOString(),
    loadavg: [round(one), round(five), round(fifteen)],
    cpuShare: round(share),
  });
  log(
    `${section}: load average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)} on ${cpus().length} cores; a busy loop got ${(share * 100).toFixed(0)} % of a core`,
  );
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The whole run must end within 10 minutes (quick: 3), plus the Firefox section's estimate when
 * it runs. Before a section's second and later runs, the harness checks that one more run (timed
 * by its first) still leaves room for the sections after it (rough first-run estimates on this
 * machine); if not, it stops that section's runs and says so in the results.
 */
const ESTIMATE_S: Record<Section, number> = {
  core: 30,
  columnar: 40,
  bundle: 3,
  store: 15,
  cold: 60,
  snapshot: 60,
  updates: 35,
  scroll: 80,
  firefox: 150,
};
// The GUID fold against another checkout (BENCH_FOLD_BASE) is extra time, not the sections' share.
const BUDGET_S =
  (quick ? 175 : 570) +
  (only.has('firefox') ? ESTIMATE_S.firefox : 0) +
  (process.env.BENCH_FOLD_BASE && only.has('core') ? (quick ? 90 : 180) : 0);

function roomForAnotherRun(section: Section, runSeconds: number): boolean {
  const later = SECTIONS.slice(SECTIONS.indexOf(section) + 1).filter((s) => only.has(s));
  const reserve = later.reduce((sum, s) => sum + ESTIMATE_S[s], 0);
  const elapsed = (Date.now() - started) / 1000;
  if (elapsed + runSeconds + reserve <= BUDGET_S) return true;
  const note = `${section}: stopped after fewer runs than asked (time budget of ${BUDGET_S} s: ${Math.round(elapsed)} s gone, a run takes ${Math.round(runSeconds)} s)`;
  results.problems.push(note);
  log(note);
  return false;
}
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

function runCore(): void {
  noteLoad('core');
  // Issue 16 §4: also the fold on `r-<n>` ids and on 36-character GUIDs, fresh from JSON.parse and warm.
  const { results: rates, memory } = runCoreFold({ ...config.core, ids: true });
  const fold = rates.find((r) => r.key === 'fold')!;
  const incremental = rates.find((r) => r.key === 'incremental')!;
  const byIds: NonNullable<Results['core']>['byIds'] = {};
  for (const r of rates) if (r.key.startsWith('fold-')) byIds[r.key] = spread(r.wall);
  results.core = {
    foldEventsPerSecond: spread(fold.wall),
    incrementalEventsPerSecond: spread(incremental.wall),
    foldCpuEventsPerSecond: spread(fold.cpu),
    incrementalCpuEventsPerSecond: spread(incremental.cpu),
    memoryBytesPer100k: memory.bytes,
    byIds,
  };
  log(
    `core: fold ${fmt(results.core.foldEventsPerSecond.median / 1e6, 2)} M events/s, incremental ${fmt(results.core.incrementalEventsPerSecond.median / 1e6, 2)} M events/s`,
  );
  const base = process.env.BENCH_FOLD_BASE;
  if (base) {
    const figures = foldPairs(
      base,
      ROOT,
      {
        pairs: quick ? 2 : 4,
        sizes: [String(config.core.events), String(config.core.recipients), '3'],
        kinds: ['guid'],
        inTurn: true,
      },
      log,
    ).get('guid fresh cpu')!;
    const baseCommit = execFileSync('git', ['-C', base, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    results.core.guidPair = { base, baseCommit, ratios: figures.ratio, baseRate: figures.base, rate: figures.branch };
    log(`core, fresh GUIDs by CPU time over ${baseCommit}: ${fmt(spread(figures.ratio).median, 2)}×`);
  }
  log(
    `core by ids (M events/s): ${Object.entries(byIds)
      .map(([key, s]) => `${key.slice('fold-'.length)} ${fmt(s.median / 1e6, 2)}`)
      .join(', ')}`,
  );
}

/** Opens a page of the bench and waits for its API object. */
async function openPage(
  bench: Bench,
  origin: string,
  path: string,
  api: 'gridBench' | 'storeBench' | 'coldBench',
): Promise<Page> {
  const page = await bench.open(`${origin}/${path}`);
  await page.waitForFunction((name) => (window as unknown as Record<string, unknown>)[name] !== undefined, api, {
    timeout: 60_000,
  });
  return page;
}

const pageOf: Record<GridName, string> = { ours: 'ours.html', 'ag-grid': 'ag-grid.html', vaadin: 'vaadin.html' };

async function runStore(bench: Bench, origin: string): Promise<void> {
  noteLoad('store');
  const store: NonNullable<Results['store']> = { writeThrough: [], memoryOnly: [] };
  results.store = store;
  const runStarted = Date.now();
  for (let run = 0; run < config.runs; run++) {
    if (run > 0 && !roomForAnotherRun('store', (Date.now() - runStarted) / run / 1000)) break;
    for (const cache of [`bench-ingest-${run}`, undefined]) {
      const page = await openPage(bench, origin, 'store.html', 'storeBench');
      const options = { ...config.ingest, cache };
      const stats = await within(
        180_000,
        'store ingest',
        page.evaluate((o) => window.storeBench!.ingest(o), options),
      );
      await page.close();
      (cache ? store.writeThrough : store.memoryOnly).push(stats);
      log(
        `store run ${run + 1}, ${cache ? 'IndexedDB write-through' : 'memory only'}: ${fmt(stats.eventsPerSecond / 1e6, 2)} M events/s (applied in ${fmt(stats.applyMs, 0)} ms, written in ${fmt(stats.writtenMs, 0)} ms)`,
      );
    }
  }
}

/** How long a tab just opened is left before a cold start in it: the browser's own work for a new window settles. */
const SETTLE_MS = 2000;

async function runCold(bench: Bench, origin: string): Promise<void> {
  results.cold = {};
  for (const rows of config.cold.sizes) {
    noteLoad(`cold start ${rows.toLocaleString('en')}`);
    const db = `bench-cold-${rows}`;
    let page = await openPage(bench, origin, 'cold.html', 'coldBench');
    const populate = await within(
      300_000,
      `populating the cache with ${rows} rows`,
      page.evaluate(([n, name]) => window.coldBench!.populate(n, name), [rows, db] as const),
    );
    await page.close();
    log(
      `cold ${rows.toLocaleString('en')}: cache populated with ${populate.events.toLocaleString('en')} events in ${fmt(populate.ms / 1000)} s`,
    );
    const entry: NonNullable<Results['cold']>[string] = { populate, runs: [], hydrate: [], raw: [], newTab: [] };
    results.cold[rows] = entry;
    // One tab for every run, each cold start a navigation of it (the page before unloads as the
    // next loads, as on a reload). A tab opened for each run measured the browser's own work too:
    // a new window of this headless Chromium loads its omnibox's WebUI, some thousand chrome://
    // files, in the same second, and the cache's database then opened 66 to 240 ms after the
    // store asked, against 23 to 98 ms in a tab already open (7 December 2026, load 3 to 9;
    // bench/README.md).
    // Opened on the cold page without a cache to measure (it starts nothing): page errors seen in
    // this tab are reported under its path.
    const tab = await bench.open(`${origin}/cold.html`);
    await tab.waitForTimeout(SETTLE_MS);
    const visit = async <T>(path: string, what: string, call: (page: Page) => Promise<T>): Promise<T> => {
      await tab.goto(`${origin}/${path}`);
      await tab.waitForFunction(() => window.coldBench !== undefined, undefined, { timeout: 60_000 });
      return within(120_000, what, call(tab));
    };
    const runsStarted = Date.now();
    for (let run = 0; run < config.runs; run++) {
      if (run > 0 && !roomForAnotherRun('cold', (Date.now() - runsStarted) / run / 1000)) break;
      const stats = await visit(`cold.html?measure=${db}&rows=${rows}`, `cold start at ${rows} rows`, (p) =>
        p.evaluate(() => window.coldBench!.coldStart!),
      );
      entry.runs.push(stats);
      log(
        `cold ${rows.toLocaleString('en')} run ${run + 1}: first rows in the DOM ${fmt(stats.firstRowsDomMs, 0)} ms, painted ${fmt(stats.firstRowsMs, 0)} ms, all rows ${fmt(stats.allRowsMs, 0)} ms, rowsReady ${fmt(stats.rowsReadyMs ?? NaN, 0)} ms, ready ${fmt(stats.readyMs, 0)} ms, eventsReady ${fmt(stats.eventsReadyMs ?? NaN, 0)} ms (script at ${fmt(stats.scriptAt, 0)} ms)`,
      );
      // The same cache read raw right after, in the same tab: the floor each run is compared with.
      const raw = await visit('cold.html', `raw read at ${rows} rows`, (p) =>
        p.evaluate((name) => window.coldBench!.rawRead(name), db),
      );
      entry.raw!.push(raw);
      log(
        `cold ${rows.toLocaleString('en')} run ${run + 1}: raw read of the row pages ${fmt(raw.rowsMs, 0)} ms (${raw.rowRecords} records), with the event records ${fmt(raw.allMs, 0)} ms (${raw.eventRecords}); all rows / raw read ${fmt(stats.allRowsMs / raw.rowsMs, 2)}×, rowsReady / raw read ${fmt((stats.rowsReadyMs ?? NaN) / raw.rowsMs, 2)}×, ready / raw read ${fmt(stats.readyMs / raw.rowsMs, 2)}×`,
      );
      // The cache's own timings, once per size in a full run: a diagnosis, not a goal.
      if (run > 0 || quick) continue;
      const hydrate = await visit('cold.html', `hydrate at ${rows} rows`, (p) =>
        p.evaluate((name) => window.coldBench!.hydrateOnly(name), db),
      );
      entry.hydrate.push(hydrate);
      log(
        `cold ${rows.toLocaleString('en')}: cache.hydrate alone: open ${fmt(hydrate.openMs, 0)} ms, first rows ${fmt(hydrate.firstRowsMs, 0)} ms, all rows ${fmt(hydrate.rowsMs, 0)} ms, everything ${fmt(hydrate.totalMs, 0)} ms`,
      );
    }
    await tab.close();
    // Once as before, in a tab opened for the run: the figure the goals were first set against.
    page = await bench.open(`${origin}/cold.html?measure=${db}&rows=${rows}`);
    await page.waitForFunction(() => window.coldBench !== undefined);
    const fresh = await within(
      120_000,
      `cold start at ${rows} rows in a new tab`,
      page.evaluate(() => window.coldBench!.coldStart!),
    );
    await page.close();
    entry.newTab!.push(fresh);
    log(
      `cold ${rows.toLocaleString('en')} in a new tab: first rows painted ${fmt(fresh.firstRowsMs, 0)} ms, all rows ${fmt(fresh.allRowsMs, 0)} ms, ready ${fmt(fresh.readyMs, 0)} ms`,
    );
    // The profile is deleted at the end anyway; dropping the database now keeps the disk light.
    page = await openPage(bench, origin, 'cold.html', 'coldBench');
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
      db,
    );
    await page.close();
  }
}

async function mountGrid(
  bench: Bench,
  origin: string,
  grid: GridName,
  rows: number,
): Promise<{ page: Page; info: MountInfo; baselineJs: number }> {
  const page = await openPage(bench, origin, pageOf[grid], 'gridBench');
  const baseline = await bench.heap(page);
  const info = await within(
    240_000,
    `mounting ${grid} with ${rows} rows`,
    page.evaluate((n) => window.gridBench!.mount(n), rows),
  );
  const mounts = (results.mounts ??= {});
  (mounts[rows] ??= { ours: [], 'ag-grid': [], vaadin: [] })[grid].push(info);
  return { page, info, baselineJs: baseline.js };
}

async function runUpdates(bench: Bench, origin: string): Promise<void> {
  const updates = (results.updates = {} as NonNullable<Results['updates']>);
  for (const rate of config.updates.rates) updates[rate] = { ours: [], 'ag-grid': [], vaadin: [] };
  const runsStarted = Date.now();
  for (let run = 0; run < config.runs; run++) {
    if (run > 0 && !roomForAnotherRun('updates', (Date.now() - runsStarted) / run / 1000)) break;
    noteLoad(`updates run ${run + 1}`);
    for (const grid of GRIDS) {
      const { page } = await mountGrid(bench, origin, grid, config.updates.rows);
      for (const rate of config.updates.rates) {
        const options = {
          rate,
          seconds: config.updates.seconds,
          drainMs: config.updates.drainMs,
          runId: `run${run}-${rate}`,
        };
        await within(
          120_000,
          `${grid} preparing updates at ${rate}/s`,
          page.evaluate((o) => window.gridBench!.prepareUpdates(o), options),
        );
        const measured = await within(
          120_000,
          `${grid} updates at ${rate}/s`,
          bench.mainThread(page, () => page.evaluate(() => window.gridBench!.runUpdates())),
        );
        const stats = { ...measured.value, mainThread: measured.mainThread };
        updates[rate]![grid].push(stats);
        log(
          `updates ${grid} ${rate.toLocaleString('en')}/s: paint p50 ${fmt(stats.paintP50)} p95 ${fmt(stats.paintP95)} ms, frame p95 ${fmt(stats.frames.p95)} ms, ` +
            `long tasks ${stats.frames.longTasks.count} (max ${fmt(stats.frames.longTasks.maxMs, 0)} ms), applied ${Math.round(stats.achievedRate).toLocaleString('en')}/s, unpainted ${stats.unpainted}`,
        );
      }
      await page.close();
    }
  }
}

async function runScroll(bench: Bench, origin: string): Promise<void> {
  const scroll = (results.scroll = {} as NonNullable<Results['scroll']>);
  const heap = (results.heap = {} as NonNullable<Results['heap']>);
  for (const rows of config.scroll.sizes) {
    scroll[rows] = { ours: [], 'ag-grid': [], vaadin: [] };
    heap[rows] = { ours: [], 'ag-grid': [], vaadin: [] };
  }
  for (const rows of config.scroll.rowsMatched) scroll[`${rows}-rows`] = { ours: [], 'ag-grid': [], vaadin: [] };
  const runsStarted = Date.now();
  for (let run = 0; run < config.runs; run++) {
    if (run > 0 && !roomForAnotherRun('scroll', (Date.now() - runsStarted) / run / 1000)) break;
    for (const rows of config.scroll.sizes) {
      noteLoad(`scroll ${rows.toLocaleString('en')} run ${run + 1}`);
      for (const grid of GRIDS) {
        const { page, info, baselineJs } = await mountGrid(bench, origin, grid, rows);
        const used = await bench.heap(page);
        heap[rows]![grid].push({ ...used, baselineJs });
        log(
          `mounted ${grid} with ${rows.toLocaleString('en')} rows in ${fmt(info.mountMs / 1000)} s (${info.domRows} rows in the DOM, row ${fmt(info.rowHeight, 0)} px); JS heap ${fmt(used.js / 2 ** 20, 0)} MB`,
        );
        const matches = config.scroll.rowsMatched.includes(rows)
          ? (['pixels', 'rows'] as const)
          : (['pixels'] as const);
        for (const match of matches) {
          const options = { seconds: config.scroll.seconds, step: config.scroll.step, match };
          await within(
            60_000,
            `${grid} preparing to scroll ${rows} rows`,
            page.evaluate((o) => window.gridBench!.prepareScroll(o), options),
          );
          const measured = await within(
            60_000,
            `${grid} scrolling ${rows} rows`,
            bench.mainThread(page, () => page.evaluate(() => window.gridBench!.runScroll())),
          );
          const stats = { ...measured.value, mainThread: measured.mainThread };
          scroll[match === 'rows' ? `${rows}-rows` : rows]![grid].push(stats);
          log(
            `scroll ${grid} ${rows.toLocaleString('en')} rows, ${fmt(stats.step)} px/frame: frame p50 ${fmt(stats.frames.p50)} p95 ${fmt(stats.frames.p95)} ms, ` +
              `long tasks ${stats.frames.longTasks.count} (max ${fmt(stats.frames.longTasks.maxMs, 0)} ms), ${Math.round(stats.rowsPerSecond).toLocaleString('en')} rows/s`,
          );
        }
        await page.close();
      }
    }
  }
}

async function main(): Promise<void> {
  log(`${config.mode} run: ${config.runs} run(s) per figure; sections ${[...only].join(', ')}`);
  if (only.has('core')) runCore();
  if (only.has('columnar')) {
    noteLoad('columnar');
    (results.columnar ??= {}).backlog = await runBacklog(config.columnar);
    const b = results.columnar.backlog!;
    log(
      `columnar backlog: objects ${fmt(b.objects.total.median, 2)} M events/s (parse ${fmt(b.objects.parse.median, 2)}, fold ${fmt(b.objects.fold.median, 2)}), columns ${fmt(b.columns.total.median, 2)} (parse ${fmt(b.columns.parse.median, 2)}, unpack + fold ${fmt(b.columns.fold.median, 2)}); through a store: objects ${fmt(b.objects.store?.median ?? NaN, 2)}, columns ${fmt(b.columns.store?.median ?? NaN, 2)}`,
    );
  }
  const temp = mkdtempSync(join(tmpdir(), 'email-responses-bench-'));
  let bench: Bench | undefined;
  let server: Awaited<ReturnType<typeof servePages>> | undefined;
  try {
    if (only.has('bundle')) {
      noteLoad('bundle');
      results.bundle = await buildIife(join(temp, 'iife'));
      log(
        `bundle: ${results.bundle.file} ${(results.bundle.bytes / 1000).toFixed(1)} kB, ${(results.bundle.gzipBytes / 1000).toFixed(1)} kB gzip`,
      );
    }
    const browserSections = (['store', 'cold', 'snapshot', 'updates', 'scroll'] as const).filter((s) => only.has(s));
    if (browserSections.length > 0 || only.has('firefox')) {
      noteLoad('build pages');
      await buildPages(join(temp, 'pages'));
      server = await servePages(PAGES, join(temp, 'pages'));
      log(`pages built and served at ${server.origin}`);
    }
    if (server && browserSections.length > 0) {
      bench = await launch();
      results.machine.chromium = bench.version;
      log(`Chromium ${bench.version}`);
      if (only.has('store')) await runStore(bench, server.origin);
      if (only.has('cold')) await runCold(bench, server.origin);
      if (only.has('snapshot')) {
        noteLoad('snapshot');
        (results.columnar ??= {}).snapshot = await runSnapshot(
          bench,
          server.origin,
          config.snapshot.rows,
          config.runs,
          log,
          (runSeconds) => roomForAnotherRun('snapshot', runSeconds),
        );
      }
      if (only.has('updates')) await runUpdates(bench, server.origin);
      if (only.has('scroll')) await runScroll(bench, server.origin);
    }
    if (server && only.has('firefox')) {
      noteLoad('firefox');
      results.firefox = await runFirefoxSection({
        origin: server.origin,
        config,
        log,
        another: (runSeconds) => roomForAnotherRun('firefox', runSeconds),
        problems: results.problems,
      });
    }
  } finally {
    if (bench) {
      results.problems.push(...new Set(bench.problems));
      await bench.close();
    }
    await server?.close();
    rmSync(temp, { recursive: true, force: true });
  }
  results.finishedAt = new Date().toISOString();
  results.seconds = Math.round((Date.now() - started) / 1000);
  const markdown = renderMarkdown(results);
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(ROOT, 'bench/results.md'), markdown);
  console.log(`\n${markdown}`);
  log(`done in ${results.seconds} s: bench/results.json, bench/results.md`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
