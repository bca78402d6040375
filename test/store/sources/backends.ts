// msw backends for the source tests, written as small examples of what a server sends. Each
// records what the client asked for (the cursor parameter) so tests can check the resume.
import { http, HttpResponse, sse, ws } from 'msw';
import { chunkedBody } from './chunked-body';
import { ev } from './script';

export { ev };

export const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const param = (request: Request, name: string) => new URL(request.url).searchParams.get(name);

/** SSE: events, an array, junk, a named event, an unlistened event, and one without an id. */
export const sseMixed = (path: string) =>
  sse<{ message: unknown; response: unknown; other: unknown }>(path, ({ client }) => {
    client.send({ id: '1', data: ev('a') });
    client.send({ id: '2', data: [ev('b'), ev('c')] });
    client.send({ id: '3', data: '{not json' });
    client.send({ id: '4', event: 'response', data: ev('d') });
    client.send({ id: '5', event: 'other', data: ev('z') });
    client.send({ data: ev('e') });
  });

/** SSE: numbered events from just after `lastEventId`; the first connection closes after `cutAfter`. */
export function numberedSse(path: string, last: number, cutAfter: number) {
  const asked: (string | null)[] = [];
  const handler = sse(path, ({ client, request }) => {
    const from = param(request, 'lastEventId');
    asked.push(from);
    for (let n = Number(from ?? 0) + 1; n <= last; n++) {
      client.send({ id: String(n), data: ev(`e${n}`) });
      if (asked.length === 1 && n === cutAfter) break;
    }
    if (asked.length === 1) setTimeout(() => client.close(), 20);
  });
  return { handler, asked };
}

/** SSE that answers 503 to its first request (EventSource gives up for good), then one event. */
export function flakySse(path: string) {
  const asked: (string | null)[] = [];
  const state = { refused: 0 };
  const handlers = [
    http.get(path, () => (state.refused++ === 0 ? new HttpResponse(null, { status: 503 }) : undefined)),
    sse(path, ({ client, request }) => {
      asked.push(param(request, 'lastEventId'));
      client.send({ id: '8', data: ev('e8') });
    }),
  ];
  return { handlers, asked, state };
}

/** SSE sending an event every 5 ms until `closed()` says the page closed the stream. */
export const endlessSse = (path: string, closed: () => boolean) =>
  sse(path, ({ client }) => {
    let n = 0;
    // The mock cannot see the page close the stream, so it asks (a real server gets a reset).
    const timer = setInterval(() => {
      if (closed()) clearInterval(timer);
      else client.send({ id: String(++n), data: ev(`e${n}`) });
    }, 5);
  });

/** WebSocket: an envelope, junk, a bare event and an array; then a close, and the rest on resume. */
export function wsFeed(url: string) {
  const link = ws.link(url);
  const asked: (string | null)[] = [];
  const closedByClient: boolean[] = [];
  const handler = link.addEventListener('connection', ({ client }) => {
    const cursor = client.url.searchParams.get('cursor');
    asked.push(cursor);
    client.addEventListener('close', () => closedByClient.push(true));
    if (cursor === null) {
      client.send(JSON.stringify({ cursor: 'c1', events: [ev('a'), ev('b')] }));
      client.send('not json');
      client.send(JSON.stringify(ev('x')));
      client.send(JSON.stringify([ev('y')]));
      setTimeout(() => client.close(), 30);
    } else {
      client.send(JSON.stringify({ cursor: 'c2', events: [ev('c')] }));
    }
  });
  return { handler, asked, closedByClient };
}

/** Polling: a page with `more`, a last page, a 503, bad JSON, then the next page and empty ones. */
export function pollFeed(path: string) {
  const asked: { cursor: string | null; at: number }[] = [];
  const handler = http.get(path, ({ request }) => {
    asked.push({ cursor: param(request, 'cursor'), at: performance.now() });
    switch (asked.length) {
      case 1:
        return HttpResponse.json({ events: [ev('a')], cursor: '1', more: true });
      case 2:
        return HttpResponse.json({ events: [ev('b')], cursor: '2' });
      case 3:
        return new HttpResponse('busy', { status: 503 });
      case 4:
        return new HttpResponse('{"events": [', { headers: { 'content-type': 'application/json' } });
      case 5:
        return HttpResponse.json({ events: [ev('c')], cursor: '3' });
      default:
        return HttpResponse.json({ events: [], cursor: '3' });
    }
  });
  return { handler, asked };
}

/** NDJSON answering the nth request (1-based) with `respond(n, cursor)`. */
export function ndjsonFeed(path: string, respond: (n: number, cursor: string | null) => Response) {
  const asked: (string | null)[] = [];
  const handler = http.get(path, ({ request }) => {
    asked.push(param(request, 'cursor'));
    return respond(asked.length, asked.at(-1) ?? null);
  });
  return { handler, asked };
}

/** An NDJSON response whose chunks arrive 5 ms apart, then `end`. */
export const ndjson = (chunks: string[], end: 'close' | 'error' | 'open') =>
  new HttpResponse(chunkedBody(chunks, end), { headers: { 'content-type': 'application/x-ndjson' } });
