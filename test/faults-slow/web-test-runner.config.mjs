// The slow fault tests (`npm run test:faults`, through scripts/test-faults.mjs): the project's
// runner set-up, with these files, long timeouts, and a Chromium that lets the memory test force
// garbage collection (`window.gc`) and read exact heap sizes (`performance.memory`). The files are
// named `*.slow.test.ts`, which the project's main config leaves out, so `npm test` skips them.
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import base from '../../web-test-runner.config.mjs';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { countReporter } from '../../scripts/count-reporter.mjs';

export default {
  ...base,
  files: ['test/faults-slow/**/*.slow.test.ts'],
  concurrency: 1,
  testsFinishTimeout: 1_200_000,
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: 600_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
      },
    }),
  ],
  reporters: [defaultReporter(), countReporter('test-results/faults-browser-counts.json')],
};
