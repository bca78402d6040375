// The README's element reference is generated from the elements' JSDoc; this fails when someone
// changes an element's attributes, events, parts or custom properties without `npm run docs`.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
// @ts-expect-error: a plain .mjs script without types
import { withElementDocs } from '../../scripts/element-docs.mjs';

describe('the element reference in the README', () => {
  it('matches custom-elements.json made from the code now', () => {
    // The analyzer joins its outdir to the working directory, so the folder must be relative.
    mkdirSync('test-results', { recursive: true });
    const dir = relative(process.cwd(), mkdtempSync(join('test-results', 'cem-')));
    try {
      const run = spawnSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
        encoding: 'utf8',
        env: { ...process.env, CEM_OUTDIR: dir },
      });
      expect(run.status, run.stderr).to.equal(0);
      const manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
      const tags = manifest.modules
        .flatMap((m: { declarations?: { tagName?: string }[] }) => m.declarations ?? [])
        .map((d: { tagName?: string }) => d.tagName)
        .filter(Boolean)
        .sort();
      expect(tags).to.deep.equal([
        'audience-response-grid',
        'contact-response-timeline',
        'email-responses',
        'response-summary',
      ]);
      const readme = readFileSync('README.md', 'utf8');
      expect(withElementDocs(readme, manifest) === readme, 'README.md is out of date: run `npm run docs`').to.equal(
        true,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
