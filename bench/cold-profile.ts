// Where the cold start's time goes (issue 16 §1): populates the bench's cold cache once, then
// opens the cold page under the V8 sampling profiler (or a trace) and prints the main thread's
// time by function, self and inclusive, beside the page's own figures.
// `node --import tsx bench/cold-profile.ts [rows] [profile|trace|plain|timeline] [runs]`: `plain`
// runs the cold start `runs` times with no profiler (each with its raw read), to compare checkouts;
// `timeline` prints, from store creation, when each script chunk loaded and each performance mark
// the page's code set (add `performance.mark` calls where the question is).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launch } from './harness/browser';
import { PAGES, buildPages } from './harness/build';
import { servePages } from './harness/server';
import { report, traceReport, type Profile, type TraceEvent } from './profile-report';
import type { ColdStats } from './pages/shared/bench-api';

const rows = Number(process.argv[2] ?? 1_000_000);
const mode = process.argv[3] ?? 'profile';
const runs = Number(process.argv[4] ?? 1);
const out = mkdtempSync(join(tmpdir(), 'cold-profile-'));
await buildPages(out, process.env.BENCH_MINIFY !== '0');
const server = await servePages(PAGES, out);
const bench = await launch();
const db = `cold-profile-${rows}`;
const newTab = process.env.BENCH_NEW_TAB === '1';
const line = (s: ColdStats) =>
  `first rows ${s.firstRowsMs.toFixed(0)} ms, all rows ${s.allRowsMs.toFixed(0)} ms, rowsReady ${s.rowsReadyMs?.toFixed(0)} ms, ready ${s.readyMs.toFixed(0)} ms, eventsReady ${s.eventsReadyMs?.toFixed(0)} ms`;
try {
  let page = await bench.open(`${server.origin}/cold.html`);
  await page.waitForFunction(() => window.coldBench !== undefined);
  const populated = await page.evaluate(([n, name]) => window.coldBench!.populate(n, name), [rows, db] as const);
  console.log(`populated ${populated.events} events in ${(populated.ms / 1000).toFixed(1)} s`);
  await page.close();
  let tab: { page: Page; cdp: CDPSession } | undefined;
  for (let run = 0; run < runs; run++) {
    // One tab for every run, each cold start a navigation of it, as `npm run bench` measures
    // (bench/harness/main.ts says why); BENCH_NEW_TAB=1 opens a tab for each run instead.
    if (newTab || !tab) {
      const opened = await bench.context.newPage();
      tab = { page: opened, cdp: await bench.context.newCDPSession(opened) };
      if (!newTab) await opened.waitForTimeout(2000);
    }
    page = tab.page;
    const cdp = tab.cdp;
    const url = `${server.origin}/cold.html?measure=${db}&rows=${rows}`;
    if (mode === 'trace') {
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', {
        categories: process.env.CATS ?? 'devtools.timeline,blink,toplevel,v8',
        transferMode: 'ReportEvents',
      } as never);
      await page.goto(url);
      await page.waitForSelector('html[data-all-rows]', { state: 'attached', timeout: 120_000 });
      await cdp.send('Tracing.end');
      const stats: ColdStats = await page.evaluate(() => window.coldBench!.coldStart!);
      await complete;
      console.log(line(stats));
      traceReport(events);
    } else if (mode === 'profile') {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
      await page.goto(url);
      // Up to every row painted only (the goal's figure); the log's idle reads come after. With
      // PROFILE_UNTIL=first, up to the first rows painted.
      await page.waitForSelector(`html[data-${process.env.PROFILE_UNTIL === 'first' ? 'first' : 'all'}-rows]`, {
        state: 'attached',
        timeout: 120_000,
      });
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const stats: ColdStats = await page.evaluate(() => window.coldBench!.coldStart!);
      console.log(line(stats));
      report(profile);
    } else if (mode === 'timeline') {
      await page.goto(url);
      await page.waitForSelector('html[data-all-rows]', { state: 'attached', timeout: 120_000 });
      const stats: ColdStats = await page.evaluate(() => window.coldBench!.coldStart!);
      const entries = await page.evaluate(() =>
        [...performance.getEntriesByType('resource'), ...performance.getEntriesByType('mark')].map((e) => ({
          name: e.name.split('/').pop()!,
          start: e.startTime,
          end: e.entryType === 'resource' ? (e as PerformanceResourceTiming).responseEnd : e.startTime,
        })),
      );
      console.log(line(stats), 'storeAt', stats.storeAt.toFixed(0));
      for (const e of entries.sort((a, b) => a.start - b.start))
        console.log(
          `${(e.start - stats.storeAt).toFixed(1).padStart(8)} ${(e.end - stats.storeAt).toFixed(1).padStart(8)}  ${e.name}`,
        );
    } else {
      // The main thread's busy time to every row painted: steadier than the wall time under load.
      await cdp.send('Performance.enable');
      await page.goto(url);
      await page.waitForSelector('html[data-all-rows]', { state: 'attached', timeout: 120_000 });
      const { metrics } = await cdp.send('Performance.getMetrics');
      const busy = (metric: string) => Math.round((metrics.find((m) => m.name === metric)?.value ?? NaN) * 1000);
      const stats: ColdStats = await page.evaluate(() => window.coldBench!.coldStart!);
      console.log(`main thread busy to all rows: ${busy('TaskDuration')} ms (script ${busy('ScriptDuration')} ms)`);
      if (newTab) await page.close();
      const rawPage = newTab ? await bench.open(`${server.origin}/cold.html`) : page;
      if (!newTab) await rawPage.goto(`${server.origin}/cold.html`);
      await rawPage.waitForFunction(() => window.coldBench !== undefined);
      const raw = await rawPage.evaluate((name) => window.coldBench!.rawRead(name), db);
      if (newTab) await rawPage.close();
      console.log(
        `${line(stats)}; raw read ${raw.rowsMs.toFixed(0)} ms; all/raw ${(stats.allRowsMs / raw.rowsMs).toFixed(2)}`,
      );
      continue;
    }
    if (newTab) await page.close();
  }
} finally {
  await bench.close();
  await server.close();
}
