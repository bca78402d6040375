// The <script> build (vite.config.ts, `--mode iife`) and its lazy parts.
//
// dist/email-responses.iife.js holds what every page with the script tag runs: Lit, @lit/context,
// the store, the core and `<email-responses>` (a host's script reads `el.store` right after the
// tag). The rest are ES modules in dist/iife/ that it imports from next to itself when first
// needed (src/entries/iife-parts.ts): the grid, the timeline and the summary, each when its tag
// first appears in the document (src/entries/iife-lazy-elements.ts), and the IndexedDB cache,
// idb, the tab relay, the cache lock and the backend reads (rules, histories, snapshots) when a
// store asks for them, the cache's writer when a store is given a cache name, the event log's
// columns when a store's log holds a page of events, and the settling of id conflicts when a
// store hears two copies of one event that differ. A
// same-origin `import()` is allowed by a strict `script-src 'self'` and needs no Trusted Types
// policy.
//
// The parts must not carry a second copy of Lit or of the store: a second LitElement would render
// with another Lit, and a second store module would not be the store `<email-responses>` made. So
// every module the IIFE holds is the IIFE's alone: a part that imports one gets, instead, a small
// module reading it from the IIFE's table of its modules (under `Symbol.for(SHARED)`), which the
// IIFE fills when it runs. The build takes three steps (`iifeParts`):
// 1. the IIFE's module graph, and the names each of its modules exports;
// 2. the parts, into `<outDir>/iife/`, with every module of that graph read from the table (their
//    own common code in `iife/chunks/`; `lit` and `lit/decorators.js`, which only re-export,
//    bundled); this tells which names of which of the IIFE's modules the parts import;
// 3. the IIFE itself, its entry ending with the table of those names (only those: the IIFE keeps
//    no export for the parts that they do not import).
// A part fetched from another release's IIFE, or without one, throws at once, saying so.
// - `iifeVariants`: in the IIFE, a module `x.ts` with a sibling `x.iife.ts` is replaced by it (the
//   loaders of on-demand code: src/store/cache/load-cache.ts, src/store/load-coordination.ts,
//   src/store/load-backend.ts, src/store/load-event-pages.ts, src/store/load-conflict-settling.ts,
//   src/store/load-ingest-code.ts,
//   src/store/load-cache-writer.ts,
//   src/store/provider-normalizers.ts, and
//   src/elements/define-email-responses.ts; src/store/sources/load-source.ts, whose transports the
//   IIFE holds anyway), and an import of a lazy element's module from
//   outside its folder gets src/entries/iife-lazy-elements.ts, as does the main entry's export of
//   AudienceView (the grid's view of the store, which only the grid and the summary use).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve, sep } from 'node:path';
import { build } from 'vite';
import { minifyTemplates } from './vite-minify-templates.mjs';
import { ownSideEffects } from './vite-side-effects.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));

/**
 * The global symbol (`Symbol.for`) under which the IIFE keeps its modules for its parts. The
 * version is in it: a part of one release never binds to another release's IIFE on the page.
 */
export const SHARED = `email-responses@${version}/iife-modules`;

/** The elements that are lazy parts, by tag (each one's folder is src/elements/<tag>/). */
export const LAZY_ELEMENTS = ['audience-response-grid', 'contact-response-timeline', 'response-summary'];
const LAZY_STAND_IN = resolve(ROOT, 'src/entries/iife-lazy-elements.ts');
// The main entry's export of the grid's view of the store: the stand-in's, filled by the grid's part.
const AUDIENCE_VIEW = resolve(ROOT, 'src/store/audience/audience-view.ts');
const MAIN_ENTRY = resolve(ROOT, 'src/index.ts');

