// `npm run bench:core`: how fast the core folds events, a benchmark (not a test). Prints the
// median of several runs with min and max, since this 2-core machine is noisy (other work shares
// it): wall-clock figures are the headline, process CPU time (which also counts V8's helper
// threads) is printed beside them as a steadier second reading.
//
// BENCH_EVENTS, BENCH_RECIPIENTS, BENCH_RUNS change the sizes. BENCH_DETAIL=1 adds variants:
// validation alone, ISO-8601 times, events as JSON.parse gives them. BENCH_GENERATOR=lcg uses
// the generator of the first version of this file, whose consecutive draws were correlated: it
// gave 90,000 recipients one event and 10,000 about 90 each (so figures from before this change
// are comparable only with it).
import { DEFAULT_RULES, compileRules, createResponseState, foldEvents, validateEvents, type ResponseEvent } from '../src/core/index';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DETAIL = process.env.BENCH_DETAIL === '1';
const BATCH = 1_000;

function generator(seed: number): () => number {
  if (process.env.BENCH_GENERATOR === 'lcg') return () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  // mulberry32: consecutive draws are independent, so recipients are uniform.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A realistic mix: every recipient is sent and most delivered; some open, click, bounce. */
function makeEvents(count: number, recipients: number, isoTimes = false): ResponseEvent[] {
  const mix = ['sent-to-provider', 'provider-queued', 'delivered', 'opened', 'opened', 'clicked', 'opened-machine', 'soft-bounce', 'hard-bounce', 'unsubscribed'];
  const base = Date.UTC(2026, 0, 1);
  const events: ResponseEvent[] = new Array(count);
  const random = generator(42);
  for (let i = 0; i < count; i++) {
    const r = i < recipients ? i : Math.floor(random() * recipients);
    const at = base + Math.floor(random() * 172_800_000);
    events[i] = {
      id: `ev-${i}`,
      emailId: 'email-1',
      recipientId: `r-${r}`,
      response: i < recipients ? 'sent-to-provider' : mix[Math.floor(random() * mix.length)]!,
      at: isoTimes ? new Date(at).toISOString() : at,
      contactId: `c-${r}`,
      address: `person${r}@example.com`,
    };
  }
  return events;
}

interface Result {
  label: string;
  wall: number[];
  cpu: number[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(label: string, run: () => void): Result {
  const wall: number[] = [];
  const cpu: number[] = [];
  run(); // warm-up: JIT and string hashes
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc?.();
    const startCpu = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(EVENTS / ((performance.now() - start) / 1000));
    const used = process.cpuUsage(startCpu);
    cpu.push(EVENTS / ((used.user + used.system) / 1e6));
  }
  return { label, wall, cpu };
}

const rules = compileRules(DEFAULT_RULES);
const fold = (events: ResponseEvent[]) => () => {
  foldEvents(events, rules);
};
const incremental = (events: ResponseEvent[]) => () => {
  const state = createResponseState(rules);
  for (let i = 0; i < events.length; i += BATCH) state.apply(events.slice(i, i + BATCH));
};

const events = makeEvents(EVENTS, RECIPIENTS);
const results = [
  measure(`fold ${EVENTS.toLocaleString('en')} events over ${RECIPIENTS.toLocaleString('en')} recipients`, fold(events)),
  measure(`incremental batches of ${BATCH.toLocaleString('en')}`, incremental(events)),
];
if (DETAIL) {
  results.push(measure('  validation alone (validateEvents)', () => void validateEvents(events, rules)));
  const iso = makeEvents(EVENTS, RECIPIENTS, true);
  results.push(measure('  fold, times as ISO-8601 text', fold(iso)));
  const parsed = JSON.parse(JSON.stringify(events)) as ResponseEvent[];
  results.push(measure('  fold, events as JSON.parse gives them', fold(parsed)));
  results.push(measure('  incremental, events as JSON.parse gives them', incremental(parsed)));
}

// Memory: the state alone, for 100,000 recipients with one event each (the events themselves
// are the caller's and are not counted).
const memoryEvents = makeEvents(100_000, 100_000);
globalThis.gc?.();
const before = process.memoryUsage();
const held = foldEvents(memoryEvents, rules);
globalThis.gc?.();
const after = process.memoryUsage();
const heap = after.heapUsed - before.heapUsed;
const buffers = after.arrayBuffers - before.arrayBuffers;

const rate = (n: number) => `${(n / 1e6).toFixed(2)} M events/s`;
const range = (values: number[]) => `${rate(Math.min(...values))} – ${rate(Math.max(...values))}`;
console.log(`core benchmark: median of ${RUNS} runs (min–max), Node ${process.version}`);
for (const r of results) console.log(`  ${r.label}: ${rate(median(r.wall))} (${range(r.wall)}); CPU time ${rate(median(r.cpu))}`);
console.log(
  `  memory per 100,000 recipients (state incl. event-id dedupe): ${((heap + buffers) / 1024 / 1024).toFixed(1)} MB ` +
    `(${(buffers / 1024 / 1024).toFixed(1)} MB of it typed arrays; ${held.recipients.size.toLocaleString('en')} rows)`,
);
console.log('  goals: fold ≥ 5.00 M events/s, incremental ≥ 2.00 M events/s');
