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

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

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

function report(profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node: Node) => {
    const file = node.callFrame.url.split('/').pop() ?? '';
    return `${node.callFrame.functionName || '(anon)'} ${file}:${node.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    all += dt;
    let node = byId.get(profile.samples[i]!)!;
    self.set(name(node), (self.get(name(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (;;) {
      const key = name(node);
      if (!seen.has(key)) {
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + dt);
      }
      const up = parent.get(node.id);
      if (up === undefined) break;
      node = byId.get(up)!;
    }
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${key}`)
      .join('\n');
  console.log(`profiled ${all.toFixed(0)} ms\n-- self --\n${top(self, 45)}\n-- inclusive --\n${top(total, 70)}`);
}

/** Each thread's busy time by event name (self time: minus the events nested in it). */
function traceReport(events: TraceEvent[]): void {
  const threadName = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}.${e.tid}`, e.args?.name ?? '');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}.${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(e);
  }
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const stack: { e: TraceEvent; child: number }[] = [];
    let top = 0;
    const pop = () => {
      const done = stack.pop()!;
      self.set(done.e.name, (self.get(done.e.name) ?? 0) + (done.e.dur! - done.child) / 1000);
    };
    for (const e of list) {
      while (stack.length > 0 && stack.at(-1)!.e.ts + stack.at(-1)!.e.dur! <= e.ts) pop();
      if (stack.length > 0) stack.at(-1)!.child += e.dur!;
      else top += e.dur! / 1000;
      stack.push({ e, child: 0 });
    }
    while (stack.length > 0) pop();
    if (top < 200) continue;
    const lines = [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${name}`);
    console.log(`-- thread ${threadName.get(key) ?? key}: busy ${top.toFixed(0)} ms --\n${lines.join('\n')}`);
  }
}
