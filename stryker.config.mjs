// Mutation testing of the pure code (`npm run test:mutation`): Stryker changes one thing at a
// time in src/core and the store's pure modules and runs the Node tests that cover it; a mutant
// the tests do not notice is behaviour no test pins. CONTRIBUTING.md says how long it takes and
// how to read the report. The HTML report lands in reports/mutation/; runs are incremental
// (reports/stryker-incremental.json), so a second run only retries what changed.
// One file: `npm run test:mutation -- --mutate src/core/rules.ts`.
// A part of it (test/mutation/run-parts.mjs): STRYKER_PART=name writes reports/mutation/name.json,
// name.html and its own incremental file.
const part = process.env.STRYKER_PART;
const reportsTo = part ? `reports/mutation/${part}` : 'reports/mutation/mutation';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // The tests run inside the test-runner process, with fresh module instances for each mutant and
  // only the tests that reach it (per-test coverage), stopping at the first failure: see the
  // header of test/mutation/in-process-runner.mjs. The build step bundles each test file with
  // the instrumented source (test/mutation/bundle-tests.mjs).
  plugins: ['@stryker-mutator/typescript-checker', './test/mutation/in-process-runner.mjs'],
  testRunner: 'in-process',
  buildCommand: 'node test/mutation/bundle-tests.mjs',
  // Node never frees a module it imported, and each mutant imports its test files anew: a new
  // process every so many mutants keeps the memory in bounds (a start costs a second or two).
  maxTestRunnerReuse: 100,
  coverageAnalysis: 'perTest',
  // No type-checker by default: on this machine it cost ten times the tests (about 12 s a mutant
  // against 1 s), so mutants that would not compile are run too (most fail at once). To leave
  // them out: `npm run test:mutation -- --checkers typescript` (tsconfig.mutation.json).
  checkers: [],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: ['src/core/**/*.ts', '!src/core/index.ts', '!src/core/providers/index.ts', 'src/store/reconcile.ts'],
  // The sandbox needs the sources, the tests and their fixtures; not the app, docs or benches.
  ignorePatterns: ['/bench', '/demo', '/docs', '/public', '/dist*', '/test-results', '/.stryker-tmp*', '*.stryker.mjs'],
  incremental: true,
  incrementalFile: part ? `${reportsTo}.incremental.json` : 'reports/stryker-incremental.json',
  reporters: ['html', 'clear-text', 'progress', 'json'],
  htmlReporter: { fileName: part ? `${reportsTo}.html` : 'reports/mutation/index.html' },
  jsonReporter: { fileName: `${reportsTo}.json` },
  // The machine's two cores; more workers only wait for each other.
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
