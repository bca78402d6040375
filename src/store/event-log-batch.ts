import type { ColumnarRows, PreparedColumn } from '../core/columnar-rows';

/**
 * A columnar batch's columns as the log's records take them (event-log-pages.ts `addRow`), made
 * once per batch: logging a row then reads its fields straight from the columns, and a text
 * kept through one of the log's small dictionaries (response, email, type, provider) is looked
 * up once per entry of the batch's dictionary, not once per row. Reading each row's fields into
 * an event object first, then that object's fields, cost more than the fold of the row.
 */
export class BatchColumns {
  /** Per column kept through a log dictionary: the log's index per batch entry, -1 until looked up. */
  readonly response: Int32Array | undefined;
  readonly emailId: Int32Array | undefined;
  readonly emailType: Int32Array | undefined;
  readonly provider: Int32Array | undefined;
  /** Whether the batch has the column at all: an absent one is not read. */
  readonly hasContactId: boolean;
  readonly hasContactName: boolean;
  readonly hasAddress: boolean;
  readonly hasKind: boolean;
  readonly hasType: boolean;
  readonly hasProvider: boolean;
  readonly hasUrl: boolean;
  readonly hasReason: boolean;
  readonly hasScope: boolean;
  /** Whether some row's `at` came as text (kept as that text). */
  readonly hasTextTimes: boolean;
  /** Per row, its per-row texts' states when worked out ahead (event-log-pages.ts `rowStates`). */
  states: Uint8Array | undefined = undefined;

  constructor(
    readonly rows: ColumnarRows,
    /** The log the codes are its dictionaries' (a batch logged by two logs is looked up for each). */
    readonly owner: object,
  ) {
    this.response = codes(rows.response);
    this.emailId = codes(rows.emailId);
    this.emailType = codes(rows.emailType);
    this.provider = codes(rows.provider);
    this.hasContactId = present(rows.contactId);
    this.hasContactName = present(rows.contactName);
    this.hasAddress = present(rows.address);
    this.hasKind = present(rows.emailKind);
    this.hasType = present(rows.emailType);
    this.hasProvider = present(rows.provider);
    this.hasUrl = present(rows.url);
    this.hasReason = present(rows.reason);
    this.hasScope = present(rows.scope);
    this.hasTextTimes = rows.at.values.length > 0;
  }
}

/** A column the batch lacks is named '' (columnar-rows.ts ABSENT). */
const present = (column: PreparedColumn): boolean => column.name !== '';

const codes = (column: PreparedColumn): Int32Array | undefined =>
  column.dictionary === undefined ? undefined : new Int32Array(column.dictionary.length).fill(-1);

/** Row `i`'s text in a column the batch has; undefined when the row has none (null on the wire). */
export function textAt(column: PreparedColumn, i: number): string | undefined {
  const indices = column.indices;
  if (indices === undefined) return (column.values[i] ?? undefined) as string | undefined;
  const entry = indices[i]!;
  return entry < 0 ? undefined : (column.dictionary![entry] as string);
}
