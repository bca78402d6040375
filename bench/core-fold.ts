// The core fold benchmark as functions: `bench/core.bench.ts` prints them, `npm run bench` puts
// them in its results. Node only (process CPU time). Wall-clock figures are the headline; process
// CPU time (which also counts V8's helper threads) is a steadier second reading on a noisy machine.
import {
  DEFAULT_RULES,
  compileRules,
  createResponseState,
  foldEvents,
  validateEvents,
  type ResponseEvent,
} from '../src/core/index';
import { makeEvents, type GeneratorKind } from './event-mix';

export const BATCH = 1_000;

export interface CoreFoldOptions {
  events: number;
  recipients: number;
  runs: number;
  /** Adds variants: validation alone, ISO-8601 times, events as JSON.parse gives them. */
  detail?: boolean;
  /**
   * Adds the fold on both id lengths (`r-<n>` and 36-character GUIDs), each on fresh input (just
   * JSON.parse'd, before every run: strings without a hash yet, objects not yet in the caches)
   * and on warm input (the same parsed events folded again).
   */
  ids?: boolean;
  generator?: GeneratorKind;
}

/** One measured variant: events per second of each run, by the wall clock and by process CPU time. */
export interface RateResult {
  label: string;
  /** `fold`, `incremental` or a detail variant's key. */
  key: string;
  wall: number[];
  cpu: number[];
}

export interface CoreMemory {
  /** State for 100,000 recipients with one event each, JS heap and typed arrays together. */
  bytes: number;
  typedArrayBytes: number;
  rows: number;
}

export interface CoreFoldResult {
  options: CoreFoldOptions;
  results: RateResult[];
  memory: CoreMemory;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(
  key: string,
  label: string,
  events: number,
  runs: number,
  run: () => void,
  prepare?: () => void,
): RateResult {
  const wall: number[] = [];
  const cpu: number[] = [];
  prepare?.();
  run(); // warm-up: JIT and string hashes
  for (let i = 0; i < runs; i++) {
    prepare?.(); // not timed: fresh input for this run
    globalThis.gc?.();
    const startCpu = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(events / ((performance.now() - start) / 1000));
    const used = process.cpuUsage(startCpu);
    cpu.push(events / ((used.user + used.system) / 1e6));
  }
  return { key, label, wall, cpu };
}

/** Folds the mix whole and in batches of 1,000, `runs` times each after a warm-up. */
export function runCoreFold(options: CoreFoldOptions): CoreFoldResult {
  const { events: count, recipients, runs } = options;
  const rules = compileRules(DEFAULT_RULES);
  const fold = (events: ResponseEvent[]) => () => {
    foldEvents(events, rules);
  };
  const incremental = (events: ResponseEvent[]) => () => {
    const state = createResponseState(rules);
    for (let i = 0; i < events.length; i += BATCH) state.apply(events.slice(i, i + BATCH));
  };

  const events = makeEvents(count, recipients, { generator: options.generator });
  const results = [
    measure(
      'fold',
      `fold ${count.toLocaleString('en')} events over ${recipients.toLocaleString('en')} recipients`,
      count,
      runs,
      fold(events),
    ),
    measure('incremental', `incremental batches of ${BATCH.toLocaleString('en')}`, count, runs, incremental(events)),
  ];
  if (options.detail) {
    results.push(
      measure(
        'validation',
        '  validation alone (validateEvents)',
        count,
        runs,
        () => void validateEvents(events, rules),
      ),
    );
    const iso = makeEvents(count, recipients, { isoTimes: true, generator: options.generator });
    results.push(measure('fold-iso', '  fold, times as ISO-8601 text', count, runs, fold(iso)));
    const parsed = JSON.parse(JSON.stringify(events)) as ResponseEvent[];
    results.push(measure('fold-json', '  fold, events as JSON.parse gives them', count, runs, fold(parsed)));
    results.push(
      measure('incremental-json', '  incremental, events as JSON.parse gives them', count, runs, incremental(parsed)),
    );
  }

  if (options.ids) {
    for (const guids of [false, true]) {
      const name = guids ? 'GUID ids' : 'short ids';
      const key = guids ? 'guid' : 'short';
      const json = JSON.stringify(makeEvents(count, recipients, { generator: options.generator, guids }));
      let input: ResponseEvent[] = [];
      const parse = () => void (input = JSON.parse(json) as ResponseEvent[]);
      results.push(
        measure(
          `fold-${key}-fresh`,
          `  fold, ${name}, fresh from JSON.parse`,
          count,
          runs,
          () => foldEvents(input, rules),
          parse,
        ),
      );
      parse();
      results.push(measure(`fold-${key}-warm`, `  fold, ${name}, warm`, count, runs, () => foldEvents(input, rules)));
      input = [];
    }
  }

  // Memory: the state alone, for 100,000 recipients with one event each (the events themselves
  // are the caller's and are not counted).
  const memoryEvents = makeEvents(100_000, 100_000, { generator: options.generator });
  globalThis.gc?.();
  const before = process.memoryUsage();
  const held = foldEvents(memoryEvents, rules);
  globalThis.gc?.();
  const after = process.memoryUsage();
  const heap = after.heapUsed - before.heapUsed;
  const buffers = after.arrayBuffers - before.arrayBuffers;
  return { options, results, memory: { bytes: heap + buffers, typedArrayBytes: buffers, rows: held.recipients.size } };
}
