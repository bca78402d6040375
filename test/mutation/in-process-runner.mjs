// Stryker's test runner for the Node tests of the pure code (`testRunner: 'in-process'` in
// stryker.config.mjs): every test runs inside the test-runner process, and each mutant gets fresh
// module instances, as a new process would give it, at the cost of one `import()`.
//
// Why: the tests were run by the tap runner, one process per test file per mutant, 20 to 40 s a
// mutant on this machine. Stryker's mocha runner runs them in-process but loads the code once: a
// mutant in code that runs when a module loads (the compiled default rules, the catalogue, the
// tables) is then "static", and Stryker restarts the process and runs every test for it; here
// that was 78 % of the mutants of rules.ts. And state kept in a module (the compiled-rules cache)
// would carry one mutant's results into the next mutant's tests.
//
// How: the build step (bundle-tests.mjs) bundles each test file with the instrumented source into
// one module. For each mutant the runner imports the bundles of the test files that reach it
// under a new URL (`?generation=N`), so the file and all the source in it are evaluated anew with
// the mutant active, then runs the tests that reach the mutant in their file's order and stops at
// the first failure. The tests are written with mocha's globals (describe, it, before, after,
// beforeEach, afterEach; no `this`, no `done`): this file supplies them, in mocha's order (a
// suite's tests before its child suites).
//
// Coverage: what runs while a file loads or in a suite's `before`/`after` hook counts for every
// test of that file or suite, so no mutant is "static" and every mutant runs only the tests that
// can see it (Stryker's per-test coverage). Files run cheapest first, by their time in the initial
// run. Old module copies are never freed (Node keeps every module it imported), so
// `maxTestRunnerReuse` in stryker.config.mjs restarts the process now and then.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { PluginKind, declareClassPlugin, commonTokens, tokens } from '@stryker-mutator/api/plugin';
import {
  DryRunStatus,
  TestStatus,
  determineHitLimitReached,
  toMutantRunResult,
} from '@stryker-mutator/api/test-runner';
import { bundleOf, testFiles } from './test-files.mjs';

/** Stryker's instrumented code keeps its state (active mutant, coverage) here. */
const NS = '__stryker__';
/** STRYKER_IN_PROCESS_TRACE=file: one line a mutant (files and tests run, milliseconds, memory). */
const TRACE = process.env.STRYKER_IN_PROCESS_TRACE;
/** In the sandbox (the workers' working directory): written by the initial run, read by every worker. */
const PLAN_FILE = '.stryker-in-process-plan.json';
const MOCHA_GLOBALS = ['describe', 'it', 'before', 'after', 'beforeEach', 'afterEach'];

/** A describe block: its tests run before its child suites, as in mocha. */
function newSuite(title, parent) {
  return { title, parent, suites: [], tests: [], before: [], after: [], beforeEach: [], afterEach: [] };
}

function fullTitle(suite, title) {
  const titles = [title];
  for (let s = suite; s; s = s.parent) if (s.title) titles.unshift(s.title);
  return titles.join(' ');
}

/** Every test of a suite and its child suites. */
function testsUnder(suite) {
  return [...suite.tests, ...suite.suites.flatMap(testsUnder)];
}

class InProcessTestRunner {
  static inject = tokens(commonTokens.logger);
  generation = 0;
  /** @type {string[]} */
  files = [];
  /** Dry-run time per test file, for the order of a mutant's files. */
  fileTimes = new Map();
  /** @type {{ fileTimes: Record<string, number>, direct: Record<string, string[]> } | undefined} */
  plan = undefined;
  /** The first error thrown outside a test's promise (a timer, an unawaited rejection). */
  stray = undefined;

  constructor(log) {
    this.log = log;
    this.ns = globalThis[NS] ?? (globalThis[NS] = {});
    const onStray = (error) => {
      this.stray ??= error;
    };
    process.on('uncaughtException', onStray);
    process.on('unhandledRejection', onStray);
  }

  capabilities() {
    // Every run loads the code afresh, with the mutant active from the start.
    return { reloadEnvironment: true };
  }

  async init() {
    this.files = testFiles();
  }

