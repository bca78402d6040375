// `npm run bench`: every figure of issue 8 in one go (see bench/README.md). This file only
// starts the harness, which is TypeScript, under tsx, with gc() exposed for the core benchmark
// (Node needs both as flags, which a plain `node bench/run.mjs` cannot take from inside).
// Arguments pass through: --quick, --only=<sections>.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./harness/main.ts', import.meta.url));
const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
// Ctrl-C reaches the child through the terminal's process group; just mirror how it ended.
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
