// Heap per recipient of the store's parts at a large audience, in Node (issue 16, section 2): the
// bench page's events (`audienceEvents`) folded into a ResponseState, with or without the store's
// EventLog beside it, the input dropped, then a GC. Quicker than the browser bench (`--only=scroll`)
// and able to weigh the log apart (`both` less `state`), each in its own process:
//   node --expose-gc --import tsx bench/heap-per-recipient.ts [rows] [state|both] [json]
// Node has no pointer compression: its figures for objects and arrays of references are about
// twice Chromium's.
// `json` folds the events as JSON.parse gives them (each event its own strings), not as built.
// `restored` weighs the state a cold start makes instead: the folded rows packed into cache
// pages of 65,536 as IndexedDB keeps them (a structured clone of each, so no string is shared
// with the fold), then restored and indexed as the cache restores them; it prints the time of
// that restore too (Node's, not the browser's, but the same code).
import { compileRules, createResponseState, DEFAULT_RULES, type ResponseEvent } from '../src/core/index';
import { packStateRows } from '../src/store/cache/pack-state-rows';
import { encodeRowPage } from '../src/store/cache/row-page-format';
import { RowRestorer } from '../src/store/cache/row-restore';
import { EventLog } from '../src/store/event-log';
import { EMAIL_ID, audienceEvents } from './pages/shared/audience';

const rows = Number(process.argv[2] ?? 1_000_000);
const part = process.argv[3] ?? 'both';
const json = process.argv[4] === 'json';

function used(): number {
  globalThis.gc!();
  globalThis.gc!();
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.arrayBuffers;
}

const rules = compileRules(DEFAULT_RULES);
if (part === 'restored') await restored();
const before = used();
let events: ResponseEvent[] | undefined = audienceEvents(rows);
if (json) events = JSON.parse(JSON.stringify(events)) as ResponseEvent[];
const count = events.length;
const state = createResponseState(rules);
const log = new EventLog();
const start = performance.now();
if (part === 'state') state.apply(events);
else state.apply(events, (event, row, at) => log.add(event, row, at));
const ms = performance.now() - start;
events = undefined;
const after = used();
const perRecipient = (after - before) / rows;
console.log(
  `${rows.toLocaleString('en')} recipients, ${count.toLocaleString('en')} events${json ? ' (JSON)' : ''}, ${part}: ` +
    `${((after - before) / 2 ** 20).toFixed(1)} MiB, ${perRecipient.toFixed(1)} B a recipient; folded in ${ms.toFixed(0)} ms`,
);
// Keep both alive until measured.
if (state.eventCount < 0 || log.length < 0) console.log('unreachable');

async function restored(): Promise<never> {
  const PAGE = 65_536;
  const before = used();
  let folded: ReturnType<typeof createResponseState> | undefined = createResponseState(rules);
  folded.apply(audienceEvents(rows));
  const rowOrder = folded.emails.get(EMAIL_ID)!.order;
  let records: unknown[] | undefined = [];
  for (let page = 0; page * PAGE < rowOrder.length; page++)
    records.push(
      structuredClone(
        encodeRowPage(packStateRows(folded, EMAIL_ID, page, rowOrder.slice(page * PAGE, (page + 1) * PAGE))),
      ),
    );
  folded = undefined;
  const state = createResponseState(rules);
  const restorer = new RowRestorer(state);
  const start = performance.now();
  await restorer.restore(records);
  const restoreMs = performance.now() - start;
  await restorer.index(async () => {});
  const indexMs = performance.now() - start - restoreMs;
  records = undefined;
  const after = used();
  console.log(
    `${rows.toLocaleString('en')} recipients restored from pages: ${((after - before) / 2 ** 20).toFixed(1)} MiB, ` +
      `${((after - before) / rows).toFixed(1)} B a recipient; restored in ${restoreMs.toFixed(0)} ms, indexed in ${indexMs.toFixed(0)} ms`,
  );
  // What a search or a sort of every row reads (`RowColumns.read`), and what a compaction packs.
  const order = state.emails.get(EMAIL_ID)!.order;
  const readMs: number[] = [];
  let matched = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    for (const row of order) if (state.recipientAt(row).contactName?.includes('ada')) matched++;
    readMs.push(performance.now() - start);
  }
  // As a compaction rewriting every page does (row-snapshot.ts): every page packed, then encoded.
  const packStart = performance.now();
  const packed = [];
  for (let page = 0; page * PAGE < order.length; page++)
    packed.push(packStateRows(state, EMAIL_ID, page, order.slice(page * PAGE, (page + 1) * PAGE)));
  const encoded = packed.map(encodeRowPage);
  const packMs = performance.now() - packStart;
  if (encoded.length < 0) console.log('unreachable');
  console.log(
    `every row read in ${readMs.map((ms) => ms.toFixed(0)).join(', ')} ms (${matched} matches); packed and encoded every page in ${packMs.toFixed(0)} ms`,
  );
  process.exit(0);
}
