// What a store asks of the TabRelay (`tabs`), made where the relay's code is: it loads with it
// (load-coordination.ts), so a page without `tabs` carries neither.
import type { CoordinationHost } from './store-coordination';
import { TabRelay } from './tab-relay';

/** A TabRelay on `tabs` for the store `host`, not yet started. */
export function tabRelayFor(tabs: string, host: CoordinationHost): TabRelay {
  const relay: TabRelay = new TabRelay(tabs, {
    lead: () => {
      void host
        .ready()
        .then(() => host.takeLead())
        .then(() => host.startSource());
    },
    receive: (events, cursors) => {
      void host.ready().then(() => {
        // What the cache gave this tab comes again here (the leader's whole log when it joins): echoes.
        host.apply(events, true, undefined, true);
        host.heard(cursors);
      });
    },
    snapshot: () => host.snapshot(),
    resets: (rows) => void host.ready().then(() => host.takeSnapshotRows(rows)),
    ingested: (events, from) => host.ready().then(() => takeIngested(host, relay, events, from)),
  });
  return relay;
}

/**
 * Events a follower ingested (tab-relay.ts): applied and cached here, relayed to every tab as the
 * source's are. True when the follower may forget them: they are in this tab's cache queue, or
 * it has no cache (or a failed one) and is not closing; false while it closes, so the follower
 * sends them again to the next leader.
 */
function takeIngested(host: CoordinationHost, relay: TabRelay, events: unknown[], from: string): boolean {
  const taken = host.takes();
  // A copy an id conflict kept, settled once its code is here, skips that follower too: it has it,
  // and heard back it would show there as one more redelivery than the leader shows.
  const accepted = host.apply(events, true, (replaced) => relay.relay(replaced, undefined, from));
  relay.relay(accepted, undefined, from);
  return taken;
}
