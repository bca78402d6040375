// `npm run bench:core`: how fast the core folds events, a benchmark (not a test). Prints the
// median of several runs with min and max, since this 2-core machine is noisy (other work shares
// it): wall-clock figures are the headline, process CPU time (which also counts V8's helper
// threads) is printed beside them as a steadier second reading. The measuring lives in
// core-fold.ts, which `npm run bench` shares.
//
// BENCH_EVENTS, BENCH_RECIPIENTS, BENCH_RUNS change the sizes. The fold on short ids (`r-<n>`)
// and on 36-character GUIDs, each fresh from JSON.parse and warm, is printed unless BENCH_IDS=0.
// BENCH_DETAIL=1 adds variants: validation alone, ISO-8601 times, events as JSON.parse gives them.
// BENCH_GENERATOR=lcg uses the generator of the first version of this file, whose consecutive
// draws were correlated: it gave 90,000 recipients one event and 10,000 about 90 each (so figures
// from before this change are comparable only with it).
import { median, runCoreFold } from './core-fold';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const { results, memory } = runCoreFold({
  events: Number(process.env.BENCH_EVENTS ?? 1_000_000),
  recipients: Number(process.env.BENCH_RECIPIENTS ?? 100_000),
  runs: RUNS,
  detail: process.env.BENCH_DETAIL === '1',
  ids: process.env.BENCH_IDS !== '0',
  generator: process.env.BENCH_GENERATOR === 'lcg' ? 'lcg' : 'mulberry32',
});

const rate = (n: number) => `${(n / 1e6).toFixed(2)} M events/s`;
const range = (values: number[]) => `${rate(Math.min(...values))} – ${rate(Math.max(...values))}`;
console.log(`core benchmark: median of ${RUNS} runs (min–max), Node ${process.version}`);
for (const r of results)
  console.log(`  ${r.label}: ${rate(median(r.wall))} (${range(r.wall)}); CPU time ${rate(median(r.cpu))}`);
console.log(
  `  memory per 100,000 recipients (state incl. event-id dedupe): ${(memory.bytes / 1024 / 1024).toFixed(1)} MB ` +
    `(${(memory.typedArrayBytes / 1024 / 1024).toFixed(1)} MB of it typed arrays; ${memory.rows.toLocaleString('en')} rows)`,
);
console.log('  goals: fold ≥ 5.00 M events/s, incremental ≥ 2.00 M events/s');
