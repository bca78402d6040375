// A view defined before its <email-responses> (a bundle that puts the views' definitions first,
// a view registered in the page's head) gets the store once the wrapper is defined: it asked
// once and heard nothing, and showed "Loading responses…" for good (an integrator's review).
import { expect } from '@open-wc/testing';
import '../../../src/elements/audience-response-grid/define';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { EmailResponsesElement } from '../../../src/elements/email-responses/email-responses';
import { event } from '../../support/events';
import { until } from '../../support/until';

describe('a view defined before its <email-responses>', () => {
  it('gets the store when the wrapper is defined, and shows its rows', async () => {
    const tag = `late-responses-${Math.random().toString(36).slice(2)}`;
    const wrapper = document.createElement(tag);
    const grid = document.createElement('audience-response-grid') as AudienceResponseGridElement;
    grid.setAttribute('email-id', 'e1');
    wrapper.append(grid);
    document.body.append(wrapper);
    try {
      await grid.updateComplete;
      expect(grid.store, 'no provider yet').to.equal(undefined);
      customElements.define(tag, class extends EmailResponsesElement {});
      const provided = (wrapper as EmailResponsesElement).store;
      await until(() => grid.store === provided, 'the grid to get the wrapper’s store');
      await provided.ingest([event('delivered', { recipientId: 'r1' })]);
      await until(() => grid.rowCount === 1, 'the grid to show the row');
    } finally {
      wrapper.remove();
    }
  });
});
