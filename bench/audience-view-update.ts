// The audience view following a million-row email as it arrives (a snapshot's pages, a backlog):
// 20 batches of 50,000 new recipients, each `update` timed, unsorted and sorted by response. A
// tool for comparing checkouts, not a figure of the table:
//   node --import tsx --import ./test/node-globals.ts bench/audience-view-update.ts [ROOT] [RUNS]
// ROOT is the checkout whose view and core are timed (default this one).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root = '.', runs = '5'] = process.argv.slice(2);
const from = (path: string) => import(pathToFileURL(resolve(root, path)).href);
const core = (await from('src/core/index.ts')) as typeof import('../src/core/index');
const { AudienceView } = (await from(
  'src/store/audience/audience-view.ts',
)) as typeof import('../src/store/audience/audience-view');

const PAGES = 20;
const PAGE = 50_000;
const T0 = Date.UTC(2026, 0, 1);

function once(query: import('../src/store/audience/audience-view').AudienceQuery): number {
  const state = core.createResponseState(core.compileRules(core.DEFAULT_RULES));
  const view = new AudienceView(state, 'm1', query);
  let ms = 0;
  for (let p = 0; p < PAGES; p++) {
    const events: import('../src/core/index').ResponseEvent[] = [];
    for (let i = 0; i < PAGE; i++) {
      const n = p * PAGE + i;
      events.push({
        id: `e${n}`,
        emailId: 'm1',
        recipientId: `r${n}`,
        response: n % 3 ? 'delivered' : 'opened',
        at: T0 + n,
      });
    }
    const { changed } = state.apply(events);
    const start = performance.now();
    view.update({ rows: changed, reset: false });
    ms += performance.now() - start;
  }
  if (view.length !== PAGES * PAGE) throw new Error(`bench: ${view.length} rows shown`);
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
for (const [name, query] of [
  ['unsorted', {}],
  ['by response', { sort: { column: 'response', direction: 'ascending' } }],
] as const) {
  const times = Array.from({ length: Number(runs) }, () => once(query));
  console.log(
    `${root} ${name}: ${median(times).toFixed(0)} ms for ${(PAGES * PAGE).toLocaleString('en')} new rows (${times.map((t) => t.toFixed(0)).join(', ')})`,
  );
}
