import { expect } from '@open-wc/testing';
import { loadOnce } from '../../../src/elements/shared/load-once';

describe('loadOnce: a lazy part of an element', () => {
  it('loads once for every caller', async () => {
    let loads = 0;
    const part = loadOnce(async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([part(), part()]);
    expect(a).to.equal(b);
    expect(await part()).to.equal(a);
    expect(loads).to.equal(1);
  });

  it('asks again after a failed load instead of failing until the page reloads', async () => {
    let loads = 0;
    const part = loadOnce(async () => {
      loads++;
      if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'loaded';
    });
    let failure: unknown;
    await part().catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
    expect(await part()).to.equal('loaded');
    expect(await part()).to.equal('loaded');
    expect(loads).to.equal(2);
  });
});
