// The plain page's own script: no bundler, no types, the IIFE's elements as they are.
window.hostLog = [];
const root = document.getElementById('root');
const at = Date.now() - 60_000;
void root.store.ingest(
  ['ada', 'grace', 'linus'].map((name, i) => ({
    id: `delivered-${name}`,
    emailId: 'e1',
    recipientId: `r-${name}`,
    contactId: `c-${name}`,
    contactName: name,
    address: `${name}@example.com`,
    response: 'delivered',
    at: at + i,
  })),
);
document.addEventListener('recipient-select', (event) => {
  window.hostLog.push(`plain:${event.detail.recipientId}`);
  document.getElementById('selected').textContent = event.detail.recipientId;
});
// A raw SendGrid webhook body: the IIFE loads the provider normalizers on demand (dist/providers.js).
window.providerCheck = root.store.providerTransform('sendgrid').then((transform) =>
  transform([
    {
      email: 'jane.doe@example.com',
      timestamp: 1727094000,
      event: 'delivered',
      sg_event_id: 'x1',
      sg_message_id: 'm1.filter',
    },
  ]),
);
// A store with a cache: the IIFE loads the cache's code (dist/iife/cache.js) from next to itself.
const cached = window.EmailResponses.createResponseStore({ cacheName: 'plain-host' });
window.cacheCheck = cached.ready.then(() => {
  const state = cached.cacheStatus.state;
  void cached.close();
  return state;
});
