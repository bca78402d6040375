// Firefox as a web-test-runner browser: the runner's own puppeteer launcher (the one
// `chromeLauncher` builds) handed puppeteer-core with `browser: 'firefox'`, which speaks WebDriver
// BiDi to Debian's firefox-esr. That is all @web/test-runner-puppeteer does, less its dependency
// on the full `puppeteer` package, whose install step downloads a browser of its own.
//
// One gap is filled here: BiDi has no media-feature emulation yet, so the runner's
// `emulateMedia` command fails in Firefox ("CDP support is required"). The page this launcher
// makes sets Firefox's own preference instead (through the browser's privileged context, open to
// the test browser only by `--remote-allow-system-access`), and returns once the page's
// `matchMedia` agrees, so `emulateMedia({ colorScheme })` means the same in both browsers.
import { chromeLauncher } from '@web/test-runner';
import puppeteer from 'puppeteer-core';
import { FIREFOX_PREFS } from './firefox.mjs';

/** Each emulated media feature as the Firefox preference that drives it, value by value. */
const FEATURE_PREFS = {
  'prefers-color-scheme': { pref: 'layout.css.prefers-color-scheme.content-override', values: { dark: 0, light: 1 } },
  'prefers-reduced-motion': { pref: 'ui.prefersReducedMotion', values: { 'no-preference': 0, reduce: 1 } },
};

/** @type {WeakMap<object, Promise<string>>} the browser's privileged (chrome) context, per browser */
const chromeContexts = new WeakMap();

function chromeContext(browser) {
  let context = chromeContexts.get(browser);
  if (!context) {
    context = browser.connection
      .send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })
      .then(({ result }) => result.contexts[0].context);
    chromeContexts.set(browser, context);
  }
  return context;
}

async function setPref(browser, pref, value) {
  const expression =
    value === undefined
      ? `Services.prefs.clearUserPref(${JSON.stringify(pref)})`
      : `Services.prefs.setIntPref(${JSON.stringify(pref)}, ${Number(value)})`;
  const { result } = await browser.connection.send('script.evaluate', {
    expression,
    target: { context: await chromeContext(browser) },
    awaitPromise: false,
  });
  if (result.type !== 'success') throw new Error(`email-responses: Firefox refused ${expression}`);
}

/** Puppeteer's `page.emulateMediaFeatures`, for Firefox, through its preferences. */
async function emulateMediaFeatures(page, features = []) {
  for (const { name, value } of features) {
    const feature = FEATURE_PREFS[name];
    if (!feature) throw new Error(`email-responses: the Firefox runner cannot emulate ${name}`);
    if (value && !(value in feature.values)) throw new Error(`email-responses: unknown ${name}: ${value}`);
    await setPref(page.browser(), feature.pref, value ? feature.values[value] : undefined);
    // The preference reaches the page's process on its own channel: wait until the page sees it.
    if (value)
      await page.waitForFunction((query) => matchMedia(query).matches, { timeout: 5_000 }, `(${name}: ${value})`);
  }
}

/**
 * The web-test-runner browser for Firefox at `executablePath`, named "Firefox" in the runner's
 * output.
 * @param {string} executablePath
 */
export function firefoxLauncher(executablePath) {
  return chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      extraPrefsFirefox: FIREFOX_PREFS,
      args: ['--remote-allow-system-access'],
    },
    async createPage({ context }) {
      const page = await context.newPage();
      page.emulateMediaFeatures = (features) => emulateMediaFeatures(page, features);
      page.emulateMediaType = async (type) => {
        if (type) throw new Error(`email-responses: the Firefox runner cannot emulate the media type ${type}`);
      };
      return page;
    },
  });
}
