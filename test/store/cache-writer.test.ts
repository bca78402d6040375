// The leader rule in one place: a follower's CacheWriter writes nothing to the shared cache; when
// it takes the lead it writes what it heard as a follower, once.
import { expect } from '@open-wc/testing';
import { createResponseState, type ResponseState } from '../../src/core/index';
import { openResponseCache, type RecordedEvent } from '../../src/store/cache/index';
import { CacheWriter } from '../../src/store/cache-writer';
import { EventLog } from '../../src/store/event-log';
import type { CacheStatus } from '../../src/store/store-events';
import { deleteDatabase, makeEvents, uniqueName } from './cache/cache-helpers';

/** Applies events as the store does: into the state and the log, with what the cache records. */
function apply(
  state: ResponseState,
  log: EventLog,
  events: readonly unknown[],
): { recorded: RecordedEvent[]; changed: readonly number[] } {
  const recorded: RecordedEvent[] = [];
  const batch = state.apply(events, (event, row, at) => {
    log.add(event, row, at);
    recorded.push({ event, row, at });
  });
  return { recorded, changed: batch.changed };
}

/** What the database holds: hydrated into a fresh state. */
async function cachedEvents(name: string): Promise<{ events: number; cursors: Record<string, string> }> {
  const cache = await openResponseCache({ name });
  const log = new EventLog();
  const result = await cache.hydrate(createResponseState(), log);
  await cache.logged;
  await cache.close();
  return { events: log.length, cursors: result.cursors };
}

describe('CacheWriter', () => {
  let name = '';
  beforeEach(() => (name = uniqueName()));
  afterEach(() => deleteDatabase(name));

  async function opened(leads: () => boolean) {
    let state = createResponseState();
    const log = new EventLog();
    const statuses: CacheStatus[] = [];
    const writer = new CacheWriter(log, leads, (status) => statuses.push(status));
    await writer.open(name, {
      state: () => state,
      offerRules: () => undefined,
      restart: () => {
        state = createResponseState();
        log.clear();
      },
      progress: () => undefined,
      resumeFrom: () => undefined,
    });
    return { state, log, writer, statuses };
  }

  it('writes nothing while its tab follows', async () => {
    const { state, log, writer, statuses } = await opened(() => false);
    expect(statuses.map((status) => status.state)).to.deep.equal(['opening', 'ready']);
    const { recorded, changed } = apply(state, log, makeEvents({ recipients: 5, events: 20 }));
    writer.recordApplied(recorded, changed);
    writer.saveCursor('sse', 'c-20');
    writer.recordReset(changed);
    await writer.close();
    expect(await cachedEvents(name)).to.deep.equal({ events: 0, cursors: {} });
  });

  it('writes what it applies while its tab leads', async () => {
    const { state, log, writer } = await opened(() => true);
    const { recorded, changed } = apply(state, log, makeEvents({ recipients: 5, events: 20 }));
    writer.recordApplied(recorded, changed);
    writer.saveCursor('sse', 'c-20');
    await writer.close();
    expect(await cachedEvents(name)).to.deep.equal({ events: 20, cursors: { sse: 'c-20' } });
  });

  it('on taking the lead, writes the events heard as a follower, once', async () => {
    let leads = false;
    const { state, log, writer } = await opened(() => leads);
    const heard = apply(state, log, makeEvents({ recipients: 5, events: 20, idPrefix: 'heard-' }));
    writer.recordApplied(heard.recorded, heard.changed);
    leads = true;
    await writer.takeLead();
    await writer.takeLead();
    const own = apply(state, log, makeEvents({ recipients: 5, events: 10, idPrefix: 'own-' }));
    writer.recordApplied(own.recorded, own.changed);
    await writer.close();
    expect((await cachedEvents(name)).events).to.equal(30);
  });
});
