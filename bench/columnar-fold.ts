// A backlog of events as the wire brings it, parsed and folded: as plain event objects and as one
// columnar batch (docs/wire-format.md) of the same events, in the same run. Node only, like
// core-fold.ts; `npm run bench` puts it in its results (section `core`).
import { applyItems, compileRules, createResponseState, encodeColumns, DEFAULT_RULES } from '../src/core/index';
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
}

export interface ColumnarFoldResult {
  options: ColumnarFoldOptions;
  plain: WireRates;
  columns: WireRates;
}

function measure(text: string, events: number, runs: number, asItems: (parsed: unknown) => unknown[]): WireRates {
  const rules = compileRules(DEFAULT_RULES);
  const rates: WireRates = { chars: text.length, parse: [], fold: [], total: [] };
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

/** The same backlog as a JSON array of events and as one columnar batch, parsed and folded. */
export function runColumnarFold(options: ColumnarFoldOptions): ColumnarFoldResult {
  const events = makeEvents(options.events, options.recipients);
  const plainText = JSON.stringify(events);
  const columnText = JSON.stringify(encodeColumns(events));
  return {
    options,
    plain: measure(plainText, events.length, options.runs, (parsed) => parsed as unknown[]),
    columns: measure(columnText, events.length, options.runs, (parsed) => [parsed]),
  };
}
