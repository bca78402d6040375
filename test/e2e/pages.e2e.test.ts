// End to end, in Debian's Chromium driven by playwright-core, under Node's test runner:
//   npm run test:e2e      (scripts/test-e2e.mjs: node --import tsx --test test/e2e/*.e2e.test.ts)
//
// 1. The QA demo (index.html + demo/main.ts on the in-page msw backend), built with
//    `vite build --mode demo` and served by `vite preview` in a child process: live status, the
//    grid, the summary, a row click into the timeline, hostile names as text, a second tab that
//    follows while the first leads and shows the leader's clock (a jump in either tab moves both),
//    the view switches (language, time zone, theme, direction: keyboard, URL), and issue 13's
//    matrix (view-checks.ts) at 320, 390, 768 and 1440 px, light and dark, ltr and rtl.
// 2. The CRM-like embed page (demo/embed.html: dist/email-responses.iife.js and the CRM's own
//    demo/embed-crm.js), served with a strict CSP by scripts/serve-embed.ts: the same basics, the
//    grid's rows laid out after a scroll, no console errors, no CSP violations, no script but those,
//    and a check that the CSP really is enforced (an injected inline script is refused and seen).
//    Its switches, row click and matrix are in views-anywhere.e2e.test.ts.
// Screenshots go to test-results/. Every wait is for a condition, with a timeout; the browser,
// the preview server and the embed server are closed in `after` hooks whatever happened.
//
// Named *.e2e.test.ts: web-test-runner leaves it out, and scripts/test-e2e.mjs runs it.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { EMBED_CSP, startEmbedServer, type EmbedServer } from '../../scripts/serve-embed';
import { checkCombination, DIRS, SCHEMES, showCombination, WIDTHS } from './view-checks';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS = join(ROOT, 'test-results');
const IIFE = join(ROOT, 'dist', 'email-responses.iife.js');
const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

interface ChromiumModule {
  findChromium(): string | undefined;
  CHROMIUM_ARGS: string[];
}
// A computed specifier: scripts/chromium.mjs has no type declarations.
const chromiumModule = pathToFileURL(join(ROOT, 'scripts', 'chromium.mjs')).href;
const { findChromium, CHROMIUM_ARGS } = (await import(chromiumModule)) as ChromiumModule;

/** Generous: other test runs share these two cores. */
const WAIT_MS = 40_000;
const TEST_MS = 60_000;
const HOOK_MS = 90_000;
const CLOSE_MS = 20_000;
const VIEWPORT = { width: 1400, height: 1000 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const BASE_HEADERS = ['Contact', 'Email address', 'Response', 'Opens', 'Clicks', 'Last response'];
/** Contact names from the campaign's showcase (demo/backend/contacts.ts) that would run as markup. */
const HOSTILE = [
  { search: 'onerror', name: '<img src=x onerror=alert(1)>' },
  { search: 'cookie', name: '"><script>alert(document.cookie)</script>' },
];

const GRID = 'audience-response-grid';
const ROWS = `${GRID} [role=row].row`;

// ---------------------------------------------------------------------------------------------
// Helpers

/** Polls `probe` until `ok` holds; fails with the last value seen. */
async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await probe();
      error = undefined;
      if (ok(last)) return last;
    } catch (caught) {
      error = caught;
    }
    if (Date.now() >= deadline) {
      const seen = JSON.stringify(last)?.slice(0, 400);
      const why = error instanceof Error ? ` (last error: ${error.message.split('\n')[0]})` : '';
      assert.fail(`${what}: not reached within ${timeoutMs} ms; last seen: ${seen}${why}`);
    }
    await delay(250);
  }
}

