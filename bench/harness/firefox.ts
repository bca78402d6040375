// The `firefox` section: the figures at 100,000 recipients that a Firefox user feels most (ingest
// with the cache writing through, first rows painted, update-to-paint, and the restore from the
// cache) measured in Debian's firefox-esr and in Chromium, on the same pages in the same run,
// and given as the ratio Firefox/Chromium (above 1: Firefox is slower).
//
// Both browsers are driven by puppeteer-core here, Chromium over CDP and Firefox over WebDriver
// BiDi, so the ratio compares browsers, not drivers: playwright-core drives Firefox only with a
// patched build of its own, which we never download. Without a Firefox the section says so in
// the results and measures nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { ColdStats, IngestStats, MountInfo, UpdateStats } from '../pages/shared/bench-api';
import { spread } from '../pages/shared/stats';
// @ts-expect-error: plain .mjs scripts without declarations; their exports are typed below.
import { CHROMIUM_ARGS as ARGS, findChromium as chromium } from '../../scripts/chromium.mjs';
// @ts-expect-error: as above.
import { FIREFOX_PREFS as PREFS, findFirefox as firefox } from '../../scripts/firefox.mjs';
import { within } from './browser';
import type { BenchConfig } from './config';

const CHROMIUM_ARGS = ARGS as string[];
const FIREFOX_PREFS = PREFS as Record<string, unknown>;
const findChromium = chromium as () => string | undefined;
const findFirefox = firefox as () => string | undefined;

export type BrowserName = 'chromium' | 'firefox';
const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];
const ROWS = 100_000;

/** One browser's figures, one entry per run. */
export interface BrowserFigures {
  version: string;
  /** store.html: the ingest config's events over 100,000 recipients, IndexedDB writing through. */
  ingest: IngestStats[];
  /** ours.html: our grid mounted with 100,000 recipients (to the first rows painted). */
  mount: MountInfo[];
  /** ours.html: 10,000 updates/s over those rows. */
  updates: UpdateStats[];
  /** cold.html: a page reopened on a cache of 100,000 rows. */
  cold: ColdStats[];
}

export interface FirefoxComparison {
  browsers: Partial<Record<BrowserName, BrowserFigures>>;
  /** Why Firefox was not measured, when it was not. */
  skipped?: string;
}

interface Driven {
  name: BrowserName;
  browser: Browser;
  profile: string;
  problems: string[];
}

/** A browser with a profile on disk (IndexedDB in memory would flatter the cache figures). */
async function launch(name: BrowserName, executablePath: string, problems: string[]): Promise<Driven> {
  const profile = mkdtempSync(join(tmpdir(), `email-responses-bench-${name}-`));
  const defaultViewport = { width: 1280, height: 800 };
  const browser =
    name === 'firefox'
      ? await puppeteer.launch({
          browser: 'firefox',
          executablePath,
          headless: true,
          userDataDir: profile,
          extraPrefsFirefox: FIREFOX_PREFS,
          defaultViewport,
        })
      : await puppeteer.launch({
          executablePath,
          headless: true,
          userDataDir: profile,
          args: CHROMIUM_ARGS,
          defaultViewport,
        });
  return { name, browser, profile, problems };
}

/** A new tab, the only one: the browser's first tab and earlier ones are closed, as in browser.ts. */
async function onlyTab(driven: Driven): Promise<Page> {
  const page = await driven.browser.newPage();
  for (const other of await driven.browser.pages()) if (other !== page) await other.close();
  return page;
}

async function open(driven: Driven, url: string, api: 'gridBench' | 'storeBench' | 'coldBench'): Promise<Page> {
  const page = await onlyTab(driven);
  const where = `${new URL(url).pathname} (${driven.name})`;
  page.on('pageerror', (error) =>
    driven.problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error') driven.problems.push(`${where}: console: ${message.text()}`);
  });
  await page.goto(url);
  await page.waitForFunction(
    (name) => (window as unknown as Record<string, unknown>)[name] !== undefined,
    { timeout: 60_000 },
    api,
  );
  return page;
}

