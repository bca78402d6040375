// `npm run test:hosts` (and `npm test`): the host apps in test/hosts/ (see its README) against the
// tarball `npm pack` makes, installed from the npm registry into a temporary folder (never a link,
// nothing cached in the repository). Each check is one test; the last line is the plain
// `N passed, N failed` that scripts/test.mjs adds to the total. Needs dist/ (`npm run build`; built
// here when missing).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
// `node scripts/test-hosts.mjs plain`: only the hosts named; all of them by default.
const ALL_HOSTS = ['react', 'vue', 'angular', 'plain'];
const named = process.argv.slice(2).filter((arg) => ALL_HOSTS.includes(arg));
const HOSTS = named.length > 0 ? named : ALL_HOSTS;
let passed = 0;
let failed = 0;

function check(name, ok, why = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(
    `${ok ? '✔' : '✖'} hosts: ${name}${ok || !why ? '' : `\n    ${why.trim().split('\n').slice(-15).join('\n    ')}`}`,
  );
  return ok;
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: 10 * 60_000,
    // The Angular CLI asks about analytics on a terminal; never here.
    env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`,
  };
}

/** Line numbers (1-based) of the lines marked `expect-error` in a host's wrong file. */
function expectedErrorLines(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => (line.includes('expect-error') && !line.startsWith('//') ? [i + 1] : []));
}

/** The wrong file must fail, with an error on each marked line and nowhere else. */
function checkWrong(name, command, args, cwd, file) {
  const { ok, output } = run(command, args, cwd);
  const expected = expectedErrorLines(join(cwd, file));
  const errorLines = new Set(
    [...output.matchAll(new RegExp(`${file.replace('.', '\\.')}[(:](\\d+)`, 'g'))].map((m) => Number(m[1])),
  );
  const missing = expected.filter((line) => !errorLines.has(line));
  const stray = [...errorLines].filter((line) => !expected.includes(line));
  return check(
    `${name}: a misspelt prop or a wrong detail field fails the type-check (${expected.length} lines)`,
    !ok && expected.length > 0 && missing.length === 0 && stray.length === 0,
    `exit ${ok ? 0 : 'non-zero'}; no error on line(s) ${missing.join(', ') || '-'}; unexpected on ${stray.join(', ') || '-'}\n${output}`,
  );
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** `csp`: the Content-Security-Policy header each page is served with, if any. */
function serve(dir, csp) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = join(dir, path);
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    if (file.endsWith('/')) file = join(file, 'index.html');
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    if (csp) headers['content-security-policy'] = csp;
    response.writeHead(200, headers);
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

if (!existsSync(join(ROOT, 'dist/email-responses.js')) && !run('npm', ['run', '--silent', 'build'], ROOT).ok) {
  console.log('hosts: the build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'email-responses-hosts-'));
const packed = run('npm', ['pack', '--silent', '--pack-destination', work], ROOT);
const tarball = join(work, packed.output.trim().split('\n').pop() ?? '');
const dirs = {};
if (check('npm pack makes a tarball', packed.ok && existsSync(tarball), packed.output)) {
  for (const host of HOSTS) {
    const started = performance.now();
    const dir = join(work, host);
    cpSync(join(ROOT, 'test/hosts', host), dir, { recursive: true });
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    pkg.dependencies = { ...pkg.dependencies, 'email-responses': `file:${tarball}` };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
    const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);
    if (!check(`${host}: installs the tarball and its dependencies`, install.ok, install.output)) continue;
    if (host === 'react') {
      const tsc = run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json'], dir);
      check('react: strict tsc passes (wrappers, JSX typings of the tags)', tsc.ok, tsc.output);
      checkWrong('react', 'npx', ['--no-install', 'tsc', '-p', 'tsconfig.wrong.json'], dir, 'src/wrong.tsx');
    }
    if (host === 'vue') {
      const tsc = run('npx', ['--no-install', 'vue-tsc', '-p', 'tsconfig.json'], dir);
      check('vue: vue-tsc with strictTemplates passes', tsc.ok, tsc.output);
      checkWrong('vue', 'npx', ['--no-install', 'vue-tsc', '-p', 'tsconfig.wrong.json'], dir, 'src/Wrong.vue');
    }
    if (host === 'angular') {
      // `ng build` (the CLI's esbuild application builder) compiles ahead of time with
      // strictTemplates: it is the strict type-check of the app and its build at once.
      checkWrong(
        'angular',
        'npx',
        ['--no-install', 'tsc', '-p', 'tsconfig.wrong.json', '--pretty', 'false'],
        dir,
        'src/wrong.ts',
      );
      const build = run('npx', ['--no-install', 'ng', 'build'], dir);
      if (check('angular: ng build (strict, strictTemplates, AOT)', build.ok, build.output))
        dirs[host] = join(dir, 'dist/browser');
    } else if (host === 'plain') {
      // broken.html's copy of the IIFE, without dist/iife/ next to it: its lazy parts cannot load.
      cpSync(
        join(dir, 'node_modules/email-responses/dist/email-responses.iife.js'),
        join(dir, 'broken/email-responses.iife.js'),
      );
      dirs[host] = dir;
    } else {
      const build = run('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], dir);
      if (check(`${host}: vite build`, build.ok, build.output)) dirs[host] = join(dir, 'dist');
    }
    console.log(
      `  hosts: ${host} installed, checked and built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
}

/** The paths of the IIFE's lazy parts (dist/iife/) the page requested. */
function lazyParts(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.includes('/dist/iife/')),
  );
}