/** Resolves within `ms` or gives up quietly: for clean-up that must not hang an `after` hook. */
async function within(ms: number, work: Promise<unknown> | undefined): Promise<void> {
  if (!work) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([work.catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  csp: string[];
  scripts: string[];
}

/** Records what a page says and loads; call before its first navigation. */
async function watchPage(page: Page): Promise<PageLog> {
  const log: PageLog = { consoleErrors: [], pageErrors: [], dialogs: [], csp: [], scripts: [] };
  page.setDefaultTimeout(WAIT_MS);
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => log.pageErrors.push(error.message));
  // A name that ran as script would open one: record it and get it out of the way.
  page.on('dialog', (dialog) => {
    log.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('request', (request) => {
    if (request.resourceType() === 'script') log.scripts.push(request.url());
  });
  // Both run through the DevTools protocol, so the page's CSP does not apply to them.
  await page.exposeFunction('__e2eCspViolation', (text: string) => void log.csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { __e2eCspViolation?: (text: string) => void }).__e2eCspViolation;
        // The element itself, inside whatever shadow root, and its host. (No named functions in
        // here: tsx would wrap them in a helper that the page does not have.)
        const target = event.composedPath()[0];
        const root = target instanceof Node ? target.getRootNode() : undefined;
        const part = target instanceof Element ? target.getAttribute('part') : null;
        const where =
          (target instanceof Element ? `<${target.localName}${part ? ` part="${part}"` : ''}>` : '') +
          (root instanceof ShadowRoot ? ` in <${root.host.localName}>` : '');
        report?.(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}${where ? ` at ${where}` : ''}${event.sample ? `: ${event.sample}` : ''}`,
        );
      },
      true,
    );
  });
  return log;
}

async function screenshot(page: Page | undefined, name: string): Promise<void> {
  if (!page || page.isClosed()) return;
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, name), fullPage: true, timeout: 20_000 });
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Builds dist/ when the IIFE is missing (an existing build is used as it is). */
function ensureBuilt(): void {
  if (existsSync(IIFE)) return;
  for (const mode of ['es', 'iife']) {
    const result = spawnSync(process.execPath, [VITE_BIN, 'build', '--mode', mode], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (result.status !== 0) {
      throw new Error(
        `vite build --mode ${mode} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`,
      );
    }
  }
  assert.ok(existsSync(IIFE), 'the build wrote no dist/email-responses.iife.js');
}

interface DevServer {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/**
 * The built demo served by `vite preview`, in its own process group (so that stopping it stops
 * whatever it started).
 */
async function startDevServer(): Promise<DevServer> {
  // The demo as it ships: built (`vite build --mode demo` into dist-demo/) and served as files.
  const built = spawnSync(process.execPath, [VITE_BIN, 'build', '--mode', 'demo', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (built.status !== 0)
    throw new Error(
      `vite build --mode demo failed (${built.error?.message ?? `exit ${built.status}`}):\n${built.stdout}\n${built.stderr}`,
    );
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      VITE_BIN,
      'preview',
      '--config',
      'test/e2e/vite.config.ts',
      '--mode',
      'demo',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0' },
    },
  );
  devChildren.add(child);
  child.once('exit', () => devChildren.delete(child));
  let text = '';
  const keep = (chunk: Buffer) => (text = (text + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}/`;
  await eventually(
    `the demo served by vite preview at ${url}`,
    async () => {
      if (child.exitCode !== null) throw new Error(`vite exited with ${child.exitCode}: ${text}`);
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      return response.status;
    },
    (status) => status === 200,
    60_000,
  );
  return { url, child, output: () => text };
}

const devChildren = new Set<ChildProcess>();

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      try {
        child.kill(name);
      } catch {
        // Already gone.
      }
    }
  };
  signal('SIGTERM');
  await within(8000, exited);
  if (child.exitCode === null && child.signalCode === null) {
    signal('SIGKILL');
    await within(5000, exited);
  }
}