  /** @param {import('@stryker-mutator/api/test-runner').DryRunOptions} options */
  async dryRun({ coverageAnalysis, disableBail }) {
    this.ns.activeMutant = undefined;
    this.ns.hitLimit = undefined;
    this.ns.hitCount = undefined;
    this.ns.mutantCoverage = { static: {}, perTest: {} };
    /** Coverage ids that are not tests (a file's loading, a suite's before/after hooks) → the tests they count for. */
    const sharedCoverage = new Map();
    const tests = [];
    for (const file of this.files) {
      const start = performance.now();
      const root = await this.load(file, coverageAnalysis === 'perTest' ? `load ${file}` : undefined);
      if (root.error) return { status: DryRunStatus.Error, errorMessage: `${file}: ${message(root.error)}` };
      const ids = testsUnder(root).map((test) => test.id);
      sharedCoverage.set(`load ${file}`, ids);
      const results = await this.run(root, undefined, true, (suite) => {
        const id = `hooks ${file} ${fullTitle(suite, '')}`;
        sharedCoverage.set(
          id,
          testsUnder(suite).map((test) => test.id),
        );
        return id;
      });
      this.fileTimes.set(file, performance.now() - start);
      tests.push(...results);
      if (!disableBail && results.some((test) => test.status === TestStatus.Failed)) break;
    }
    const result = { status: DryRunStatus.Complete, tests };
    if (coverageAnalysis !== 'off') {
      const { perTest, static: statics } = this.ns.mutantCoverage;
      /** Mutant id → the tests that ran it themselves (not in a file's loading or a suite's hooks). */
      const direct = {};
      for (const [testId, hits] of Object.entries(perTest)) {
        if (sharedCoverage.has(testId)) continue;
        for (const mutantId of Object.keys(hits)) (direct[mutantId] ??= []).push(testId);
      }
      for (const [id, testIds] of sharedCoverage) {
        const hits = perTest[id];
        delete perTest[id];
        if (!hits) continue;
        for (const testId of testIds) perTest[testId] = { ...perTest[testId], ...hits };
      }
      result.mutantCoverage = { static: statics, perTest };
      this.plan = { fileTimes: Object.fromEntries(this.fileTimes), direct };
      writeFileSync(PLAN_FILE, JSON.stringify(this.plan));
    }
    return result;
  }

  /** @param {import('@stryker-mutator/api/test-runner').MutantRunOptions} options */
  async mutantRun({ activeMutant, testFilter, disableBail, hitLimit }) {
    const started = performance.now();
    this.ns.activeMutant = activeMutant.id;
    this.ns.hitLimit = hitLimit;
    this.ns.hitCount = hitLimit ? 0 : undefined;
    this.ns.mutantCoverage = { static: {}, perTest: {} };
    const plan = this.readPlan();
    const wanted = testFilter ?? this.files.map((file) => `${file}: `);
    // First the tests that run the mutant themselves (the likeliest to notice it), then those
    // that only load it (a module-level constant, a suite's hooks).
    const direct = new Set(plan.direct[activeMutant.id] ?? []);
    const phases = [wanted.filter((id) => direct.has(id)), wanted.filter((id) => !direct.has(id))];
    const tests = [];
    try {
      for (const phase of phases) {
        if (!disableBail && tests.some((test) => test.status === TestStatus.Failed)) break;
        const ids = new Set(phase);
        const files = this.files.filter((file) => phase.some((id) => id.startsWith(`${file}: `)));
        files.sort((a, b) => (plan.fileTimes[a] ?? Infinity) - (plan.fileTimes[b] ?? Infinity));
        for (const file of files) {
          const root = await this.load(file, undefined);
          if (root.error) {
            tests.push(failed(`${file}: loading`, file, root.error));
          } else {
            // No test filter: every test of the file (ids ending in ': ' stand for whole files).
            const only = testFilter ? ids : undefined;
            tests.push(...(await this.run(root, only, !disableBail, () => undefined)));
          }
          if (!disableBail && tests.some((test) => test.status === TestStatus.Failed)) break;
        }
      }
    } finally {
      this.ns.activeMutant = undefined;
    }
    if (TRACE) {
      appendFileSync(
        TRACE,
        `${JSON.stringify({ mutant: activeMutant.id, direct: phases[0].length, tests: tests.length, wanted: testFilter?.length, ms: Math.round(performance.now() - started), killed: tests.some((t) => t.status === TestStatus.Failed), mb: process.memoryUsage().rss >> 20 })}\n`,
      );
    }
    const timeout = determineHitLimitReached(this.ns.hitCount, this.ns.hitLimit);
    return toMutantRunResult(timeout ?? { status: DryRunStatus.Complete, tests });
  }

  /** The initial run's file times and direct coverage, from the worker that made it (every worker reads the file). */
  readPlan() {
    if (!this.plan) {
      try {
        this.plan = JSON.parse(readFileSync(PLAN_FILE, 'utf8'));
      } catch {
        this.plan = { fileTimes: {}, direct: {} };
      }
    }
    return this.plan;
  }

