import { defineConfig } from 'vite';

/**
 * Two library builds, chosen by `--mode`:
 * - `es`: `dist/email-responses.js` (registers the elements), `dist/core.js` (DOM-free) and
 *   `dist/providers.js` (the webhook kit, for servers), with lit, @lit/context and idb left as
 *   imports for the host's bundler;
 * - `iife`: `dist/email-responses.iife.js`, everything inlined, for one `<script>` tag.
 * Without a library mode, `vite` serves the demo (index.html) with the msw worker from public/.
 * `demo`: the demo page built into dist-demo/.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'es') {
    return {
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        copyPublicDir: false,
        sourcemap: true,
        lib: {
          entry: { 'email-responses': 'src/index.ts', core: 'src/core/index.ts', providers: 'src/providers/index.ts' },
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rollupOptions: {
          external: [/^lit($|\/)/, /^@lit\//, /^idb($|\/)/],
        },
      },
    };
  }
  if (mode === 'iife') {
    return {
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
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
    build: mode === 'demo' ? { outDir: 'dist-demo', emptyOutDir: true, target: 'es2022' } : {},
  };
});
