// Run by `npm run build` after `tsc -p tsconfig.build.json`: makes dist/types/**/*.d.ts resolve
// for every TypeScript host, whatever its moduleResolution.
// - Relative specifiers get the `.js` a Node ESM resolver needs (`./fold` → `./fold.js`,
//   `./providers/index` → `./providers/index.js`): under node16/nodenext a declaration importing
//   `./fold` is TS2834 and its types are lost. The source keeps bare specifiers (vite, the test
//   runners and `tsc --noEmit` read it under bundler resolution), so this happens here, once.
// - `lit-html` becomes `lit`: tsc names the module a type was declared in, but the host has `lit`
//   (our dependency, which re-exports lit-html), not necessarily `lit-html` itself.
// - dist/email-responses.iife.d.ts: the `<script>` build's global, typed as the main entry (the
//   lazily loaded views' classes possibly undefined).
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = 'dist/types';

function declarations(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return declarations(path);
    return path.endsWith('.d.ts') ? [path] : [];
  });
}

/** `./fold` from dist/types/core/index.d.ts → `./fold.js`, or `./x/index.js` for a folder. */
function withExtension(file, specifier) {
  if (/\.(js|mjs|cjs|json)$/.test(specifier)) return specifier;
  const target = resolve(dirname(file), specifier);
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier}/index.js`;
  throw new Error(`${file}: cannot resolve ${specifier}`);
}

const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\2/g;

let changed = 0;
for (const file of declarations(ROOT)) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(SPECIFIER, (match, lead, quote, specifier) => {
    if (specifier.startsWith('.')) return `${lead}${quote}${withExtension(file, specifier)}${quote}`;
    if (specifier === 'lit-html') return `${lead}${quote}lit${quote}`;
    if (specifier.startsWith('lit-html/')) return `${lead}${quote}lit/${specifier.slice('lit-html/'.length)}${quote}`;
    return match;
  });
  if (next !== text) {
    writeFileSync(file, next);
    changed += 1;
  }
}

writeFileSync(
  'dist/email-responses.iife.d.ts',
  `// The <script> build: the same API as the main entry, as the global \`EmailResponses\`. The
// grid, the timeline and the summary load from dist/iife/ when their tag first appears, so their
// classes are undefined until then: \`await customElements.whenDefined(tag)\` first. AudienceView,
// the grid's view of the store, comes with the grid's part.
import * as EmailResponsesModule from './types/index.js';

type LazyElementClass =
  | 'AudienceResponseGridElement'
  | 'ContactResponseTimelineElement'
  | 'ResponseSummaryElement'
  | 'AudienceView';

declare global {
  // eslint-disable-next-line no-var
  var EmailResponses: Omit<typeof EmailResponsesModule, LazyElementClass> & {
    readonly [K in LazyElementClass]: (typeof EmailResponsesModule)[K] | undefined;
  };
}

export {};
`,
);

// Every specifier must now be something a host resolves: relative with an extension, or a dependency.
const allowed = new Set(['lit', 'idb', '@lit/context', 'react', 'vue']);
for (const file of declarations(ROOT)) {
  for (const [, , , specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
    const bare = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    if (!specifier.startsWith('.') && !allowed.has(bare))
      throw new Error(`${file} imports ${specifier}, which a host may not have`);
  }
}
console.log(`declarations: ${changed} files given .js specifiers`);
