// Mutation testing of the pure code (`npm run test:mutation`): Stryker changes one thing at a
// time in src/core and the store's pure modules and runs the Node tests that cover it; a mutant
// the tests do not notice is behaviour no test pins. Slow (tens of minutes on two cores): not in
// CI. The HTML report lands in reports/mutation/; runs are incremental (reports/stryker-incremental.json),
// so a second run only retries what changed. One file: `npm run test:mutation -- --mutate src/core/rules.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  tap: {
    // Two entries that import the Node tests of the pure code (see core-suite.ts for why).
    testFiles: ['test/mutation/core-suite.ts', 'test/mutation/providers-suite.ts'],
    nodeArgs: ['--import', 'tsx', '--import', './test/node-globals.ts'],
    forceBail: true,
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: ['src/core/**/*.ts', '!src/core/index.ts', '!src/core/providers/index.ts', 'src/store/reconcile.ts'],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['html', 'clear-text', 'progress', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