// Should the runner die before the `after` hooks, leave no dev server behind.
process.once('exit', () => {
  for (const child of devChildren) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

function normalise(texts: string[]): string[] {
  return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Each distinct text once, with its count: short failure messages for repeated errors. */
function tally(texts: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const full of texts) {
    // Chromium's CSP messages differ only by the hash of what was refused.
    const text = full.replace(/'sha256-[^']*'/g, "'sha256-…'").slice(0, 300);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, n]) => (n > 1 ? `${n}× ${text}` : text));
}

/** Two animation frames: whatever the page had queued has rendered. */
async function frames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

async function headers(page: Page): Promise<string[]> {
  return normalise(await page.locator(`${GRID} [role=columnheader]`).allTextContents());
}

/** Waits for the grid to show at least `count` rows; returns how many. */
async function gridRows(page: Page, count = 10): Promise<number> {
  return await eventually(
    'the grid shows rows',
    () => page.locator(ROWS).count(),
    (n) => n >= count,
  );
}

/** The summary's Sent card and its figures, once it shows a recipient count above zero. */
async function summaryFigures(page: Page): Promise<{ totals: string; counts: string[] }> {
  return await eventually(
    'the summary shows figures',
    async () => ({
      totals: normalise(await page.locator('response-summary [data-figure=sent]').allTextContents()).join(' '),
      counts: normalise(await page.locator('response-summary [part~=card-value]').allTextContents()),
    }),
    ({ totals, counts }) => /[1-9]/.test(totals) && counts.some((count) => /[1-9]/.test(count)),
  );
}

/** Searches the grid for each hostile name: it shows as text, no element or dialog comes of it. */
async function hostileNamesAreText(page: Page, log: PageLog): Promise<void> {
  const search = page.locator(`${GRID} [part~=search]`);
  for (const { search: term, name } of HOSTILE) {
    await search.fill(term);
    const cell = page.locator(`${GRID} [role=gridcell]`).getByText(name, { exact: true });
    await cell.first().waitFor({ state: 'visible', timeout: WAIT_MS });
  }
  assert.equal(await page.locator(`${GRID} img`).count(), 0, 'a name became an <img> in the grid');
  assert.equal(await page.locator(`${GRID} [role=gridcell] script`).count(), 0, 'a name became a <script> in the grid');
  await search.fill('');
  await gridRows(page);
  assert.deepEqual(log.dialogs, [], 'a name ran as script and opened a dialog');
}

// ---------------------------------------------------------------------------------------------

let browser: Browser | undefined;

before(
  async () => {
    mkdirSync(RESULTS, { recursive: true });
    ensureBuilt();
    const executablePath = findChromium();
    if (!executablePath) {
      throw new Error(
        'no Chromium: apt-get update && apt-get install -y chromium (as root), or set CHROME_PATH; `node scripts/test-e2e.mjs` installs it',
      );
    }
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  },
  { timeout: 200_000 },
);

after(
  async () => {
    await within(CLOSE_MS, browser?.close());
  },
  { timeout: CLOSE_MS + 5000 },
);

describe('the QA demo on its in-page mock backend', { timeout: 900_000 }, () => {
  let dev: DevServer | undefined;
  let context: BrowserContext | undefined;
  let first: Page | undefined;
  let firstLog: PageLog | undefined;
  let second: Page | undefined;
  let secondLog: PageLog | undefined;
  const shots = new Set<string>();
  const page = () => {
    assert.ok(first, 'the demo page did not open');
    return first;
  };

  before(
    async () => {
      dev = await startDevServer();
      context = await browser!.newContext({ viewport: VIEWPORT });
      first = await context.newPage();
      firstLog = await watchPage(first);
      await first.goto(dev.url, { waitUntil: 'load', timeout: 60_000 });
    },
    { timeout: HOOK_MS },
  );

  after(
    async () => {
      // The screenshots a failed run did not get to, for the post-mortem.
      if (!shots.has('demo.png')) await within(CLOSE_MS, screenshot(first, 'demo.png'));
      if (second && !shots.has('demo-second-tab.png'))
        await within(CLOSE_MS, screenshot(second, 'demo-second-tab.png'));
      await within(CLOSE_MS, context?.close());
      await stopChild(dev?.child);
    },
    { timeout: 3 * CLOSE_MS + 20_000 },
  );

  it('reaches live, as the tab leader', { timeout: TEST_MS }, async () => {
    const status = page().locator('#status');
    await eventually(
      'the status line says live, tab leader',
      () => status.textContent(),
      (text) => /^live · tab leader · /.test(text ?? ''),
    );
  });

  it(
    "goes live again as soon as Offline is switched off, not at its backoff's next step",
    { timeout: TEST_MS },
    async () => {
      const p = page();
      const offline = p.locator('input[name=offline]');
      const status = p.locator('#status');
      /** The store's connection, and how long until its next attempt (ms). */
      const connection = () =>
        p.evaluate(() => {
          const store = (
            document.querySelector('email-responses') as unknown as {
              store: { connection: { state: string }; nextRetryAt: number | undefined };
            }
          ).store;
          return { state: store.connection.state, wait: (store.nextRetryAt ?? Date.now()) - Date.now() };
        });
      const errorsBefore = firstLog!.consoleErrors.length;
      await offline.check();
      // Offline until the backoff has grown past what the check below allows.
      await eventually(
        'the stream waits 4 s or more before its next attempt',
        connection,
        ({ state, wait }) => state === 'retrying' && wait >= 4000,
        30_000,
      );
      await offline.uncheck();
      await eventually(
        'the status line says live again',
        () => status.textContent(),
        (text) => /^live · /.test(text ?? ''),
        3000,
      );
      // While offline, Chromium logs each refused request itself; any other error still counts.
      const logged = firstLog!.consoleErrors;
      const kept = logged.slice(errorsBefore).filter((text) => text !== 'Failed to load resource: net::ERR_FAILED');
      logged.splice(errorsBefore, logged.length - errorsBefore, ...kept);
    },
  );

  it("loads the email's snapshot on demand: every recipient, in the status line", { timeout: TEST_MS }, async () => {
    const p = page();
    await p.locator('button[name=snapshot]').click();
    const text = await eventually(
      'the status line says what the snapshot brought',
      () => p.locator('#status').textContent(),
      (line) => / · snapshot of spring-sale: /.test(line ?? ''),
    );
    assert.match(text ?? '', / · snapshot of spring-sale: 1,000 recipients in [\d.]+ s, \d+ conflicts$/);
  });

  it('shows the grid with its headers and rows', { timeout: TEST_MS }, async () => {
    await gridRows(page());
    // The demo adds the optional columns (columns="provider email-type") after the six.
    assert.deepEqual(await headers(page()), [...BASE_HEADERS, 'Provider', 'Email type']);
    const cells = normalise(await page().locator(ROWS).first().locator('[role=gridcell]').allTextContents());
    assert.equal(cells.length, 8, `a row has a cell per column: ${JSON.stringify(cells)}`);
    assert.notEqual(cells[2], '', 'a row shows its response');
  });

  it('shows the summary with figures', { timeout: TEST_MS }, async () => {
    const p = page();
    await summaryFigures(p);
    // The report's cards against the same figures counted row by row from the page's store, with
    // the spec's stage table written out here rather than read from the code under test. The
    // stream is live, so they are read together until one read sees the page settled.
    const seen = await eventually(
      'the report shows the figures of its email’s rows',
      () =>
        p.evaluate(() => {
          // No named functions in here: the page gets this function's text, without tsx's helpers.
          const delivered = ['delivered', 'opened-machine', 'opened', 'clicked', 'unsubscribed', 'spam-complaint'];
          const notDelivered = ['hard-bounce', 'soft-bounce', 'invalid-address', 'rejected', 'unknown'];
          const awaiting = ['sent-to-provider', 'provider-queued', 'provider-delayed'];
          const summary = document.querySelector('response-summary')!;
          const emailId = summary.getAttribute('email-id')!;
          const state = (
            document.querySelector('email-responses') as unknown as {
              store: { state: import('../../src/core/index').ResponseState };
            }
          ).store.state;
          const rows = (state.emails.get(emailId)?.order ?? []).map((row) => state.recipientAt(row));
          const inDelivered = rows.filter((r) => delivered.includes(r.response));
          const counted: Record<string, number> = {
            sent: rows.filter((r) => [...delivered, ...notDelivered, ...awaiting].includes(r.response)).length,
            delivered: inDelivered.length,
            'unique-opens': inDelivered.filter((r) => r.opens > 0 || r.clicks > 0).length,
            'unique-clicks': inDelivered.filter((r) => r.clicks > 0).length,
            'not-delivered': rows.filter((r) => notDelivered.includes(r.response)).length,
          };
          const root = summary.shadowRoot!;
          const shown: Record<string, string | undefined> = {};
          for (const key of Object.keys(counted)) {
            shown[key] = root.querySelector(`[data-figure="${key}"] [part~=card-value]`)?.textContent?.trim();
          }
          return { counted, shown };
        }),
      ({ counted, shown }) =>
        (counted.delivered ?? 0) > 0 &&
        Object.keys(counted).every((key) => shown[key] === (counted[key] ?? 0).toLocaleString('en')),
    );
    assert.equal(seen.shown.delivered, (seen.counted.delivered ?? 0).toLocaleString('en'));
    assert.equal(seen.shown['unique-opens'], (seen.counted['unique-opens'] ?? 0).toLocaleString('en'));
  });

  it('shows the summary as a report that fits: 1440 px and 390 px, light and dark', { timeout: TEST_MS }, async () => {
    const p = page();
    await summaryFigures(p);
    const summary = p.locator('response-summary');
    await eventually(
      'the report is titled with the email’s name',
      () => summary.locator('[part=title]').textContent(),
      (text) => text === 'Spring sale 2026',
    );
    // Screenshots worth reading: wait until the first clicks are in (links and the chart show).
    await eventually(
      'the report shows clicks',
      () => summary.locator('[data-figure=unique-clicks] [part~=card-value]').textContent(),
      (text) => /[1-9]/.test(text ?? ''),
    );
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        await p.emulateMedia({ colorScheme });
        for (const width of [1440, 390]) {
          await p.setViewportSize({ width, height: 900 });
          await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          const box = await summary.boundingBox();
          assert.ok(box, 'the summary has a box');
          // With the demo's 1,000 recipients and the stage lists collapsed: one viewport at most.
          if (width === 1440) assert.ok(box.height <= 900, `the summary is ${box.height} px tall at 1440 px`);
          const overflow = await p.evaluate(() => ({
            scroll: document.documentElement.scrollWidth,
            client: document.documentElement.clientWidth,
          }));
          assert.ok(
            overflow.scroll <= overflow.client,
            `the page scrolls sideways at ${width} px: ${overflow.scroll} > ${overflow.client}`,
          );
          mkdirSync(RESULTS, { recursive: true });
          await summary.screenshot({ path: join(RESULTS, `summary-${width}-${colorScheme}.png`), timeout: 20_000 });
        }
      }
    } finally {
      await p.emulateMedia({ colorScheme: 'light' });
      await p.setViewportSize(VIEWPORT);
    }
  });

  it('renders hostile contact names as text', { timeout: TEST_MS }, async () => {
    await hostileNamesAreText(page(), firstLog!);
  });

  it('shows the clicked row’s contact in the timeline', { timeout: TEST_MS }, async () => {
    const p = page();
    await gridRows(p);
    // A row with an address, to find it again in the timeline.
    const rows = p.locator(ROWS);
    let index = -1;
    let address = '';
    const count = await rows.count();
    for (let i = 0; i < count && index < 0; i++) {
      const text = normalise([(await rows.nth(i).locator('[role=gridcell]').nth(1).textContent()) ?? ''])[0]!;
      if (/^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(text)) [index, address] = [i, text];
    }
    assert.ok(index >= 0, 'no row with an address to click');
    const timeline = p.locator('contact-response-timeline');
    const before = await timeline.getAttribute('contact-id');
    await rows.nth(index).locator('[role=gridcell]').first().click();
    const contactId = await eventually(
      'the timeline gets the row’s contact',
      () => timeline.getAttribute('contact-id'),
      (id) => /^c-\d+$/.test(id ?? '') && id !== before,
    );
    const email = timeline.locator('li.email[data-email-id="spring-sale"]');
    await eventually(
      `the timeline of ${contactId} shows spring-sale to ${address}`,
      async () => normalise([(await email.textContent()) ?? ''])[0]!,
      (text) => text.includes(address),
    );
    await screenshot(p, 'demo.png');
    shots.add('demo.png');
  });

  it('a second tab follows while the first leads', { timeout: TEST_MS }, async () => {
    second = await context!.newPage();
    secondLog = await watchPage(second);
    await second.goto(dev!.url, { waitUntil: 'load', timeout: WAIT_MS });
    await eventually(
      'the second tab says tab follower',
      () => second!.locator('#status').textContent(),
      (text) => / · tab follower · /.test(text ?? ''),
    );
    // The follower applies what the leader relays.
    await gridRows(second);
    await summaryFigures(second);
    await eventually(
      'the first tab still leads',
      () => page().locator('#status').textContent(),
      (text) => /^live · tab leader · /.test(text ?? ''),
    );
    await screenshot(second, 'demo-second-tab.png');
    shots.add('demo-second-tab.png');
  });

  it('the follower shows the leader’s clock, and a jump in either tab moves both', { timeout: TEST_MS }, async () => {
    assert.ok(second, 'the second tab did not open');
    const tabs = [page(), second];
    const clocks = () =>
      Promise.all(
        tabs.map((tab) =>
          tab.evaluate(() =>
            (document.querySelector('email-responses') as unknown as { store: { now(): number } }).store.now(),
          ),
        ),
      );
    // One clock: within what the simulation moves in a few seconds (a minute a second).
    const together = ([a, b]: number[]) => Math.abs(a! - b!) < 10 * MINUTE;
    const [start] = await eventually('the tabs show one clock', clocks, together);
    await page().locator('#controls [name=jump48]').click();
    const [jumped] = await eventually(
      'the leader’s jump shows in both tabs',
      clocks,
      (now) => together(now) && now[0]! - start! >= 48 * HOUR,
    );
    // The follower's button asks the leader, whose backend feeds both.
    await second.locator('#controls [name=jump48]').click();
    await eventually(
      'the follower’s jump moves the leader’s clock, and its own',
      clocks,
      (now) => together(now) && now[0]! - jumped! >= 48 * HOUR,
    );
  });

  it(
    'switches language, time zone, theme and direction, by keyboard, and keeps them in the URL',
    { timeout: TEST_MS },
    async () => {
      const p = page();
      const select = (name: string) => p.locator(`#view-settings select[name=${name}]`);
      // Each switch is a labelled select, reached and changed with the keyboard.
      const names = await p.evaluate(() =>
        [...document.querySelectorAll<HTMLSelectElement>('#view-settings select')].map((s) =>
          (s.labels[0]?.textContent ?? '').replace(s.textContent ?? '', '').trim(),
        ),
      );
      assert.deepEqual(names, ['Language', 'Time zone', 'Theme', 'Direction']);
      await select('lang').focus();
      await p.keyboard.press('ArrowDown');
      await eventually(
        'German labels in the grid',
        () => headers(p),
        (h) => h[0] === 'Kontakt' && h[2] === 'Reaktion',
      );
      await select('tz').selectOption('UTC');
      await select('theme').selectOption('dark');
      await select('dir').selectOption('rtl');
      await frames(p);
      const seen = await p.evaluate(() => {
        const views = ['response-summary', 'audience-response-grid', 'contact-response-timeline'].map((tag) =>
          document.querySelector(tag)!,
        );
        return {
          dir: document.documentElement.dir,
          directions: views.map((view) => getComputedStyle(view).direction),
          themes: views.map((view) => view.getAttribute('theme')),
          schemes: views.map((view) => getComputedStyle(view).colorScheme),
          pageScheme: getComputedStyle(document.documentElement).colorScheme,
          locales: views.map((view) => view.getAttribute('locale')),
          zone: document.querySelector('audience-response-grid')!.getAttribute('time-zone'),
          query: Object.fromEntries(new URLSearchParams(location.search)),
        };
      });
      assert.deepEqual(seen, {
        dir: 'rtl',
        directions: ['rtl', 'rtl', 'rtl'],
        themes: ['dark', 'dark', 'dark'],
        schemes: ['dark', 'dark', 'dark'],
        pageScheme: 'dark',
        locales: ['de', 'de', 'de'],
        zone: 'UTC',
        query: { lang: 'de', tz: 'UTC', theme: 'dark', dir: 'rtl' },
      });
      await screenshot(p, 'demo-switched-de-utc-dark-rtl.png');
      for (const [name, value] of [
        ['lang', 'en'],
        ['tz', ''],
        ['theme', 'auto'],
        ['dir', 'ltr'],
      ] as const)
        await select(name).selectOption(value);
      assert.equal(new URL(p.url()).search, '');
      await eventually(
        'English labels again',
        () => headers(p),
        (h) => h[0] === 'Contact',
      );
    },
  );

  describe('at every width, scheme and direction', () => {
    // The follower has had its say (its log stays for the last test): one tab's backend is enough load.
    before(async () => {
      await within(CLOSE_MS, second?.close());
    });
    after(async () => {
      const p = first;
      if (!p || p.isClosed()) return;
      await within(CLOSE_MS, p.setViewportSize(VIEWPORT));
      await within(CLOSE_MS, p.emulateMedia({ colorScheme: 'light' }));
      await within(CLOSE_MS, p.locator('#view-settings select[name=theme]').selectOption('auto'));
      await within(CLOSE_MS, p.locator('#view-settings select[name=dir]').selectOption('ltr'));
    });
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        for (const dir of DIRS) {
          const name = `demo-${width}-${scheme}-${dir}`;
          it(name, { timeout: TEST_MS }, async () => {
            const p = page();
            await showCombination(p, { width, scheme, dir });
            await gridRows(p, 5);
            await checkCombination(p, name, { scheme, dir, card: 'body' });
          });
        }
      }
    }
  });

  it('threw no uncaught errors and logged no console errors', { timeout: TEST_MS }, () => {
    assert.ok(firstLog && secondLog, 'the tabs did not open');
    assert.deepEqual(tally(firstLog.pageErrors), [], 'uncaught errors in the first tab');
    assert.deepEqual(tally(secondLog.pageErrors), [], 'uncaught errors in the second tab');
    assert.deepEqual(tally(firstLog.consoleErrors), [], 'console errors in the first tab');
    assert.deepEqual(tally(secondLog.consoleErrors), [], 'console errors in the second tab');
  });
});

