// A @web/test-runner reporter that counts passed and failed tests per session and writes them
// to a JSON file, so scripts/test.mjs can print one plain `N passed, N failed` line for CI: the
// totals, and the same counts for each browser (`browsers`, by the runner's name for it).
// A session that failed without any test result (a file that did not load) counts as one failure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function countSuite(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

const emptyCounts = () => ({ passed: 0, failed: 0, skipped: 0, failedFiles: [] });

function countSession(session, counts) {
  const before = counts.passed + counts.failed + counts.skipped;
  const failedBefore = counts.failed;
  countSuite(session.testResults, counts);
  const ran = counts.passed + counts.failed + counts.skipped - before;
  const broken = !session.passed && counts.failed === failedBefore;
  if (ran === 0 || broken) counts.failed += 1;
  if (!session.passed) counts.failedFiles.push(session.testFile);
}

export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { ...emptyCounts(), browsers: {} };
      for (const session of sessions) {
        countSession(session, counts);
        const name = session.browser.name;
        countSession(session, (counts.browsers[name] ??= emptyCounts()));
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(counts, null, 2));
    },
  };
}
