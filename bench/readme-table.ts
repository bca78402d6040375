// `npm run bench:readme [RESULTS]`: rewrites the benchmark table in README.md from a run's
// results (bench/results.json unless given), between its markers (bench/harness/readme-block.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readmeBlock, withBlock } from './harness/readme-block';
import type { Results } from './harness/results';

const root = resolve(import.meta.dirname, '..');
const from = resolve(process.argv[2] ?? join(root, 'bench/results.json'));
const results = JSON.parse(readFileSync(from, 'utf8')) as Results;
const readme = join(root, 'README.md');
writeFileSync(readme, withBlock(readFileSync(readme, 'utf8'), readmeBlock(results)));
console.log(`README.md: the bench table from ${from} (commit ${results.source.commit}, ${results.config.mode} run)`);
