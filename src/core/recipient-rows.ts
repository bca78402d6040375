// The code that writes a recipient's row from something other than its events: a saved row (a
// cache page, a snapshot), a reset to a saved row plus later events, and the statistics period
// that cuts events after a recipient's period (it refolds a row, so it merges as the fold does);
// and what every row's first event or restore fills: the set of applied event ids and the
// contacts' rows, from which a contact's flags are read.
// A view's entry and a state that has no row yet do without it: a store loads it beside its
// cache, its ingest code or its backend reads (src/store/load-recipient-rows.ts), and
// `createResponseState` gives it at once (row-code.ts; issue 14: the grid's entry).
export { restoreColumns, restoreRow, saveRow } from './saved-recipient';
export { resetRow } from './reset-recipient';
export { StatisticsPeriod } from './statistics-period';
export { EventIdSet } from './event-id-set';
export { ContactIndex } from './contact-index';
export { contactFlags } from './effects';
