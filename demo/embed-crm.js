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
  const { contactId } = event.detail;
  if (!contactId) return;
  timeline.setAttribute('contact-id', contactId);
  // Below the grid (a phone, a narrow window), the timeline would open out of sight.
  const box = contact.getBoundingClientRect();
  if (box.top >= innerHeight || box.bottom <= 0) contact.scrollIntoView({ block: 'start' });
});

summary.addEventListener('filter-request', (event) => grid.applyFilter(event.detail));

// The name, subject, sender and send time of the email, from the CRM's backend.
void fetchEmailInfo('/api/emails', summary.getAttribute('email-id')).then((info) => {
  if (typeof info === 'string') console.warn(`Northwind CRM: no email info: ${info}`);
  else summary.emailInfo = info;
});
