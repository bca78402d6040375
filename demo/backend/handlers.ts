// The mock backend's HTTP surface, written as the examples an integrator's backend would follow
// (demo/backend/README.md shows each request and answer). Cursors are decimal positions in the
// event log; every stream and the poll endpoint resume from one.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { DEFAULT_RULES, encodeColumns } from '../../src/core/index';
import type { DemoBackend } from './backend';
import { contactNumber } from './contacts';
import { jsonBytesOf } from './json-bytes';

/** An NDJSON response lasts this long, then ends cleanly; the client reconnects from its cursor. */
export const NDJSON_LIFETIME_MS = 15_000;
const POLL_LIMIT = 1000;
const MAX_POLL_LIMIT = 5000;

type Cursor = number | { error: string };

/** A cursor from the query or the Last-Event-ID header: absent is 0, anything but digits is an error. */
function readCursor(value: string | null, name: string): Cursor {
  if (value === null || value === '') return 0;
  if (/^\d{1,15}$/.test(value)) return Number(value);
  return {
    error: `email-responses demo: ${name} must be a cursor from this backend (a whole number), not ${JSON.stringify(value.slice(0, 40))}`,
  };
}

/**
 * EventSource resends the last `id:` as the Last-Event-ID header when it reconnects by itself; the
 * store's source opens a new EventSource with ?lastEventId= instead. The header wins when both
 * are present: the URL keeps the cursor it was first opened with. (Under msw the header never
 * arrives from an EventSource: Chromium adds it below the service worker, which sees the request
 * without it. A real backend gets it; fetch-based clients can send it here.)
 */
function sseCursor(request: Request): Cursor {
  const header = request.headers.get('last-event-id');
  if (header !== null && header !== '') return readCursor(header, 'Last-Event-ID');
  return readCursor(new URL(request.url).searchParams.get('lastEventId'), 'lastEventId');
}

/**
 * Whether a request wants columnar batches (docs/wire-format.md): `format=columns` or
 * `format=objects` in its query, else undefined (the columnar switch decides).
 */
function formatOf(request: Request): boolean | undefined {
  const format = new URL(request.url).searchParams.get('format');
  return format === 'columns' ? true : format === 'objects' ? false : undefined;
}

/**
 * A JSON answer written straight into bytes (json-bytes.ts): `HttpResponse.json` makes the text,
 * then encodes it a second time only to state the length, which for a snapshot page of many rows
 * was most of the mock's own time.
 */
function jsonBytes(body: unknown): Response {
  const bytes = jsonBytesOf(body);
  return new HttpResponse(bytes, {
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes.byteLength) },
  });
}

const badRequest = (error: string) => HttpResponse.json({ error }, { status: 400 });
const notFound = (error: string) => HttpResponse.json({ error }, { status: 404 });

export function createHandlers(backend: DemoBackend): HttpHandler[] {
  const { campaign, feed, ledger, streams } = backend;
  // Offline wins over every route: the request fails as a network error, not an HTTP status.
  const offline = http.all('/api/*', () => (backend.offline ? HttpResponse.error() : undefined));
  return [
    offline,

    // SSE: each message's `id:` is the cursor after it, its data a JSON array of events.
    http.get('/api/stream', ({ request }) => {
      const cursor = sseCursor(request);
      if (typeof cursor !== 'number') return badRequest(cursor.error);
      return streams.open('sse', backend.startCursor('sse', cursor), undefined, formatOf(request));
    }),

    http.get('/api/stream.ndjson', ({ request }) => {
      const cursor = readCursor(new URL(request.url).searchParams.get('cursor'), 'cursor');
      if (typeof cursor !== 'number') return badRequest(cursor.error);
      return streams.open('ndjson', backend.startCursor('ndjson', cursor), NDJSON_LIFETIME_MS, formatOf(request));
    }),

    http.get('/api/events', ({ request }) => {
      const params = new URL(request.url).searchParams;
      const cursor = readCursor(params.get('cursor'), 'cursor');
      if (typeof cursor !== 'number') return badRequest(cursor.error);
      const limit = Math.min(MAX_POLL_LIMIT, Math.max(1, Number(params.get('limit')) || POLL_LIMIT));
      const from = backend.startCursor('poll', cursor);
      const read = feed.read(from, limit);
      const next = from + read.length;
      const events = (formatOf(request) ?? backend.switches.columnar) ? encodeColumns(read) : read;
      return HttpResponse.json({ events, cursor: String(next), more: next < feed.main.length, from: String(from) });
    }),

    // The provider-format switch's share of events, as SendGrid posts them: each message's data is
    // one webhook body (a JSON array of SendGrid items). Same cursor rules as /api/stream.
    http.get('/api/webhooks/sendgrid/stream', ({ request }) => {
      const cursor = sseCursor(request);
      if (typeof cursor !== 'number') return badRequest(cursor.error);
      return streams.open('sendgrid-sse', backend.startCursor('sendgrid-sse', cursor));
    }),

    // The webhook endpoint the simulated SendGrid posts to (through the same handler, unseen): a
    // body without SendGrid's signature gets 401, as it would on a real server.
    http.post('/api/webhooks/sendgrid', ({ request }) => feed.webhooks.handle(request)),

    http.get('/api/snapshot', ({ request }) => {
      const params = new URL(request.url).searchParams;
      const emailId = params.get('emailId');
      if (!emailId)
        return badRequest('email-responses demo: emailId is missing; try /api/snapshot?emailId=spring-sale&page=0');
      const pageText = params.get('page') ?? '0';
      const page = /^\d{1,7}$/.test(pageText) ? Number(pageText) : NaN;
      if (ledger.total(emailId) < 0)
        return notFound(`email-responses demo: no email "${emailId}"; GET /api/emails lists them`);
      const columns = formatOf(request) ?? backend.switches.columnar;
      const read = columns ? ledger.columnsPage.bind(ledger) : ledger.page.bind(ledger);
      const body = Number.isNaN(page) ? undefined : read(emailId, page, feed.main.length, feed.providerReceived);
      if (!body)
        return notFound(
          `email-responses demo: email "${emailId}" has no page ${JSON.stringify(pageText)}; pages start at 0`,
        );
      return jsonBytes(body);
    }),

    http.get('/api/rules', () => HttpResponse.json(DEFAULT_RULES)),

    http.get('/api/contacts/:contactId/events', ({ params }) => {
      const id = String(params.contactId);
      const contact = contactNumber(id);
      if (contact < 0 || contact >= campaign.audience)
        return notFound(`email-responses demo: no contact "${id}"; contacts are c-0 … c-${campaign.audience - 1}`);
      return HttpResponse.json({
        contactId: id,
        events: feed.eventsOfContact(contact),
        cursor: String(feed.main.length),
      });
    }),

    http.get('/api/emails', () =>
      HttpResponse.json({ emails: campaign.emails.map((email) => ({ ...email, audience: ledger.total(email.id) })) }),
    ),
  ];
}
