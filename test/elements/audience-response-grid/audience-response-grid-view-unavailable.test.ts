// Issue 14: the grid's view of the store (AudienceView: sort, filters, engagement columns) loads
// with the grid's first store, off the grid's entry. When it cannot load (offline, a file missing
// from the deploy) the grid says so in its status, and on the console, rather than saying the
// email has no recipients. Its own file: the module must not be in this page's module map before
// (a failed import stays failed for the page).
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { AudienceResponseGridElement } from '../../../src/elements/audience-response-grid/audience-response-grid';
import { recipientEvent as ev } from '../../support/events';
import { storeWith } from '../../support/store';

describe('a grid whose view of the store does not load', () => {
  const worker = setupWorker(http.get(/\/src\/store\/audience\/audience-view\.ts/, () => HttpResponse.error()));
  // The grid's code asks for its view as it runs: imported once the worker fails that request.
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
    await import('../../../src/elements/audience-response-grid/define');
  });
  after(() => worker.stop());

  it('says the recipients cannot be shown and why, and shows no row', async () => {
    const store = await storeWith([ev('delivered', 'r1', { at: 1 }), ev('opened', 'r2', { at: 2 })]);
    const grid = await fixture<AudienceResponseGridElement>(
      html`<audience-response-grid email-id="e1" time-zone="UTC"></audience-response-grid>`,
    );
    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    grid.store = store;
    await grid.updateComplete;
    console.error = consoleError;
    try {
      expect(logged.map((args) => args[0])).to.deep.equal([
        'email-responses: the grid could not load its view of the store',
      ]);
      const status = grid.shadowRoot!.querySelector('[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(status).to.match(/^The recipients cannot be shown: part of this grid did not load \(.+\)\./);
      expect(status).not.to.contain('No recipients');
      expect(grid.shadowRoot!.querySelectorAll('[role="row"][aria-rowindex]:not([aria-rowindex="1"])')).to.have.length(
        0,
      );
    } finally {
      await store.close();
    }
  });
});
