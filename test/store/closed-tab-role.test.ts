// A closed store shares nothing with other tabs, and its `tabRole` says so: `closed` once
// close() resolved, whatever it was before. Before, a closed follower (and a closed leader, whose
// relay fell back to `follower` as it let go) went on saying `follower`, and a demo's status line
// read "tab follower" for a store that no longer heard any tab. Until close() resolves, a closing
// leader still holds the lead (it writes the cache), so it says `leader`; and its close still
// hands the lead to the next tab.
import { expect } from '@open-wc/testing';
import { createResponseStore, type ResponseStore } from '../../src/store/response-store';
import { leaderAndFollower } from '../support/store';
import { until } from '../support/until';

describe('a closed store’s tab role', () => {
  let stores: ResponseStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    stores = [];
  });

  it('a follower says `closed` once closed; the leader it followed leads on', async () => {
    const { leader, follower } = await leaderAndFollower(`closed-role-f-${Math.random()}`, stores);
    await follower.close();
    expect(follower.tabRole).to.equal('closed');
    expect(leader.tabRole).to.equal('leader');
  });

  it('a leader says `leader` while it closes, `closed` once closed, and the follower takes the lead', async () => {
    const tabs = `closed-role-l-${Math.random()}`;
    const { leader, follower } = await leaderAndFollower(tabs, stores);
    const closing = leader.close();
    expect(leader.tabRole, 'it holds the lead until its locks go').to.equal('leader');
    await closing;
    expect(leader.tabRole).to.equal('closed');
    await until(() => follower.tabRole === 'leader', 'the follower to take the lead');
    expect(leader.tabRole, 'the new leader changes nothing for the closed store').to.equal('closed');
  });

  it('a store without tabs says `alone`, then `closed` once closed', async () => {
    const store = createResponseStore();
    stores.push(store);
    expect(store.tabRole).to.equal('alone');
    await store.close();
    expect(store.tabRole).to.equal('closed');
  });
});
