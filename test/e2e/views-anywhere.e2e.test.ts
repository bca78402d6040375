// The views anywhere (issue 13), end to end on the CRM embed page (demo/embed.html, served with a
// strict CSP by scripts/serve-embed.ts): the display switches read from the URL, a row click opens
// that contact's timeline, and at 320, 390, 768 and 1440 px, light and dark, left-to-right and
// right-to-left (view-checks.ts): no element paints outside its host, the page never scrolls
// sideways, the keyboard reaches every column's last cell with the cell on screen, the CRM's cards
// are in the views' theme, and axe-core finds nothing. The combinations run on one live page,
// switched as a user would (the switches, the window's width, the system's scheme): a page load
// per combination would cost a minute of CI each time. Screenshots go to test-results/embed-*.png.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startEmbedServer, type EmbedServer } from '../../scripts/serve-embed';
import { checkCombination, DIRS, RESULTS, SCHEMES, showCombination, WIDTHS } from './view-checks';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const IIFE = join(ROOT, 'dist', 'email-responses.iife.js');
const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const chromiumModule = pathToFileURL(join(ROOT, 'scripts', 'chromium.mjs')).href;
const { findChromium, CHROMIUM_ARGS } = (await import(chromiumModule)) as {
  findChromium(): string | undefined;
  CHROMIUM_ARGS: string[];
};

const ROWS = 'audience-response-grid [role=row].row';

async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 40_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch {
      // try again
    }
    if (Date.now() >= deadline) assert.fail(`${what}: not reached; last seen ${JSON.stringify(last)?.slice(0, 300)}`);
    await delay(250);
  }
}

function ensureBuilt(): void {
  if (existsSync(IIFE)) return;
  const result = spawnSync(process.execPath, [VITE_BIN, 'build', '--mode', 'iife'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  assert.equal(result.status, 0, `vite build --mode iife failed:\n${result.stdout}\n${result.stderr}`);
}

let browser: Browser | undefined;
let server: EmbedServer | undefined;
let context: BrowserContext | undefined;
let page: Page | undefined;
const errors: string[] = [];

before(
  async () => {
    mkdirSync(RESULTS, { recursive: true });
    ensureBuilt();
    const executablePath = findChromium();
    assert.ok(executablePath, 'no Chromium');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
    server = await startEmbedServer({ audience: 1000, rate: 200 });
    // axe is injected as a script: the page's strict CSP is set aside for this context only.
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // A link that names a view shows it.
    await page.goto(`${server.url}?lang=de&tz=UTC&theme=dark&dir=rtl`, { waitUntil: 'load', timeout: 60_000 });
  },
  { timeout: 240_000 },
);

after(
  async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
  },
  { timeout: 30_000 },
);

describe('the embed page’s display switches and contact', { timeout: 200_000 }, () => {
  it('shows the view its URL names, and switches write it back', { timeout: 60_000 }, async () => {
    const p = page!;
    await eventually(
      'grid rows',
      () => p.locator(ROWS).count(),
      (n) => n >= 5,
    );
    const seen = await p.evaluate(() => {
      const grid = document.querySelector('audience-response-grid')!;
      return {
        selects: ['lang', 'tz', 'theme', 'dir'].map(
          (name) => document.querySelector<HTMLSelectElement>(`#view-settings [name=${name}]`)!.value,
        ),
        dir: document.documentElement.dir,
        gridDirection: getComputedStyle(grid).direction,
        theme: grid.getAttribute('theme'),
        gridScheme: getComputedStyle(grid).colorScheme,
        zone: grid.getAttribute('time-zone'),
        header: grid.shadowRoot!.querySelector('[role=columnheader]')?.textContent?.trim(),
      };
    });
    assert.deepEqual(seen, {
      selects: ['de', 'UTC', 'dark', 'rtl'],
      dir: 'rtl',
      gridDirection: 'rtl',
      theme: 'dark',
      gridScheme: 'dark',
      zone: 'UTC',
      header: 'Kontakt',
    });
    // Back to the defaults by the switches: the query loses them, the labels are English again.
    for (const [name, value] of [
      ['lang', 'en'],
      ['tz', ''],
      ['theme', 'auto'],
      ['dir', 'ltr'],
    ] as const)
      await p.locator(`#view-settings select[name=${name}]`).selectOption(value);
    assert.equal(new URL(p.url()).search, '');
    await eventually(
      'English headers',
      () => p.locator('audience-response-grid [role=columnheader]').first().textContent(),
      (text) => text?.trim() === 'Contact',
    );
    await p.locator('#view-settings select[name=dir]').selectOption('rtl');
    assert.equal(new URL(p.url()).search, '?dir=rtl');
    await p.locator('#view-settings select[name=dir]').selectOption('ltr');
  });

  it('opens the contact of a clicked row in the timeline', { timeout: 60_000 }, async () => {
    const p = page!;
    await eventually(
      'grid rows',
      () => p.locator(ROWS).count(),
      (n) => n >= 12,
    );
    await p.evaluate(() => {
      const w = window as unknown as { __chosen?: string };
      document.addEventListener('recipient-select', (event) => (w.__chosen = event.detail.contactId), { once: true });
    });
    await p.locator(ROWS).nth(10).locator('[role=gridcell]').first().click();
    const chosen = await eventually(
      'the row’s contact is chosen',
      () => p.evaluate(() => (window as unknown as { __chosen?: string }).__chosen),
      (id) => typeof id === 'string',
    );
    assert.notEqual(chosen, 'c-3', 'a row other than the page’s first contact');
    await eventually(
      'the timeline shows the chosen contact',
      () => p.locator('contact-response-timeline').getAttribute('contact-id'),
      (id) => id === chosen,
    );
  });

  it('measures times by the server’s simulated clock: no response is in the future', { timeout: 60_000 }, async () => {
    const p = page!;
    // The server's campaign runs 60 times faster than the wall clock: a minute after it started it
    // is hours ahead, and the page's store must be on its clock, not this machine's.
    const sample = () =>
      p.evaluate(async () => {
        const server = (await (await fetch('/api/clock')).json()) as { now: number };
        const store = (document.querySelector('email-responses') as unknown as { store: { now(): number } }).store;
        const grid = document.querySelector('audience-response-grid')!.shadowRoot!;
        const times = [...grid.querySelectorAll('time[datetime]')].map((t) => Date.parse(t.getAttribute('datetime')!));
        return { apart: Math.abs(store.now() - server.now), newest: Math.max(...times) - store.now() };
      });
    await eventually('the store on the server’s clock', sample, ({ apart }) => apart < 120_000);
    // And staying on it: the wall clock can pass the server's once, but not keep its pace.
    for (let i = 0; i < 3; i++) {
      await delay(2000);
      const seen = await sample();
      assert.ok(seen.apart < 120_000, `the store's now is the server's: ${seen.apart} ms apart`);
      assert.ok(seen.newest <= 60_000, `the newest time is at most a minute past the store's now: ${seen.newest} ms`);
    }
  });
});

describe('the embed page at every width, scheme and direction', { timeout: 900_000 }, () => {
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      for (const dir of DIRS) {
        const name = `embed-${width}-${scheme}-${dir}`;
        it(name, { timeout: 120_000 }, async () => {
          const p = page!;
          await showCombination(p, { width, scheme, dir });
          await eventually(
            'grid rows',
            () => p.locator(ROWS).count(),
            (n) => n >= 5,
          );
          await checkCombination(p, name, { scheme, dir, card: '.panel.responses' });
        });
      }
    }
  }

  it('threw no uncaught error and logged no console error', () => {
    assert.deepEqual(errors, []);
  });
});
