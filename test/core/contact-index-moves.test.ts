// A contact's recipients (contact-index.ts): every recipient row whose contact id is the
// contact's, in the order the recipients first appeared. A recipient's contact id is the newest
// one its events carry (spec: the newest value of a field wins), so a later event can move the
// recipient to another contact: it then leaves the old contact, and a contact left with no
// recipient is no longer listed.
import { expect } from 'chai';
import { createResponseState, type ResponseState } from '../../src/core/index';
import { recipientEvent } from '../support/events';

/** A state whose recipients r0, r1, … (rows 0, 1, …) first belong to these contacts. */
function stateOf(contacts: readonly (string | undefined)[]): ResponseState {
  const state = createResponseState();
  contacts.forEach((contactId, n) =>
    state.apply([recipientEvent('delivered', `r${n}`, contactId === undefined ? {} : { contactId })]),
  );
  return state;
}

/** Recipient `r<n>`'s newest event so far (at minute `at`) names contact `contactId`. */
function moveTo(state: ResponseState, n: number, contactId: string, at: number): void {
  state.apply([recipientEvent('opened', `r${n}`, { contactId, at })]);
}

/** Every contact listed, with its rows. */
function contacts(state: ResponseState): Record<string, readonly number[]> {
  const out: Record<string, readonly number[]> = {};
  for (const id of [...state.contactIds()].sort()) out[id] = state.contactRows(id);
  return out;
}

describe('contact index: which recipients a contact has', () => {
  it("lists a contact's recipients in the order they first appeared, and none for an unknown contact", () => {
    const state = stateOf(['c1', 'c2', 'c1', undefined, 'c1']);
    expect(contacts(state)).to.deep.equal({ c1: [0, 2, 4], c2: [1] });
    expect(state.contactRows('c3')).to.deep.equal([]);
    expect(state.contactRows('C1'), 'contact ids are compared as they are').to.deep.equal([]);
  });

  it('lists no contact for recipients without a contact id', () => {
    const state = stateOf([undefined, undefined]);
    expect([...state.contactIds()]).to.deep.equal([]);
    state.apply([recipientEvent('delivered', 'r2', { contactId: 'c1' })]);
    expect(contacts(state)).to.deep.equal({ c1: [2] });
  });

  it('moves a recipient whose newer event names another contact, once the index is read', () => {
    const state = stateOf(['c1', 'c2']);
    expect(contacts(state), 'read once: kept up to date from now on').to.deep.equal({ c1: [0], c2: [1] });
    moveTo(state, 0, 'c3', 5);
    expect(contacts(state), 'c1 had no other recipient').to.deep.equal({ c2: [1], c3: [0] });
    moveTo(state, 1, 'c3', 5);
    expect(contacts(state)).to.deep.equal({ c3: [0, 1] });
  });

  it('moves a recipient before the index is first read, as if it had been read', () => {
    const state = stateOf(['c1', 'c2', 'c1']);
    moveTo(state, 0, 'c2', 5);
    expect(contacts(state)).to.deep.equal({ c1: [2], c2: [0, 1] });
  });

  it('a contact that loses recipients one by one keeps the rest in order, then is no longer listed', () => {
    const state = stateOf(['c1', 'c1', 'c1', 'c1']);
    expect(state.contactRows('c1')).to.deep.equal([0, 1, 2, 3]);
    moveTo(state, 0, 'c9', 5); // the first
    expect(state.contactRows('c1')).to.deep.equal([1, 2, 3]);
    moveTo(state, 2, 'c9', 5); // one in the middle
    expect(state.contactRows('c1')).to.deep.equal([1, 3]);
    moveTo(state, 3, 'c9', 5); // the last: one recipient left
    expect(state.contactRows('c1')).to.deep.equal([1]);
    moveTo(state, 1, 'c9', 5);
    expect(contacts(state)).to.deep.equal({ c9: [0, 1, 2, 3] });
  });

  it('a contact whose two recipients both leave is no longer listed', () => {
    const state = stateOf(['c1', 'c1']);
    expect(state.contactRows('c1')).to.deep.equal([0, 1]);
    moveTo(state, 1, 'c2', 5);
    moveTo(state, 0, 'c2', 5);
    expect(contacts(state)).to.deep.equal({ c2: [0, 1] });
  });

  it('a recipient that joins a contact takes its place in row order, wherever it comes', () => {
    const state = stateOf(['a', 'x', 'b', 'x', 'b', 'x', 'b', 'c']);
    expect(contacts(state)).to.deep.equal({ a: [0], b: [2, 4, 6], c: [7], x: [1, 3, 5] });
    moveTo(state, 7, 'a', 5); // after the one it has
    moveTo(state, 1, 'c', 5); // before the one it has
    moveTo(state, 3, 'b', 5); // between two of three
    moveTo(state, 5, 'b', 5);
    moveTo(state, 0, 'b', 6); // before them all
    expect(contacts(state)).to.deep.equal({ a: [7], b: [0, 2, 3, 4, 5, 6], c: [1] });
    moveTo(state, 7, 'b', 7); // after them all
    moveTo(state, 1, 'b', 7);
    expect(contacts(state)).to.deep.equal({ b: [0, 1, 2, 3, 4, 5, 6, 7] });
  });

  it('an older event naming another contact does not move the recipient', () => {
    const state = stateOf(['c1']);
    moveTo(state, 0, 'c2', 5);
    moveTo(state, 0, 'c3', 4);
    expect(contacts(state)).to.deep.equal({ c2: [0] });
  });
});
