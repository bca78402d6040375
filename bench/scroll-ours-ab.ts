// Scratch tool (issue 16 §2): the bench's scroll section for our grid alone (mount, heap with two
// GCs, equal pixels then equal rows), to compare two checkouts run alternately in one session.
// Usage: npx tsx bench/scroll-ours-ab.ts [sizes=100000,1000000]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, within } from './harness/browser';
import { PAGES, buildPages } from './harness/build';
import { servePages } from './harness/server';

const sizes = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
const temp = mkdtempSync(join(tmpdir(), 'scroll-ab-'));
await buildPages(join(temp, 'pages'));
const server = await servePages(PAGES, join(temp, 'pages'));
const bench = await launch();
try {
  for (const rows of sizes) {
    const page = await bench.open(`${server.origin}/ours.html`);
    await page.waitForFunction(() => window.gridBench !== undefined);
    await bench.heap(page);
    await within(
      240_000,
      'mount',
      page.evaluate((n) => window.gridBench!.mount(n), rows),
    );
    await bench.heap(page);
    for (const match of ['pixels', 'rows'] as const) {
      await page.evaluate((o) => window.gridBench!.prepareScroll(o), { seconds: 2, step: 240, match });
      const s = await page.evaluate(() => window.gridBench!.runScroll());
      console.log(
        `${rows} ${match}: p50 ${s.frames.p50.toFixed(1)} p95 ${s.frames.p95.toFixed(1)} long ${s.frames.longTasks.count} max ${s.frames.longTasks.maxMs.toFixed(0)} total ${s.frames.longTasks.totalMs.toFixed(0)}`,
      );
    }
    await page.close();
  }
} finally {
  await bench.close();
  await server.close();
}
