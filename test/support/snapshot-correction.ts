// One small case for the tests of issue 15, item 3 (a snapshot's corrections last): two optimistic
// events, and a server snapshot that corrects r1 (Opened → Hard Bounce), names r9 (known only to
// the server) and leaves r2 alone. Each test asks where the corrections survive: a refold, a
// reload, another tab, a store that does not write the cache.
import { expect } from '@open-wc/testing';
import { DEFAULT_RULES, type ResponseRules } from '../../src/core/index';
import type { ResponseStore } from '../../src/store/response-store';
import { BASE_TIME } from './events';

/** The same table under a new version: every event is refolded. */
export const RULES_B: ResponseRules = { ...DEFAULT_RULES, version: 'spec-1-b' };

export const events = [
  { id: 'a1', emailId: 'm1', recipientId: 'r1', response: 'opened', at: BASE_TIME + 1000 },
  { id: 'a2', emailId: 'm1', recipientId: 'r2', response: 'delivered', at: BASE_TIME + 2000 },
];

export const SNAPSHOT = {
  emailId: 'm1',
  recipients: [
    { recipientId: 'r1', response: 'hard-bounce', at: BASE_TIME + 500, reason: '550 gone' },
    { recipientId: 'r9', response: 'delivered', at: BASE_TIME + 700 },
  ],
  next: null,
};

/** The server's answers while `run` runs: the snapshot at any URL. */
export async function withSnapshot<T>(run: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = (async () => new Response(JSON.stringify(SNAPSHOT), { status: 200 })) as typeof fetch;
  try {
    return await run();
  } finally {
    globalThis.fetch = original;
  }
}

export function expectCorrected(store: ResponseStore, what: string): void {
  expect(store.state.recipient('m1', 'r1')?.response, `${what}: the corrected row`).to.equal('hard-bounce');
  expect(store.state.recipient('m1', 'r9')?.response, `${what}: the snapshot-only recipient`).to.equal('delivered');
  expect(store.state.recipient('m1', 'r2')?.response, `${what}: a row the snapshot left alone`).to.equal('delivered');
}

/** Waits for another tab's message to land: polls every 10 ms, `tries` times. */
export async function until(condition: () => boolean, what: string, tries = 1000): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
