// What a full run and a --quick run measure. The full run stays under 10 minutes on this 2-core
// machine; --quick gives every figure once, shorter, in about 2-3 minutes.
export interface BenchConfig {
  mode: 'full' | 'quick';
  /** Runs per figure (median, min and max are over these). */
  runs: number;
  core: { events: number; recipients: number; runs: number };
  ingest: { events: number; recipients: number; batch: number };
  updates: { rows: number; rates: number[]; seconds: number; drainMs: number };
  /** `rowsMatched`: sizes also scrolled with the step scaled to pass equal rows (see ScrollOptions). */
  scroll: { sizes: number[]; rowsMatched: number[]; seconds: number; step: number };
  cold: { sizes: number[] };
  /** Issue 16 §3: the backlog folded as objects and as columns (Node). */
  columnar: { events: number; recipients: number; runs: number };
  /** Issue 16 §3: the mock backend's snapshot of this many recipients, as objects and as columns. */
  snapshot: { rows: number };
}

export function configFor(quick: boolean): BenchConfig {
  return {
    mode: quick ? 'quick' : 'full',
    runs: quick ? 1 : 3,
    core: { events: 1_000_000, recipients: 100_000, runs: quick ? 1 : 3 },
    ingest: { events: quick ? 200_000 : 500_000, recipients: 100_000, batch: 1_000 },
    updates: { rows: 100_000, rates: [10_000, 50_000], seconds: quick ? 2 : 4, drainMs: 3_000 },
    scroll: { sizes: [100_000, 1_000_000], rowsMatched: [1_000_000], seconds: quick ? 2 : 3, step: 240 },
    // BENCH_COLD_ROWS=1000000 measures one size only (quicker while working on the cold start).
    cold: { sizes: process.env.BENCH_COLD_ROWS ? [Number(process.env.BENCH_COLD_ROWS)] : [100_000, 1_000_000] },
    columnar: { events: 1_000_000, recipients: 100_000, runs: quick ? 1 : 3 },
    // BENCH_SNAPSHOT_ROWS: a smaller audience, to try the section on a loaded machine.
    snapshot: { rows: Number(process.env.BENCH_SNAPSHOT_ROWS) || 1_000_000 },
  };
}
