// `npm run size` (after `npm run build`): what a host pays, gzip -9, with lit, @lit/context and
// idb inside as the host's bundler would put them. The IIFE as built, then each ES entry bundled
// alone and minified (production: Lit without its dev-mode checks). Prints the figures against
// issue 14's goals; `--strict` exits 1 when one is over. The IIFE's lazy parts (dist/iife/, loaded
// from next to it only when a page needs them: the grid, the timeline or the summary when their
// tag appears, the cache, the tab relay or the cache lock for a store given a cache name or tabs,
// the backend reads for rules, histories and snapshots, the event log's columns once a store holds
// a page of events) are listed apart, not counted in it, each with the shared chunks it imports;
// then what a page with the script tag and one of those elements loads in all.
// `--modules`: where each entry's bytes go, the modules that load with it, largest first, each
// minified and gzipped alone (the sum exceeds the bundle's gzip: gzip shares across modules).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, minify } from 'vite';
import { LAZY_ELEMENTS } from './vite-iife-parts.mjs';
import { minifyTemplates } from './vite-minify-templates.mjs';
import { ownSideEffects, registers } from './vite-side-effects.mjs';

const GOALS = { iife: 45_000, 'audience-response-grid': 40_000 };
const ENTRIES = {
  'email-responses (main)': 'src/index.ts',
  'audience-response-grid': 'src/entries/audience-response-grid.ts',
  'contact-response-timeline': 'src/entries/contact-response-timeline.ts',
  'response-summary': 'src/entries/response-summary.ts',
  'email-responses (element)': 'src/entries/email-responses.ts',
  core: 'src/core/index.ts',
  providers: 'src/providers/index.ts',
};

// package.json's `sideEffects` must name every built chunk that registers something (else a host's
// bundler may drop an element's registration), and only those (else it keeps unused chunks).
const sideEffects = JSON.parse(readFileSync('package.json', 'utf8')).sideEffects.map(
  (glob) => new RegExp(`^${glob.replace(/^\.\//, '').replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`),
);
for (const file of readdirSync('dist/chunks').filter((name) => name.endsWith('.js'))) {
  // A chunk without a map (the bundler's runtime helpers) holds no module of ours.
  const map = `dist/chunks/${file}.map`;
  const { sources } = existsSync(map) ? JSON.parse(readFileSync(map, 'utf8')) : { sources: [] };
  const registering = sources.some((source) => registers(`/${source.replace(/^(\.\.\/)+/, '')}`));
  const named = sideEffects.some((pattern) => pattern.test(`dist/chunks/${file}`));
  if (registering !== named)
    throw new Error(
      `dist/chunks/${file}: ${registering ? "registers something but package.json's sideEffects does not name it" : 'named in sideEffects but registers nothing'}`,
    );
}

