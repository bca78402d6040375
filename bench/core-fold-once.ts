// One process's share of `bench/core-fold-pair.ts`: folds the core's event mix with the fold of
// each checkout named, and prints one JSON line of events/s per run (wall clock and process CPU
// time), fresh and warm, per checkout. Every checkout folds the very same events: this file makes
// them (with this checkout's event-mix.ts) and imports only `foldEvents` and `compileRules` from
// each ROOT's src/core, which every version of the core has had.
//
//   node --expose-gc --import tsx bench/core-fold-once.ts ROOT[,ROOT2] short|guid [EVENTS RECIPIENTS RUNS]
//
// fresh: the JSON text is parsed again (untimed) before every timed fold, so the ids are strings
// with no hash yet and the objects are new, as they come off the wire. warm: the same parsed
// events folded again. One untimed fold of each first (the JIT). With two roots the folds take
// turns run by run (A B, B A, …), so both meet the same load: on a shared machine, the ratio of
// neighbouring runs is steadier than runs in separate processes minutes apart.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeEvents } from './event-mix';

interface Core {
  compileRules(): unknown;
  foldEvents(events: unknown[], rules: unknown): unknown;
}
interface Rates {
  wall: number[];
  cpu: number[];
}

const [roots = '.', ids = 'guid', events = '1000000', recipients = '100000', runs = '3'] = process.argv.slice(2);
const count = Number(events);
const cores = await Promise.all(
  roots.split(',').map(async (root) => {
    const core = (await import(pathToFileURL(resolve(root, 'src/core/index.ts')).href)) as Core;
    return {
      root,
      core,
      rules: core.compileRules(),
      fresh: { wall: [], cpu: [] } as Rates,
      warm: { wall: [], cpu: [] } as Rates,
    };
  }),
);
const json = JSON.stringify(makeEvents(count, Number(recipients), { guids: ids === 'guid' }));

function time(core: Core, rules: unknown, parsed: unknown[], into: Rates): void {
  globalThis.gc?.();
  const startCpu = process.cpuUsage();
  const start = performance.now();
  core.foldEvents(parsed, rules);
  into.wall.push(count / ((performance.now() - start) / 1000));
  const used = process.cpuUsage(startCpu);
  into.cpu.push(count / ((used.user + used.system) / 1e6));
}

for (const { core, rules } of cores) core.foldEvents(JSON.parse(json) as unknown[], rules); // warm-up
for (let run = 0; run < Number(runs); run++) {
  const order = run % 2 === 0 ? cores : [...cores].reverse();
  for (const { core, rules, fresh } of order) time(core, rules, JSON.parse(json) as unknown[], fresh);
}
const warmInput = JSON.parse(json) as unknown[];
for (const { core, rules } of cores) core.foldEvents(warmInput, rules); // warm-up
for (let run = 0; run < Number(runs); run++) {
  const order = run % 2 === 0 ? cores : [...cores].reverse();
  for (const { core, rules, warm } of order) time(core, rules, warmInput, warm);
}
for (const { root, fresh, warm } of cores) console.log(JSON.stringify({ root, ids, events: count, fresh, warm }));
