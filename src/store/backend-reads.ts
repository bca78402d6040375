/**
 * Reading what a backend answers besides the stream: its copy of the rules, a contact's history
 * and an email's snapshot pages. Fetching and checking only; the store decides what to apply.
 * Every failure is a reason a host can show, never a throw.
 */
import type { ResponseRules } from '../core/catalogue';
import { checkRules } from '../core/rules';
import { isColumnarBatch } from '../core/columnar-batch';
import type { SnapshotPage } from './snapshot-page';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string; body?: unknown };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `GET url` for rules: checked, so a rules object that comes back is usable as it is. */
export async function readRules(url: string, init?: RequestInit): Promise<Read<ResponseRules>> {
  let body: unknown;
  try {
    const response = await fetch(url, init);
    if (!response.ok) return { ok: false, reason: `the rules at ${url} answered HTTP ${response.status}` };
    body = await response.json();
  } catch (error) {
    return { ok: false, reason: `the rules at ${url} could not be read: ${errorText(error)}` };
  }
  const problems = checkRules(body);
  if (problems.length > 0)
    return { ok: false, reason: `the rules at ${url} are not usable: ${problems.slice(0, 3).join('; ')}` };
  return { ok: true, value: body as ResponseRules };
}

/**
 * `GET url` for a contact's history: `{ "events": [ … ] }` or a plain array. A failure that read
 * a body carries it, so the rejection can show what came.
 */
export async function readContactHistory(url: string, init?: RequestInit): Promise<Read<unknown[]>> {
  let body: unknown;
  try {
    const response = await fetch(url, init);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    return { ok: false, reason: `the contact history at ${url} could not be read: ${errorText(error)}` };
  }
  const events = Array.isArray(body) ? body : (body as { events?: unknown })?.events;
  if (!Array.isArray(events)) return { ok: false, reason: `the contact history at ${url} has no events list`, body };
  return { ok: true, value: events };
}

/**
 * An email's snapshot, page by page: `GET url?emailId=…&page=…` answering a `SnapshotPage`,
 * following `next` (at most 10,000 pages). A page that cannot be read ends the pages with its
 * reason.
 *
 * The next page is asked for as soon as a page is parsed, before the caller applies it: a
 * server's time and the network's round trip for page n + 1 pass while page n is reconciled,
 * rather than one after the other (a million rows come in 20 pages or more). At most one page
 * waits ahead; a caller that stops early cancels it.
 */
export async function* readSnapshotPages(
  url: string,
  emailId: string,
  init?: RequestInit,
): AsyncGenerator<Read<SnapshotPage>> {
  const ahead = new AbortController();
  // Without AbortSignal.any (before Chromium 116, Firefox 124, Safari 17.4) the page ahead runs on.
  const signal = init?.signal ? (AbortSignal.any?.([init.signal, ahead.signal]) ?? init.signal) : ahead.signal;
  const read = (page: string | undefined) => readSnapshotPage(url, emailId, page, { ...init, signal });
  let pending: Promise<Read<SnapshotPage>> | undefined = read(undefined);
  try {
    for (let count = 1; pending !== undefined; count++) {
      const result: Read<SnapshotPage> = await pending;
      pending = undefined;
      const next = result.ok ? result.value.next : undefined;
      if (next && count < 10_000) pending = read(next);
      yield result;
    }
  } finally {
    // Stopped before the last page (the caller broke off, or threw): the page asked ahead is not wanted.
    if (pending !== undefined) ahead.abort();
  }
}

/** One snapshot page, checked; never rejects. */
async function readSnapshotPage(
  url: string,
  emailId: string,
  page: string | undefined,
  init: RequestInit,
): Promise<Read<SnapshotPage>> {
  const address = new URL(url, globalThis.location?.href ?? 'http://localhost/');
  address.searchParams.set('emailId', emailId);
  if (page) address.searchParams.set('page', page);
  try {
    const response = await fetch(address, init);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as SnapshotPage;
    // Rows as a list, or as one columnar batch (docs/wire-format.md), checked when applied.
    if (!body || !(Array.isArray(body.recipients) || isColumnarBatch(body.recipients)))
      throw new Error('the answer has no recipients list');
    return { ok: true, value: { ...body, emailId } };
  } catch (error) {
    return { ok: false, reason: `the snapshot at ${address.pathname} could not be read: ${errorText(error)}` };
  }
}
