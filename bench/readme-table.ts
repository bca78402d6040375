// `npm run bench:readme [RESULTS] [--partial]`: rewrites the benchmark table in README.md from a run's
// results (bench/results.json unless given), between its markers (bench/harness/readme-block.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { partialRun, readmeBlock, withBlock } from './harness/readme-block';
import type { Results } from './harness/results';

const root = resolve(import.meta.dirname, '..');
const given = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const from = resolve(given ?? join(root, 'bench/results.json'));
const results = JSON.parse(readFileSync(from, 'utf8')) as Results;
const partial = partialRun(results);
if (partial && !process.argv.includes('--partial')) {
  console.error(
    `bench:readme: ${from} is ${partial}; the README's table is a full run's (--partial to write it anyway)`,
  );
  process.exit(1);
}
const readme = join(root, 'README.md');
writeFileSync(readme, withBlock(readFileSync(readme, 'utf8'), readmeBlock(results)));
console.log(`README.md: the bench table from ${from} (commit ${results.source.commit}, ${results.config.mode} run)`);
