/**
 * What a store without a cache name has for a cache writer (and one with a name, until the
 * writer's code is here): nothing is written, so none of cache-writer.ts loads on a page that
 * never names a cache (issue 14). With a name, nothing reaches the writer before `ready`: events,
 * the source, other tabs and rules all wait for the cache to be read, which the real writer does.
 */
import type { CacheWriter } from './cache-writer';

/** The writer's methods the store calls once the cache is read. */
export type CacheWriting = Pick<
  CacheWriter,
  | 'recordApplied'
  | 'recordReset'
  | 'saveConflicts'
  | 'saveSnapshotRows'
  | 'saveHeld'
  | 'saveCursor'
  | 'rulesAdopted'
  | 'takeLead'
  | 'accepting'
  | 'close'
>;

const nothing = () => undefined;
const done = () => Promise.resolve();

/** Writes nothing; never accepts (as a CacheWriter whose cache is not open). */
export const noCacheWriter: CacheWriting = {
  recordApplied: nothing,
  recordReset: nothing,
  saveConflicts: nothing,
  saveSnapshotRows: nothing,
  saveHeld: nothing,
  saveCursor: nothing,
  rulesAdopted: nothing,
  takeLead: done,
  accepting: false,
  close: done,
};
