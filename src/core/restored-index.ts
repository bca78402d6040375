/**
 * The recipient index of rows restored without it (`restoreColumns` with `indexed` false): a cold
 * start paints a million cached rows first and indexes them after, a slice at a time (issue 16).
 */
import type { EmailEntry } from './email-table';
import type { RecipientTable } from './recipient-table';

/**
 * Indexes the rows at `order[from]` to `order[to - 1]` of the email. Returns how many of them
 * repeat a recipient the index has already (a damaged cache: only the first is indexed).
 */
export function indexRestoredRows(table: RecipientTable, entry: EmailEntry, from: number, to: number): number {
  const { rows, order } = entry;
  let repeated = 0;
  for (let at = from; at < to; at++) {
    const row = order[at]!;
    const recipientId = table.recipientIdOf(row);
    const hash = rows.hash(recipientId);
    if (rows.find(hash, rows.second) >= 0) repeated++;
    else rows.insert(hash, rows.second, row);
  }
  return repeated;
}
