// Stryker's build step (`buildCommand` in stryker.config.mjs), run in its sandbox after the source
// is instrumented: each Node test file of the pure code, with the (instrumented) source it
// imports, bundled by esbuild into one plain JavaScript module next to it (`x.test.ts` →
// `x.test.stryker.mjs`). in-process-runner.mjs imports a fresh copy of a bundle for each mutant;
// one self-contained file, no TypeScript loader, makes that a matter of milliseconds.
// Packages stay external (loaded once a process, shared by every copy), and `fast-check` is
// capped-fast-check.mjs: fewer cases a property, with a fixed seed (see there).
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOf, testFiles } from './test-files.mjs';

const CAPPED_FAST_CHECK = fileURLToPath(new URL('./capped-fast-check.mjs', import.meta.url));

/** `fast-check` → the capped one, left external so that every bundle shares one copy. */
const cappedFastCheck = {
  name: 'capped-fast-check',
  setup(builder) {
    builder.onResolve({ filter: /^fast-check$/ }, () => ({ path: CAPPED_FAST_CHECK, external: true }));
  },
};

await Promise.all(
  testFiles().map((file) =>
    build({
      entryPoints: [file],
      outfile: bundleOf(file),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      plugins: [cappedFastCheck],
      logLevel: 'warning',
    }),
  ),
);