/** What src/entries/iife-parts.ts's `loadPart(name)` imports, by name. */
export const IIFE_PARTS = {
  cache: resolve(ROOT, 'src/store/cache/index.ts'),
  idb: createRequire(import.meta.url).resolve('idb'),
  // src/store/load-coordination.iife.ts: for a store given `tabs`, or a cache name without them.
  'tab-relay': resolve(ROOT, 'src/store/tab-relay-join.ts'),
  'cache-lock': resolve(ROOT, 'src/store/cache-lock-join.ts'),
  // src/store/load-backend.iife.ts: for a store asked to `loadRules`, `loadContactHistory`, `loadSnapshot`.
  backend: resolve(ROOT, 'src/store/backend-part.ts'),
  // src/store/load-event-pages.iife.ts: for a store whose event log holds a page of events.
  'event-pages': resolve(ROOT, 'src/store/event-log-pages.ts'),
  // src/store/load-conflict-settling.iife.ts: for a store that hears two copies of one event that differ.
  'conflict-settling': resolve(ROOT, 'src/store/conflict-settling.ts'),
  // src/store/load-cache-writer.iife.ts: for a store given a cache name.
  'cache-writer': resolve(ROOT, 'src/store/cache-writer.ts'),
  // src/entries/iife-lazy-elements.ts: each registers its element, as its define.ts does.
  ...Object.fromEntries(LAZY_ELEMENTS.map((tag) => [tag, resolve(ROOT, 'src/elements', tag, 'define.ts')])),
};

/** The lazy element whose folder holds `id`, if any. */
function lazyElementOf(id) {
  return LAZY_ELEMENTS.find((tag) => id.startsWith(resolve(ROOT, 'src/elements', tag) + sep));
}

/**
 * @param {{ lazyElements?: boolean }} [options] `lazyElements: false` in the parts' build, which
 *   holds the elements themselves.
 * @returns {import('vite').Plugin}
 */
export function iifeVariants({ lazyElements = true } = {}) {
  return {
    name: 'email-responses:iife-variants',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return undefined;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return undefined;
      const element = lazyElements ? lazyElementOf(resolved.id) : undefined;
      if (element && lazyElementOf(importer) !== element) return LAZY_STAND_IN;
      if (lazyElements && resolved.id === AUDIENCE_VIEW && importer === MAIN_ENTRY) return LAZY_STAND_IN;
      const variant = resolved.id.replace(/\.ts$/, '.iife.ts');
      return variant !== resolved.id && existsSync(variant) ? variant : undefined;
    },
  };
}

/** The key of a module in the IIFE's table: its path in the repository (no machine's path in dist/). */
const keyOf = (id) => relative(ROOT, id).split(sep).join('/');

/**
 * @typedef {object} IifeGraph
 * @property {Map<string, string[]>} names each module of the IIFE and the names it exports
 *   (`export *` followed), sorted
 * @property {Map<string, number>} slots each module's place in the IIFE's table (by path)
 * @property {Map<string, string[]>} facades those that only re-export others (`lit`,
 *   `lit/decorators.js`), with the modules they `export *` from: a part bundles these, which have
 *   no state, and reads from the table only the names it uses of the modules behind them
 */

/**
 * Step 1: the IIFE's modules.
 * @returns {Promise<IifeGraph>}
 */
async function iifeGraph(entry) {
  /** @type {IifeGraph} */
  const graph = { names: new Map(), facades: new Map(), slots: new Map() };
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    mode: 'production',
    plugins: [
      iifeVariants(),
      ownSideEffects(),
      {
        name: 'email-responses:iife-graph',
        async buildEnd() {
          const starred = new Map();
          for (const id of this.getModuleIds()) {
            const info = this.getModuleInfo(id);
            if (!info || info.code === null || id.startsWith('\0')) continue;
            graph.names.set(
              id,
              info.exports.filter((name) => name !== '*'),
            );
            const { body } = this.parse(info.code);
            const targets = [];
            for (const node of body) {
              if (node.type !== 'ExportAllDeclaration' || node.exported) continue;
              const target = await this.resolve(node.source.value, id);
              if (target) targets.push(target.id);
            }
            starred.set(id, targets);
            const reexports = (node) =>
              (node.type === 'ExportAllDeclaration' && !node.exported) ||
              (node.type === 'ImportDeclaration' && node.specifiers.length === 0);
            if (body.length > 0 && body.every(reexports)) graph.facades.set(id, targets);
          }
          // `export * from` gives every name of the target but `default`, recursively.
          const expand = (id, seen = new Set()) => {
            if (seen.has(id)) return [];
            seen.add(id);
            const more = (starred.get(id) ?? []).flatMap((target) =>
              expand(target, seen).filter((name) => name !== 'default'),
            );
            return [...new Set([...(graph.names.get(id) ?? []), ...more])];
          };
          for (const id of starred.keys()) graph.names.set(id, expand(id).sort());
          [...graph.names.keys()]
            .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))
            .forEach((id, slot) => graph.slots.set(id, slot));
        },
      },
    ],
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: 'EmailResponses', fileName: () => 'graph.js' },
    },
  });
  return graph;
}

