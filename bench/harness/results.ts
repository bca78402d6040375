// The shape of bench/results.json.
import type {
  IngestStats,
  MountInfo,
  ScrollStats,
  UpdateStats,
  ColdStats,
  RawReadStats,
  HydrateStats,
  GridName,
  PopulateStats,
} from '../pages/shared/bench-api';
import type { Spread } from '../pages/shared/stats';
import type { BundleSize } from './build';
import type { ColumnarResults } from './columnar';
import type { BenchConfig } from './config';
import type { FirefoxComparison } from './firefox';

export const GRIDS: readonly GridName[] = ['ours', 'ag-grid', 'vaadin'];

/** os.loadavg() (1, 5 and 15 minutes) taken as a section started: the machine's noise. */
export interface LoadNote {
  section: string;
  at: string;
  loadavg: [number, number, number];
  /** CPU time a busy loop in this process got over its wall time (1 = a whole core). */
  cpuShare: number;
}

export interface Results {
  config: BenchConfig;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  /** What was measured: the commit and the files under src/ changed from it in the working tree. */
  source: { commit: string; changedInSrc: string[] };
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; chromium: string; platform: string };
  load: LoadNote[];
  core?: {
    foldEventsPerSecond: Spread;
    incrementalEventsPerSecond: Spread;
    foldCpuEventsPerSecond: Spread;
    incrementalCpuEventsPerSecond: Spread;
    memoryBytesPer100k: number;
    /**
     * Issue 16 §4: the fold by id length and input, keyed `fold-<short|guid>-<fresh|warm>`: `short`
     * is `r-<n>`, `guid` 36-character GUIDs; `fresh` just JSON.parse'd before each run, `warm` the
     * same parsed events folded again.
     */
    byIds?: Record<string, Spread>;
    /**
     * Issue 16 §4 with BENCH_FOLD_BASE set: this checkout's fold on fresh 36-character GUIDs over
     * that checkout's (the fold before the issue: df575c0~1), by process CPU time, both in one
     * process run by run in turn (bench/core-fold-pair.ts); `ratios` are of neighbouring runs.
     */
    guidPair?: { base: string; baseCommit: string; ratios: number[]; baseRate: number[]; rate: number[] };
  };
  store?: { writeThrough: IngestStats[]; memoryOnly: IngestStats[] };
  /**
   * By row count. `runs`: each cold start a navigation of one tab that stays open (as a reload, or
   * a link followed in a tab the user has open); `newTab`: the same in a tab opened for the run,
   * while the browser's own new-window work (its omnibox's WebUI, some thousand chrome:// files in
   * this headless Chromium) still loads beside it. Before 7 December 2026 every run was a new tab.
   */
  cold?: Record<
    string,
    { populate: PopulateStats; runs: ColdStats[]; hydrate: HydrateStats[]; raw?: RawReadStats[]; newTab?: ColdStats[] }
  >;
  /** By rate, then grid: one entry per run. */
  updates?: Record<string, Record<GridName, UpdateStats[]>>;
  /** By row count (with `-rows` for the equal-rows variant), then grid. */
  scroll?: Record<string, Record<GridName, ScrollStats[]>>;
  mounts?: Record<string, Record<GridName, MountInfo[]>>;
  heap?: Record<string, Record<GridName, { js: number; dom: number; baselineJs: number }[]>>;
  bundle?: BundleSize;
  /** The `firefox` section: the same figures in Firefox and Chromium. */
  firefox?: FirefoxComparison;
  /** Issue 16 §3: the same data as plain events and as columnar batches. */
  columnar?: ColumnarResults;
  problems: string[];
}
