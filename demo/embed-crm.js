// The CRM's own script on the embed page, as a CRM would write it around the elements (which need
// only their one script tag): the display switches (language, time zone, theme, direction, kept in
// the URL's query); a row chosen in the grid opens that contact's timeline beside it (below it on a
// narrow screen); a figure clicked in the report filters the grid; the report's header names the
// email. Served from the page's own origin, so the strict CSP allows it.
import { bindViewSettings, registerDemoLanguages } from './view-settings.js';

const root = document.querySelector('email-responses');
const contact = document.querySelector('.contact');
const timeline = document.querySelector('contact-response-timeline');
const summary = document.querySelector('response-summary');
const grid = document.querySelector('audience-response-grid');
const { fetchEmailInfo, registerMessages } = window.EmailResponses;

registerDemoLanguages(registerMessages);
bindViewSettings(document.querySelector('#view-settings'), root);

root.addEventListener('recipient-select', (event) => {
  const { contactId, emailId } = event.detail;
  if (!contactId) return;
  // The timeline marks the email the contact was chosen from.
  timeline.setAttribute('email-id', emailId);
  timeline.setAttribute('contact-id', contactId);
  // Below the grid (a phone, a narrow window), the timeline would open out of sight.
  const box = contact.getBoundingClientRect();
  if (box.top >= innerHeight || box.bottom <= 0) contact.scrollIntoView({ block: 'start' });
});

summary.addEventListener('filter-request', (event) => grid.applyFilter(event.detail));

// The embed server simulates its campaign faster than time passes here (scripts/serve-embed.ts):
// its events would read as hours in the future by this machine's clock. The views measure time by
// their store's clock, so the page sets it to the server's, read now and again (a real CRM's
// backend keeps real time and needs none of this).
let serverTime = { now: Date.now(), at: Date.now(), scale: 1 };
const serverClock = () => serverTime.now + (Date.now() - serverTime.at) * serverTime.scale;
const clocked = new WeakSet();
async function readServerClock() {
  try {
    const { now, timeScale } = await (await fetch('/api/clock')).json();
    serverTime = { now, at: Date.now(), scale: timeScale };
    // The element remakes its store once it knows its cache name: the new one gets the clock too.
    if (!clocked.has(root.store)) {
      clocked.add(root.store);
      root.store.setClock(serverClock);
    }
  } catch {
    // The next read tries again; meanwhile the clock runs on from the last one.
  }
}
void readServerClock();
setInterval(() => void readServerClock(), 5000);

// The name, subject, sender and send time of the email, from the CRM's backend.
void fetchEmailInfo('/api/emails', summary.getAttribute('email-id')).then((info) => {
  if (typeof info === 'string') console.warn(`Northwind CRM: no email info: ${info}`);
  else summary.emailInfo = info;
});