const PROXY = '\0iife-module:';
const ALL = '*';

/**
 * In the parts' build: an import of one of the IIFE's modules gets a module that reads it from
 * the IIFE's table (`readFromIife`), and `namesUsed` records which names of which modules the
 * parts import, so the IIFE puts those in its table and nothing more.
 * @param {IifeGraph} graph
 * @param {Map<string, Set<string>>} used what `namesUsed` recorded
 * @returns {import('vite').Plugin}
 */
function readFromIife(graph, used) {
  return {
    name: 'email-responses:read-from-iife',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || source.startsWith('\0')) return undefined;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !graph.names.has(resolved.id) || graph.facades.has(resolved.id)) return undefined;
      return { id: PROXY + resolved.id, moduleSideEffects: false };
    },
    load(id) {
      if (!id.startsWith(PROXY)) return undefined;
      const module = id.slice(PROXY.length);
      const key = keyOf(module);
      // The module's exports by their place in its sorted list of names (tableCode).
      const names = graph.names.get(module) ?? [];
      const named = names
        .map((name, slot) => [name, slot])
        .filter(([name]) => name !== 'default' && /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name));
      return [
        `const m = globalThis[Symbol.for(${JSON.stringify(SHARED)})]?.[${graph.slots.get(module)}];`,
        // A part served without its IIFE, or with another release's: say so rather than fail later.
        `if (!m) throw new Error(${JSON.stringify(`email-responses: this part needs email-responses.iife.js ${version} on the page (${key} missing)`)});`,
        named.length > 0 ? `export const { ${named.map(([name, slot]) => `${slot}: ${name}`).join(', ')} } = m;` : '',
        names.includes('default') ? `export default m[${names.indexOf('default')}];` : '',
      ].join('\n');
    },
    // `namesUsed` reads static imports only: a part that reaches one of the IIFE's modules
    // otherwise (a dynamic import) would find it missing from the table at run time. Fail here.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk')
          for (const [id, module] of Object.entries(chunk.modules))
            if (id.startsWith(PROXY) && module.renderedLength > 0 && !used.has(id.slice(PROXY.length)))
              this.error(
                `${chunk.fileName} reads ${keyOf(id.slice(PROXY.length))} from the IIFE, which no static import names`,
              );
    },
  };
}

/**
 * @param {IifeGraph} graph
 * @param {Map<string, Set<string>>} used the IIFE's modules the parts use, each with the names
 *   (`*`: all of them)
 * @returns {import('vite').Plugin}
 */
function namesUsed(graph, used) {
  const use = (id, name) => {
    const facade = graph.facades.get(id);
    if (facade) {
      // A name asked of `lit` is one of the module it re-exports it from.
      for (const target of facade)
        if (name === ALL || (graph.names.get(target) ?? []).includes(name)) use(target, name);
      return;
    }
    if (!used.has(id)) used.set(id, new Set());
    used.get(id)?.add(name);
  };
  return {
    // After the TypeScript transform: reads JavaScript.
    name: 'email-responses:names-used',
    async transform(code, id) {
      if (id.startsWith('\0') || graph.facades.has(id) || !/\.[cm]?[jt]sx?$/.test(id.split('?')[0] ?? '')) return;
      for (const node of this.parse(code).body) {
        if (
          !node.source ||
          !['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration'].includes(node.type)
        )
          continue;
        const resolved = await this.resolve(node.source.value, id);
        if (!resolved) continue;
        const target = resolved.id.startsWith(PROXY) ? resolved.id.slice(PROXY.length) : resolved.id;
        if (!graph.names.has(target)) continue;
        if (node.type === 'ExportAllDeclaration') use(target, ALL);
        for (const spec of node.specifiers ?? []) {
          if (spec.type === 'ImportNamespaceSpecifier') use(target, ALL);
          else if (spec.type === 'ImportDefaultSpecifier') use(target, 'default');
          else {
            const imported = node.type === 'ImportDeclaration' ? spec.imported : spec.local;
            use(target, imported.type === 'Identifier' ? imported.name : imported.value);
          }
        }
      }
    },
  };
}