  /** A fresh copy of a test file's bundle, its describe/it calls collected into a tree. */
  async load(file, coverageId) {
    const root = newSuite('', undefined);
    let current = root;
    const seen = new Map();
    const api = {
      describe: (title, body) => {
        const suite = newSuite(String(title), current);
        current.suites.push(suite);
        current = suite;
        try {
          body();
        } finally {
          current = suite.parent;
        }
      },
      it: (title, body) => {
        const name = fullTitle(current, String(title));
        const count = (seen.get(name) ?? 0) + 1;
        seen.set(name, count);
        const unique = count === 1 ? name : `${name} (${count})`;
        current.tests.push({ id: `${file}: ${unique}`, name: unique, file, body, suite: current });
      },
      before: (body) => void current.before.push(body),
      after: (body) => void current.after.push(body),
      beforeEach: (body) => void current.beforeEach.push(body),
      afterEach: (body) => void current.afterEach.push(body),
    };
    const saved = MOCHA_GLOBALS.map((name) => globalThis[name]);
    Object.assign(globalThis, api);
    this.ns.currentTestId = coverageId;
    try {
      const url = pathToFileURL(resolve(bundleOf(file)));
      url.search = `generation=${++this.generation}`;
      await import(url.href);
    } catch (error) {
      root.error = error;
    } finally {
      this.ns.currentTestId = undefined;
      MOCHA_GLOBALS.forEach((name, index) => (globalThis[name] = saved[index]));
    }
    return root;
  }

  /**
   * Runs the wanted tests of a loaded file (all when `wanted` is undefined), with their hooks.
   * `hookCoverageId(suite)` names what a suite's before/after hooks cover (undefined: nothing).
   */
  async run(root, wanted, bail, hookCoverageId) {
    const results = [];
    const ns = this.ns;
    const stop = () => bail && results.some((test) => test.status === TestStatus.Failed);
    const call = async (body) => {
      this.stray = undefined;
      await body();
      // Give a stray rejection of this body the chance to surface before the body counts as passed.
      await new Promise((done) => setImmediate(done));
      if (this.stray !== undefined) throw this.stray;
    };
    const eachHooks = (suite, kind) => {
      const hooks = [];
      for (let s = suite; s; s = s.parent) hooks.unshift(...s[kind]);
      return kind === 'afterEach' ? hooks.reverse() : hooks;
    };
    const runSuite = async (suite) => {
      const tests = testsUnder(suite).filter((test) => !wanted || wanted.has(test.id));
      if (tests.length === 0) return;
      ns.currentTestId = hookCoverageId(suite);
      try {
        for (const hook of suite.before) await call(hook);
      } catch (error) {
        results.push(...tests.map((test) => failed(test.name, test.file, error, test.id)));
        return;
      } finally {
        ns.currentTestId = undefined;
      }
      for (const test of suite.tests) {
        if (stop()) break;
        if (wanted && !wanted.has(test.id)) continue;
        results.push(await this.runTest(test, call, eachHooks));
      }
      for (const child of suite.suites) {
        if (stop()) break;
        await runSuite(child);
      }
      ns.currentTestId = hookCoverageId(suite);
      try {
        for (const hook of suite.after) await call(hook);
      } catch (error) {
        results.push(failed(`${fullTitle(suite, '"after all" hook')}`, tests[0].file, error));
      } finally {
        ns.currentTestId = undefined;
      }
    };
    await runSuite(root);
    return results;
  }

  async runTest(test, call, eachHooks) {
    const start = performance.now();
    this.ns.currentTestId = test.id;
    let error;
    try {
      for (const hook of eachHooks(test.suite, 'beforeEach')) await call(hook);
      await call(test.body);
    } catch (thrown) {
      error = thrown;
    }
    try {
      for (const hook of eachHooks(test.suite, 'afterEach')) await call(hook);
    } catch (thrown) {
      error ??= thrown;
    }
    this.ns.currentTestId = undefined;
    const timeSpentMs = performance.now() - start;
    return error === undefined
      ? { id: test.id, name: test.name, fileName: test.file, status: TestStatus.Success, timeSpentMs }
      : failed(test.name, test.file, error, test.id, timeSpentMs);
  }
}

function failed(name, fileName, error, id = name, timeSpentMs = 0) {
  return { id, name, fileName, status: TestStatus.Failed, failureMessage: message(error), timeSpentMs };
}

function message(error) {
  return error instanceof Error ? error.message || String(error.stack) : String(error);
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'in-process', InProcessTestRunner)];
