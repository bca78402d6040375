// `npm test`: the Node tests (the same list as `npm run test:node`), then every test in headless
// Chromium, then the end-to-end pages, then one plain line `N passed, N failed` that CI reads.
// Installs Debian's chromium first when none is found.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';
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

// 2. Everything in headless Chromium.
{
  ensureChromium();
  rmSync('test-results/browser-counts.json', { force: true });
  const result = run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...extra]);
  const file = 'test-results/browser-counts.json';
  if (existsSync(file)) {
    const counts = JSON.parse(readFileSync(file, 'utf8'));
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    if (result.status !== 0 && counts.failed === 0) failed += 1;
  } else {
    failed += 1;
  }
}

// 3. Suites with runners of their own (end-to-end pages, slow faults), each ending on a plain
// `N passed, N failed` line that is added to the total here.
// CI also runs the slow fault suite (`npm run test:faults`) here, so its count joins the total.
const runners = [
  'scripts/test-e2e.mjs',
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
