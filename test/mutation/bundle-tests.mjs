// Stryker's build step (`buildCommand` in stryker.config.mjs), run in its sandbox after the source
// is instrumented: each Node test file of the pure code, with the (instrumented) source it
// imports, bundled by esbuild into one plain JavaScript file next to it (`x.test.ts` →
// `x.test.stryker.mjs`), and test/node-globals.ts likewise. Node then starts each test process
// without tsx's loader: no loader thread, no esbuild service, one file to read instead of dozens
// to resolve and transform. That halves each process's start-up, which is most of a mutant's
// cost. The packages stay external (resolved from node_modules as usual); the bundle sits in the
// test's own folder so that relative paths and `import.meta.url` mean what they did.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The folders whose tests Stryker runs (tap.testFiles in stryker.config.mjs). */
const TEST_FOLDERS = ['test/core', 'test/store-node'];

/** Where the bundle of a test file goes; fastest-first-tap-runner.mjs maps the names both ways. */
export function bundleOf(testFile) {
  return testFile.replace(/\.ts$/, '.stryker.mjs');
}

const testFiles = TEST_FOLDERS.flatMap((folder) =>
  readdirSync(folder, { recursive: true })
    .map((name) => join(folder, String(name)).split('\\').join('/'))
    .filter((file) => file.endsWith('.test.ts')),
);

await Promise.all(
  [...testFiles, 'test/node-globals.ts'].map((file) =>
    build({
      entryPoints: [file],
      outfile: bundleOf(file),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    }),
  ),
);
