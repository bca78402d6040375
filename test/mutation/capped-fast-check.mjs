// fast-check as the tests see it under Stryker (in-process-hooks.mjs points their `fast-check` here):
// the same library, but a property runs at most STRYKER_FC_RUNS cases (default 40) with a fixed
// seed. A property test is most of the suite's time and is run for every mutant that reaches it;
// at 40 random cases instead of 200 to 600 it still finds most wrong rules (a rule wrong for one
// kind of event is wrong for many of the cases), and the fixed seed makes a run repeatable, so a
// survivor stays a survivor when you rerun it. The tests' own numRuns stand outside Stryker.
import * as real from 'fast-check';

const RUNS = Number(process.env.STRYKER_FC_RUNS ?? 40);
const SEED = Number(process.env.STRYKER_FC_SEED ?? 20261206);

/** fc.assert with the run count capped (a lower count in the test stands) and the seed fixed. */
export function assert(property, params) {
  const numRuns = Math.min(params?.numRuns ?? 100, RUNS);
  return real.assert(property, { seed: SEED, ...params, numRuns });
}

export * from 'fast-check';
export default { ...real.default, assert };
