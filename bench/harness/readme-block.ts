// The README's benchmark table, made from a run's results (issue 16's proof: "`bench/results.json`
// carries them; the README's table is regenerated from it, claims and all"). Between two markers
// in README.md, so the prose around it stays the writer's and the table is never typed by hand:
// `npm run bench:readme` after `npm run bench` writes it (bench/readme-table.ts).
import { goalsTable, ownTable, peersTable } from './report';
import type { Results } from './results';

export const BEGIN =
  '<!-- bench-table:begin: written by `npm run bench:readme` from bench/results.json; change the bench, not this table -->';
export const END = '<!-- bench-table:end -->';

/** The block for one run: where and how it was measured, the figures beside the peers, every goal. */
export function readmeBlock(results: Results): string {
  const { config, source, machine } = results;
  const loads = results.load.map((l) => l.loadavg[0]!);
  const load =
    loads.length === 0
      ? ''
      : `; load average ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} as its sections started`;
  const changed =
    source.changedInSrc.length > 0 ? ` with uncommitted changes in ${source.changedInSrc.join(', ')}` : '';
  const parts = [
    `\`npm run bench${config.mode === 'quick' ? ' -- --quick' : ''}\` on commit ${source.commit}${changed}, ${results.startedAt.slice(0, 10)}: ` +
      `median of ${config.runs} run(s), ${machine.cpus} × ${machine.cpuModel}, Chromium ${machine.chromium || '—'} headless${load}. ` +
      'Ratios are ours over the peer: below 1, ours is better.',
  ];
  const peers = peersTable(results);
  if (peers) parts.push('**Beside the peers** (same data, same stream, same browser):', peers);
  const own = ownTable(results);
  if (own) parts.push('**Our own figures** (the raw read of the cache and the same data as plain events beside):', own);
  const goals = goalsTable(results);
  if (goals) parts.push('**Goals**, as the run found them:', goals);
  return [BEGIN, ...parts, END].join('\n\n');
}

/** What a run must have measured for the README: every section, each as often as a full run does. */
const SECTIONS = ['core', 'columnar', 'bundle', 'store', 'cold', 'updates', 'scroll', 'heap'] as const;

/**
 * Why the run is not the README's (a quick run, or some sections only), or undefined: the table
 * stands for the whole bench, so a partial run would drop the goals it did not measure.
 */
export function partialRun(results: Results): string | undefined {
  if (results.config.mode !== 'full') return `a ${results.config.mode} run (\`npm run bench\` without --quick is)`;
  const missing = SECTIONS.filter((section) => results[section] === undefined);
  return missing.length > 0 ? `a run without ${missing.join(', ')} (no --only)` : undefined;
}

/** `readme` with the text between the markers (and the markers) replaced by `block`. */
export function withBlock(readme: string, block: string): string {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin)
    throw new Error('bench:readme: README.md has no bench-table markers (see bench/harness/readme-block.ts)');
  return readme.slice(0, begin) + block + readme.slice(end + END.length);
}
