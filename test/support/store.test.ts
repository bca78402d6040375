// The shared fixture store: a test fed an event the store rejects must fail, not run on less data.
import { expect } from '@open-wc/testing';
import { DEFAULT_RULES } from '../../src/core/index';
import { event } from './events';
import { storeWith } from './store';

describe('storeWith (test support)', () => {
  it('holds the fixture events, flushed', async () => {
    const store = await storeWith([event('delivered'), event('opened', { at: 1 })]);
    expect(store.state.recipient('e1', 'r1')?.response).to.equal('opened');
  });

  it('fails with the store reason when a fixture event is rejected', async () => {
    let failure: unknown;
    try {
      await storeWith([event('delivered'), event('teleported', { recipientId: 'r2' })]);
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(Error);
    expect((failure as Error).message)
      .to.contain('1 fixture event(s) rejected')
      .and.contain('"teleported" is not a response');
  });

  it('passes its options to the store', async () => {
    const rules = { ...DEFAULT_RULES, version: 'support-test' };
    const store = await storeWith([], { rules });
    expect(store.rules.version).to.equal('support-test');
  });
});
