// Mutation testing of the pure code (`npm run test:mutation`): Stryker changes one thing at a
// time in src/core and the store's pure modules and runs the Node tests that cover it; a mutant
// the tests do not notice is behaviour no test pins. CONTRIBUTING.md says how long it takes and
// how to read the report. The HTML report lands in reports/mutation/; runs are incremental
// (reports/stryker-incremental.json), so a second run only retries what changed.
// One file: `npm run test:mutation -- --mutate src/core/rules.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // The tap runner runs each test file as a process of its own and, with per-test coverage, only
  // the files that reach the mutant: a mutant in the rules does not wait for the provider readers
  // or the property tests of the fold. The wrapper runs each file's plain-JavaScript bundle (made
  // by the build command below, in the sandbox) fastest first: see the headers of both files.
  plugins: ['@stryker-mutator/*', './test/mutation/fastest-first-tap-runner.mjs'],
  testRunner: 'tap-fastest-first',
  buildCommand: 'node test/mutation/bundle-tests.mjs',
  tap: {
    // The DOM-free Node tests (as in scripts/test-node.mjs).
    testFiles: ['test/core/**/*.test.ts', 'test/store-node/**/*.test.ts'],
    nodeArgs: ['--import', './test/node-globals.stryker.mjs'],
    // Stop a file at its first failing test: a killed mutant needs no more.
    forceBail: true,
  },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: ['src/core/**/*.ts', '!src/core/index.ts', '!src/core/providers/index.ts', 'src/store/reconcile.ts'],
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['html', 'clear-text', 'progress', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The machine's two cores; more workers only wait for each other.
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
