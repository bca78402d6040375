// Compile-only (`npm run typecheck`; nothing runs it): the tag map and the event maps give hosts
// typed elements and typed event details, and wrong use fails to compile. Each `@ts-expect-error`
// is a test: tsc reports an unused one, so a type that became too loose breaks the typecheck.
import type {
  AudienceResponseGridElement,
  ContactResponseTimelineElement,
  EmailResponsesElement,
  FilterRequest,
  FilterRequestDetail,
  RecipientSelectDetail,
  ResponseSummaryElement,
} from '../../src/index';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

export function typings(root: EmailResponsesElement): void {
  // The tag map: createElement and querySelector give the element classes.
  const grid = document.createElement('audience-response-grid');
  const summary = document.createElement('response-summary');
  const timeline = document.createElement('contact-response-timeline');
  assertType<Equal<typeof grid, AudienceResponseGridElement>>();
  assertType<Equal<typeof summary, ResponseSummaryElement>>();
  assertType<Equal<typeof timeline, ContactResponseTimelineElement>>();
  const found = document.querySelector('email-responses');
  assertType<Equal<typeof found, EmailResponsesElement | null>>();
  // @ts-expect-error: a grid is not a summary
  const wrong: ResponseSummaryElement = document.createElement('audience-response-grid');

  // The events, on the element itself and on any ancestor (they bubble and are composed).
  grid.addEventListener('recipient-select', (event) => assertType<Equal<typeof event.detail, RecipientSelectDetail>>());
  document.addEventListener('recipient-select', (event) =>
    assertType<Equal<typeof event.detail, RecipientSelectDetail>>(),
  );
  summary.addEventListener('filter-request', (event) => assertType<Equal<typeof event.detail, FilterRequestDetail>>());
  timeline.addEventListener('email-select', (event) => assertType<Equal<typeof event.detail.recipientId, string>>());
  root.addEventListener('connection-change', (event) => assertType<Equal<typeof event.detail.attempt, number>>());
  root.addEventListener('events-rejected', (event) => event.detail.rejected.map((r) => r.reason));
  // @ts-expect-error: recipient-select has no email list
  grid.addEventListener('recipient-select', (event) => event.detail.emails);
  // @ts-expect-error: the timeline's event carries a string contact id, not a number
  timeline.addEventListener('email-select', (event) => event.detail.contactId.toFixed());

  // The summary's detail is a FilterRequest: a host forwards it as it is.
  summary.addEventListener('filter-request', (event) => grid.applyFilter(event.detail));
  const request: FilterRequest = { responses: ['opened'], groups: ['sent', 'final'], engagement: 'clicked' };
  grid.applyFilter(request);
  grid.filter = request;
  // @ts-expect-error: `group` was folded into `groups`
  grid.applyFilter({ group: 'sent' });
  // @ts-expect-error: not a group
  grid.applyFilter({ groups: ['bounced'] });
  // @ts-expect-error: not an engagement
  grid.applyFilter({ engagement: 'replied' });

  // One naming rule for the downloads: downloadX() downloads what x() returns.
  // Asynchronous: the CSV code loads on the first export.
  assertType<Equal<ReturnType<typeof grid.csv>, Promise<string>>>();
  assertType<Equal<ReturnType<typeof grid.resendCsv>, Promise<string>>>();
  assertType<Equal<ReturnType<typeof grid.downloadCsv>, Promise<void>>>();
  void grid.downloadResendCsv();
  // @ts-expect-error: renamed csv()
  grid.exportCsv();
  // @ts-expect-error: renamed downloadResendCsv()
  grid.downloadResendList();

  // The store property and the locale every view shares.
  const views = [grid, summary, timeline];
  views.forEach((view) => (view.store = root.store));
  views.forEach((view) => (view.locale = 'de'));
  // @ts-expect-error: a store, not a database name
  grid.store = 'crm-responses';
  void wrong;
}
