// `npm test`: the Node tests (the same list as `npm run test:node`), then every browser test in
// headless Chromium and then in headless Firefox, then the end-to-end pages, then one plain line
// `N passed, N failed` that CI reads. Installs Debian's chromium first when none is found. Without
// a Firefox the Firefox run is skipped with a line that says so, except under CI (CI=true), which
// installs Debian's firefox-esr and fails when it cannot.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';
import { ensureFirefox, findFirefox } from './firefox.mjs';
import { NODE_TEST_ARGS, nodeTestFiles } from './test-node.mjs';

const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function run(command, args, options = {}) {
  return spawnSync(command, args, { stdio: 'inherit', ...options });
}

mkdirSync('test-results', { recursive: true });

// 1. The Node tests (the DOM-free core and *.node.test.ts) under Node's own test runner.
{
  const result = spawnSync(
    process.execPath,
    [
      ...NODE_TEST_ARGS,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      '--test-reporter-destination=test-results/node.tap',
      ...nodeTestFiles(),
    ],
    { stdio: 'inherit' },
  );
  const tap = existsSync('test-results/node.tap') ? readFileSync('test-results/node.tap', 'utf8') : '';
  const pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
  const skip = Number(/^# skipped (\d+)/m.exec(tap)?.[1] ?? 0);
  passed += pass;
  failed += fail;
  skipped += skip;
  if (result.status !== 0 && fail === 0) failed += 1;
}

// 2. Every browser test in headless Chromium, then in headless Firefox: one browser at a time, so
// the two never share the machine's cores and a timing-sensitive test sees the load it was written for.
{
  const inCI = Boolean(process.env.CI) && process.env.CI !== 'false';
  ensureChromium();
  const browsers = [['chromium', 'Chromium']];
  const lines = [];
  if (inCI ? ensureFirefox() : findFirefox()) browsers.push(['firefox', 'Firefox']);
  else if (inCI) {
    lines.push('Firefox: none, and none could be installed (CI requires it): counted as 1 failed');
    failed += 1;
  } else {
    lines.push(
      'Firefox: skipped, no Firefox found (apt-get install firefox-esr, or set FIREFOX_PATH, to run them as CI does)',
    );
  }
  const file = 'test-results/browser-counts.json';
  for (const [browser, label] of browsers) {
    rmSync(file, { force: true });
    const started = performance.now();
    const result = run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...extra], {
      env: { ...process.env, EMAIL_RESPONSES_BROWSERS: browser },
    });
    const seconds = Math.round((performance.now() - started) / 1000);
    if (existsSync(file)) {
      const counts = JSON.parse(readFileSync(file, 'utf8'));
      passed += counts.passed;
      failed += counts.failed;
      skipped += counts.skipped;
      if (result.status !== 0 && counts.failed === 0) failed += 1;
      lines.push(`${label}: ${counts.passed} passed, ${counts.failed} failed in ${seconds} s`);
    } else {
      failed += 1;
      lines.push(`${label}: the runner stopped before it counted (exit ${result.status}) after ${seconds} s`);
    }
  }
  for (const line of lines.sort()) console.log(`email-responses: browser tests in ${line}`);
}

// 3. Suites with runners of their own (end-to-end pages, host apps, slow faults), each ending on a plain
// `N passed, N failed` line that is added to the total here.
// CI also runs the slow fault suite (`npm run test:faults`) here, so its count joins the total.
// test-hosts.mjs: React, Vue and plain-page apps installed from `npm pack`'s tarball (test/hosts/).
const runners = [
  'scripts/test-e2e.mjs',
  'scripts/test-hosts.mjs',
  ...(process.env.EMAIL_RESPONSES_SLOW_FAULTS ? ['scripts/test-faults.mjs'] : []),
];
for (const runner of runners) {
  if (!existsSync(runner)) continue;
  const result = spawnSync(process.execPath, [runner], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(result.stdout ?? '');
  const line = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/m.exec(
    [...(result.stdout ?? '').trim().split('\n')].pop() ?? '',
  );
  if (line) {
    passed += Number(line[1]);
    failed += Number(line[2]);
    skipped += Number(line[3] ?? 0);
  }
  if (!line || (result.status !== 0 && Number(line[2]) === 0)) failed += 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
