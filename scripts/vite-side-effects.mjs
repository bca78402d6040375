// package.json's `sideEffects` names shipped files only (dist/), as a host's bundler reads it.
// Building from src/, the same field would mark every source module free of side effects, and
// the registrations (`customElements.define` in src/elements/*/define.ts, and the entries that
// import them) would be dropped, and so would the summary's and the timeline's message sections,
// which join the one table as their views load (src/elements/shared/{summary,timeline}-messages.ts).
// This plugin tells the bundler which source modules register
// something; vite.config.ts, the benchmark pages and scripts/bundle-size.mjs use it.
const REGISTERS =
  /\/src\/(index\.ts|elements\/[^/]+\/define\.ts|elements\/shared\/(summary|timeline)-messages\.ts|entries\/[^/]+\.ts|react\/[^/]+\.ts)$/;

/** Whether a source module registers something when it runs (its import must not be dropped). */
export function registers(id) {
  return REGISTERS.test(id.split('?')[0] ?? '');
}

/**
 * The ES build's name for a shared chunk: `registers-…` when it holds a module that registers
 * something, which package.json's `sideEffects` names (`./dist/chunks/registers-*.js`), so a
 * host's bundler may drop every other chunk it does not use (the transports, the cache…).
 * @param {{ name: string, moduleIds: string[] }} chunk
 */
export function chunkFileName(chunk) {
  return chunk.moduleIds.some(registers) ? 'chunks/registers-[name]-[hash].js' : 'chunks/[name]-[hash].js';
}

/** @returns {import('vite').Plugin} */
export function ownSideEffects() {
  return {
    name: 'email-responses:own-side-effects',
    transform(code, id) {
      if (registers(id)) return { code, map: null, moduleSideEffects: true };
      return undefined;
    },
  };
}
