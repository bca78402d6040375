// Debian's Chromium through playwright-core, with a profile on disk: IndexedDB in an incognito
// context lives in memory, which would flatter the cache figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { MainThread } from '../pages/shared/bench-api';
// @ts-expect-error: a plain .mjs script without declarations; its two exports are typed below.
import { CHROMIUM_ARGS as ARGS, findChromium as find } from '../../scripts/chromium.mjs';

const CHROMIUM_ARGS = ARGS as string[];
const findChromium = find as () => string | undefined;

export interface Bench {
  context: BrowserContext;
  version: string;
  /** Page errors and console errors seen, for the report. */
  problems: string[];
  open(url: string): Promise<Page>;
  /** Runs `work` (a page call) and reports the main thread's busy time per second of it. */
  mainThread<T>(page: Page, work: () => Promise<T>): Promise<{ value: T; mainThread: MainThread }>;
  /** V8 heap used plus ArrayBuffer backing stores, and the DOM's (Blink's) heap, after two GCs. */
  heap(page: Page): Promise<{ js: number; dom: number }>;
  close(): Promise<void>;
}

export async function launch(): Promise<Bench> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error(
      'bench: no Chromium. As root: apt-get update && apt-get install -y chromium (or set CHROME_PATH); never a downloaded browser.',
    );
  const profile = mkdtempSync(join(tmpdir(), 'email-responses-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  for (const page of context.pages()) await page.close();
  const problems: string[] = [];
  const version = context.browser()?.version() ?? 'unknown';
  return {
    context,
    version,
    problems,
    async open(url) {
      const page = await context.newPage();
      const where = new URL(url).pathname;
      page.on('pageerror', (error) => problems.push(`${where}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${where}: console: ${message.text()}`);
      });
      await page.goto(url);
      return page;
    },
    async mainThread(page, work) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const read = async () => {
        const { metrics } = (await cdp.send('Performance.getMetrics')) as {
          metrics: { name: string; value: number }[];
        };
        const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
        return {
          task: get('TaskDuration'),
          script: get('ScriptDuration'),
          style: get('RecalcStyleDuration'),
          layout: get('LayoutDuration'),
          at: performance.now(),
        };
      };
      const before = await read();
      const value = await work();
      const after = await read();
      await cdp.detach();
      // The metrics are seconds of busy time; per second of wall time, in ms.
      const per = (b: number, a: number) => ((a - b) * 1000) / ((after.at - before.at) / 1000);
      return {
        value,
        mainThread: {
          taskMs: per(before.task, after.task),
          scriptMs: per(before.script, after.script),
          styleMs: per(before.style, after.style),
          layoutMs: per(before.layout, after.layout),
        },
      };
    },
    async heap(page) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = (await cdp.send('Runtime.getHeapUsage')) as {
        usedSize: number;
        embedderHeapUsedSize?: number;
        backingStorageSize?: number;
      };
      await cdp.detach();
      return { js: usage.usedSize + (usage.backingStorageSize ?? 0), dom: usage.embedderHeapUsedSize ?? 0 };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs `work` with a deadline, so one stuck page cannot hold the whole benchmark. */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: ${what} took more than ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
