// The QA demo: the three views on one store, fed by the mock backend over SSE, cached in
// IndexedDB and shared across tabs. Everything here is what a CRM page would write.
import { registerMessages, type StoreTally } from '../src/index';
import type { AudienceResponseGridElement } from '../src/elements/audience-response-grid/audience-response-grid';
import type { ContactResponseTimelineElement } from '../src/elements/contact-response-timeline/contact-response-timeline';
import type { EmailResponsesElement } from '../src/elements/email-responses/email-responses';
import type { ResponseSummaryElement } from '../src/elements/response-summary/response-summary';
import { fetchEmailInfo } from '../src/store/email-info';
import { SseSource } from '../src/store/sources/index';
import { startMockBackend, type DemoSwitches } from './backend/mock-server';
import { resumeClock } from './clock-memory';
import { relayClock } from './clock-relay';
import { bindViewSettings, registerDemoLanguages } from './view-settings.js';

const params = new URLSearchParams(location.search);
const audience = Math.min(1_000_000, Math.max(100, Number(params.get('audience') ?? 1000) || 1000));
const rate = Number(params.get('rate') ?? 200) || 200;
const form = document.querySelector<HTMLFormElement>('#controls')!;
const viewForm = document.querySelector<HTMLFormElement>('#view-settings')!;
const status = document.querySelector<HTMLElement>('#status')!;
const field = <T extends Element>(name: string) => form.elements.namedItem(name) as unknown as T;
field<HTMLSelectElement>('audience').value = String(audience);
field<HTMLInputElement>('rate').value = String(rate);

// The campaign starts at the start of the hour: a reload within it replays the same campaign.
const startTime = Math.floor(Date.now() / 3_600_000) * 3_600_000;
const backend = await startMockBackend({ audience, rate, seed: 7, startTime });

// The elements, made with the DOM API: data never goes through innerHTML.
const views = document.querySelector('#views')!;
const root = document.createElement('email-responses') as EmailResponsesElement;
root.setAttribute('stream-url', '/api/stream');
root.setAttribute('rules-url', '/api/rules');
root.setAttribute('cache-name', `email-responses-demo-${audience}`);
root.setAttribute('tabs', `email-responses-demo-${audience}`);
const summary = document.createElement('response-summary') as ResponseSummaryElement;
const grid = document.createElement('audience-response-grid') as AudienceResponseGridElement;
grid.setAttribute('columns', 'provider email-type');
const timeline = document.createElement('contact-response-timeline') as ContactResponseTimelineElement;
root.append(summary, grid, timeline);
views.append(root);
// Language, time zone, theme and direction: from the URL's query, and back into it on each change.
registerDemoLanguages(registerMessages);
bindViewSettings(viewForm, root);
const showEmail = (emailId: string) => {
  summary.setAttribute('email-id', emailId);
  grid.setAttribute('email-id', emailId);
  // The report's header: name, subject, sender, send time and audience size, from the backend.
  summary.emailInfo = undefined;
  void fetchEmailInfo('/api/emails', emailId).then((info) => {
    if (typeof info === 'string') console.warn(`email-responses demo: no email info: ${info}`);
    else if (summary.getAttribute('email-id') === emailId) summary.emailInfo = info;
  });
};
showEmail('spring-sale');

// The views talk to each other through the host, as they would in a CRM page.
summary.addEventListener('filter-request', (event) => grid.applyFilter(event.detail));
grid.addEventListener('recipient-select', (event) => {
  if (!event.detail.contactId) return;
  timeline.setAttribute('email-id', event.detail.emailId);
  timeline.setAttribute('contact-id', event.detail.contactId);
});
timeline.addEventListener('email-select', (event) => {
  showEmail(event.detail.emailId);
  field<HTMLSelectElement>('email').value = event.detail.emailId;
  // In the same update as the email: the grid keeps a choice made with it, and marks that row.
  grid.selectedRecipientId = event.detail.recipientId;
  void grid.updateComplete.then(() => grid.revealRecipient(event.detail.recipientId));
});

