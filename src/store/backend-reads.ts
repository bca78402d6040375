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
 */
export async function* readSnapshotPages(
  url: string,
  emailId: string,
  init?: RequestInit,
): AsyncGenerator<Read<SnapshotPage>> {
  let page: string | null | undefined;
  for (let count = 0; count < 10_000; count++) {
    const address = new URL(url, globalThis.location?.href ?? 'http://localhost/');
    address.searchParams.set('emailId', emailId);
    if (page) address.searchParams.set('page', page);
    let body: SnapshotPage;
    try {
      const response = await fetch(address, init);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = (await response.json()) as SnapshotPage;
      // Rows as a list, or as one columnar batch (docs/wire-format.md), checked when applied.
      if (!body || !(Array.isArray(body.recipients) || isColumnarBatch(body.recipients)))
        throw new Error('the answer has no recipients list');
    } catch (error) {
      yield { ok: false, reason: `the snapshot at ${address.pathname} could not be read: ${errorText(error)}` };
      return;
    }
    yield { ok: true, value: { ...body, emailId } };
    page = body.next;
    if (!page) return;
  }
}
