// The fold of two checkouts side by side (issue 16 §4: "1.5× today's fold in the same run, on
// freshly parsed events with 36-character ids"): each checkout folds the same events in its own
// processes (bench/core-fold-once.ts), taken in turn A B, B A, A B…, for both id lengths; each
// pair gives a ratio (this checkout over the other), and the medians of those ratios are the
// figures. Whole processes by default: the JIT's feedback and the heap of one fold cannot colour
// the other's. BENCH_PAIR_MODE=runs instead folds both in one process, run by run in turn (their
// modules apart, the events shared), and takes the ratio of neighbouring runs: on a machine whose
// load swings from minute to minute that is the steadier of the two.
//
//   npx tsx bench/core-fold-pair.ts BASE_CHECKOUT [THIS_CHECKOUT]
//
// e.g. `git worktree add --detach /tmp/fold-base df575c0~1 && npx tsx bench/core-fold-pair.ts
// /tmp/fold-base` (the base needs no node_modules: only its src/core is imported). BENCH_PAIRS
// (3), BENCH_EVENTS (1,000,000), BENCH_RECIPIENTS (100,000), BENCH_RUNS (3 timed folds a
// process, their median kept) and BENCH_ID_KINDS (`guid,short`) change it. Process CPU time is
// the steadier reading on a loaded machine; the load average is printed at the start and end.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './core-fold';

interface Once {
  fresh: { wall: number[]; cpu: number[] };
  warm: { wall: number[]; cpu: number[] };
}

export interface PairOptions {
  pairs: number;
  /** Events, recipients, timed folds a process. */
  sizes: [string, string, string];
  kinds: string[];
  /** Both folds in one process, run by run in turn (BENCH_PAIR_MODE=runs). */
  inTurn: boolean;
}

/** Per `<ids> <fresh|warm> <cpu|wall>`: events/s of each checkout, and the ratios this/base. */
export type PairFigures = Map<string, Record<'base' | 'branch' | 'ratio', number[]>>;

const once = resolve(import.meta.dirname, 'core-fold-once.ts');

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

/** Folds the same events with `base`'s core and `branch`'s, pair by pair in alternating order. */
export function foldPairs(
  base: string,
  branch: string,
  { pairs, sizes, kinds, inTurn }: PairOptions,
  log: (line: string) => void = console.log,
): PairFigures {
  const run = (roots: string, ids: string): Once[] =>
    execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', once, roots, ids, ...sizes], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    })
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Once);
  const figures: PairFigures = new Map();
  for (let pair = 0; pair < pairs; pair++) {
    for (const ids of kinds) {
      const order = pair % 2 === 0 ? [base, branch] : [branch, base];
      const [first, second] = inTurn ? run(order.join(','), ids) : order.map((root) => run(root, ids)[0]);
      const [a, b] = pair % 2 === 0 ? [first!, second!] : [second!, first!];
      for (const input of ['fresh', 'warm'] as const) {
        for (const clock of ['cpu', 'wall'] as const) {
          const key = `${ids} ${input} ${clock}`;
          const f = figures.get(key) ?? { base: [], branch: [], ratio: [] };
          const x = a[input][clock];
          const y = b[input][clock];
          f.base.push(median(x));
          f.branch.push(median(y));
          // In turn, each run's ratio to its neighbour's; in separate processes, of their medians.
          if (inTurn) x.forEach((value, i) => f.ratio.push(y[i]! / value));
          else f.ratio.push(median(y) / median(x));
          figures.set(key, f);
        }
      }
      log(`  pair ${pair + 1}, ${ids}: done (load ${load()})`);
    }
  }
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const [base, branch = '.'] = process.argv.slice(2);
  if (!base) throw new Error('usage: npx tsx bench/core-fold-pair.ts BASE_CHECKOUT [THIS_CHECKOUT]');
  const options: PairOptions = {
    pairs: Number(process.env.BENCH_PAIRS ?? 3),
    sizes: [
      process.env.BENCH_EVENTS ?? '1000000',
      process.env.BENCH_RECIPIENTS ?? '100000',
      process.env.BENCH_RUNS ?? '3',
    ],
    kinds: (process.env.BENCH_ID_KINDS ?? 'guid,short').split(','),
    inTurn: process.env.BENCH_PAIR_MODE === 'runs',
  };
  const mode = options.inTurn ? 'in turn in one process' : 'in separate processes';
  console.log(
    `fold, ${resolve(branch)} over ${resolve(base)}: ${options.pairs} pairs ${mode}, sizes ${options.sizes.join(' ')}`,
  );
  console.log(`load average at start: ${load()}`);
  const figures = foldPairs(base, branch, options);
  const rate = (n: number) => `${(n / 1e6).toFixed(2)}`;
  console.log('variant             base M ev/s  this M ev/s  ratio (median, min-max)');
  for (const [key, f] of figures) {
    const ratios = `${median(f.ratio).toFixed(2)}× (${Math.min(...f.ratio).toFixed(2)}-${Math.max(...f.ratio).toFixed(2)})`;
    console.log(
      `  ${key.padEnd(18)} ${rate(median(f.base)).padStart(10)} ${rate(median(f.branch)).padStart(12)}  ${ratios}`,
    );
  }
  console.log(`load average at end: ${load()}`);
}
