// What a change tells its listeners about contacts: the contacts of its rows, gathered only when a
// listener reads them (a million-row snapshot's frame spent 1-2 s on a Set no view but a timeline
// reads), once for all the listeners of that change.
import { expect } from 'chai';
import { foldEvents } from '../../src/core/index';
import { StoreChanges } from '../../src/store/store-changes';
import type { StoreChange } from '../../src/store/store-events';
import { event } from '../support/events';

function changesOf() {
  const state = foldEvents([
    event('delivered', { recipientId: 'a', contactId: 'c1' }),
    event('delivered', { recipientId: 'b' }),
    event('delivered', { recipientId: 'c', contactId: 'c2', emailId: 'e2' }),
  ]);
  let reads = 0;
  const contactOf = state.recipients.contactOf.bind(state.recipients);
  state.recipients.contactOf = (row: number) => {
    reads++;
    return contactOf(row);
  };
  const changes = new StoreChanges(() => state);
  return { state, changes, reads: () => reads };
}

describe('a store change', () => {
  it('reads no contact when no listener asks for them', () => {
    const { changes, reads } = changesOf();
    const heard: StoreChange[] = [];
    changes.subscribe((change) => heard.push(change));
    changes.changed([0, 1, 2]);
    changes.flush();
    expect(heard[0]!.rows).to.deep.equal([0, 1, 2]);
    expect([...heard[0]!.emails]).to.deep.equal(['e1', 'e2']);
    expect(reads()).to.equal(0);
  });

  it('tells every listener the contacts of its rows, gathered once', () => {
    const { changes, reads } = changesOf();
    const heard: string[][] = [];
    changes.subscribe((change) => heard.push([...change.contacts]));
    changes.subscribe((change) => heard.push([...change.contacts]));
    changes.changed([0, 1, 2], ['e3']);
    changes.flush();
    expect(heard).to.deep.equal([
      ['c1', 'c2'],
      ['c1', 'c2'],
    ]);
    expect(reads()).to.equal(3);
  });

  it('names the emails given first, then those of the rows, each once', () => {
    const { changes } = changesOf();
    let emails: string[] = [];
    changes.subscribe((change) => (emails = [...change.emails]));
    changes.changed([0, 2, 1], ['e3', 'e1']);
    changes.flush();
    expect(emails).to.deep.equal(['e3', 'e1', 'e2']);
  });
});
