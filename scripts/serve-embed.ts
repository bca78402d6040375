// The embed page's backend: a plain node:http server that serves demo/embed.html and dist/ under a
// strict Content-Security-Policy, and the endpoints the elements read, from the same simulated
// campaign the demo's in-page mock backend runs (demo/backend/, its DOM-free classes; the msw
// layer, handlers.ts and mock-server.ts, is not used here).
//
//   node --import tsx scripts/serve-embed.ts [--port N] [--audience N] [--rate N]
//
// Prints the page's URL and runs until killed. Tests use startEmbedServer().
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_RULES } from '../src/core/index';
import { DemoBackend } from '../demo/backend/backend';
import { contactNumber } from '../demo/backend/contacts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const EMBED_HTML = join(ROOT, 'demo', 'embed.html');
const EMBED_CSS = join(ROOT, 'demo', 'embed.css');

/** The page may load its own script and stylesheet, talk to its own origin, and nothing else. */
export const EMBED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";

const TICK_MS = 100;
/** A stalled event loop (a busy machine) counts as at most this much time. */
const MAX_TICK_MS = 1000;
const HOUR = 3_600_000;
const POLL_LIMIT = 1000;
const MAX_POLL_LIMIT = 5000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

export interface EmbedServerOptions {
  /** 0 (the default for tests) picks a free port. */
  port?: number;
  /** Bulk audience size, 100 … 1,000,000 (default 1,000). */
  audience?: number;
  /** Events per second (default 200). */
  rate?: number;
  /** The campaign's seed (default 7, the demo page's). */
  seed?: number;
  /** Epoch ms of the bulk send; default the start of the current hour, as the demo does. */
  startTime?: number;
}

export interface EmbedServer {
  /** The embed page: `http://127.0.0.1:<port>/`. */
  url: string;
  port: number;
  /** The simulation, for read-outs and tests. */
  backend: DemoBackend;
  close(): Promise<void>;
}

type Cursor = number | { error: string };

function readCursor(value: string | null | undefined, name: string): Cursor {
  if (value === null || value === undefined || value === '') return 0;
  if (/^\d{1,15}$/.test(value)) return Number(value);
  return {
    error: `email-responses embed server: ${name} must be a cursor from this backend (a whole number), not ${JSON.stringify(value.slice(0, 40))}`,
  };
}

/** Last-Event-ID (an EventSource's own reconnection) wins over ?lastEventId= (the store's reopen). */
function sseCursor(request: IncomingMessage, url: URL): Cursor {
  const header = request.headers['last-event-id'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined && value !== '') return readCursor(value, 'Last-Event-ID');
  return readCursor(url.searchParams.get('lastEventId'), 'lastEventId');
}

function securityHeaders(response: ServerResponse): void {
  response.setHeader('content-security-policy', EMBED_CSP);
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function sendFile(request: IncomingMessage, response: ServerResponse, path: string): void {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    const hint = path.startsWith(DIST) ? ' Run `npm run build` first.' : '';
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(`Not found.${hint}\n`);
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(path).pipe(response);
}

/** A file directly or deeper under dist/, never outside it. */
function distPath(pathname: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice('/dist/'.length));
  } catch {
    return undefined;
  }
  if (relative.includes('\0')) return undefined;
  const full = resolve(DIST, relative);
  return full.startsWith(DIST + sep) ? full : undefined;
}

/**
 * Pipes one of the hub's streaming responses (a web ReadableStream, pull-driven: one message when
 * the client has room) into Node's response, and cancels it when the client goes away, which
 * forgets the stream in the hub.
 */
async function pipeStream(
  body: ReadableStream<Uint8Array>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const reader = body.getReader();
  let gone = false;
  const onClose = () => {
    gone = true;
    void reader.cancel().catch(() => {});
  };
  request.on('close', onClose);
  response.on('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || gone) break;
      if (!response.write(value)) {
        await new Promise<void>((resolveDrain) => {
          const settle = () => {
            response.off('drain', settle);
            response.off('close', settle);
            resolveDrain();
          };
          response.on('drain', settle);
          response.on('close', settle);
        });
      }
    }
  } catch {
    // Dropped by the backend (its "drop the connection" switch) or by the client.
  } finally {
    request.off('close', onClose);
    if (!response.writableEnded) response.end();
  }
}