// Provider-format events come on their own stream as SendGrid's raw webhook bodies; a host can
// feed a second source into the same store through ingest().
const store = () => root.store;
// The backend simulates time (faster than the wall clock, and with jumps): the views measure
// waits and "5 min. ago" against it, through the store's clock. Every tab shows the leader's.
const time = relayClock(
  `email-responses-demo-clock-${audience}`,
  store,
  () => backend.now(),
  (command) => {
    if (command === 'jump48') backend.jump(49);
    else backend.jumpPastExpiry();
  },
);
store().setClock(time.clock);
// A reload goes on from the time the page before showed, jumps included (clock-memory.ts).
resumeClock(`email-responses-demo-clock-${audience}`, startTime, backend, time.clock);
new SseSource('/api/webhooks/sendgrid/stream').start({
  deliver: async (items) => {
    const transform = await store().providerTransform('sendgrid');
    await store().ingest(items.flatMap(transform));
  },
  malformed: () => {},
  status: () => {},
});

let rejected = 0;
let skipped = 0;
root.addEventListener('events-rejected', (event) => (rejected += event.detail.rejected.length));
root.addEventListener('events-skipped', (event) => (skipped += event.detail.skipped.length));

form.addEventListener('change', (event) => {
  const target = event.target as HTMLInputElement;
  switch (target.name) {
    case 'audience': {
      // The query as it is now: the view switches keep theirs in it.
      const now = new URLSearchParams(location.search);
      now.set('audience', target.value);
      location.search = now.toString();
      return;
    }
    case 'rate':
      backend.setRate(Number(target.value) || 1);
      return;
    case 'email':
      showEmail(target.value);
      return;
    case 'offline':
      backend.setOffline(target.checked);
      // Back online, the stream retries now, as a browser's 'online' event has it do; its backoff
      // (grown to half a minute after some offline seconds) read as if the switch had not worked.
      if (!target.checked) store().retryNow();
      return;
    default:
      if (target.name in backend.switches) backend.switches[target.name as keyof DemoSwitches] = target.checked;
  }
});
form.addEventListener('click', (event) => {
  const name = (event.target as HTMLButtonElement).name;
  if (name === 'drop') backend.dropConnection();
  if (name === 'restart') backend.restart();
  // On the leader's backend, whichever tab it is pressed in; the views then measure again at once.
  if (name === 'jump48' || name === 'expire') time.command(name);
  if (name === 'tab') window.open(location.href, '_blank');
  if (name === 'snapshot') void loadSnapshot(field<HTMLSelectElement>('email').value);
});

/** The last snapshot load, for the status line: what came, or why it stopped. */
let snapshotNote = '';

/** The backend's state of every recipient of the email, as a CRM page loads it on a first open. */
async function loadSnapshot(emailId: string): Promise<void> {
  snapshotNote = ` · loading the snapshot of ${emailId}…`;
  const started = performance.now();
  const { recipients, conflicts, problems } = await store().loadSnapshot('/api/snapshot', emailId);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  snapshotNote =
    problems.length > 0
      ? ` · snapshot of ${emailId}: ${problems[0]}`
      : ` · snapshot of ${emailId}: ${recipients.toLocaleString('en')} recipients in ${seconds} s, ${conflicts} conflicts`;
}

// A big audience is mostly recipients with no event yet (Planned), which the stream brings at its
// rate: minutes for 100,000. On a first open (the cache does not hold the audience) the demo loads
// the snapshot, as a CRM page would; a smaller one fills from the stream, to show it doing so.
const SNAPSHOT_FROM = 10_000;
if (audience >= SNAPSHOT_FROM) {
  void store().ready.then(() => {
    const rows = store().state.emails.get('spring-sale')?.order.length ?? 0;
    if (rows < audience) void loadSnapshot('spring-sale');
  });
}

/** What the duplicates switch and a restart's replays came to: each counted once, changed or not. */
const repeats = ({ duplicates, conflicts }: StoreTally) =>
  `${(duplicates + conflicts).toLocaleString('en')} repeats counted once` +
  (conflicts > 0 ? ` (${conflicts} changed)` : '');

setInterval(() => {
  const s = store();
  const stats = backend.stats();
  status.textContent =
    `${s.connection.state} · tab ${s.tabRole} · cache ${s.cacheStatus.state}${s.cacheStatus.reason ? ` (${s.cacheStatus.reason})` : ''} · ` +
    `${s.state.eventCount.toLocaleString('en')} events applied, ${repeats(s.tally)}, ${rejected} rejected, ${skipped} skipped · ` +
    `backend cursor ${stats.cursor.toLocaleString('en')}, simulated ${new Date(time.clock()).toISOString().slice(0, 16).replace('T', ' ')} UTC` +
    snapshotNote;
}, 500);