/**
 * The plain host's other pages, under the same strict policy: a timeline and a summary without a
 * grid get their elements from lazy parts that share the IIFE's Lit and store (lazy.html), and a
 * part that cannot load is reported to the page (broken.html). `errors`: the console errors of
 * lazy.html join the host's.
 */
async function checkLazyPage(browser, server, errors) {
  const origin = `http://127.0.0.1:${server.address().port}`;
  const lazy = await browser.newPage();
  lazy.on('console', (message) => {
    if (message.type() === 'error') errors.push(`lazy.html: ${message.text()}`);
  });
  lazy.on('pageerror', (error) => errors.push(`lazy.html: ${error}`));
  await lazy.goto(`${origin}/lazy.html`);
  const result = await lazy
    .evaluate(() =>
      Promise.race([window.lazyCheck, new Promise((_, no) => setTimeout(() => no(new Error('timed out')), 30_000))]),
    )
    .catch((error) => String(error));
  const parts = await lazyParts(lazy);
  check(
    'plain: a timeline and a summary (also under a prefix) are defined from their lazy parts and render the store of <email-responses>',
    result?.sameClasses === true &&
      result.gridDefined === false &&
      result.prefixedSummary === true &&
      result.prefixed?.['response-summary'] === 'acme-response-summary' &&
      ['contact-response-timeline', 'response-summary'].every((name) =>
        parts.some((path) => path.endsWith(`/dist/iife/${name}.js`)),
      ) &&
      !parts.some((path) => path.endsWith('/dist/iife/audience-response-grid.js')),
    `result: ${JSON.stringify(result)}; parts requested: ${JSON.stringify(parts)}`,
  );
  check(
    'plain: the IIFE and its parts run one copy of Lit (one entry in window.litElementVersions)',
    Array.isArray(result?.litElementVersions) && result.litElementVersions.length === 1,
    `litElementVersions: ${JSON.stringify(result?.litElementVersions)}`,
  );
  await lazy.close();

  const broken = await browser.newPage();
  const brokenErrors = [];
  broken.on('console', (message) => {
    if (message.type() === 'error') brokenErrors.push(message.text());
  });
  await broken.goto(`${origin}/broken.html`);
  const heard = await broken.evaluate(() => window.brokenCheck).catch((error) => String(error));
  check(
    'plain: a lazy part that cannot load fires `error` on its element and logs a console error',
    typeof heard === 'string' &&
      heard.includes('could not load <response-summary>') &&
      brokenErrors.some((text) => text.includes('could not load <response-summary>')),
    `error event: ${JSON.stringify(heard)}; console errors: ${JSON.stringify(brokenErrors)}`,
  );
  await broken.close();
}

