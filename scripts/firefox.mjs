// Finds (and on request installs) the Firefox that the browser suite and the bench drive beside
// Chromium. As with Chromium (scripts/chromium.mjs), no tool may download a browser of its own:
// Debian's `firefox-esr` package is the one we use, driven by puppeteer-core over WebDriver BiDi
// (Firefox's own remote protocol, so neither a patched build nor geckodriver is needed).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/**
 * Firefox prefs for a quiet test browser on a machine with a closed network: no update checks,
 * telemetry, safe-browsing lists or first-run pages, which would otherwise try to reach out.
 */
export const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

/** @returns {string | undefined} */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

const HOW_TO =
  "email-responses: no Firefox found. Install Debian's package as root:\n" +
  '  apt-get update && apt-get install -y firefox-esr\n' +
  'or point FIREFOX_PATH at an installed Firefox (128 or later), then run `npm test` again.';

/**
 * Finds Firefox, installing Debian's `firefox-esr` when we are root and apt-get exists.
 * Returns undefined (after saying why) when there is none and none can be installed.
 * @returns {string | undefined}
 */
export function ensureFirefox() {
  const found = findFirefox();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(HOW_TO);
    return undefined;
  }
  console.log("email-responses: no Firefox found; installing Debian's firefox-esr package…");
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error(HOW_TO);
    return undefined;
  }
  const installed = findFirefox();
  if (!installed) console.error(HOW_TO);
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = ensureFirefox();
  if (!path) process.exit(1);
  console.log(path);
}
