// The grid's view of the store (AudienceView) is a chunk of its own (issue 14), asked for as soon
// as the grid's code runs: a grid that asked only when it first met its store waited for it behind
// a cold start's restore of cached rows, and painted its first rows 0.8 s late at a million
// (issue 16 §1). Its own file: no grid is made before the check.
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/elements/audience-response-grid/define';

const requested = () =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes('/src/store/audience/audience-view.ts'));

describe("the grid's view of the store", () => {
  it('is requested when the grid’s code loads, before any grid or store is made', async () => {
    expect(document.querySelector('audience-response-grid')).to.equal(null);
    await waitUntil(requested, 'AudienceView was not requested', { timeout: 3000 });
  });
});
