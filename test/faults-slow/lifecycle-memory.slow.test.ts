// Issue 14, lifecycle defect 2: a route holding `<email-responses cache-name=…>` visited again and
// again. Each visit's store stayed alive after the element was removed (its open IndexedDB
// connection held it, and with it the whole state): heap 45 → 85 → 124 MB over three visits. Now
// the element closes the store it made a task after it leaves, and memory returns to its baseline
// after ten mount/unmount cycles. The heap is read after forced garbage collection, as in
// memory.slow.test.ts (this folder's config runs Chromium with `--expose-gc`).
import { expect } from '@open-wc/testing';
import type { ResponseEvent } from '../../src/core/index';
import '../../src/elements/email-responses/define';
import '../../src/elements/audience-response-grid/define';
import type { EmailResponsesElement } from '../../src/elements/email-responses/email-responses';
import { deleteDatabase, uniqueName } from '../store/cache/cache-helpers';
import { sleep } from '../faults/fault-harness';
import { BASE_TIME } from '../support/events';
import { measureHeap } from './measure-heap';

const RECIPIENTS = 30_000;
const CYCLES = 10;
const MB = 1024 * 1024;

function audience(): ResponseEvent[] {
  const events: ResponseEvent[] = [];
  for (let i = 0; i < RECIPIENTS; i++)
    events.push({
      id: `m-${i}`,
      emailId: 'route',
      recipientId: `r-${i}`,
      response: i % 5 === 0 ? 'opened' : 'delivered',
      at: BASE_TIME + i,
      address: `r${i}@example.com`,
    });
  return events;
}

describe('memory: a route with a cached <email-responses> mounted and unmounted', () => {
  const name = uniqueName();
  after(() => deleteDatabase(name));

  it(`returns to its baseline after ${CYCLES} mount/unmount cycles with a cache`, async () => {
    const stores: WeakRef<object>[] = [];
    const figures: [string, number][] = [];

    /** One visit: mount, fill (the first from events, later ones from the cache), render, leave. */
    const visit = async (first: boolean) => {
      const root = document.createElement('email-responses') as EmailResponsesElement;
      root.setAttribute('cache-name', name);
      const grid = document.createElement('audience-response-grid');
      grid.setAttribute('email-id', 'route');
      grid.style.setProperty('--email-responses-height', '300px');
      root.append(grid);
      document.body.append(root);
      await root.updateComplete;
      const store = root.store;
      await store.ready;
      if (first) {
        const result = await store.ingest(audience());
        expect(result.accepted).to.equal(RECIPIENTS);
      }
      expect(store.state.recipients.size, 'the visit shows the audience').to.equal(RECIPIENTS);
      store.flush();
      await sleep(50);
      stores.push(new WeakRef(store));
      root.remove();
    };

    // A first visit fills the cache; a second warms what is made once (formatters, compiled code).
    await visit(true);
    await visit(false);
    await sleep(200);
    const baseline = await measureHeap();
    figures.push(['after 2 warm-up visits, elements removed', baseline]);
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      await visit(false);
      if (cycle === 0 || cycle === CYCLES - 1) figures.push([`after visit ${cycle + 1}`, await measureHeap()]);
    }
    // Released a task after leaving; the cache's last writes then close the database.
    await sleep(500);
    const released = await measureHeap();
    figures.push([`after ${CYCLES} visits, elements removed`, released]);

    const table = figures.map(([step, bytes]) => `| ${step} | ${(bytes / MB).toFixed(1)} |`).join('\n');
    console.log(
      `\nMemory (issue 14): ${RECIPIENTS.toLocaleString('en')} recipients per visit\n\n| step | JS heap used (MB) |\n|---|--:|\n${table}\n`,
    );

    const alive = stores.filter((ref) => ref.deref() !== undefined).length;
    expect(alive, 'stores of removed elements still reachable').to.equal(0);
    expect((released - baseline) / MB, 'MB grown over the visits').to.be.below(GROWTH_MB);
  });
});

/** One visit's store holds several MB at this size: ten kept would be far above this bound. */
const GROWTH_MB = 6;
