// What the grid's CSV methods and buttons run, in one module that loads on the first export
// (load-csv-export.ts): the CSV writer, the cell rule it uses and the download.
export { audienceCsv, resendCsv } from './csv-export';
export { downloadText, fileName } from '../shared/download';
