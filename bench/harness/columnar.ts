// Issue 16 §3, columnar batches on the wire: the same data as plain events and as columnar
// batches (docs/wire-format.md), measured in the same run. Two figures:
//   - `columnar` (Node): a backlog of 1,000,000 events parsed and folded (bench/columnar-fold.ts);
//   - `snapshot` (Chromium, snapshot.html): 1,000,000 recipients from the demo's mock backend's
//     snapshot endpoint to every row shown in our grid.
import type { Page } from 'playwright-core';
import { runColumnarFold, type WireRates } from '../columnar-fold';
import type { SnapshotFormat, SnapshotStats } from '../pages/shared/snapshot-api';
import { spread, type Spread } from '../pages/shared/stats';
import { within, type Bench } from './browser';

export const FORMATS: readonly SnapshotFormat[] = ['objects', 'columns'];

/** Events/s (M) of the backlog by step, per wire format. */
export interface BacklogFigures {
  events: number;
  chars: number;
  parse: Spread;
  fold: Spread;
  total: Spread;
  /** Parsed events through a store (`ingest`: fold and log); absent in results from before. */
  store?: Spread;
}

export interface ColumnarResults {
  backlog?: Record<SnapshotFormat, BacklogFigures>;
  snapshot?: { rows: number; runs: Record<SnapshotFormat, SnapshotStats[]> };
}

const millions = (values: number[]) => spread(values.map((v) => v / 1e6));

function figures(events: number, rates: WireRates): BacklogFigures {
  return {
    events,
    chars: rates.chars,
    parse: millions(rates.parse),
    fold: millions(rates.fold),
    total: millions(rates.total),
    store: millions(rates.store),
  };
}

/** The backlog in this Node process (call with --expose-gc for steadier runs). */
export async function runBacklog(options: {
  events: number;
  recipients: number;
  runs: number;
}): Promise<ColumnarResults['backlog']> {
  const result = await runColumnarFold(options);
  return { objects: figures(options.events, result.plain), columns: figures(options.events, result.columns) };
}

/** Each format `runs` times, alternating, a fresh page each time. */
export async function runSnapshot(
  bench: Bench,
  origin: string,
  rows: number,
  runs: number,
  log: (text: string) => void,
  another: (runSeconds: number) => boolean,
): Promise<ColumnarResults['snapshot']> {
  const out: NonNullable<ColumnarResults['snapshot']> = { rows, runs: { objects: [], columns: [] } };
  const started = Date.now();
  for (let run = 0; run < runs; run++) {
    if (run > 0 && !another((Date.now() - started) / run / 1000)) break;
    for (const format of FORMATS) {
      const page: Page = await bench.open(`${origin}/snapshot.html`);
      await page.waitForFunction(() => window.snapshotBench !== undefined, undefined, { timeout: 60_000 });
      const stats = await within(
        180_000,
        `snapshot of ${rows} rows as ${format}`,
        page.evaluate((options) => window.snapshotBench!.load(options), { rows, format }),
      );
      await page.close();
      out.runs[format].push(stats);
      log(
        `snapshot ${rows.toLocaleString('en')} rows as ${format}, run ${run + 1}: all rows shown ${stats.allRowsMs.toFixed(0)} ms, loaded ${stats.loadMs.toFixed(0)} ms, ${stats.recipients.toLocaleString('en')} applied, ${stats.problems} problems`,
      );
    }
  }
  return out;
}

/** Rows for the results table: figure, unit, value. */
export function columnarRows(
  results: ColumnarResults | undefined,
): { figure: string; unit: string; value: Spread; digits: number }[] {
  const rows: { figure: string; unit: string; value: Spread; digits: number }[] = [];
  for (const format of FORMATS) {
    const b = results?.backlog?.[format];
    if (!b) continue;
    const what = `backlog of ${b.events.toLocaleString('en')} events as ${format} (${(b.chars / 1e6).toFixed(0)} M chars)`;
    rows.push({ figure: `${what}: parse + fold`, unit: 'M events/s', value: b.total, digits: 2 });
    rows.push({ figure: `${what}: JSON.parse`, unit: 'M events/s', value: b.parse, digits: 2 });
    rows.push({ figure: `${what}: unpack + fold`, unit: 'M events/s', value: b.fold, digits: 2 });
    if (b.store)
      rows.push({ figure: `${what}: through a store (fold + log)`, unit: 'M events/s', value: b.store, digits: 2 });
  }
  const s = results?.snapshot;
  for (const format of FORMATS) {
    const runs = s?.runs[format] ?? [];
    if (runs.length === 0) continue;
    const what = `snapshot of ${s!.rows.toLocaleString('en')} recipients from the mock backend as ${format}`;
    rows.push({
      figure: `${what}: all rows shown`,
      unit: 'ms',
      value: spread(runs.map((r) => r.allRowsMs)),
      digits: 0,
    });
  }
  return rows;
}

/** Issue 16's goals for §3. */
export function columnarGoals(
  results: ColumnarResults | undefined,
): { goal: string; measured: string; met: boolean; note: string }[] {
  const out: { goal: string; measured: string; met: boolean; note: string }[] = [];
  const runs = results?.snapshot?.runs.columns ?? [];
  if (runs.length > 0) {
    const ms = spread(runs.map((r) => r.allRowsMs)).median;
    out.push({
      goal: `${results!.snapshot!.rows.toLocaleString('en')} recipients from the mock snapshot (columns) to all rows shown ≤ 2.0 s`,
      measured: `${(ms / 1000).toFixed(2)} s`,
      met: ms <= 2000,
      note: ms > 2000 ? `${(ms / 2000).toFixed(2)}× the goal` : '',
    });
  }
  // Through the store, where a page folds it; the bare fold for results from before it was measured.
  const columns = results?.backlog?.columns;
  const fold = columns?.store?.median ?? columns?.fold.median;
  if (fold !== undefined) {
    out.push({
      goal: 'columnar backlog of 1,000,000 events folded ≥ 3 M events/s',
      measured: `${fold.toFixed(2)} M events/s (${columns?.store ? 'through a store' : 'unpack + fold'})`,
      met: fold >= 3,
      note: fold < 3 ? `${(3 / fold).toFixed(2)}× too slow` : '',
    });
  }
  return out;
}
