// The store's ingest code (ingest-code.ts) loads as the store is made, beside its cache and its
// source's connection: a view's entry and a cached page's first rows do without it. The
// <script> build is given load-ingest-code.iife.ts instead (scripts/vite-iife-parts.mjs), which
// holds it: every page with the script tag applies events.
import { provideFoldCode } from '../core/fold-code';
import { loadOnce } from '../elements/shared/load-once';
import type * as Ingest from './ingest-code';
import { loadRecipientRows } from './load-recipient-rows';

export type IngestCode = typeof Ingest;

/** The ingest code, given to the fold once here (a failed load is asked for again next time). */
export const loadIngestCode: () => Promise<IngestCode> = loadOnce(() =>
  Promise.all([import('./ingest-code'), loadRecipientRows()]).then(([code]) => {
    provideFoldCode(code.BatchApplier);
    return code;
  }),
);
