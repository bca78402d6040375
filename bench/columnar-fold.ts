// A backlog of events as the wire brings it, parsed and folded: as plain event objects and as one
// columnar batch (docs/wire-format.md) of the same events, in the same run. Node only, like
// core-fold.ts; `npm run bench` puts it in its results (section `columnar`). Each is folded twice:
// into a bare state (`applyItems`) and through a ResponseStore (`ingest`), which also logs every
// event for timelines and refolds, as a page does (issue 16 §3's goal is the store's figure).
import { applyItems, compileRules, createResponseState, encodeColumns, DEFAULT_RULES } from '../src/core/index';
import { loadEventColumns } from '../src/store/event-log';
import { ResponseStore } from '../src/store/response-store';
import { makeEvents } from './event-mix';

export interface ColumnarFoldOptions {
  events: number;
  recipients: number;
  runs: number;
}

/** Events per second of each run, by the wall clock: parse, fold, and the two together. */
export interface WireRates {
  /** The message's length in characters. */
  chars: number;
  parse: number[];
  fold: number[];
  total: number[];
  /** Parsed events through a store without a cache: `ingest`, fold and log. */
  store: number[];
}

export interface ColumnarFoldResult {
  options: ColumnarFoldOptions;
  plain: WireRates;
  columns: WireRates;
}

function measure(text: string, events: number, runs: number, asItems: (parsed: unknown) => unknown[]): WireRates {
  const rules = compileRules(DEFAULT_RULES);
  const rates: WireRates = { chars: text.length, parse: [], fold: [], total: [], store: [] };
  for (let run = -1; run < runs; run++) {
    globalThis.gc?.();
    const start = performance.now();
    const parsed: unknown = JSON.parse(text);
    const parsedAt = performance.now();
    const state = createResponseState(rules);
    const { accepted, rejected } = applyItems(state, asItems(parsed));
    const end = performance.now();
    if (accepted !== events || rejected.length > 0)
      throw new Error(`bench: ${accepted} of ${events} events applied, ${rejected.length} rejected`);
    if (run < 0) continue; // the warm-up
    rates.parse.push(events / ((parsedAt - start) / 1000));
    rates.fold.push(events / ((end - parsedAt) / 1000));
    rates.total.push(events / ((end - start) / 1000));
  }
  return rates;
}

/** Each run: the parsed text ingested by a new store (the parse is not counted). */
async function measureStore(text: string, events: number, runs: number, asItems: (parsed: unknown) => unknown[]) {
  const rates: number[] = [];
  for (let run = -1; run < runs; run++) {
    globalThis.gc?.();
    const items = asItems(JSON.parse(text));
    const store = new ResponseStore();
    await store.ready;
    const start = performance.now();
    // Without a cache the store is ready at once: `ingest` applies before it returns.
    const result = store.ingest(items);
    const end = performance.now();
    const { accepted, rejected } = await result;
    if (accepted !== events || rejected.length > 0 || store.appliedEvents().length !== events)
      throw new Error(`bench: ${accepted} of ${events} events applied through the store, ${rejected.length} rejected`);
    await store.close();
    if (run >= 0) rates.push(events / ((end - start) / 1000));
  }
  return rates;
}

/** The same backlog as a JSON array of events and as one columnar batch, parsed and folded. */
export async function runColumnarFold(options: ColumnarFoldOptions): Promise<ColumnarFoldResult> {
  let events: unknown[] | undefined = makeEvents(options.events, options.recipients);
  const count = events.length;
  const plainText = JSON.stringify(events);
  const columnText = JSON.stringify(encodeColumns(events as never[]));
  // Not held while measuring: a million objects more make every full GC of the runs slower.
  events = undefined;
  const asEvents = (parsed: unknown) => parsed as unknown[];
  const asBatch = (parsed: unknown) => [parsed];
  const plain = measure(plainText, count, options.runs, asEvents);
  const columns = measure(columnText, count, options.runs, asBatch);
  // The log's columns' code, as a page has it once it holds a page of events.
  await loadEventColumns();
  plain.store = await measureStore(plainText, count, options.runs, asEvents);
  columns.store = await measureStore(columnText, count, options.runs, asBatch);
  return { options, plain, columns };
}
