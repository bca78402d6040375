// `npm run lint:package` (CI runs it after the build): the package as a host installs it.
// - publint --strict: `exports`, `files`, `sideEffects` and the fields agree with what is packed;
// - @arethetypeswrong/cli --pack: every entry's types resolve, and match its JavaScript, under
//   node10, node16 (from ESM) and bundler resolution. The one rule left out is
//   cjs-resolves-to-esm: the package is ESM only, on purpose (`require()` of it works from Node
//   20.19, the engines floor, and CommonJS TypeScript is told to use `import()`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/email-responses.js') || !existsSync('dist/types/index.d.ts')) {
  console.error('lint:package: no dist/: run `npm run build` first');
  process.exit(1);
}
const checks = [
  ['publint', ['publint', '--strict']],
  ['arethetypeswrong', ['attw', '--pack', '.', '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'table-flipped']],
];
let failed = 0;
for (const [name, args] of checks) {
  const result = spawnSync('npx', ['--no-install', ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`lint:package: ${name} found problems`);
    failed += 1;
  }
}
process.exit(failed > 0 ? 1 : 0);
