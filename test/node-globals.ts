// Core tests are written once, with mocha-style globals, and run in Chromium (web-test-runner's
// mocha) and under Node (node:test). This maps the globals onto node:test for the Node run.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';

Object.assign(globalThis, { describe, it, before, after, beforeEach, afterEach });
