import { defineConfig } from 'vite';
import { iifeParts, iifeVariants } from './scripts/vite-iife-parts.mjs';
import { minifyTemplates } from './scripts/vite-minify-templates.mjs';
import { chunkFileName, ownSideEffects } from './scripts/vite-side-effects.mjs';

/**
 * Two library builds, chosen by `--mode`:
 * - `es`: `dist/email-responses.js` (registers the elements), one entry per element,
 *   `dist/core.js` (DOM-free), `dist/providers.js` (the webhook kit and the provider normalizers,
 *   for servers) and the React and Vue bindings, with lit, @lit/context and idb left as imports
 *   for the host's bundler;
 * - `iife`: `dist/email-responses.iife.js` for one `<script>` tag: Lit, @lit/context, the store and
 *   `<email-responses>`, which every such page runs. The grid, the timeline and the summary load
 *   from `dist/iife/` next to the script when their tag first appears in the document, and the
 *   IndexedDB cache (with idb), the tab relay, the cache lock, the backend reads and the event
 *   log's columns when a store asks for them: ES modules that read
 *   Lit and the store from the IIFE, never a second copy (scripts/vite-iife-parts.mjs). The provider
 *   normalizers are `dist/providers.js`, loaded when a store reads raw webhooks.
 * Both minify the CSS and markup inside Lit's templates (scripts/vite-minify-templates.mjs).
 * Without a library mode, `vite` serves the demo (index.html) with the msw worker from public/.
 * `demo`: the demo page built into dist-demo/.
 */
/** The ES entries, by file name in dist/ (package.json's `exports` names each one). */
const ES_ENTRIES = {
  'email-responses': 'src/index.ts',
  core: 'src/core/index.ts',
  providers: 'src/providers/index.ts',
  'email-responses-element': 'src/entries/email-responses.ts',
  'audience-response-grid': 'src/entries/audience-response-grid.ts',
  'contact-response-timeline': 'src/entries/contact-response-timeline.ts',
  'response-summary': 'src/entries/response-summary.ts',
  react: 'src/react/index.ts',
  vue: 'src/vue/index.ts',
};

export default defineConfig(({ mode }) => {
  if (mode === 'es') {
    return {
      plugins: [ownSideEffects(), minifyTemplates()],
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        copyPublicDir: false,
        sourcemap: true,
        lib: {
          entry: ES_ENTRIES,
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rollupOptions: {
          // @lit/react is bundled into react.js (2 kB): the package's runtime dependencies stay
          // lit, @lit/context and idb, and React itself is the host's.
          external: [/^lit($|\/)/, /^@lit\/(context|reactive-element)($|\/)/, /^idb($|\/)/, /^react($|\/)/, /^vue$/],
          // Shared code in chunks/; those that register elements (or a view's words) are
          // chunks/registers-*.js, which package.json's `sideEffects` names: the rest a host may drop.
          output: { chunkFileNames: chunkFileName },
        },
      },
    };
  }
  if (mode === 'iife') {
    return {
      // An IIFE has no chunks: what loads on demand comes as ES modules from next to the script,
      // built before it (iifeParts), which then gives them its modules.
      plugins: [iifeVariants(), ownSideEffects(), minifyTemplates(), iifeParts()],
      build: {
        outDir: 'dist',
        // Runs after the ES build: emptying would delete its output.
        emptyOutDir: false,
        copyPublicDir: false,
        minify: true,
        lib: {
          entry: 'src/index.ts',
          formats: ['iife'],
          name: 'EmailResponses',
          fileName: () => 'email-responses.iife.js',
        },
      },
    };
  }
  // `--mode demo` builds the QA demo page (index.html, its msw worker from public/) into
  // dist-demo/, for `vite preview --mode demo` and the end-to-end run.
  return {
    plugins: [ownSideEffects()],
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
    build: mode === 'demo' ? { outDir: 'dist-demo', emptyOutDir: true, target: 'es2022' } : {},
  };
});
