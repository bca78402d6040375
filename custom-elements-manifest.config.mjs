// `npm run manifest` (and `npm run build`) writes custom-elements.json from the elements' JSDoc.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['**/*.test.ts'],
  // Tests write to a temporary folder through CEM_OUTDIR, leaving the working tree alone.
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  // package.json names custom-elements.json itself; the analyzer would rewrite it to outdir.
  packagejson: false,
};
