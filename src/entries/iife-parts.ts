/**
 * The <script> build's lazy parts (scripts/vite-iife-parts.mjs): code a page may never run (the
 * grid, the timeline and the summary until their tags appear, the IndexedDB cache, its writer, idb, the
 * tab relay, the cache lock, the backend reads, the event log's columns, the settling of id
 * conflicts) is not
 * inlined in dist/email-responses.iife.js but built as ES modules into dist/iife/ and imported from
 * next to the script when first needed. A dynamic `import()` of a same-origin module is allowed by
 * a strict `script-src 'self'`, and needs no Trusted Types policy.
 */

// Read while the script runs: document.currentScript is null once it has finished (and for a module).
const script = typeof document === 'undefined' ? null : document.currentScript;
const base = script instanceof HTMLScriptElement && script.src ? script.src : globalThis.location?.href;

/** Where `dist/iife/<name>.js` (IIFE_PARTS in scripts/vite-iife-parts.mjs) is: next to the script. */
export function partUrl(name: string): string {
  return new URL(`./iife/${name}.js`, base).href;
}

/** Imports `dist/iife/<name>.js`. */
export function loadPart<T>(name: string): Promise<T> {
  return import(/* @vite-ignore */ partUrl(name)) as Promise<T>;
}
