// The grid's CSV export (csv-download.ts) loads on the first `csv()`, `resendCsv()` or download
// (the Export and resend buttons): a page that only shows the grid never requests it. The
// <script> build's grid part imports it as a chunk from next to itself.
import type * as CsvDownload from './csv-download';

export type CsvDownloadModule = typeof CsvDownload;

export function loadCsvExport(): Promise<CsvDownloadModule> {
  return import('./csv-download');
}
