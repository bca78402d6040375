import type { ContactIndex } from './contact-index';
import type { EmailTable } from './email-table';
import type { ResponseEvent } from './event';
import { mergeMeta, mergeResponse, signature } from './merge';
import type { RecipientTable } from './recipient-table';
import type { CompiledRules } from './rules';
import { restoreRow, savedResponses, writeSaved, type SavedRecipient } from './saved-recipient';
import type { StatisticsPeriod } from './statistics-period';
import { eventTime } from './time';

/**
 * Makes a saved state (the server's, from a snapshot) the row's state, then applies on top the
 * events that came after it. Event ids stay remembered, so a later replay still counts once.
 * Returns the row, or -1 when a saved response is not in the rules.
 */
export function resetRow(
  table: RecipientTable,
  emails: EmailTable,
  rules: CompiledRules,
  contacts: ContactIndex,
  saved: SavedRecipient,
  later: readonly ResponseEvent[],
  period?: StatisticsPeriod,
): number {
  const entry = emails.entry(saved.emailId, rules.responses.length);
  const existing = entry.rows.get(saved.recipientId);
  let row: number;
  let before = 0;
  if (existing === undefined) {
    row = restoreRow(table, emails, rules, contacts, saved);
    if (row < 0) return row;
    before = signature(table, row);
  } else {
    const responses = savedResponses(rules, saved);
    if (!responses) return -1;
    row = existing;
    before = signature(table, row);
    writeSaved(table, contacts, row, saved, responses);
  }
  // The saved state stands for events not here: the period can cut later ones, not fold again.
  period?.restored(row, saved.sentAt);
  const slot = new Float64Array(1);
  for (const event of later) {
    const response = rules.lookup.get(event.response) ?? rules.lookup.get(event.response.toLowerCase());
    const at = eventTime(event.at);
    if (response === undefined || Number.isNaN(at)) continue;
    slot[0] = at;
    if (period) period.merge(table, rules, row, response, event, slot, 0);
    else mergeResponse(table, rules, row, response, event.reason || undefined, event.scope, slot, 0);
    mergeMeta(table, contacts, row, event, slot, 0);
  }
  const after = signature(table, row);
  // A restored row was counted as it was saved; count the difference the later events made.
  if (before !== after || existing !== undefined) emails.count(entry, before, after);
  return row;
}
