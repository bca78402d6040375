// Finds (and on request installs) the Chromium that tests, end-to-end runs and benchmarks drive.
// No tool here may download a browser of its own: Debian's `chromium` package is the one we use.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Flags Chromium needs as root on a machine with a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** @returns {string | undefined} */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

const HOW_TO =
  "email-responses: no Chromium found. Install Debian's package as root:\n" +
  '  apt-get update && apt-get install -y chromium\n' +
  'or point CHROME_PATH at an installed Chrome or Chromium, then run `npm test` again.';

/** Finds Chromium, installing Debian's package when we are root and apt-get exists. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(HOW_TO);
    process.exit(1);
  }
  console.log("email-responses: no Chromium found; installing Debian's chromium package…");
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error(HOW_TO);
    process.exit(1);
  }
  const installed = findChromium();
  if (!installed) {
    console.error(HOW_TO);
    process.exit(1);
  }
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureChromium());
}
