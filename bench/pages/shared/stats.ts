// Percentiles and run summaries, shared by the pages (per run) and the harness (across runs).

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Median, min and max of one figure over several runs (NaN runs left out). */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function spread(runs: readonly number[]): Spread {
  const valid = runs.filter((value) => Number.isFinite(value));
  if (valid.length === 0) return { median: NaN, min: NaN, max: NaN, runs: [...runs] };
  const sorted = [...valid].sort((a, b) => a - b);
  // The lower median for an even count: a single slow outlier run must not pull it up.
  return {
    median: sorted[Math.floor((sorted.length - 1) / 2)]!,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    runs: [...runs],
  };
}
