// The tests Stryker runs, and where their bundles go: shared by the build step (bundle-tests.mjs)
// and the test runner (in-process-runner.mjs).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The DOM-free Node tests (as in scripts/test-node.mjs): the core and the store's pure modules. */
export const TEST_FOLDERS = ['test/core', 'test/store-node'];

/** Every test file under TEST_FOLDERS, relative to the working directory, sorted. */
export function testFiles() {
  return TEST_FOLDERS.flatMap((folder) =>
    readdirSync(folder, { recursive: true })
      .map((name) => join(folder, String(name)).split('\\').join('/'))
      .filter((file) => file.endsWith('.test.ts')),
  ).sort();
}

/** A test file's bundle, next to it so that relative paths and `import.meta.url` mean what they did. */
export function bundleOf(testFile) {
  return testFile.replace(/\.ts$/, '.stryker.mjs');
}
