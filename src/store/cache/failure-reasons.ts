/**
 * Why the cache cannot be used, as sentences a host page can show as they are. Each one ends by
 * saying what still works, because nothing applied in memory is ever lost to a cache failure.
 */

const MEMORY_ONLY = 'changes are kept in memory only.';

export const REASONS = {
  noIndexedDb: `IndexedDB is not available in this browser or context; ${MEMORY_ONLY}`,
  blocked: `Another tab keeps an older version of the cache open; close that tab and reload to use the cache. Until then ${MEMORY_ONLY}`,
  newerVersion: `The cache was written by a newer version of this page; reload to use it. Until then ${MEMORY_ONLY}`,
  upgradedElsewhere: `Another tab opened a newer version of the cache; reload this tab to use it. Until then ${MEMORY_ONLY}`,
  deleted: `The cache was deleted by another tab or by the browser; ${MEMORY_ONLY}`,
  terminated: `The browser closed the cache (site data cleared or storage failing); ${MEMORY_ONLY}`,
  quota: `IndexedDB quota exceeded; ${MEMORY_ONLY}`,
  missingStores: `The cache's database lacks its stores (made by other code under the same name?); ${MEMORY_ONLY}`,
} as const;

/** The sentence for an error IndexedDB raised while opening or writing. */
export function reasonFor(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'QuotaExceededError':
      return REASONS.quota;
    case 'VersionError':
      return REASONS.newerVersion;
    case 'SecurityError':
      return `IndexedDB is not allowed here (private browsing or site settings); ${MEMORY_ONLY}`;
    case 'InvalidStateError':
      return REASONS.terminated;
    default: {
      const message = error instanceof Error && error.message ? `: ${error.message}` : '';
      return `IndexedDB failed (${name || 'unknown error'}${message}); ${MEMORY_ONLY}`;
    }
  }
}

/** An error whose message is already one of these sentences. */
export class CacheUnavailableError extends Error {
  override name = 'CacheUnavailableError';
}

/** The sentence for any error: its own message when it already is one. */
export function unavailableReason(error: unknown): string {
  return error instanceof CacheUnavailableError ? error.message : reasonFor(error);
}
