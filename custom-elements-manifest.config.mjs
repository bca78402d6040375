// `npm run manifest` (and `npm run build`) writes custom-elements.json from the elements' JSDoc.
// Two plugins make it describe the package as shipped rather than the source tree:
// - every event gets its detail type from the element's `…EventMap` interface (JSDoc `@fires`
//   carries a name and a description; the map is where the types already live, checked by tsc);
// - module paths name the files in the package (`dist/audience-response-grid.js`…), since
//   `src/` is not shipped. Modules that declare no element, nor a class an element extends, are
//   dropped: nothing in the package could import them by that path.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Where each element's module lives in the package: its own entry, which also registers it. */
const ELEMENT_ENTRIES = {
  'email-responses': 'dist/email-responses-element.js',
  'audience-response-grid': 'dist/audience-response-grid.js',
  'contact-response-timeline': 'dist/contact-response-timeline.js',
  'response-summary': 'dist/response-summary.js',
};
/** A base class with no tag: the main entry exports it. */
const MAIN_ENTRY = 'dist/email-responses.js';

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Reads every `…EventMap` interface and `type X = CustomEvent<…>` alias in src/, so an event named in
 * a map gets the alias's text: `recipient-select` → `CustomEvent<RecipientSelectDetail>`.
 */
function eventTypes() {
  const aliases = new Map();
  const maps = new Map();
  for (const file of [...sourceFiles('src/elements'), ...sourceFiles('src/store')]) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type.getText(source));
      if (ts.isInterfaceDeclaration(node) && node.name.text.endsWith('EventMap')) {
        const own = new Map();
        for (const member of node.members) {
          if (ts.isPropertySignature(member) && member.type && member.name && ts.isStringLiteral(member.name))
            own.set(member.name.text, member.type.getText(source));
        }
        const bases = (node.heritageClauses ?? []).flatMap((clause) =>
          clause.types.map((t) => t.expression.getText(source)),
        );
        maps.set(node.name.text, { own, bases });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const lookup = (mapName, event) => {
    const map = maps.get(mapName);
    if (!map) return undefined;
    if (map.own.has(event)) return map.own.get(event);
    for (const base of map.bases) {
      const found = lookup(base, event);
      if (found) return found;
    }
    return undefined;
  };
  return (mapName, event) => {
    const text = lookup(mapName, event);
    return text === undefined ? undefined : (aliases.get(text) ?? text);
  };
}

function packagePaths() {
  return {
    name: 'email-responses-package-paths',
    packageLinkPhase({ customElementsManifest }) {
      const typeOf = eventTypes();
      const newPath = new Map();
      const bases = new Set();
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.superclass?.module) bases.add(declaration.superclass.name);
          if (!declaration.customElement || !declaration.tagName) continue;
          newPath.set(module.path, ELEMENT_ENTRIES[declaration.tagName] ?? MAIN_ENTRY);
          // The element's map: `AudienceResponseGridElement` reads `AudienceResponseGridEventMap`.
          const mapName = declaration.name.replace(/Element$/, 'EventMap');
          for (const event of declaration.events ?? []) {
            const text = typeOf(mapName, event.name);
            if (text) event.type = { text };
          }
        }
      }
      for (const module of customElementsManifest.modules) {
        if (newPath.has(module.path)) continue;
        if ((module.declarations ?? []).some((d) => d.kind === 'class' && bases.has(d.name)))
          newPath.set(module.path, MAIN_ENTRY);
      }
      const fix = (path) => {
        const key = path?.replace(/^\//, '').replace(/(\.ts)?$/, '.ts');
        return newPath.get(key) ?? path;
      };
      customElementsManifest.modules = customElementsManifest.modules.filter((module) => newPath.has(module.path));
      for (const module of customElementsManifest.modules) {
        module.path = fix(module.path);
        for (const declaration of module.declarations ?? []) {
          if (declaration.superclass?.module) declaration.superclass.module = fix(declaration.superclass.module);
          for (const member of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (member.inheritedFrom?.module) member.inheritedFrom.module = fix(member.inheritedFrom.module);
          }
        }
        for (const entry of module.exports ?? []) {
          if (entry.declaration?.module) entry.declaration.module = fix(entry.declaration.module);
        }
        const element = (module.declarations ?? []).find((d) => d.customElement && d.tagName);
        if (element && !(module.exports ?? []).some((e) => e.kind === 'custom-element-definition')) {
          module.exports = [
            ...(module.exports ?? []),
            {
              kind: 'custom-element-definition',
              name: element.tagName,
              declaration: { name: element.name, module: module.path },
            },
          ];
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['**/*.test.ts'],
  // Tests write to a temporary folder through CEM_OUTDIR, leaving the working tree alone.
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  // package.json names custom-elements.json itself; the analyzer would rewrite it to outdir.
  packagejson: false,
  plugins: [packagePaths()],
};
