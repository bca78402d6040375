// What a snapshot loader asks of its store (SnapshotLoaderHost), for tests of the loader alone:
// the state given, and nothing else done unless a test says what (a cursor's place, where the
// kept rows go).
import type { ResponseState } from '../../src/core/index';
import type { SnapshotLoaderHost } from '../../src/store/snapshot-loader';

export function snapshotHost(state: ResponseState, own: Partial<SnapshotLoaderHost> = {}): SnapshotLoaderHost {
  return {
    state: () => state,
    positionOf: () => undefined,
    audienceChanged: () => {},
    kept: () => {},
    save: () => {},
    reset: () => {},
    conflict: () => {},
    reject: () => {},
    ...own,
  };
}
