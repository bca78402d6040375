import { chromeLauncher } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { findFirefox } from './scripts/firefox.mjs';
import { firefoxLauncher } from './scripts/firefox-test-runner.mjs';
import { countReporter } from './scripts/count-reporter.mjs';

// The browsers: EMAIL_RESPONSES_BROWSERS lists them (`chromium`, `firefox`, or both, comma
// separated); by default Chromium, and Firefox beside it when one is installed.
// `npm test` runs one browser at a time, so the two never share the machine's cores.
const wanted = (process.env.EMAIL_RESPONSES_BROWSERS ?? 'chromium,firefox').split(',').map((name) => name.trim());
const browsers = [];
if (wanted.includes('chromium')) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('email-responses: run `node scripts/chromium.mjs` first');
  browsers.push(chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } }));
}
if (wanted.includes('firefox')) {
  const executablePath = findFirefox();
  if (executablePath) browsers.push(firefoxLauncher(executablePath));
  else if (process.env.EMAIL_RESPONSES_BROWSERS) throw new Error('email-responses: run `node scripts/firefox.mjs`');
}
if (browsers.length === 0) throw new Error(`email-responses: no browser in EMAIL_RESPONSES_BROWSERS=${wanted}`);

export default {
  // Every *.test.ts but the Node-only (*.node.test.ts), end-to-end (*.e2e.test.*) and slow
  // (*.slow.test.ts) ones, which have runners of their own (CONTRIBUTING.md, "Test files").
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts', '!test/**/*.e2e.test.*', '!test/**/*.slow.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testsFinishTimeout: 240_000,
  browsers,
  // msw's worker must be served from the root to control the test pages.
  middleware: [
    function rewriteMswWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  testFramework: { config: { timeout: 30_000 } },
  filterBrowserLogs: ({ args }) => !args.some((arg) => typeof arg === 'string' && arg.includes('Lit is in dev mode')),
  reporters: [defaultReporter(), countReporter('test-results/browser-counts.json')],
};
