/**
 * The cache's first read: what opening it needs (the fold record, the rules, where the event
 * records end) and what the first rows need (the emails, the first row pages), in one transaction
 * made as the database opens. Two reads one after the other cost a cold page a round trip before
 * its first rows (issue 16).
 */
import {
  isFoldRecord,
  isHeldRecord,
  isRulesRecord,
  type CacheDatabase,
  type FoldRecord,
  type RulesRecord,
} from './cache-schema';

/** Pages read before the first progress report: small, so a view paints within a frame or two. */
const FIRST_PAGES = 1;

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
 */
export async function readFirst(db: CacheDatabase): Promise<FirstRead> {
  const first = db.transaction(['fold', 'rules', 'cursors', 'emails', 'rows', 'corrections', 'events'], 'readonly');
  const [fold, rules, held, cursorKeys, cursorValues, emails, firstKeys, firstPages, corrections, last] =
    await Promise.all([
      first.objectStore('fold').get('fold'),
      first.objectStore('rules').get('rules'),
      first.objectStore('rules').get('held'),
      first.objectStore('cursors').getAllKeys(),
      first.objectStore('cursors').getAll(),
      first.objectStore('emails').getAll(),
      first.objectStore('rows').getAllKeys(null, FIRST_PAGES),
      first.objectStore('rows').getAll(null, FIRST_PAGES),
      first.objectStore('corrections').count(),
      first.objectStore('events').openKeyCursor(null, 'prev'),
    ]);
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
    if (typeof value === 'string') cursors[kind] = value;
    else corrupted++;
  });
  return {
    fold,
    foldRecord,
    rulesRecord,
    held: heldRecord?.held ?? [],
    cursors,
    emails,
    firstKeys,
    firstPages,
    corrections: corrections > 0,
    nextKey: Number(last?.key ?? -1) + 1,
    corrupted,
  };
}
