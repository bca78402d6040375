// The rows' code (src/core/recipient-rows.ts) loads with whatever first writes a row: the cache's
// first page, the ingest code, the backend's snapshot. Each of their loaders waits for it too, so
// none of them can write a row before it is given. The <script> build is given
// load-recipient-rows.iife.ts instead (scripts/vite-iife-parts.mjs), which holds it.
import { provideRowCode } from '../core/row-code';
import { loadOnce } from '../elements/shared/load-once';

/** Loads the rows' code and gives it to every state (a failed load is asked for again next time). */
export const loadRecipientRows: () => Promise<void> = loadOnce(() =>
  import('../core/recipient-rows').then(provideRowCode),
);
