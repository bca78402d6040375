// A snapshot's next page is asked for while the page before it is being applied, so a server's
// time and the network's round trip overlap the reconcile; a caller that stops early cancels the
// page asked ahead, and the host's own signal still cancels every request.
import { expect } from '@open-wc/testing';
import { readSnapshotPages } from '../../src/store/backend-reads';

interface Asked {
  page: string | null;
  signal: AbortSignal | undefined;
}

/** Answers `pages` pages of one row each (`next` chains them); records every request. */
function serve(pages: number, asked: Asked[]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const page = url.searchParams.get('page');
    asked.push({ page, signal: init?.signal ?? undefined });
    init?.signal?.throwIfAborted();
    const n = Number(page ?? 0);
    const body = { recipients: [{ recipientId: `r${n}` }], next: n + 1 < pages ? String(n + 1) : null };
    return new Response(JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
}

async function withServer<T>(pages: number, run: (asked: Asked[]) => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  const asked: Asked[] = [];
  globalThis.fetch = serve(pages, asked);
  try {
    return await run(asked);
  } finally {
    globalThis.fetch = original;
  }
}

describe('snapshot pages read ahead', () => {
  it('asks for page n + 1 before the caller has applied page n', async () => {
    await withServer(3, async (asked) => {
      const pages = readSnapshotPages('/api/snapshot', 'm1');
      const first = await pages.next();
      expect(first.value).to.deep.include({ ok: true });
      // The caller holds page 0 and has not asked for more: page 1 is on its way already.
      expect(asked.map((a) => a.page)).to.deep.equal([null, '1']);
      const rest: unknown[] = [];
      for await (const read of pages) rest.push(read.ok ? read.value.next : read.reason);
      expect(rest).to.deep.equal(['2', null]);
      // Three pages, each asked for once; nothing past the last.
      expect(asked.map((a) => a.page)).to.deep.equal([null, '1', '2']);
    });
  });

  it('cancels the page asked ahead when the caller stops early', async () => {
    await withServer(5, async (asked) => {
      for await (const read of readSnapshotPages('/api/snapshot', 'm1')) {
        expect(read.ok).to.equal(true);
        break;
      }
      expect(asked.map((a) => a.page)).to.deep.equal([null, '1']);
      expect(asked[1]!.signal?.aborted).to.equal(true);
    });
  });

  it('keeps the page ahead going to the end when the caller reads every page', async () => {
    await withServer(2, async (asked) => {
      const seen: string[] = [];
      for await (const read of readSnapshotPages('/api/snapshot', 'm1'))
        seen.push(read.ok ? (read.value.recipients as { recipientId: string }[])[0]!.recipientId : read.reason);
      expect(seen).to.deep.equal(['r0', 'r1']);
      expect(asked.every((a) => a.signal?.aborted === false)).to.equal(true);
    });
  });

  it("stops every request with the host's own signal", async () => {
    const original = globalThis.fetch;
    let ahead: AbortSignal | undefined;
    // Page 0 at once; page 1 from a slow server, still on its way when the host aborts.
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (new URL(String(input)).searchParams.get('page') === null)
        return new Response(JSON.stringify({ recipients: [], next: '1' }), { status: 200 });
      ahead = init?.signal ?? undefined;
      return new Promise<Response>((_, reject) =>
        ahead?.addEventListener('abort', () => reject(new Error('stopped by the host'))),
      );
    }) as typeof fetch;
    try {
      const host = new AbortController();
      const reads: string[] = [];
      for await (const read of readSnapshotPages('/api/snapshot', 'm1', { signal: host.signal })) {
        reads.push(read.ok ? 'page' : read.reason);
        host.abort();
      }
      expect(reads).to.deep.equal(['page', 'the snapshot at /api/snapshot could not be read: stopped by the host']);
      expect(ahead?.aborted).to.equal(true);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('ends with the reason of a page that cannot be read, asking for nothing after it', async () => {
    const original = globalThis.fetch;
    const asked: (string | null)[] = [];
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      const page = new URL(String(input)).searchParams.get('page');
      asked.push(page);
      if (page === '1') return new Response('gone', { status: 500 });
      return new Response(JSON.stringify({ recipients: [], next: String(Number(page ?? 0) + 1) }), { status: 200 });
    }) as typeof fetch;
    try {
      const reads: string[] = [];
      for await (const read of readSnapshotPages('/api/snapshot', 'm1')) reads.push(read.ok ? 'page' : read.reason);
      expect(reads).to.deep.equal(['page', 'the snapshot at /api/snapshot could not be read: HTTP 500']);
      expect(asked).to.deep.equal([null, '1']);
    } finally {
      globalThis.fetch = original;
    }
  });
});
