// Where the snapshot figure's time goes (issue 16 §3): loads the bench's snapshot page once under
// the V8 sampling profiler and prints the main thread's time by function, self and inclusive.
// `node --import tsx bench/snapshot-profile.ts [rows] [objects|columns] [profile|trace|metrics]`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './harness/browser';
import { PAGES, buildPages } from './harness/build';
import { servePages } from './harness/server';
import type { SnapshotOptions, SnapshotStats } from './pages/shared/snapshot-api';
import { report, traceReport, type Profile, type TraceEvent } from './profile-report';

const rows = Number(process.argv[2] ?? 1_000_000);
const format = (process.argv[3] ?? 'columns') as SnapshotOptions['format'];
const mode = process.argv[4] ?? 'profile';
const out = mkdtempSync(join(tmpdir(), 'snapshot-profile-'));
await buildPages(out, false);
const server = await servePages(PAGES, out);
const bench = await launch();
try {
  const page = await bench.open(`${server.origin}/snapshot.html`);
  await page.waitForFunction(() => window.snapshotBench !== undefined);
  const cdp = await bench.context.newCDPSession(page);
  if (mode === 'metrics') {
    // The main thread's busy time (seconds in Chromium's metrics): steadier than the wall time
    // on a loaded machine, where the page waits for a core as much as it works.
    await cdp.send('Performance.enable');
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    };
    const before = await read();
    const stats: SnapshotStats = await page.evaluate((options) => window.snapshotBench!.load(options), {
      rows,
      format,
    });
    const after = await read();
    const busy = (name: string) => Math.round((after[name]! - before[name]!) * 1000);
    console.log(
      `${format} ${rows}: all rows shown ${stats.allRowsMs.toFixed(0)} ms; main thread busy ${busy('TaskDuration')} ms (script ${busy('ScriptDuration')}, layout ${busy('LayoutDuration')}, style ${busy('RecalcStyleDuration')})`,
    );
  } else if (mode === 'trace') {
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      categories: process.env.CATS ?? 'devtools.timeline,blink,toplevel',
      transferMode: 'ReportEvents',
    } as never);
    const stats: SnapshotStats = await page.evaluate((options) => window.snapshotBench!.load(options), {
      rows,
      format,
    });
    await cdp.send('Tracing.end');
    await complete;
    console.log(JSON.stringify(stats));
    traceReport(events);
  } else {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    const stats: SnapshotStats = await page.evaluate((options) => window.snapshotBench!.load(options), {
      rows,
      format,
    });
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    console.log(JSON.stringify(stats));
    report(profile);
  }
} finally {
  await bench.close();
  await server.close();
}
