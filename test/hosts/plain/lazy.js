// The plain page with a timeline and a summary: both are lazy parts of the IIFE, defined when
// their tags are seen; the page waits for them as any script-tag host would.
const root = document.getElementById('root');
const prefixed = window.EmailResponses.defineEmailResponses({ prefix: 'acme' });
const at = Date.now() - 60_000;
void root.store.ingest(
  ['delivered', 'opened'].map((response, i) => ({
    id: `${response}-ada`,
    emailId: 'e1',
    recipientId: 'r-ada',
    contactId: 'c-ada',
    contactName: 'ada',
    address: 'ada@example.com',
    response,
    at: at + i,
  })),
);
const shown = (tag, selector) =>
  new Promise((resolve) => {
    const look = () => {
      const found = document.querySelector(tag)?.shadowRoot?.querySelector(selector);
      if (found) resolve(true);
      else setTimeout(look, 50);
    };
    look();
  });
window.lazyCheck = Promise.all([
  customElements.whenDefined('contact-response-timeline'),
  customElements.whenDefined('response-summary'),
  customElements.whenDefined('acme-response-summary'),
  shown('contact-response-timeline', 'li.email'),
  shown('response-summary', '[data-figure]'),
  shown('acme-response-summary', '[data-figure]'),
]).then(([timeline, summary, acmeSummary]) => ({
  // The classes the global gives once their parts are in, and the ones registered: the same.
  sameClasses:
    timeline === window.EmailResponses.ContactResponseTimelineElement &&
    summary === window.EmailResponses.ResponseSummaryElement,
  // Lit registers its version once per copy: one entry, one Lit for the IIFE and its parts.
  litElementVersions: window.litElementVersions,
  gridDefined: customElements.get('audience-response-grid') !== undefined,
  // The prefixed tags defineEmailResponses answers with, and the summary's under its prefix: a
  // subclass of the one the part registered.
  prefixed,
  prefixedSummary: acmeSummary.prototype instanceof summary,
}));
