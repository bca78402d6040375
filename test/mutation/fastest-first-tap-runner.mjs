// Stryker's tap runner (`testRunner: 'tap-fastest-first'` in stryker.config.mjs), made cheaper in
// two ways without changing which tests decide a mutant's fate.
//
// Each test file is a process of its own and, with per-test coverage, a mutant runs only the files
// that reach it, stopping at the first that fails. So the cost of a mutant is a few process
// start-ups plus the tests of those files:
//   - It runs each file's bundle (bundle-tests.mjs, Stryker's build step: `x.test.ts` →
//     `x.test.stryker.mjs`, plain JavaScript, no tsx) and reports under the test file's own name,
//     so the report, the coverage and the incremental file (which compares test files by their
//     content) all name the real test.
//   - It runs a mutant's files fastest first, by their time in the initial (dry) run, written to a
//     file in the sandbox that every worker reads: the tap runner's own order is whatever its glob
//     found, so a mutant could wait for a slow property test before the quick example that kills it.
import { readFileSync, writeFileSync } from 'node:fs';
import { PluginKind, commonTokens, declareFactoryPlugin, tokens } from '@stryker-mutator/api/plugin';
import { createTapTestRunnerFactory } from '@stryker-mutator/tap-runner';

const createTapTestRunner = createTapTestRunnerFactory();

/** In the sandbox (the workers' working directory), written by the dry run, read by every worker. */
const TIMINGS_FILE = '.stryker-test-file-timings.json';

/** As bundle-tests.mjs names them. */
const toBundle = (testFile) => testFile.replace(/\.ts$/, '.stryker.mjs');
const toTestFile = (name) => name.replace(/\.stryker\.mjs$/, '.ts');

class FastestFirstTapRunner {
  /** @param {import('@stryker-mutator/tap-runner').TapTestRunner} tap */
  constructor(tap) {
    this.tap = tap;
    /** @type {Map<string, number> | undefined} */
    this.timings = undefined;
  }

  capabilities() {
    return this.tap.capabilities();
  }

  async init() {
    await this.tap.init();
    // The tap runner found the test files (tap.testFiles); it is to run their bundles.
    this.tap.testFiles = this.tap.testFiles.map(toBundle);
  }

  /** @param {import('@stryker-mutator/api/test-runner').DryRunOptions} options */
  async dryRun(options) {
    const result = await this.tap.dryRun({ ...options, testFiles: options.testFiles?.map(toBundle) });
    if (result.status !== 'complete') {
      return result;
    }
    const tests = result.tests.map((test) => ({
      ...test,
      id: toTestFile(test.id),
      name: toTestFile(test.name),
      fileName: test.fileName && toTestFile(test.fileName),
    }));
    writeFileSync(TIMINGS_FILE, JSON.stringify(Object.fromEntries(tests.map((test) => [test.id, test.timeSpentMs]))));
    const perTest = result.mutantCoverage?.perTest;
    const mutantCoverage = result.mutantCoverage && {
      ...result.mutantCoverage,
      perTest: Object.fromEntries(Object.entries(perTest ?? {}).map(([id, hits]) => [toTestFile(id), hits])),
    };
    return { ...result, tests, mutantCoverage };
  }

  /** @param {import('@stryker-mutator/api/test-runner').MutantRunOptions} options */
  async mutantRun(options) {
    const timings = this.readTimings();
    const testFilter =
      options.testFilter && [...options.testFilter].sort((a, b) => time(timings, a) - time(timings, b));
    const result = await this.tap.mutantRun({ ...options, testFilter: testFilter?.map(toBundle) });
    return result.status === 'killed' ? { ...result, killedBy: result.killedBy.map(toTestFile) } : result;
  }

  readTimings() {
    if (!this.timings) {
      try {
        this.timings = new Map(Object.entries(JSON.parse(readFileSync(TIMINGS_FILE, 'utf8'))));
      } catch {
        this.timings = new Map(); // no dry run in this sandbox yet: keep the given order
      }
    }
    return this.timings;
  }
}

/** A file the dry run did not time goes last: it is new, and may be slow. */
function time(timings, file) {
  return timings.get(file) ?? Number.MAX_SAFE_INTEGER;
}

function createFastestFirstTapRunner(injector) {
  return new FastestFirstTapRunner(createTapTestRunner(injector));
}
createFastestFirstTapRunner.inject = tokens(commonTokens.injector);

export const strykerPlugins = [
  declareFactoryPlugin(PluginKind.TestRunner, 'tap-fastest-first', createFastestFirstTapRunner),
];
