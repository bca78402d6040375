// What a host gives `ResponseStore` (and `createResponseStore`): its own file, so the store's file
// holds the store. Re-exported from response-store.ts, where importers have always found it.
import type { ResponseRules } from '../core/catalogue';
import type { ResponseSource } from './sources/source';

export interface ResponseStoreOptions {
  /** The transition rules; the spec's table by default. */
  rules?: ResponseRules;
  /** A live source to start at once (in the leading tab, when `tabs` is set). */
  source?: ResponseSource;
  /**
   * Keep a copy in IndexedDB under this database name: a reopened page paints from it before any
   * network and the stream resumes from the cached cursor. Without it the store lives in memory.
   * The element attribute is `cache-name`; `cacheStatus` says whether the cache is in use. A cache
   * is one writer's: stores of the page's tabs naming the same cache take turns (Web Locks), and
   * what one applies reaches the one writing, `tabs` or not.
   */
  cacheName?: string;
  /**
   * @deprecated Use `cacheName` (`cache` read as a status on the store). Still honoured when
   * `cacheName` is not given.
   */
  cache?: string;
  /**
   * Share one stream among the page's tabs: the tabs with the same name elect one leader (Web
   * Locks) that runs the source and relays what it applies to the others (BroadcastChannel).
   */
  tabs?: string;
  /**
   * What time it is, ms since the epoch: what waits toward the Sent to provider limit and "5 min.
   * ago" are measured against. The wall clock by default; a host with its own time (a
   * simulation, a server's clock) gives it here or later with `setClock`.
   */
  clock?: () => number;
}
