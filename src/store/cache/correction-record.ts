// The cache's corrections store holds what the events alone do not give. Its keys and record
// shapes live apart from cache-schema.ts, which imports idb: the store writes corrections through
// cache-writer.ts, which must stay free of idb until a cache is named (issue 14's lazy cache).
import type { SettledConflict } from '../event-conflicts';
import type { KeptSnapshotRow } from '../snapshot-resets';

/** One email's kept snapshot rows (see snapshot-resets.ts), under `snapshot:<emailId>`. */
export interface SnapshotRowsRecord {
  snapshotRows: KeptSnapshotRow[];
}

/**
 * What the events alone do not give, kept so a reload (and a refold after it) gives it again:
 * an email's snapshot rows (`snapshot:<emailId>`), and which copy an id conflict kept
 * (`conflict:<emailId>\0<recipientId>\0<id>`, see event-conflicts.ts).
 */
export type CorrectionRecord = SnapshotRowsRecord | SettledConflict;

export const snapshotKey = (emailId: string): string => `snapshot:${emailId}`;
