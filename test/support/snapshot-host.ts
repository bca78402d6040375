// What a snapshot loader asks of its store (SnapshotLoaderHost), for tests of the loader alone:
// the state given, and nothing else done unless a test says what (a cursor's place, where the
// kept rows go), and a count of the kept rows made into objects.
import type { ResponseState } from '../../src/core/index';
import type { SnapshotLoaderHost } from '../../src/store/snapshot-loader';
import { KeptPage } from '../../src/store/snapshot-kept';

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

/**
 * Runs `work` counting the kept snapshot rows made into objects meanwhile (`KeptPage.saved`): a
 * page kept as its columns makes none until a cache or a tab asks for them.
 */
export async function countRowsMade<T>(work: () => Promise<T>): Promise<{ result: T; made: number }> {
  const saved = KeptPage.prototype.saved;
  let made = 0;
  KeptPage.prototype.saved = function (this: KeptPage, i: number) {
    made++;
    return saved.call(this, i);
  };
  try {
    return { result: await work(), made };
  } finally {
    KeptPage.prototype.saved = saved;
  }
}
