// The whole of `mutate` (stryker.config.mjs) as a few Stryker runs, one after another:
// `node test/mutation/run-parts.mjs [part ...]`, in the order given. Each part writes reports/mutation/<part>.json and
// .html as it ends, so a long run gives results as it goes, and a part can be rerun alone
// (incrementally: each part has its own incremental file). `node test/mutation/scores.mjs
// reports/mutation/*.json` adds them up. Parts are named for what they hold.
import { spawnSync } from 'node:child_process';

export const PARTS = {
  fold: ['src/core/fold.ts', 'src/core/batch.ts', 'src/core/event-id-set.ts'],
  tables: [
    'src/core/recipient-table.ts',
    'src/core/email-table.ts',
    'src/core/contact-index.ts',
    'src/core/recipient-index.ts',
    'src/core/string-hash.ts',
  ],
  columnar: [
    'src/core/columnar-batch.ts',
    'src/core/columnar-encode.ts',
    'src/core/columnar-apply.ts',
    'src/core/columnar-prepare.ts',
    'src/core/columnar-rows.ts',
    'src/core/columnar-fold.ts',
  ],
  catalogue: ['src/core/catalogue.ts', 'src/core/stages.ts', 'src/core/report.ts', 'src/core/engagement.ts'],
  providers: ['src/core/providers/*.ts', '!src/core/providers/index.ts'],
  rules: [
    'src/core/rules.ts',
    'src/core/presend.ts',
    'src/core/explain.ts',
    'src/core/effects.ts',
    'src/core/merge.ts',
    'src/core/csv-cell.ts',
    'src/core/event.ts',
    'src/core/recipient-state.ts',
  ],
  recipients: [
    'src/core/validate.ts',
    'src/core/time.ts',
    'src/core/saved-recipient.ts',
    'src/core/reset-recipient.ts',
    'src/core/statistics-period.ts',
    'src/store/reconcile.ts',
  ],
};

// In the order given (all, in the order above, when none is named).
const wanted = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(PARTS);
for (const part of wanted) {
  const files = PARTS[part];
  if (!files) throw new Error(`no part named ${part}: ${Object.keys(PARTS).join(', ')}`);
  console.log(`\n== ${part}: ${files.join(' ')}`);
  const result = spawnSync('npx', ['stryker', 'run', '--mutate', files.join(',')], {
    stdio: 'inherit',
    env: { ...process.env, STRYKER_PART: part },
  });
  if (result.status !== 0) process.exitCode = 1;
}
