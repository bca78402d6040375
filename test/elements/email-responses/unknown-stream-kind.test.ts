// Issue 15, item 11: `stream-kind="SSE"` (a kind that does not exist) threw an uncaught TypeError
// while the grid said "No recipients". Now the host hears a closed connection with the reason and
// the grid says live updates stopped.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/email-responses/define';
import '../../../src/elements/audience-response-grid/define';
import type { EmailResponsesElement } from '../../../src/elements/email-responses/email-responses';
import type { ConnectionStatus } from '../../../src/store/sources/index';

describe('<email-responses stream-kind> naming no known kind', () => {
  it('reports a closed connection with the reason to the host and to the user', async () => {
    const heard: ConnectionStatus[] = [];
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    try {
      const root = await fixture<EmailResponsesElement>(
        html`<email-responses
          stream-kind="SSE"
          stream-url="/nowhere"
          @connection-change=${(event: CustomEvent<ConnectionStatus>) => heard.push(event.detail)}
          ><audience-response-grid email-id="e1"></audience-response-grid
        ></email-responses>`,
      );
      const grid = root.querySelector('audience-response-grid')!;
      await root.updateComplete;
      await (grid as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(errors).to.deep.equal([]);
      expect(root.store.connection).to.deep.include({ state: 'closed' });
      expect(root.store.connection.error).to.match(/unknown source kind "SSE"/);
      expect(heard.some((status) => status.state === 'closed' && /SSE/.test(status.error ?? ''))).to.equal(true);
      expect(grid.shadowRoot!.textContent).to.include('Live updates stopped');
    } finally {
      window.removeEventListener('error', onError);
    }
  });
});