/** What each page must show and hear: its grids, and the handler entry a click on a row gives. */
const PAGES = {
  react: [
    ['#wrapped audience-response-grid', 'wrapped:'],
    ['#direct audience-response-grid', 'direct:'],
  ],
  vue: [['audience-response-grid', 'vue:']],
  angular: [['audience-response-grid', 'angular:']],
  plain: [['audience-response-grid', 'plain:']],
};

const ready = Object.keys(dirs);
if (ready.length > 0) {
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  for (const host of ready) {
    // The plain page is served under a strict script policy: the IIFE's lazy parts are ES modules
    // from its own origin, which `script-src 'self'` allows.
    const server = await serve(dirs[host], host === 'plain' ? "script-src 'self'; object-src 'none'" : undefined);
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    try {
      await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
      for (const [grid, heard] of PAGES[host]) {
        const row = page.locator(`${grid} [role="row"][aria-rowindex="2"]`);
        let rows = 0;
        try {
          await row.waitFor({ timeout: 30_000 });
          rows = await page.locator(`${grid} [role="row"][aria-rowindex]`).count();
        } catch {
          // Counted below as no rows.
        }
        // A header row and three recipients.
        if (!check(`${host}: ${grid} renders the ingested rows`, rows === 4, `rows with aria-rowindex: ${rows}`))
          continue;
        await row.click();
        let log = [];
        try {
          await page.waitForFunction((prefix) => window.hostLog.some((entry) => entry.startsWith(prefix)), heard, {
            timeout: 10_000,
          });
        } catch {
          // Counted below.
        }
        log = await page.evaluate(() => window.hostLog);
        check(
          `${host}: a row click in ${grid} reaches the app's handler`,
          log.some((entry) => entry.startsWith(heard) && entry.length > heard.length),
          `handlers heard: ${JSON.stringify(log)}`,
        );
      }
      if (host === 'plain') {
        const events = await page.evaluate(() => window.providerCheck).catch((error) => String(error));
        check(
          'plain: the IIFE loads the provider normalizers on demand and reads a SendGrid webhook',
          Array.isArray(events) && events.length === 1,
          JSON.stringify(events),
        );
        const cache = await page.evaluate(() => window.cacheCheck).catch((error) => String(error));
        const parts = await lazyParts(page);
        check(
          'plain: a store with a cache name loads the cache from dist/iife/ next to the IIFE, under the strict policy',
          cache === 'ready' && parts.some((path) => path.endsWith('/dist/iife/cache.js')),
          `cache status: ${JSON.stringify(cache)}; parts requested: ${JSON.stringify(parts)}`,
        );
        check(
          'plain: the grid is a lazy part, loaded from dist/iife/ because the page has its tag',
          parts.some((path) => path.endsWith('/dist/iife/audience-response-grid.js')) &&
            !parts.some((path) => /\/(contact-response-timeline|response-summary)\.js$/.test(path)),
          `parts requested: ${JSON.stringify(parts)}`,
        );
        await checkLazyPage(browser, server, errors);
      }
    } catch (error) {
      check(`${host}: the page runs`, false, String(error));
    }
    check(`${host}: no console errors`, errors.length === 0, errors.join('\n'));
    await page.close();
    server.close();
  }
  await browser.close();
}

if (!process.env.EMAIL_RESPONSES_KEEP_HOSTS) rmSync(work, { recursive: true, force: true });
else console.log(`hosts: kept in ${work}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
