// A store already holding a test's events. Browser tests only: the store is the page's (it
// schedules notifications on animation frames).
import type { ResponseEvent } from '../../src/core/index';
import { createResponseStore, type ResponseStore, type ResponseStoreOptions } from '../../src/store/response-store';
import { until } from './until';

/**
 * A store that has ingested and flushed `events`. A fixture event the store rejects fails the
 * test here, with the store's reason: a typo in a fixture must not pass as a recipient that
 * silently has no row.
 */
export async function storeWith(
  events: readonly ResponseEvent[],
  options: ResponseStoreOptions = {},
): Promise<ResponseStore> {
  const store = createResponseStore(options);
  const { rejected } = await store.ingest(events);
  if (rejected.length > 0) {
    const reasons = rejected.map(({ event, reason }) => `${JSON.stringify(event)}: ${reason}`);
    throw new Error(`storeWith: ${rejected.length} fixture event(s) rejected:\n${reasons.join('\n')}`);
  }
  store.flush();
  return store;
}

/**
 * Two stores as two tabs of one name: the first leads (its cached events read, with
 * `leaderOptions.cacheName`), the second follows. Each is pushed to `stores` as it is made, so
 * the test's `finally` closes whatever was made, even when one never took its role.
 */
export async function leaderAndFollower(
  tabs: string,
  stores: ResponseStore[],
  leaderOptions: ResponseStoreOptions = {},
): Promise<{ leader: ResponseStore; follower: ResponseStore }> {
  const leader = createResponseStore({ ...leaderOptions, tabs });
  stores.push(leader);
  await until(() => leader.tabRole === 'leader', 'the first tab to lead');
  await leader.eventsReady;
  const follower = createResponseStore({ tabs });
  stores.push(follower);
  await until(() => follower.tabRole === 'follower', 'the second tab to follow');
  return { leader, follower };
}
