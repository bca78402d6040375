// Where the core fold's time goes: a V8 CPU profile of the folds alone (not of making, encoding
// or parsing the events), by function, self and inclusive. A tool for finding a cost, not a figure.
//
//   node --expose-gc --import tsx bench/core-fold-profile.ts [ROOT] [guid|short] [fresh|warm] [EVENTS RECIPIENTS RUNS]
//
// ROOT is the checkout whose src/core folds (default this one), so two can be profiled alike.
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeEvents } from './event-mix';
import { report, type Profile } from './profile-report';

interface Core {
  compileRules(): unknown;
  foldEvents(events: unknown[], rules: unknown): unknown;
}

const args = process.argv.slice(2);
const [root = '.', ids = 'guid', input = 'fresh', events = '1000000', recipients = '100000', runs = '3'] = args;
const core = (await import(pathToFileURL(resolve(root, 'src/core/index.ts')).href)) as Core;
const rules = core.compileRules();
const json = JSON.stringify(makeEvents(Number(events), Number(recipients), { guids: ids === 'guid' }));
const warm = JSON.parse(json) as unknown[];
const next = () => (input === 'fresh' ? (JSON.parse(json) as unknown[]) : warm);
core.foldEvents(next(), rules); // warm-up, not profiled

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
let folding = 0;
for (let run = 0; run < Number(runs); run++) {
  const parsed = next();
  globalThis.gc?.();
  await session.post('Profiler.start');
  const start = performance.now();
  core.foldEvents(parsed, rules);
  folding += performance.now() - start;
  const { profile } = await session.post('Profiler.stop');
  if (run === Number(runs) - 1) report(profile as unknown as Profile);
}
console.log(`${runs} folds of ${events} events (${ids}, ${input}): ${(folding / Number(runs)).toFixed(0)} ms each`);
