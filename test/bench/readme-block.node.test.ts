// The README's bench table is written from a run's results, never by hand (issue 16's proof):
// a quick cold-start run's results.json (test/fixtures/bench) stands in for a whole run here.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { BEGIN, END, partialRun, readmeBlock, withBlock } from '../../bench/harness/readme-block';
import type { Results } from '../../bench/harness/results';

const results = JSON.parse(
  readFileSync(new URL('../fixtures/bench/cold-quick-results.json', import.meta.url), 'utf8'),
) as Results;

describe('the README bench table', () => {
  it('says which commit and run it comes from, and each goal the run measured with its verdict', () => {
    const block = readmeBlock(results);
    expect(block.startsWith(BEGIN) && block.endsWith(END)).to.equal(true);
    expect(block).to.include(`on commit ${results.source.commit}`);
    expect(block).to.include('`npm run bench -- --quick`');
    const cold = results.cold!['1000000']!;
    const first = cold.runs[0]!.firstRowsMs;
    expect(block).to.include(
      `| cold start, 1,000,000 cached rows: first rows ≤ 100 ms | ${first.toFixed(1)} ms | ${first <= 100 ? 'yes' : '**no**'} |`,
    );
    // The raw read the ratio goal is judged against is in the table itself.
    expect(block).to.include(
      `| cold start, 1,000,000 cached rows: raw read of the row pages (open, getAll, decode) (ms) | ${Math.round(cold.raw![0]!.rowsMs).toLocaleString('en')} |`,
    );
    // The run in a tab opened for it stands beside, in the goal's note.
    expect(block).to.include(`in a new tab ${cold.newTab![0]!.firstRowsMs.toFixed(1)} ms`);
  });

  it('replaces only what lies between the markers', () => {
    const readme = `# Title\n\nBefore.\n\n${BEGIN}\n\nan old table\n\n${END}\n\nAfter.\n`;
    const written = withBlock(readme, readmeBlock(results));
    expect(written.startsWith('# Title\n\nBefore.\n\n')).to.equal(true);
    expect(written.endsWith('\n\nAfter.\n')).to.equal(true);
    expect(written).not.to.include('an old table');
    expect(withBlock(written, readmeBlock(results)), 'written again, the same').to.equal(written);
  });

  it('knows a quick or partial run, whose table would drop the goals it did not measure', () => {
    expect(partialRun(results)).to.match(/^a quick run/);
    const full = { ...results, config: { ...results.config, mode: 'full' } } as Results;
    expect(partialRun(full)).to.equal('a run without core, columnar, bundle, store, updates, scroll, heap (no --only)');
    const whole = {
      ...full,
      core: {},
      columnar: {},
      bundle: {},
      store: {},
      updates: {},
      scroll: {},
      heap: {},
    } as Results;
    expect(partialRun(whole)).to.equal(undefined);
  });

  it('refuses a README without the markers rather than writing the table somewhere', () => {
    expect(() => withBlock('# Title\n', readmeBlock(results))).to.throw(/no bench-table markers/);
  });

  it('is in the README, between its markers, as the generator writes it', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const begin = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    expect(begin, 'the README has the markers').to.be.greaterThan(0);
    const block = readme.slice(begin, end + END.length);
    expect(block).to.match(/on commit [0-9a-f]{7,}/);
    expect(block).to.include('| goal | measured | met | note |');
  });
});
