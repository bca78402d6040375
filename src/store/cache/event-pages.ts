/**
 * Applied events packed as pages of columns: one record per flush, merged into large pages when
 * the cache compacts. Every event is kept: its id is what makes a replay after a reload count
 * once, and a rules change refolds them all. Pure data in and out, no IndexedDB.
 */
import {
  OPTIONAL_EVENT_FIELDS,
  type EmailKind,
  type OptionalEventField,
  type ResponseEvent,
  type UnsubscribeScope,
} from '../../core/event';

/** An applied event with its time in epoch ms (what `ResponseState.apply` hands `onAccepted`). */
export interface CachedEvent {
  event: ResponseEvent;
  at: number;
}

// The optional wire fields a page keeps are `OPTIONAL_EVENT_FIELDS` (core/event.ts), each as a
// column only when some event carries it; a page saved before a field was listed reads as events
// without it.
export interface EventPage {
  ids: string[];
  /** The distinct email ids; `email` indexes into it (a flush rarely spans more than a few). */
  emailIds: string[];
  email: Int32Array;
  recipientIds: string[];
  /** The distinct responses as the events named them; `response` indexes into it. */
  responses: string[];
  response: Int32Array;
  /** Epoch ms: a time read back is a number even when it came as ISO text. */
  at: Float64Array;
  fields: Partial<Record<OptionalEventField, (string | null)[]>>;
}

export function packEventPage(events: readonly CachedEvent[]): EventPage {
  const size = events.length;
  const emails = new Dictionary();
  const responses = new Dictionary();
  const page: EventPage = {
    ids: new Array<string>(size),
    emailIds: emails.values,
    email: new Int32Array(size),
    recipientIds: new Array<string>(size),
    responses: responses.values,
    response: new Int32Array(size),
    at: new Float64Array(size),
    fields: {},
  };
  for (let i = 0; i < size; i++) {
    const { event, at } = events[i]!;
    page.ids[i] = event.id;
    page.email[i] = emails.code(event.emailId);
    page.recipientIds[i] = event.recipientId;
    page.response[i] = responses.code(event.response);
    page.at[i] = at;
    for (const field of OPTIONAL_EVENT_FIELDS) {
      const value = event[field];
      if (value !== undefined && value !== null)
        (page.fields[field] ??= new Array<string | null>(size).fill(null))[i] = value;
    }
  }
  return page;
}

/** The page's events as wire events (times as epoch ms), in the order they were packed. */
export function unpackEventPage(page: EventPage): ResponseEvent[] {
  const out = new Array<ResponseEvent>(page.ids.length);
  const fields = OPTIONAL_EVENT_FIELDS.filter((field) => page.fields[field] !== undefined);
  for (let i = 0; i < out.length; i++) {
    const event: ResponseEvent = {
      id: page.ids[i]!,
      emailId: page.emailIds[page.email[i]!]!,
      recipientId: page.recipientIds[i]!,
      response: page.responses[page.response[i]!]!,
      at: page.at[i]!,
    };
    for (const field of fields) {
      const value = page.fields[field]![i];
      if (value === null || value === undefined) continue;
      if (field === 'emailKind') event.emailKind = value as EmailKind;
      else if (field === 'scope') event.scope = value as UnsubscribeScope;
      else event[field] = value;
    }
    out[i] = event;
  }
  return out;
}

/** The page's events with their times, to pack again. */
export function cachedEvents(page: EventPage): CachedEvent[] {
  return unpackEventPage(page).map((event, i) => ({ event, at: page.at[i]! }));
}

/**
 * Concatenates pages and cuts them again into pages of at most `pageSize` events, so a compacted
 * log costs a few large records to read instead of one per flush.
 */
export function mergeEventPages(pages: readonly EventPage[], pageSize: number): EventPage[] {
  const all = pages.flatMap(cachedEvents);
  const out: EventPage[] = [];
  for (let start = 0; start < all.length; start += pageSize)
    out.push(packEventPage(all.slice(start, start + pageSize)));
  return out;
}

/** True when a value read back has an event page's shape (see `isRowPage` for why it matters). */
export function isEventPage(value: unknown): value is EventPage {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  if (
    !isStringArray(page.ids) ||
    !isStringArray(page.emailIds) ||
    !isStringArray(page.recipientIds) ||
    !isStringArray(page.responses)
  )
    return false;
  const size = page.ids.length;
  if (page.recipientIds.length !== size) return false;
  if (!isCodes(page.email, size, page.emailIds.length) || !isCodes(page.response, size, page.responses.length))
    return false;
  if (!(page.at instanceof Float64Array) || page.at.length !== size || !page.at.every(Number.isFinite)) return false;
  if (typeof page.fields !== 'object' || page.fields === null) return false;
  const fields = page.fields as Record<string, unknown>;
  return OPTIONAL_EVENT_FIELDS.every((field) => {
    const column = fields[field];
    if (column === undefined) return true;
    if (!Array.isArray(column) || column.length !== size) return false;
    if (field === 'emailKind')
      return column.every((value) => value === null || value === 'bulk' || value === 'trigger');
    if (field === 'scope') return column.every((value) => value === null || value === 'all' || value === 'type');
    return column.every((value) => value === null || typeof value === 'string');
  });
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isCodes(value: unknown, size: number, distinct: number): boolean {
  return value instanceof Int32Array && value.length === size && value.every((code) => code >= 0 && code < distinct);
}

/** Distinct strings, each coded by its first position. */
class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  code(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.push(value) - 1;
      this.index.set(value, code);
    }
    return code;
  }
}
