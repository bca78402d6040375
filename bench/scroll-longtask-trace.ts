// Scratch tool (issue 16 §2): mounts our grid like the bench's scroll section, then records a
// Chrome trace of the first scroll window and prints every task over 50 ms with what was in it.
// Usage: npx tsx bench/scroll-longtask-trace.ts [rows=1000000] [outDir]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './harness/browser';
import { PAGES, buildPages } from './harness/build';
import { servePages } from './harness/server';

const rows = Number(process.argv[2] ?? 1_000_000);
const out = process.argv[3] ?? mkdtempSync(join(tmpdir(), 'scroll-trace-'));

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: Record<string, unknown>;
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self and total time per function among the samples in [from, to), the trace's clock (µs). */
function samplesIn(profile: Profile, from: number, to: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let t = profile.startTime;
  let count = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    if (t < from || t >= to) continue;
    count++;
    const leaf = byId.get(profile.samples[i]!)!;
    const name = (n: typeof leaf) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const k = name(byId.get(id)!);
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + 1);
      seen.add(k);
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `    ${v} ${k}`)
      .join('\n');
  return `  samples ${count}\n  self:\n${top(self)}\n  total:\n${top(total)}`;
}

const temp = mkdtempSync(join(tmpdir(), 'scroll-trace-pages-'));
await buildPages(join(temp, 'pages'), false);
const server = await servePages(PAGES, join(temp, 'pages'));
const bench = await launch();
try {
  const page = await bench.open(`${server.origin}/ours.html`);
  await page.waitForFunction(() => window.gridBench !== undefined);
  await bench.heap(page);
  const info = await page.evaluate((n) => window.gridBench!.mount(n), rows);
  await bench.heap(page);
  console.log(`mounted ${rows} in ${(info.mountMs / 1000).toFixed(1)} s`);
  const options = { seconds: 2, step: 240, match: 'pixels' as const };
  await page.evaluate((o) => window.gridBench!.prepareScroll(o), options);
  const cdp = await bench.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.stack',
        'disabled-by-default-v8.gc',
        'v8',
        'v8.execute',
        'disabled-by-default-v8.gc',
        'blink.user_timing',
        'toplevel',
      ],
    },
  });
  const stats = await page.evaluate(() => window.gridBench!.runScroll());
  await cdp.send('Tracing.end');
  await done;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  writeFileSync(join(out, `profile-${rows}.cpuprofile`), JSON.stringify(profile));
  console.log(
    `scroll: p50 ${stats.frames.p50.toFixed(1)} p95 ${stats.frames.p95.toFixed(1)} long tasks ${stats.frames.longTasks.count} max ${stats.frames.longTasks.maxMs.toFixed(0)}`,
  );
  writeFileSync(join(out, `trace-${rows}.json`), JSON.stringify({ traceEvents: events }));
  console.log(`trace: ${join(out, `trace-${rows}.json`)}`);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    console.log(`\nTASK ${(task.dur! / 1000).toFixed(1)} ms at ${task.ts}`);
    console.log(samplesIn(profile, task.ts, end));
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts < end && (e.dur ?? 0) > 2_000);
    for (const e of inside.sort((a, b) => a.ts - b.ts)) {
      const data = (e.args?.data ?? e.args ?? {}) as Record<string, unknown>;
      const what = data.functionName ?? data.url ?? data.type ?? data.usedHeapSizeBefore ?? '';
      console.log(
        `  +${((e.ts - task.ts) / 1000).toFixed(1)} ${e.name} ${(e.dur! / 1000).toFixed(1)} ms ${String(what).slice(0, 80)} ${JSON.stringify(e.args ?? {}).slice(0, 160)}`,
      );
    }
  }
  const gcs = onMain.filter((e) => /GC|MajorGC|MinorGC|V8.GC/.test(e.name) && (e.dur ?? 0) > 5_000);
  console.log(`\nGC events over 5 ms in the window: ${gcs.length}`);
  for (const g of gcs)
    console.log(`  ${g.name} ${(g.dur! / 1000).toFixed(1)} ms ${JSON.stringify(g.args ?? {}).slice(0, 200)}`);
} finally {
  await bench.close();
  await server.close();
}
