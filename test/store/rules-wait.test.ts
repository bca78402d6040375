// Issue 15, item 1: events that arrive while `rules-url` is still on its way, with a response only
// the new rules define (`auto-reply`), are held, not rejected: in memory and in the cache (a
// reload before the rules answer holds them again), applied once the rules are settled, and
// rejected with the reason only if the settled rules do not know them either.
import { expect } from '@open-wc/testing';
import { DEFAULT_RULES, type ResponseRules } from '../../src/core/index';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { deleteDatabase, rawOpen, rawRequest, uniqueName } from './cache/cache-helpers';
import { sleep } from '../faults/fault-harness';
import { BASE_TIME } from '../support/events';

/** The spec's rules plus a non-final `auto-reply`, under a new version. */
const WITH_AUTO_REPLY: ResponseRules = (() => {
  const rules = structuredClone(DEFAULT_RULES);
  rules.version = 'server-auto-reply';
  const opened = rules.responses.find((r) => r.id === 'opened')!;
  rules.responses.push({ ...structuredClone(opened), id: 'auto-reply', label: 'Auto-reply', aliases: [] });
  delete rules.responses[rules.responses.length - 1]!.counter;
  return rules;
})();

const autoReplies = (n: number, prefix = 'ar') =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    emailId: 'm1',
    recipientId: `r${i}`,
    response: 'auto-reply',
    at: BASE_TIME + i * 1000,
  }));

/** fetch answers the rules when `answer` is called: until then the rules are on their way. */
function rulesOnTheirWay(rules: unknown): { answer: () => void; restore: () => void } {
  const original = globalThis.fetch;
  let answer = () => {};
  const body = new Promise<Response>(
    (resolve) => (answer = () => resolve(new Response(JSON.stringify(rules), { status: 200 }))),
  );
  globalThis.fetch = (() => body) as typeof fetch;
  return { answer: () => answer(), restore: () => (globalThis.fetch = original) };
}

function rejections(store: ResponseStore): { code: string; reason: string }[] {
  const heard: { code: string; reason: string }[] = [];
  store.addEventListener('events-rejected', (e) => heard.push(...e.detail.rejected));
  return heard;
}

describe('events that wait for the rules (issue 15, item 1)', () => {
  it('holds unknown responses while the rules load, then applies them under the new rules', async () => {
    const rules = rulesOnTheirWay(WITH_AUTO_REPLY);
    try {
      const store = createResponseStore();
      const heard = rejections(store);
      const loading = store.loadRules('/api/rules');
      const result = await store.ingest([...autoReplies(5), { ...autoReplies(1, 'op')[0]!, response: 'opened' }]);
      expect(result.rejected, 'nothing rejected while the rules are on their way').to.deep.equal([]);
      expect(heard).to.deep.equal([]);
      expect(store.state.eventCount).to.equal(1);
      rules.answer();
      expect(await loading).to.deep.equal({ adopted: true, version: 'server-auto-reply' });
      await sleep(0);
      expect(store.state.eventCount).to.equal(6);
      expect(store.state.recipient('m1', 'r3')?.response).to.equal('auto-reply');
      expect(heard).to.deep.equal([]);
    } finally {
      rules.restore();
    }
  });

  it('rejects them with the reason once settled rules still do not know them', async () => {
    const rules = rulesOnTheirWay({ ...DEFAULT_RULES, version: 'server-2' });
    try {
      const store = createResponseStore();
      const heard = rejections(store);
      const loading = store.loadRules('/api/rules');
      await store.ingest(autoReplies(3));
      expect(heard).to.deep.equal([]);
      rules.answer();
      await loading;
      await sleep(0);
      expect(heard.map((r) => r.code)).to.deep.equal(['unknown-response', 'unknown-response', 'unknown-response']);
      expect(heard[0]!.reason).to.match(/"auto-reply" is not a response in rules server-2/);
      expect(store.state.eventCount).to.equal(0);
    } finally {
      rules.restore();
    }
  });

  it('a reload before the rules answer holds them again, from the cache', async () => {
    const name = uniqueName();
    try {
      const first = rulesOnTheirWay(WITH_AUTO_REPLY);
      const store = createResponseStore({ cacheName: name });
      await store.ready;
      void store.loadRules('/api/rules');
      await store.ingest(autoReplies(4));
      // The next flush (150 ms after the ingest) writes the held events.
      const deadline = performance.now() + 10_000;
      while ((await heldOnDisk(name)) !== 4) {
        if (performance.now() > deadline) throw new Error('the held events were never cached');
        await sleep(30);
      }
      store.close();
      first.restore();

      const second = rulesOnTheirWay(WITH_AUTO_REPLY);
      try {
        const again = createResponseStore({ cacheName: name });
        const heard = rejections(again);
        const loading = again.loadRules('/api/rules');
        await again.ready;
        expect(again.state.eventCount, 'still held: the rules have not answered').to.equal(0);
        second.answer();
        await loading;
        await sleep(0);
        expect(again.state.eventCount).to.equal(4);
        expect(again.state.recipient('m1', 'r2')?.response).to.equal('auto-reply');
        expect(heard).to.deep.equal([]);
        again.close();
      } finally {
        second.restore();
      }
    } finally {
      await deleteDatabase(name);
    }
  });
});

/** How many events the cache holds for the rules. */
async function heldOnDisk(name: string): Promise<number> {
  const db = await rawOpen(name);
  try {
    const record = (await rawRequest(db.transaction('rules').objectStore('rules').get('held'))) as
      { held: unknown[] } | undefined;
    return record?.held.length ?? 0;
  } finally {
    db.close();
  }
}