describe('the CRM embed page: one script tag, a strict CSP, a real backend', { timeout: 240_000 }, () => {
  let server: EmbedServer | undefined;
  let context: BrowserContext | undefined;
  let embed: Page | undefined;
  let log: PageLog | undefined;
  let csp: string | undefined;
  let defined = false;
  let shot = false;
  const page = () => {
    assert.ok(embed && log, 'the embed page did not open');
    return embed;
  };
  /** The page, once the IIFE has defined the elements: the later checks fail at once without them. */
  const ready = () => {
    assert.ok(defined, 'the elements are not defined on the embed page (see the first embed test); nothing to check');
    return page();
  };

  before(
    async () => {
      server = await startEmbedServer({ audience: 1000, rate: 200 });
      context = await browser!.newContext({ viewport: VIEWPORT });
      embed = await context.newPage();
      log = await watchPage(embed);
      const response = await embed.goto(server.url, { waitUntil: 'load', timeout: 60_000 });
      csp = response?.headers()['content-security-policy'];
    },
    { timeout: HOOK_MS },
  );

  after(
    async () => {
      if (!shot) await within(CLOSE_MS, screenshot(embed, 'embed.png'));
      await within(CLOSE_MS, context?.close());
      await within(CLOSE_MS, server?.close());
    },
    { timeout: 3 * CLOSE_MS + 5000 },
  );

  it(
    'is served with the strict CSP, has the IIFE and the CRM’s own script, and its elements are defined',
    { timeout: TEST_MS },
    async () => {
      const p = page();
      assert.equal(csp, EMBED_CSP);
      const scripts = await p.evaluate(() =>
        [...document.scripts].map((script) => ({ src: script.src, inline: script.text.trim() !== '' })),
      );
      // The elements' one script tag, and the CRM's own (its display switches, a row opening its contact).
      assert.deepEqual(scripts, [
        { src: new URL('dist/email-responses.iife.js', server!.url).href, inline: false },
        { src: new URL('demo/embed-crm.js', server!.url).href, inline: false },
      ]);
      // The script tag is in <head> without defer: by `load` it has run.
      const tags = ['email-responses', 'audience-response-grid', 'response-summary', 'contact-response-timeline'];
      const missing = await eventually(
        'the IIFE defines the four elements',
        () => p.evaluate((names) => names.filter((tag) => customElements.get(tag) === undefined), tags),
        (left) => left.length === 0,
        10_000,
      );
      defined = missing.length === 0;
    },
  );

  it('goes live and shows the grid, the summary and contact c-3’s timeline', { timeout: TEST_MS }, async () => {
    const p = ready();
    await eventually(
      'the store’s connection is live',
      () =>
        p.evaluate(
          () =>
            (document.querySelector('email-responses') as unknown as { store: { connection: { state: string } } }).store
              .connection.state,
        ),
      (state) => state === 'live',
    );
    await gridRows(p);
    assert.deepEqual(await headers(p), BASE_HEADERS);
    await summaryFigures(p);
    const email = p.locator('contact-response-timeline li.email[data-email-id="spring-sale"]');
    await email.waitFor({ state: 'visible', timeout: WAIT_MS });
    assert.match(normalise([(await email.textContent()) ?? ''])[0]!, /spring-sale/);
    const errors = normalise(await p.locator('[part=status][data-kind=error]').allTextContents());
    assert.deepEqual(errors, [], 'an element shows an error notice');
  });

  it('renders hostile contact names as text', { timeout: TEST_MS }, async () => {
    const p = ready();
    await hostileNamesAreText(p, log!);
    await screenshot(p, 'embed.png');
    shot = true;
  });

  // The grid places its virtual rows with inline styles: under this CSP they must still land
  // one below another. The feed is paused first, so no later live update re-renders the rows
  // and hides a first render that went wrong.
  it('lays the grid’s rows out one below another after a scroll', { timeout: TEST_MS }, async () => {
    const p = ready();
    const feed = server!.backend.feed;
    feed.rate = 0;
    try {
      await eventually(
        'the page has applied every event the paused backend sent',
        async () => [
          await p.evaluate(
            () =>
              (document.querySelector('email-responses') as unknown as { store: { state: { eventCount: number } } })
                .store.state.eventCount,
          ),
          feed.main.length,
        ],
        ([applied, sent]) => applied === sent,
      );
      await frames(p);
      await p.locator(`${GRID} [part~=grid]`).hover();
      await p.mouse.wheel(0, 20 * 36);
      await eventually(
        'the grid renders the rows scrolled to',
        () => p.locator(`${ROWS}[data-index="25"]`).count(),
        (n) => n === 1,
      );
      await frames(p);
      const rows = await p.evaluate((selector) => {
        const root = document.querySelector(selector)!.shadowRoot!;
        return [...root.querySelectorAll<HTMLElement>('[role=row].row')]
          .map((row) => ({ index: Number(row.dataset['index']), top: Math.round(row.getBoundingClientRect().top) }))
          .sort((a, b) => a.index - b.index);
      }, GRID);
      const steps = rows
        .slice(1)
        .filter((row, i) => row.index === rows[i]!.index + 1)
        .map((row, i) => `${row.index}: ${row.top - rows[i]!.top}`);
      const wrong = rows
        .slice(1)
        .flatMap((row, i) =>
          row.index === rows[i]!.index + 1 && Math.abs(row.top - rows[i]!.top - 36) > 1
            ? [`row ${row.index} is ${row.top - rows[i]!.top}px below row ${rows[i]!.index}`]
            : [],
        );
      assert.ok(steps.length >= 10, `too few consecutive rows rendered: ${JSON.stringify(rows)}`);
      assert.deepEqual(
        wrong.slice(0, 5),
        [],
        `rows are not one row height (36px) apart (${wrong.length} of ${steps.length})`,
      );
    } finally {
      feed.rate = 200;
    }
  });

  it(
    'logged no console error and no CSP violation, and loaded no script but the IIFE and the CRM’s own',
    { timeout: TEST_MS },
    () => {
      page();
      assert.deepEqual(tally(log!.csp), [], 'CSP violations');
      assert.deepEqual(tally(log!.consoleErrors), [], 'console errors');
      assert.deepEqual(tally(log!.pageErrors), [], 'uncaught errors');
      const scripts = [...new Set(log!.scripts)];
      const lazy = new URL('dist/iife/', server!.url).href;
      assert.deepEqual(
        scripts.filter((src) => !src.startsWith(lazy)),
        ['dist/email-responses.iife.js', 'demo/embed-crm.js', 'demo/view-settings.js', 'demo/german-messages.js'].map(
          (path) => new URL(path, server!.url).href,
        ),
        'scripts loaded',
      );
      // The page names a cache and tabs: the IIFE loads the cache's code (and idb, for the grid's
      // kept columns) and the tab relay as ES modules from next to itself, under the same policy.
      assert.ok(scripts.includes(`${lazy}cache.js`), 'the IIFE loads its cache part');
      assert.ok(scripts.includes(`${lazy}tab-relay.js`), 'the IIFE loads its tab relay part');
      // The three views the page shows come as parts of their own (with the chunks they share),
      // each loaded when its tag first appears.
      for (const view of ['audience-response-grid', 'contact-response-timeline', 'response-summary'])
        assert.ok(scripts.includes(`${lazy}${view}.js`), `the IIFE loads the ${view} part`);
      // It names `rules-url` too: the backend reads load for the rules.
      assert.ok(scripts.includes(`${lazy}backend.js`), 'the IIFE loads its backend reads part');
      const expected = [
        'cache.js',
        'cache-writer.js',
        'idb.js',
        'tab-relay.js',
        'backend.js',
        // The event log's columns, once a store's log holds a page (16,384) of events: a longer run may.
        'event-pages.js',
        'audience-response-grid.js',
        'contact-response-timeline.js',
        'response-summary.js',
      ];
      assert.deepEqual(
        scripts.filter((src) => {
          const part = src.slice(lazy.length);
          return src.startsWith(lazy) && !expected.includes(part) && !/^chunks\/[\w-]+\.js$/.test(part);
        }),
        [],
        'no other lazy part',
      );
    },
  );

  // Last, as it causes a violation on purpose: shows that the CSP is enforced on this page and that
  // the listener above would have seen a violation.
  it('enforces the CSP: an injected inline script is refused and reported', { timeout: TEST_MS }, async () => {
    const p = page();
    const before = log!.csp.length;
    await p.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__e2eInlineRan = true;';
      document.body.append(script);
    });
    await eventually(
      'the violation is reported',
      async () => log!.csp.slice(before).join('\n'),
      (text) => /script-src/.test(text),
      10_000,
    );
    assert.equal(await p.evaluate(() => (window as unknown as { __e2eInlineRan?: boolean }).__e2eInlineRan), undefined);
  });
});
