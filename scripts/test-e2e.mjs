// `npm run test:e2e`: the end-to-end tests (test/e2e/*.e2e.test.ts) under Node's test runner, in Debian's
// Chromium, then one plain line `N passed, N failed` that CI reads. Installs Chromium first when
// none is found (as `npm test` does). Screenshots and the TAP report go to test-results/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

const TAP = 'test-results/e2e.tap';
/**
 * Far above the tests' own timeouts (with issue 13's two matrices of 16 views, a run takes about ten
 * minutes on a busy 2-core machine): only a runner that hangs for good is stopped here.
 */
const HARD_LIMIT_MS = 20 * 60_000;

ensureChromium();
mkdirSync('test-results', { recursive: true });
rmSync(TAP, { force: true });

const files = readdirSync('test/e2e')
  .filter((name) => name.endsWith('.e2e.test.ts'))
  .sort()
  .map((name) => `test/e2e/${name}`);

let passed = 0;
let failed = 0;
let skipped = 0;

if (files.length === 0) {
  console.error('email-responses: no test/e2e/*.e2e.test.ts files');
  failed = 1;
} else {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${TAP}`,
      ...process.argv.slice(2),
      ...files,
    ],
    { stdio: 'inherit', timeout: HARD_LIMIT_MS, killSignal: 'SIGTERM' },
  );
  const tap = existsSync(TAP) ? readFileSync(TAP, 'utf8') : '';
  // The run's totals are the last `# pass` / `# fail` lines (nested suites print none of their own).
  const last = (name) => {
    const all = [...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))];
    return all.length > 0 ? Number(all[all.length - 1][1]) : 0;
  };
  passed = last('pass');
  failed = last('fail') + last('cancelled');
  skipped = last('skipped');
  if (result.error) console.error(`email-responses: the end-to-end run was stopped: ${result.error.message}`);
  // A file that failed to load, a crash or a timeout can exit non-zero with no failure counted.
  if (result.status !== 0 && failed === 0) failed = 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
