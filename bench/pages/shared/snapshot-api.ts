// What the snapshot page (snapshot.html) measures and how the harness calls it.

export type SnapshotFormat = 'objects' | 'columns';

export interface SnapshotOptions {
  /** Audience rows of the mock backend's bulk email, all in its snapshot. */
  rows: number;
  format: SnapshotFormat;
}

export interface SnapshotStats {
  rows: number;
  format: SnapshotFormat;
  /** From just before `loadSnapshot` to every row painted in our grid. */
  allRowsMs: number;
  /** From just before `loadSnapshot` to its promise resolving (every page fetched and applied). */
  loadMs: number;
  /** Rows the snapshot applied, as `loadSnapshot` counted them. */
  recipients: number;
  /** The grid's row count when the last row was painted. */
  gridRows: number;
  /** Problems `loadSnapshot` reported (0 expected). */
  problems: number;
}

export interface SnapshotPageApi {
  load(options: SnapshotOptions): Promise<SnapshotStats>;
}

declare global {
  interface Window {
    snapshotBench?: SnapshotPageApi;
  }
}
