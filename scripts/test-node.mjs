// `npm run test:node`: the tests that run under Node's test runner, from the one list that
// `npm test` (scripts/test.mjs) runs too. The list is made here, not by a shell glob: Node 20's
// `--test` does not expand a quoted glob, and an unquoted one depends on the shell.
//   - test/core/**/*.test.ts and test/store-node/**/*.test.ts: the DOM-free core and the store's
//     pure modules, written once with mocha-style globals (mapped onto node:test by
//     test/node-globals.ts) and also run in Chromium;
//   - test/**/*.node.test.ts: tests that need Node (files, child processes), anywhere under test/.
// Extra arguments go to `node --test` (e.g. `npm run test:node -- --test-name-pattern=dedupe`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The arguments before the files: TypeScript through tsx, and the mocha-style globals. */
export const NODE_TEST_ARGS = ['--import', 'tsx', '--import', './test/node-globals.ts', '--test'];

/** Folders whose plain tests need no DOM, so they run under Node as well as in the browsers. */
const DOM_FREE = ['test/core/', 'test/store-node/'];

/** Every Node test file, relative to the project root, sorted. */
export function nodeTestFiles() {
  return readdirSync(join(ROOT, 'test'), { recursive: true })
    .map((name) => join('test', String(name)).split('\\').join('/'))
    .filter(
      (file) => (DOM_FREE.some((dir) => file.startsWith(dir)) && isPlainTest(file)) || file.endsWith('.node.test.ts'),
    )
    .sort();
}

/** `*.test.ts` but not one of the kinds with runners of their own (end-to-end, slow, Node-only). */
function isPlainTest(file) {
  return file.endsWith('.test.ts') && !/\.(node|e2e|slow)\.test\.ts$/.test(file);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.chdir(ROOT);
  const files = nodeTestFiles();
  if (files.length === 0) {
    console.error('email-responses: no Node test files found under test/');
    process.exit(1);
  }
  const result = spawnSync(process.execPath, [...NODE_TEST_ARGS, ...process.argv.slice(2), ...files], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
