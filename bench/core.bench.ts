// `npm run bench:core`: how fast the core folds events, a benchmark (not a test). Prints the
// median of several runs with min and max, since this 2-core machine is noisy.
import { DEFAULT_RULES, compileRules, createResponseState, foldEvents, type ResponseEvent } from '../src/core/index';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BATCH = 1_000;

/** A realistic mix: every recipient is sent and most delivered; some open, click, bounce. */
function makeEvents(count: number, recipients: number): ResponseEvent[] {
  const mix = ['sent-to-provider', 'provider-queued', 'delivered', 'opened', 'opened', 'clicked', 'opened-machine', 'soft-bounce', 'hard-bounce', 'unsubscribed'];
  const base = Date.UTC(2026, 0, 1);
  const events: ResponseEvent[] = new Array(count);
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (let i = 0; i < count; i++) {
    const r = i < recipients ? i : Math.floor(random() * recipients);
    events[i] = {
      id: `ev-${i}`,
      emailId: 'email-1',
      recipientId: `r-${r}`,
      response: i < recipients ? 'sent-to-provider' : mix[Math.floor(random() * mix.length)]!,
      at: base + Math.floor(random() * 172_800_000),
      contactId: `c-${r}`,
      address: `person${r}@example.com`,
    };
  }
  return events;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(label: string, run: () => void, units: number): { label: string; median: number; min: number; max: number } {
  const rates: number[] = [];
  run(); // warm-up: JIT and string hashes
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc?.();
    const start = performance.now();
    run();
    rates.push(units / ((performance.now() - start) / 1000));
  }
  return { label, median: median(rates), min: Math.min(...rates), max: Math.max(...rates) };
}

const events = makeEvents(EVENTS, RECIPIENTS);
const rules = compileRules(DEFAULT_RULES);

const fold = measure(`fold ${EVENTS.toLocaleString('en')} events over ${RECIPIENTS.toLocaleString('en')} recipients`, () => {
  foldEvents(events, rules);
}, EVENTS);

const incremental = measure(`incremental batches of ${BATCH.toLocaleString('en')}`, () => {
  const state = createResponseState(rules);
  for (let i = 0; i < events.length; i += BATCH) state.apply(events.slice(i, i + BATCH));
}, EVENTS);

// Memory: the state alone, for 100,000 recipients with one event each (the events themselves
// are the caller's and are not counted).
const memoryEvents = makeEvents(100_000, 100_000);
globalThis.gc?.();
const before = process.memoryUsage().heapUsed;
const held = foldEvents(memoryEvents, rules);
globalThis.gc?.();
const perHundredThousand = process.memoryUsage().heapUsed - before;

const rate = (n: number) => `${(n / 1e6).toFixed(2)} M events/s`;
console.log(`core benchmark: median of ${RUNS} runs (min–max), Node ${process.version}`);
for (const result of [fold, incremental]) {
  console.log(`  ${result.label}: ${rate(result.median)} (${rate(result.min)} – ${rate(result.max)})`);
}
console.log(`  memory per 100,000 recipients (state incl. event-id dedupe): ${(perHundredThousand / 1024 / 1024).toFixed(1)} MB` + (held.recipients.size ? '' : ''));
console.log('  goals: fold ≥ 5.00 M events/s, incremental ≥ 2.00 M events/s');
