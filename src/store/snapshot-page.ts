/** What a backend's snapshot endpoint returns: the authoritative state of an email's audience. */
import {
  SNAPSHOT_COLUMNS,
  decodeColumns,
  isColumnarBatch,
  rowReason,
  type ColumnarBatch,
  type ColumnarRowRejection,
} from '../core/columnar-batch';
import type { EventRejection, ResponseEvent } from '../core/event';
import type { CompiledRules } from '../core/rules';
import { errorText } from '../core/read-batch';
import { checkEvent, type CheckedEvent } from '../core/validate';

/**
 * One recipient as the server sees it: the authoritative state a snapshot page carries.
 * `response` is a catalogue id; `at` when it happened (ISO-8601 with a zone, or epoch ms).
 */
export interface ServerRecipient {
  recipientId: string;
  response: string;
  at: string | number;
  opens?: number;
  clicks?: number;
  machineOpens?: number;
  reason?: string;
  contactId?: string;
  contactName?: string;
  address?: string;
  provider?: string;
}

/** One page of an email's audience from the snapshot endpoint. */
export interface SnapshotPage {
  emailId: string;
  /** The stream cursor this snapshot is as of: events after it are applied on top. */
  cursor?: string;
  /**
   * The rows as objects, or as one columnar batch of `SNAPSHOT_COLUMNS` (docs/wire-format.md):
   * `recipientId`, `response`, `at`, and optionally `opens`, `clicks`, `machineOpens`, `reason`,
   * `contactId`, `contactName`, `address`, `provider`.
   */
  recipients: ServerRecipient[] | ColumnarBatch;
  /** The next page's token, or null on the last page. */
  next?: string | null;
  /**
   * How many recipients the email's audience has in all, over every page (optional). The store
   * keeps the latest as `audienceSize(emailId)`, and the report shows "loading 2,400 of 100,000"
   * until that many rows are here.
   */
  total?: number;
}

/** The largest count a row holds (an Int32 column): a larger one would show as a wrong number. */
export const MAX_COUNT = 0x7fff_ffff;

const COUNTS = ['opens', 'clicks', 'machineOpens'] as const;

/**
 * Checks one snapshot recipient as strictly as an event (`checkEvent`: every text's type and
 * length, a known response, a time with a zone between 2000 and 2099) and its counts. Returns the
 * rejection, with a reason naming the recipient, or null when the row can be applied.
 */
export function checkServerRecipient(input: unknown, emailId: string, rules: CompiledRules): EventRejection | null {
  try {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return { event: input, code: 'not-an-object', reason: 'a snapshot recipient must be an object' };
    const server = { ...input } as Record<string, unknown>;
    if (typeof server.recipientId !== 'string' || server.recipientId.length === 0)
      return {
        event: input,
        code: 'missing-field',
        field: 'recipientId',
        reason: 'a snapshot recipient has no recipientId',
      };
    const who = `recipient ${server.recipientId.slice(0, 80)}`;
    // Read as an event of this email would be: the same limits, the same reasons.
    const asEvent = {
      id: 'snapshot',
      emailId,
      recipientId: server.recipientId,
      response: server.response,
      at: server.at,
      contactId: server.contactId,
      contactName: server.contactName,
      address: server.address,
      provider: server.provider,
      reason: server.reason,
    };
    const problem = checkEvent(asEvent, rules, scratch);
    if (problem) {
      const reason =
        problem.code === 'unknown-response'
          ? problem.reason
          : problem.code === 'bad-time'
            ? `${who}: at is not a time`
            : `${who}: ${problem.reason}`;
      return { ...problem, event: input, reason };
    }
    for (const field of COUNTS) {
      const value = server[field];
      if (value === undefined) continue;
      if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0))
        return {
          event: input,
          code: 'bad-value',
          field,
          reason: `${who}: ${field} must be a whole number of at least 0, not ${String(value)}`,
        };
      if (value > MAX_COUNT)
        return {
          event: input,
          code: 'bad-value',
          field,
          reason: `${who}: ${field} must be at most ${MAX_COUNT}, not ${value}`,
        };
    }
    return null;
  } catch (error) {
    return { event: input, code: 'unreadable', reason: `a snapshot recipient could not be read: ${errorText(error)}` };
  }
}

const scratch: CheckedEvent = { event: undefined as unknown as ResponseEvent, response: -1, at: 0 };

/** A page's recipients, as objects or columns, unpacked into the rows to check one by one. */
export interface PageRows {
  /** One per row, in order; undefined where the row is in `rejected` already. */
  rows: unknown[];
  /** Rows whose dictionary index is wrong, or the whole batch when it is malformed. */
  rejected: EventRejection[];
  /** True when the rows came as columns: a rejection then names the row's index. */
  columnar: boolean;
}

/** The rows of a snapshot page's `recipients`, which may be a list or a columnar batch. Never throws. */
export function pageRows(recipients: unknown): PageRows {
  if (!isColumnarBatch(recipients))
    return { rows: Array.isArray(recipients) ? recipients : [], rejected: [], columnar: false };
  const decoded = decodeColumns(recipients, SNAPSHOT_COLUMNS);
  if (!decoded.ok) return { rows: [], rejected: [decoded.rejection], columnar: true };
  return { rows: decoded.rows, rejected: decoded.rejected, columnar: true };
}

/** A columnar snapshot row's rejection, with its index. */
export function labelRow(rejection: EventRejection, row: number): ColumnarRowRejection {
  return { ...rejection, reason: rowReason(row, rejection.reason), row };
}
