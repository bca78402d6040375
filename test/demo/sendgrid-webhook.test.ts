// The demo's provider-format path runs through the webhook kit: the simulated SendGrid signs each
// body, the backend's endpoint verifies it, and only then do its events reach the server's state
// and the relay. An unsigned post is refused.
import { expect } from '@open-wc/testing';
import { foldEvents } from '../../src/core/index';
import { normalizeProviderEvents } from '../../src/core/providers/index';
import { DemoBackend } from '../../demo/backend/backend';
import { until } from './event-source-reader';

const START = Date.UTC(2026, 2, 2, 9);

describe('the demo’s signed SendGrid webhooks', () => {
  it('verifies every posted body before its events count, and relays only what it verified', async () => {
    const backend = new DemoBackend({
      audience: 500,
      rate: 5_000,
      seed: 7,
      startTime: START,
      switches: { providerFormat: true },
    });
    backend.jump(3);
    for (let tick = 0; tick < 40; tick++) backend.tick(100);
    const { feed } = backend;
    expect(feed.provider.length, 'provider-format events posted').to.be.greaterThan(20);
    await until(() => feed.providerReceived === feed.provider.length, 'every webhook verified');
    expect(feed.webhooks.refused, feed.webhooks.lastRefusal).to.equal(0);
    expect(backend.stats().providerCursor).to.equal(feed.provider.length);

    const main = feed.read(0, feed.main.length);
    const provider = normalizeProviderEvents('sendgrid', feed.readProvider(0, feed.provider.length)).events;
    const withProvider = foldEvents([...main, ...provider]);
    const mainOnly = foldEvents(main);
    let changedByProvider = 0;
    for (const event of provider) {
      const server = backend.ledger.state.recipient(event.emailId, event.recipientId);
      const expected = withProvider.recipient(event.emailId, event.recipientId);
      expect(server?.response, event.recipientId).to.equal(expected?.response);
      expect(server?.opens, event.recipientId).to.equal(expected?.opens);
      if (mainOnly.recipient(event.emailId, event.recipientId)?.response !== expected?.response) changedByProvider++;
    }
    expect(changedByProvider, 'recipients whose state the verified webhooks changed').to.be.greaterThan(0);
  });

  it('answers 401 to a post without SendGrid’s signature, and applies nothing', async () => {
    const backend = new DemoBackend({ audience: 100, rate: 0, seed: 3, startTime: START });
    const body = JSON.stringify([
      {
        email: 'x@example.com',
        timestamp: START / 1000,
        event: 'spamreport',
        sg_event_id: 'forged',
        emailId: 'spring-sale',
        recipientId: 'r-1',
      },
    ]);
    const response = await backend.feed.webhooks.handle(
      new Request('http://localhost/api/webhooks/sendgrid', { method: 'POST', body }),
    );
    expect(response.status).to.equal(401);
    expect(backend.ledger.state.recipient('spring-sale', 'r-1')?.response).to.not.equal('spam-complaint');
  });
});