const FIRST_STORE = /\/(ingest-code|recipient-rows|audience-view)-[^/]+\.js$/;
const gzip = (code) => gzipSync(code, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const rows = [];
const breakdowns = [];
const TOP = Number(process.env.TOP ?? 15);

const iife = readFileSync('dist/email-responses.iife.js');
rows.push(['iife', 'dist/email-responses.iife.js', iife.length, gzip(iife)]);
// A part and the chunks (dist/iife/chunks/) it imports, each file once; with the chunks it
// imports on demand that its element loads with its first store anyway (the grid's AudienceView).
const WITH_FIRST_STORE = /^audience-view-/;
const partFiles = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, chunk] of code.matchAll(/(?:from|import)\s*["'](\.\/chunks\/[^"']+|\.\/[^"'/]+\.js)["']/g))
    partFiles(join(dirname(file), chunk), seen);
  for (const [, chunk] of code.matchAll(/import\(\s*["'`](\.\/chunks\/[^"'`]+)["'`]\s*\)/g))
    if (WITH_FIRST_STORE.test(chunk.replace('./chunks/', ''))) partFiles(join(dirname(file), chunk), seen);
  return seen;
};
const sizes = (files) =>
  [...files].reduce(([raw, gz], file) => [raw + statSync(file).size, gz + gzip(readFileSync(file))], [0, 0]);
const lazy = [];
for (const part of readdirSync('dist/iife').filter((file) => file.endsWith('.js'))) {
  const files = partFiles(`dist/iife/${part}`);
  const [raw, gz] = sizes(files);
  rows.push([
    `  lazy part: ${part}`,
    `dist/iife/${part}${files.size > 1 ? ` and ${files.size - 1} shared chunk(s)` : ''}`,
    raw,
    gz,
  ]);
  if (LAZY_ELEMENTS.includes(part.replace(/\.js$/, ''))) lazy.push([part, files]);
}
for (const [part, files] of lazy) {
  const [raw, gz] = sizes(files);
  rows.push([
    `  iife + ${part}`,
    'what a page with the script tag and this element loads',
    iife.length + raw,
    gzip(iife) + gz,
  ]);
}

for (const [name, entry] of Object.entries(ENTRIES)) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    plugins: [ownSideEffects(), minifyTemplates()],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      // An app build, not a library one (vite keeps a library's whitespace): what a host ships.
      // The entry keeps every export, and may gain some ('allow-extension'): a host's own entry
      // imports ours and exports nothing, so its bundler is free to keep in it the modules it
      // shares with a lazy chunk ('strict' split them into small eager chunks, 7 for the grid,
      // each gzipped alone: 1.8 kB more for the same code). Every eager chunk is still counted.
      rollupOptions: { input: entry, preserveEntrySignatures: 'allow-extension' },
    },
  });
  const chunks = (Array.isArray(output) ? output[0] : output).output.filter((c) => c.type === 'chunk');
  const main = chunks.find((c) => c.isEntry);
  const code = Buffer.from(main.code);
  // Static imports of the entry load with it: count them; dynamic ones load on demand: not counted.
  const eager = chunks.filter((c) => main.imports.includes(c.fileName));
  const bytes = code.length + eager.reduce((sum, c) => sum + c.code.length, 0);
  const gz = gzip(code) + eager.reduce((sum, c) => sum + gzip(c.code), 0);
  if (!main.code.includes('customElements.define') && !['core', 'providers'].includes(name))
    throw new Error(`${name}: the bundle registers no element (its define modules were dropped)`);
  rows.push([name, entry, bytes, gz]);
  // What a view's page loads in all once its store has events: the chunks a store loads as it is
  // made (the ingest code, the rows' code) and the grid's view of the store, with their imports.
  const withStore = new Set(eager);
  const follow = (chunk) => {
    if (withStore.has(chunk) || chunk === main) return;
    withStore.add(chunk);
    for (const file of chunk.imports) follow(chunks.find((c) => c.fileName === file));
  };
  for (const file of main.dynamicImports) if (FIRST_STORE.test(file)) follow(chunks.find((c) => c.fileName === file));
  if (withStore.size > eager.length) {
    const all = [main, ...withStore];
    rows.push([
      `  + its first store`,
      'and what a store loads as it is made (and a grid with it)',
      all.reduce((sum, c) => sum + c.code.length, 0),
      all.reduce((sum, c) => sum + gzip(c.code), 0),
    ]);
  }
  if (process.argv.includes('--modules')) {
    const modules = [];
    for (const chunk of [main, ...eager]) {
      for (const [id, module] of Object.entries(chunk.modules)) {
        if (!module.code) continue;
        const { code: small } = await minify(id.replace(/\?.*$/, '.js'), module.code, { compress: true, mangle: true });
        modules.push([id.replace(/^.*?\/(node_modules|src)\//, '$1/'), gzip(small)]);
      }
    }
    modules.sort((a, b) => b[1] - a[1]);
    breakdowns.push([name, modules.slice(0, TOP)]);
  }
}

let over = 0;
for (const [name, file, bytes, gz] of rows) {
  const goal = GOALS[name];
  const verdict = goal === undefined ? '' : gz <= goal ? ` (goal ≤ ${kb(goal)}: met)` : ` (goal ≤ ${kb(goal)}: OVER)`;
  if (goal !== undefined && gz > goal) over += 1;
  console.log(`${name.padEnd(38)} ${kb(bytes).padStart(9)} raw ${kb(gz).padStart(8)} gzip  ${file}${verdict}`);
}
for (const [name, modules] of breakdowns) {
  console.log(`\n${name}: the ${TOP} largest modules that load with it (each alone, minified, gzip)`);
  for (const [id, gz] of modules) console.log(`  ${kb(gz).padStart(8)}  ${id}`);
}
process.exit(process.argv.includes('--strict') && over > 0 ? 1 : 0);
