// Builds the bench pages with vite into a temporary directory (production mode: Lit without its
// dev-mode checks, as a host would ship it), and the IIFE bundle to weigh it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { ownSideEffects } from '../../scripts/vite-side-effects.mjs';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const PAGES = join(ROOT, 'bench/pages');
export const PAGE_NAMES = ['ours', 'ag-grid', 'vaadin', 'store', 'cold', 'snapshot'] as const;

/** `minify: false` keeps names readable in a profile (BENCH_MINIFY=0). */
export async function buildPages(outDir: string, minify = process.env.BENCH_MINIFY !== '0'): Promise<void> {
  await build({
    root: PAGES,
    configFile: false,
    logLevel: 'warn',
    // The pages import src/: keep its element registrations (package.json's sideEffects names dist/ only).
    plugins: [ownSideEffects()],
    // The project's public/ holds msw's worker, which the snapshot page's mock backend registers.
    publicDir: join(ROOT, 'public'),
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify,
      // AG Grid alone is over a megabyte: vite's warning about it says nothing useful here.
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: Object.fromEntries(PAGE_NAMES.map((name) => [name, join(PAGES, `${name}.html`)])) },
    },
  });
}

export interface BundleSize {
  file: string;
  bytes: number;
  /** gzip at level 9 (`gzip -9`). */
  gzipBytes: number;
  /**
   * Whether the bundle calls customElements.define: a build that drops the define modules weighs less and
   * shows nothing.
   */
  registersElements: boolean;
}

/** Builds dist/email-responses.iife.js the way `npm run build` does (vite.config.ts, mode iife), elsewhere. */
export async function buildIife(outDir: string): Promise<BundleSize> {
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'iife',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const file = readdirSync(outDir).find((name) => name.endsWith('.iife.js'));
  if (!file) throw new Error(`bench: the IIFE build wrote no .iife.js into ${outDir}`);
  const code = readFileSync(join(outDir, file));
  return {
    file,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    registersElements: code.includes('customElements.define'),
  };
}
