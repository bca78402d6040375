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
import { median } from './core-fold';

interface Once {
  fresh: { wall: number[]; cpu: number[] };
  warm: { wall: number[]; cpu: number[] };
}

const [base, branch = '.'] = process.argv.slice(2);
if (!base) throw new Error('usage: npx tsx bench/core-fold-pair.ts BASE_CHECKOUT [THIS_CHECKOUT]');
const pairs = Number(process.env.BENCH_PAIRS ?? 3);
const sizes = [
  process.env.BENCH_EVENTS ?? '1000000',
  process.env.BENCH_RECIPIENTS ?? '100000',
  process.env.BENCH_RUNS ?? '3',
];
const kinds = (process.env.BENCH_ID_KINDS ?? 'guid,short').split(',');
const once = resolve(import.meta.dirname, 'core-fold-once.ts');

const inTurn = process.env.BENCH_PAIR_MODE === 'runs';

function run(roots: string, ids: string): Once[] {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', once, roots, ids, ...sizes], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Once);
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
const mode = inTurn ? 'in turn in one process' : 'in separate processes';
console.log(`fold, ${resolve(branch)} over ${resolve(base)}: ${pairs} pairs ${mode}, sizes ${sizes.join(' ')}`);
console.log(`load average at start: ${load()}`);
type Figures = Record<'base' | 'branch' | 'ratio', number[]>;
const figures = new Map<string, Figures>();
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
    console.log(`  pair ${pair + 1}, ${ids}: done (load ${load()})`);
  }
}
const rate = (n: number) => `${(n / 1e6).toFixed(2)}`;
console.log('variant             base M ev/s  this M ev/s  ratio (median, min-max)');
for (const [key, f] of figures) {
  const ratios = `${median(f.ratio).toFixed(2)}× (${Math.min(...f.ratio).toFixed(2)}-${Math.max(...f.ratio).toFixed(2)})`;
  console.log(
    `  ${key.padEnd(18)} ${rate(median(f.base)).padStart(10)} ${rate(median(f.branch)).padStart(12)}  ${ratios}`,
  );
}
console.log(`load average at end: ${load()}`);
