// The <script> build's load-ingest-code.ts: the script holds the ingest code already (it exports
// `foldEvents` and the rest of email-responses/core), so it is there at once.
import { provideFoldCode } from '../core/fold-code';
import * as code from './ingest-code';
import type { IngestCode } from './load-ingest-code';
import { loadRecipientRows } from './load-recipient-rows';

export type { IngestCode } from './load-ingest-code';

export function loadIngestCode(): Promise<IngestCode> {
  provideFoldCode(code.BatchApplier);
  return loadRecipientRows().then(() => code);
}
