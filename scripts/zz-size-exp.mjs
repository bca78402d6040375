import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { minifyTemplates } from '/work/main/scripts/vite-minify-templates.mjs';
import { ownSideEffects } from '/work/main/scripts/vite-side-effects.mjs';
const ext = (process.env.EXT ?? '').split(',').filter(Boolean);
const output = await build({ configFile: false, logLevel: 'silent', mode: 'production', plugins: [ownSideEffects(), minifyTemplates()],
  build: { write: false, minify: true, target: 'es2022', rollupOptions: { input: process.env.ENTRY ?? 'src/entries/audience-response-grid.ts', preserveEntrySignatures: 'allow-extension',
    external: (id) => ext.some((e) => id.includes(e)) } } });
const chunks = (Array.isArray(output) ? output[0] : output).output.filter((c) => c.type === 'chunk');
const main = chunks.find((c) => c.isEntry);
const eager = chunks.filter((c) => main.imports.includes(c.fileName));
const gz = [main, ...eager].reduce((s, c) => s + gzipSync(c.code, { level: 9 }).length, 0);
console.log((gz / 1000).toFixed(1), 'kB');
if (process.env.DUMP) (await import('node:fs')).writeFileSync(process.env.DUMP, main.code);
if (process.env.MODS) for (const c of [main, ...eager]) for (const [id, m] of Object.entries(c.modules)) if (m.code) console.log(m.renderedLength, id.replace(/^.*?\/(node_modules|src)\//, '$1/'));
