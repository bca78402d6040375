// The mutation scores of one or more Stryker JSON reports, per file and overall, and the mutants
// that survived: `node test/mutation/scores.mjs [report.json ...]` (default
// reports/mutation/mutation.json). Several reports (e.g. runs of parts of src/core with
// `--mutate`) are read as one; a file in two reports counts from the last. The score is Stryker's:
// killed and timed-out mutants over those plus the survivors and the uncovered; mutants that do not
// compile, and ones disabled by a `// Stryker disable` comment, do not count.
import { readFileSync } from 'node:fs';

const reports = process.argv.slice(2);
const files = new Map();
for (const report of reports.length ? reports : ['reports/mutation/mutation.json']) {
  for (const [name, file] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) {
    files.set(name, file);
  }
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
let detected = 0;
let undetected = 0;
const survivors = [];
const rows = [];
for (const [name, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const d = file.mutants.filter((m) => DETECTED.has(m.status)).length;
  const u = file.mutants.filter((m) => UNDETECTED.has(m.status));
  const ignored = file.mutants.filter((m) => m.status === 'Ignored').length;
  detected += d;
  undetected += u.length;
  rows.push(
    `${percent(d, d + u.length).padStart(7)}  ${String(d + u.length).padStart(4)} mutants  ${ignored ? `(${ignored} disabled) ` : ''}${name}`,
  );
  for (const m of u) {
    const line = file.source.split('\n')[m.location.start.line - 1]?.trim() ?? '';
    survivors.push(
      `${name}:${m.location.start.line} ${m.status} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? '')} in  ${line.slice(0, 90)}`,
    );
  }
}
console.log(rows.join('\n'));
console.log(`${percent(detected, detected + undetected).padStart(7)}  ${detected + undetected} mutants  overall`);
console.log(`\nNot detected (${survivors.length}):\n${survivors.join('\n')}`);

function percent(part, whole) {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`;
}
