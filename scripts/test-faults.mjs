// `npm run test:faults`: the slow parts of issue 9 that `npm test` leaves out, then one plain line
// `N passed, N failed` that CI reads (as scripts/test.mjs prints for `npm test`).
//   1. test/faults-slow/*.slow.test.ts in headless Chromium (web-test-runner, that folder's config:
//      long timeouts, `--expose-gc` for the memory test): the 100,000-event bursts through
//      IndexedDB and the 1,000,000-recipient memory run;
//   2. test/faults-node/*.e2e.test.mjs under Node's test runner: the elements on pages served with a
//      strict Content-Security-Policy and Trusted Types, driven by playwright-core.
// The fast faults (test/faults/) run inside `npm test`. Installs Debian's chromium when none is found.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
mkdirSync('test-results', { recursive: true });
ensureChromium();

let passed = 0;
let failed = 0;
let skipped = 0;

// 1. The slow browser files.
{
  const file = 'test-results/faults-browser-counts.json';
  rmSync(file, { force: true });
  const result = spawnSync('npx', ['web-test-runner', '--config', 'test/faults-slow/web-test-runner.config.mjs'], {
    stdio: 'inherit',
  });
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

// 2. The Node tests that drive strict pages with playwright-core.
{
  const dir = 'test/faults-node';
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.e2e.test.mjs'))
    .map((name) => join(dir, name));
  const tapFile = 'test-results/faults-node.tap';
  rmSync(tapFile, { force: true });
  const result = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    { stdio: 'inherit' },
  );
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
  const skip = Number(/^# skipped (\d+)/m.exec(tap)?.[1] ?? 0);
  passed += pass;
  failed += fail;
  skipped += skip;
  if (result.status !== 0 && fail === 0) failed += 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
