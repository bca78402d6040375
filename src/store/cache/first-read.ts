/**
 * The cache's first read: what opening it needs (the fold record, the rules, where the event
 * records end) and what the first rows need (the emails, the first row pages), in one transaction
 * made as the database opens. Two reads one after the other cost a cold page a round trip before
 * its first rows (issue 16).
 */
import { unwrap } from 'idb';
import { requestFirst, type FirstValues } from '../first-requests';
import {
  isFoldRecord,
  isHeldRecord,
  isRulesRecord,
  type CacheDatabase,
  type FoldRecord,
  type RulesRecord,
} from './cache-schema';

/** What the first transaction read: enough to open the cache and paint the first rows. */
export interface FirstRead {
  /** The fold record as stored, to tell whether another tab compacted before the second read. */
  fold: unknown;
  foldRecord: FoldRecord | undefined;
  rulesRecord: RulesRecord | undefined;
  held: unknown[];
  cursors: Record<string, string>;
  emails: unknown[];
  firstKeys: [string, number][];
  firstPages: unknown[];
  /** Whether snapshot rows or settled conflicts are kept: the store refolds their rows from the log. */
  corrections: boolean;
  /** One past the last event record's key: where a writer's next record goes. */
  nextKey: number;
  /** Records found damaged (and left out) among these. */
  corrupted: number;
}

/**
 * Only what the first rows need: listing every key reads through every record (measured
 * 85-115 ms at 1,000,000 cached rows), so the keys come after the first rows have painted.
 * `early`: the same read, made on this connection as it opened (open-early.ts), not made again.
 */
export async function readFirst(db: CacheDatabase, early?: Promise<FirstValues>): Promise<FirstRead> {
  // An early read that failed (its connection closed meanwhile, say) is made again here.
  const read = () => requestFirst(unwrap(db));
  const [fold, rules, held, cursorKeys, cursorValues, emails, firstKeys, firstPages, corrections, last] =
    await (early?.catch(read) ?? read());
  let corrupted = 0;
  const foldRecord = isFoldRecord(fold) ? fold : undefined;
  if (fold !== undefined && !foldRecord) corrupted++;
  const rulesRecord = isRulesRecord(rules) ? rules : undefined;
  if (rules !== undefined && !rulesRecord) corrupted++;
  const heldRecord = isHeldRecord(held) ? held : undefined;
  if (held !== undefined && !heldRecord) corrupted++;
  const cursors: Record<string, string> = {};
  cursorKeys.forEach((kind, i) => {
    const value = cursorValues[i];
    if (typeof value === 'string') cursors[String(kind)] = value;
    else corrupted++;
  });
  return {
    fold,
    foldRecord,
    rulesRecord,
    held: heldRecord?.held ?? [],
    cursors,
    emails,
    firstKeys: firstKeys as [string, number][],
    firstPages,
    corrections: corrections > 0,
    nextKey: Number(last ?? -1) + 1,
    corrupted,
  };
}
