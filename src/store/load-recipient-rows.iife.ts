// The <script> build's load-recipient-rows.ts: the script holds the rows' code already (it folds
// events at once, see load-ingest-code.iife.ts), so it is there at once.
import * as recipientRows from '../core/recipient-rows';
import { provideRowCode } from '../core/row-code';

export function loadRecipientRows(): Promise<void> {
  provideRowCode(recipientRows);
  return Promise.resolve();
}