export async function startEmbedServer(options: EmbedServerOptions = {}): Promise<EmbedServer> {
  const backend = new DemoBackend({
    audience: options.audience ?? 1000,
    rate: options.rate ?? 200,
    seed: options.seed ?? 7,
    startTime: options.startTime ?? Math.floor(Date.now() / HOUR) * HOUR,
  });
  const { campaign, feed, ledger, streams } = backend;

  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    backend.tick(Math.min(MAX_TICK_MS, now - last));
    last = now;
  }, TICK_MS);

  const stream = (kind: 'sse' | 'ndjson', from: number, request: IncomingMessage, response: ServerResponse) => {
    const answer = streams.open(kind, backend.startCursor(kind, from));
    const headers: Record<string, string> = { 'x-accel-buffering': 'no' };
    answer.headers.forEach((value, name) => (headers[name] = value));
    response.writeHead(200, headers);
    response.flushHeaders();
    void pipeStream(answer.body!, request, response);
  };

  const api = (request: IncomingMessage, response: ServerResponse, url: URL): void => {
    const { pathname, searchParams: params } = url;
    if (pathname === '/api/stream') {
      const cursor = sseCursor(request, url);
      if (typeof cursor !== 'number') return sendJson(response, 400, { error: cursor.error });
      return stream('sse', cursor, request, response);
    }
    if (pathname === '/api/stream.ndjson') {
      const cursor = readCursor(params.get('cursor'), 'cursor');
      if (typeof cursor !== 'number') return sendJson(response, 400, { error: cursor.error });
      return stream('ndjson', cursor, request, response);
    }
    if (pathname === '/api/rules') return sendJson(response, 200, DEFAULT_RULES);
    if (pathname === '/api/events') {
      const cursor = readCursor(params.get('cursor'), 'cursor');
      if (typeof cursor !== 'number') return sendJson(response, 400, { error: cursor.error });
      const limit = Math.min(MAX_POLL_LIMIT, Math.max(1, Number(params.get('limit')) || POLL_LIMIT));
      const from = backend.startCursor('poll', cursor);
      const events = feed.read(from, limit);
      const next = from + events.length;
      return sendJson(response, 200, {
        events,
        cursor: String(next),
        more: next < feed.main.length,
        from: String(from),
      });
    }
    // The simulated campaign's time (it runs `timeScale` times the wall clock's pace from the hour
    // the server started): the page's views measure "5 min. ago" by it, not by this machine's.
    if (pathname === '/api/clock') return sendJson(response, 200, { now: campaign.clock, timeScale: feed.timeScale });
    if (pathname === '/api/emails') {
      return sendJson(response, 200, {
        emails: campaign.emails.map((email) => ({ ...email, audience: ledger.total(email.id) })),
      });
    }
    if (pathname === '/api/snapshot') {
      const emailId = params.get('emailId');
      if (!emailId)
        return sendJson(response, 400, {
          error: 'email-responses embed server: emailId is missing; try /api/snapshot?emailId=spring-sale&page=0',
        });
      const pageText = params.get('page') ?? '0';
      const page = /^\d{1,7}$/.test(pageText) ? Number(pageText) : NaN;
      if (ledger.total(emailId) < 0)
        return sendJson(response, 404, {
          error: `email-responses embed server: no email "${emailId}"; GET /api/emails lists them`,
        });
      const body = Number.isNaN(page) ? undefined : ledger.page(emailId, page, feed.main.length, feed.providerReceived);
      if (!body)
        return sendJson(response, 404, {
          error: `email-responses embed server: email "${emailId}" has no page ${JSON.stringify(pageText)}; pages start at 0`,
        });
      return sendJson(response, 200, body);
    }
    const contact = /^\/api\/contacts\/([^/]+)\/events$/.exec(pathname);
    if (contact) {
      let id: string;
      try {
        id = decodeURIComponent(contact[1]!);
      } catch {
        id = contact[1]!;
      }
      const number = contactNumber(id);
      if (number < 0 || number >= campaign.audience) {
        return sendJson(response, 404, {
          error: `email-responses embed server: no contact "${id.slice(0, 40)}"; contacts are c-0 … c-${campaign.audience - 1}`,
        });
      }
      return sendJson(response, 200, {
        contactId: id,
        events: feed.eventsOfContact(number),
        cursor: String(feed.main.length),
      });
    }
    return sendJson(response, 404, { error: `email-responses embed server: no endpoint ${pathname.slice(0, 80)}` });
  };

  const server = createServer((request, response) => {
    securityHeaders(response);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Only GET and HEAD.\n');
      return;
    }
    const { pathname } = url;
    if (pathname.startsWith('/api/')) return api(request, response, url);
    if (pathname === '/' || pathname === '/embed.html' || pathname === '/demo/embed.html')
      return sendFile(request, response, EMBED_HTML);
    if (pathname === '/embed.css' || pathname === '/demo/embed.css') return sendFile(request, response, EMBED_CSS);
    // The CRM's own script and the view switches it shares with the QA demo (plain files, no build).
    const demoScript = /^\/demo\/([a-z-]+\.js)$/.exec(pathname);
    if (demoScript) return sendFile(request, response, join(ROOT, 'demo', demoScript[1]!));
    if (pathname.startsWith('/dist/')) {
      const path = distPath(pathname);
      if (path) return sendFile(request, response, path);
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found.\n');
  });

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolveClose) => {
      clearInterval(timer);
      streams.closeAll();
      server.close(() => resolveClose());
      // Event streams never end by themselves: cut every connection so close() returns.
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };

  return { url: `http://127.0.0.1:${port}/`, port, backend, close };
}

function argument(args: readonly string[], name: string): number | undefined {
  const index = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index < 0) return undefined;
  const arg = args[index]!;
  const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  const value = Number(text);
  if (text === undefined || !Number.isFinite(value) || value < 0) {
    console.error(`email-responses embed server: ${name} needs a number, e.g. ${name} 5180`);
    process.exit(2);
  }
  return value;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const args = process.argv.slice(2);
  // A fresh clone has no dist/: build the script-tag bundle the page loads (and its lazy parts)
  // rather than serve a page whose script is a 404.
  if (!existsSync(join(DIST, 'email-responses.iife.js'))) {
    console.log('email-responses embed server: building dist/email-responses.iife.js (vite build --mode iife)…');
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const built = spawnSync(process.execPath, [vite, 'build', '--mode', 'iife'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) {
      console.error('email-responses embed server: the build failed; run `npm run build` and try again.');
      process.exit(1);
    }
  }
  const server = await startEmbedServer({
    port: argument(args, '--port') ?? 5180,
    audience: argument(args, '--audience'),
    rate: argument(args, '--rate'),
  });
  console.log(`email-responses embed page: ${server.url}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
