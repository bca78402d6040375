// The <script> build (vite.config.ts, `--mode iife`) and its lazy parts.
// - `iifeVariants`: a module `x.ts` with a sibling `x.iife.ts` is replaced by it in that build: the
//   loaders of on-demand code (src/store/cache/load-cache.ts, src/store/load-coordination.ts,
//   src/store/provider-normalizers.ts)
//   import ES modules from next to the script instead of chunks, which an IIFE cannot have.
// - `iifeParts`: after the IIFE is written, builds those ES modules into `<outDir>/iife/`, each
//   self-contained (idb and the few core helpers they use inlined: no bare import for a browser to
//   resolve), sharing their common code in `iife/chunks/`.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'vite';
import { minifyTemplates } from './vite-minify-templates.mjs';
import { ownSideEffects } from './vite-side-effects.mjs';

const ROOT = resolve(import.meta.dirname, '..');

/** What src/entries/iife-parts.ts's `loadPart(name)` imports, by name. */
export const IIFE_PARTS = {
  cache: resolve(ROOT, 'src/store/cache/index.ts'),
  idb: createRequire(import.meta.url).resolve('idb'),
  // src/store/load-coordination.iife.ts: for a store given `tabs`, or a cache name without them.
  'tab-relay': resolve(ROOT, 'src/store/tab-relay.ts'),
  'cache-lock': resolve(ROOT, 'src/store/cache-lock.ts'),
};

/** @returns {import('vite').Plugin} */
export function iifeVariants() {
  return {
    name: 'email-responses:iife-variants',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return undefined;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const variant = resolved?.id.replace(/\.ts$/, '.iife.ts');
      return variant && variant !== resolved.id && existsSync(variant) ? variant : undefined;
    },
  };
}

/** @returns {import('vite').Plugin} */
export function iifeParts() {
  let outDir = 'dist';
  return {
    name: 'email-responses:iife-parts',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await build({
        configFile: false,
        root: ROOT,
        logLevel: 'warn',
        mode: 'production',
        plugins: [ownSideEffects(), minifyTemplates()],
        build: {
          outDir: resolve(outDir, 'iife'),
          emptyOutDir: true,
          copyPublicDir: false,
          minify: true,
          target: 'es2022',
          lib: { entry: IIFE_PARTS, formats: ['es'], fileName: (_format, name) => `${name}.js` },
          rollupOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
        },
      });
    },
  };
}