/**
 * Step 2: the parts, ES modules in `<outDir>/iife/`.
 * @param {IifeGraph} graph
 * @returns {Promise<Map<string, Set<string>>>} the IIFE's modules they use, with the names
 */
async function buildParts(outDir, graph) {
  const used = new Map();
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    plugins: [
      readFromIife(graph, used),
      iifeVariants({ lazyElements: false }),
      ownSideEffects(),
      minifyTemplates(),
      namesUsed(graph, used),
    ],
    build: {
      outDir: resolve(outDir, 'iife'),
      emptyOutDir: true,
      copyPublicDir: false,
      minify: true,
      target: 'es2022',
      lib: { entry: IIFE_PARTS, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      // Minified whole (a library build keeps its whitespace by default): a browser runs them as they are.
      // A chunk named for a loader's `x.iife.ts` is `chunks/x-iife-<hash>.js`: one dot, before `js`.
      rollupOptions: {
        output: { chunkFileNames: (chunk) => `chunks/${chunk.name.replaceAll('.', '-')}-[hash].js`, minify: true },
      },
    },
  });
  for (const id of Object.values(IIFE_PARTS))
    if (graph.names.has(id)) throw new Error(`${keyOf(id)} is in the IIFE already: it cannot also be a lazy part`);
  return used;
}

/**
 * Step 3: the code the IIFE's entry ends with, which fills the table. Short, as every page with
 * the script tag loads it: a module is its number (`graph.slots`, by path) and its exports an
 * array in the order of its sorted names, holding only those the parts use. Values are read
 * once the IIFE's modules have run (a part reads no `let` that changes after).
 * @param {IifeGraph} graph
 * @param {Map<string, Set<string>>} used
 */
function tableCode(graph, used) {
  const imports = [];
  const rows = [];
  [...used.keys()].sort().forEach((id, i) => {
    const names = graph.names.get(id) ?? [];
    const wanted = used.get(id) ?? new Set();
    const slots = names.map((name) => (wanted.has(ALL) || wanted.has(name) ? name : undefined));
    while (slots.length > 0 && slots[slots.length - 1] === undefined) slots.pop();
    const local = (j) => `iifeModule${i}_${j}`;
    imports.push(
      `import { ${slots.flatMap((name, j) => (name === undefined ? [] : [`${JSON.stringify(name)} as ${local(j)}`])).join(', ')} } from ${JSON.stringify(id)};`,
    );
    rows[graph.slots.get(id) ?? -1] = `[${slots.map((name, j) => (name === undefined ? '' : local(j))).join(', ')}]`;
  });
  // `??=`: a second copy of the same release on the page leaves the first one's table, which the
  // parts it already loaded use.
  return `\n${imports.join('\n')}\nglobalThis[Symbol.for(${JSON.stringify(SHARED)})] ??= [${Array.from(rows, (row) => row ?? '').join(', ')}];\n`;
}

/**
 * Builds the parts first (steps 1 and 2), then has the IIFE's entry put the modules they use in
 * the table (step 3).
 * @returns {import('vite').Plugin}
 */
export function iifeParts() {
  let outDir = 'dist';
  let entry = '';
  let table = '';
  return {
    name: 'email-responses:iife-parts',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      const lib = config.build.lib;
      entry = resolve(config.root, typeof lib === 'object' && typeof lib.entry === 'string' ? lib.entry : '');
    },
    async buildStart() {
      const graph = await iifeGraph(entry);
      table = tableCode(graph, await buildParts(outDir, graph));
    },
    transform(code, id) {
      if (id !== entry) return undefined;
      return { code: code + table, map: null };
    },
  };
}
