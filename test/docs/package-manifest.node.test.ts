// The manifest describes the package as shipped (issue 14): every event typed, every module path a
// file in dist/ that package.json ships, and the React, Vue and editor bindings generated from it
// up to date (`npm run bindings`).
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  events?: { name: string; type?: { text: string } }[];
  superclass?: { module?: string };
}

describe('custom-elements.json and its bindings', () => {
  it('types every event, names dist/ paths, and the generated bindings match it', () => {
    mkdirSync('test-results', { recursive: true });
    const dir = relative(process.cwd(), mkdtempSync(join('test-results', 'cem-')));
    try {
      const run = spawnSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
        encoding: 'utf8',
        env: { ...process.env, CEM_OUTDIR: dir },
      });
      expect(run.status, run.stderr).to.equal(0);
      const manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')) as {
        modules: { path: string; declarations?: Declaration[]; exports?: { declaration?: { module?: string } }[] }[];
      };
      const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
      const shipped = new Set(
        Object.values(pkg.exports).flatMap((target) =>
          typeof target === 'string' ? [target] : Object.values(target as Record<string, string>),
        ),
      );
      const untyped: string[] = [];
      for (const module of manifest.modules) {
        expect(shipped.has(`./${module.path}`), `${module.path} is not a file package.json exports`).to.equal(true);
        for (const declaration of module.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            if (!/^CustomEvent<.+>$/.test(event.type?.text ?? '')) untyped.push(`${declaration.tagName} ${event.name}`);
          }
          if (declaration.superclass?.module) expect(declaration.superclass.module).to.match(/^dist\//);
        }
        for (const entry of module.exports ?? []) expect(entry.declaration?.module ?? 'dist/').to.match(/^dist\//);
      }
      expect(untyped, 'events without a detail type').to.deep.equal([]);
      const events = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.events ?? []);
      // recipient-select, columns-change, and the rest: a new event must be typed to be counted here.
      expect(events.length).to.equal(12);
      const check = spawnSync(process.execPath, ['scripts/generate-bindings.mjs', '--check'], {
        encoding: 'utf8',
        env: { ...process.env, BINDINGS_MANIFEST: join(dir, 'custom-elements.json') },
      });
      expect(check.status, check.stderr).to.equal(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