/** One run of every figure in one browser. */
async function measure(
  name: BrowserName,
  driven: Driven,
  origin: string,
  config: BenchConfig,
  run: number,
  figures: BrowserFigures,
  log: (text: string) => void,
): Promise<void> {
  let page = await open(driven, `${origin}/store.html`, 'storeBench');
  const options = { ...config.ingest, recipients: ROWS, cache: `bench-firefox-ingest-${run}` };
  const ingest = await within(
    300_000,
    `${name}: store ingest`,
    page.evaluate((o) => window.storeBench!.ingest(o), options),
  );
  await page.close();
  figures.ingest.push(ingest);

  page = await open(driven, `${origin}/ours.html`, 'gridBench');
  const mount = await within(
    240_000,
    `${name}: mounting ${ROWS} rows`,
    page.evaluate((n) => window.gridBench!.mount(n), ROWS),
  );
  figures.mount.push(mount);
  const updateOptions = {
    rate: 10_000,
    seconds: config.updates.seconds,
    drainMs: config.updates.drainMs,
    runId: `firefox-${run}`,
  };
  await within(
    120_000,
    `${name}: preparing updates`,
    page.evaluate((o) => window.gridBench!.prepareUpdates(o), updateOptions),
  );
  const updates = await within(
    120_000,
    `${name}: updates`,
    page.evaluate(() => window.gridBench!.runUpdates()),
  );
  await page.close();
  figures.updates.push(updates);

  const db = `bench-firefox-cold-${run}`;
  page = await open(driven, `${origin}/cold.html`, 'coldBench');
  await within(
    300_000,
    `${name}: populating the cache`,
    page.evaluate(([n, d]) => window.coldBench!.populate(n, d), [ROWS, db] as const),
  );
  await page.close();
  page = await onlyTab(driven);
  await page.goto(`${origin}/cold.html?measure=${db}&rows=${ROWS}`);
  await page.waitForFunction(() => window.coldBench !== undefined);
  const cold = await within(
    120_000,
    `${name}: cold start`,
    page.evaluate(() => window.coldBench!.coldStart!),
  );
  await page.close();
  figures.cold.push(cold);
  log(
    `firefox section, ${name} run ${run + 1}: ingest ${Math.round(ingest.writtenMs)} ms, first rows painted ${Math.round(mount.mountMs)} ms, ` +
      `update-to-paint p95 ${updates.paintP95.toFixed(1)} ms, cache restore ${Math.round(cold.firstRowsMs)} / ${Math.round(cold.allRowsMs)} ms`,
  );
}

/**
 * Runs the section: per run, both browsers back to back (Chromium first in even runs, Firefox in
 * odd ones), each in a fresh profile, so a noisy moment of the machine falls on both.
 * `another(seconds)` says whether one more run still fits.
 */
export async function runFirefoxSection(options: {
  origin: string;
  config: BenchConfig;
  log: (text: string) => void;
  another: (runSeconds: number) => boolean;
  problems: string[];
}): Promise<FirefoxComparison> {
  const { origin, config, log } = options;
  const paths: Record<BrowserName, string | undefined> = { chromium: findChromium(), firefox: findFirefox() };
  if (!paths.firefox) {
    const skipped = 'no Firefox (apt-get install firefox-esr, or set FIREFOX_PATH): the section measured nothing';
    log(`firefox section: ${skipped}`);
    return { browsers: {}, skipped };
  }
  const comparison: FirefoxComparison = { browsers: {} };
  const started = Date.now();
  for (let run = 0; run < config.runs; run++) {
    if (run > 0 && !options.another((Date.now() - started) / run / 1000)) break;
    // Alternate which goes first, so a browser does not always meet the machine warmer or busier.
    for (const name of run % 2 === 0 ? BROWSERS : [...BROWSERS].reverse()) {
      const driven = await launch(name, paths[name]!, options.problems);
      try {
        const version = await driven.browser.version();
        const figures = (comparison.browsers[name] ??= { version, ingest: [], mount: [], updates: [], cold: [] });
        await measure(name, driven, origin, config, run, figures, log);
      } finally {
        await driven.browser.close();
        rmSync(driven.profile, { recursive: true, force: true });
      }
    }
  }
  return comparison;
}

/** The section's table for bench/results.md: median (min–max), and the ratio of the medians. */
export function renderFirefoxSection(comparison: FirefoxComparison, config: BenchConfig): string[] {
  if (comparison.skipped) return ['## Firefox beside Chromium', `Not measured: ${comparison.skipped}.`];
  const { chromium, firefox } = comparison.browsers;
  if (!chromium || !firefox) return [];
  const at = `${ROWS.toLocaleString('en')} recipients`;
  const rows: [string, (figures: BrowserFigures) => number[]][] = [
    [
      `ingest of ${config.ingest.events.toLocaleString('en')} events over ${at}, IndexedDB writing through (ms)`,
      (f) => f.ingest.map((s) => s.writtenMs),
    ],
    [`first rows painted, our grid mounted with ${at} (ms)`, (f) => f.mount.map((s) => s.mountMs)],
    [`update-to-paint p95, ${at}, 10,000 updates/s (ms)`, (f) => f.updates.map((s) => s.paintP95)],
    [`restore from the cache, ${at}: first rows painted (ms)`, (f) => f.cold.map((s) => s.firstRowsMs)],
    [`restore from the cache, ${at}: all rows painted (ms)`, (f) => f.cold.map((s) => s.allRowsMs)],
  ];
  const cell = (values: number[]) => {
    const s = spread(values);
    const f = (n: number) => Math.round(n).toLocaleString('en');
    return s.runs.length > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
  };
  const ratio = (a: number[], b: number[]) => (spread(a).median / spread(b).median).toFixed(2);
  return [
    '## Firefox beside Chromium',
    `Chromium ${chromium.version} and Firefox ${firefox.version}, both headless, both driven by puppeteer-core ` +
      '(CDP and WebDriver BiDi), the same pages in the same run. Ratio Firefox/Chromium: above 1, Firefox is slower.',
    [
      '| figure | Chromium | Firefox | Firefox/Chromium |',
      '|---|---:|---:|---:|',
      ...rows.map(
        ([figure, read]) =>
          `| ${figure} | ${cell(read(chromium))} | ${cell(read(firefox))} | ${ratio(read(firefox), read(chromium))} |`,
      ),
    ].join('\n'),
  ];
}
