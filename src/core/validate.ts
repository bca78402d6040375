import type { EventRejection, ResponseEvent } from './event';
import { responseIndex, type CompiledRules } from './rules';
import { eventTime, isPlausibleTime } from './time';
import { errorText, readBatch } from './read-batch';

/** The longest text each field may carry; longer is a broken or hostile producer. */
export const FIELD_LIMITS = {
  id: 256,
  emailId: 256,
  recipientId: 256,
  response: 128,
  contactId: 256,
  contactName: 512,
  address: 320,
  emailType: 128,
  provider: 64,
  url: 4096,
  reason: 2048,
} as const;

/** What validation learns about a good event, written into a reused object to spare the heap. */
export interface CheckedEvent {
  event: ResponseEvent;
  response: number;
  at: number;
}

function reject(event: unknown, code: EventRejection['code'], reason: string, field?: string): EventRejection {
  return field === undefined ? { event, code, reason } : { event, code, field, reason };
}

/** The limit comes as a number: `FIELD_LIMITS[field]` would be a keyed load, megamorphic here. */
function checkString(
  input: unknown,
  value: unknown,
  field: keyof typeof FIELD_LIMITS,
  limit: number,
  required: boolean,
): EventRejection | null {
  if (value === undefined || value === null) {
    return required ? reject(input, 'missing-field', `${field} is missing`, field) : null;
  }
  if (typeof value !== 'string')
    return reject(input, 'wrong-type', `${field} must be text, not ${typeName(value)}`, field);
  if (required && value.length === 0) return reject(input, 'missing-field', `${field} is empty`, field);
  if (value.length > limit) {
    return reject(input, 'too-long', `${field} is ${value.length} characters; at most ${limit} are allowed`, field);
  }
  return null;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Checks one event from the wire. Returns null and fills `out` when it can be applied, or the
 * rejection with a reason a host can show. Never throws, whatever `input` is.
 */
export function checkEvent(
  input: unknown,
  rules: CompiledRules,
  out: CheckedEvent,
  into?: ScratchEvent,
): EventRejection | null {
  try {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return reject(input, 'not-an-object', `an event must be an object, not ${typeName(input)}`);
    }
    // A copy of its fields, each read once: a getter or Proxy that answers differently on a
    // second read (or throws then) cannot change an event after it was checked.
    const fields = input as Record<string, unknown>;
    return checkFields(input, into ? readFieldsInto(fields, into) : readFields(fields), rules, out);
  } catch (error) {
    // A getter, a Proxy trap or a revoked Proxy threw: this one event is rejected, not the batch.
    return reject(input, 'unreadable', `the event could not be read: ${errorText(error)}`);
  }
}

/**
 * The event's fields, each read once, into a new object. The known fields by name rather than a
 * spread (`{...input}`): a spread enumerates the keys and copies each through a generic path,
 * while a read by name goes through an inline cache, and the copy takes one of a few shapes.
 * Fields a producer added that no rule reads are left out, so the event kept for timelines and
 * the cache carries only what the fold knows. Absent fields stay absent rather than undefined,
 * as the spread left them.
 */
function readFields(input: Record<string, unknown>): Record<string, unknown> {
  const id = input.id;
  const emailId = input.emailId;
  const recipientId = input.recipientId;
  const response = input.response;
  const at = input.at;
  const contactId = input.contactId;
  const contactName = input.contactName;
  const address = input.address;
  const emailKind = input.emailKind;
  const emailType = input.emailType;
  const provider = input.provider;
  const url = input.url;
  const reason = input.reason;
  const scope = input.scope;
  const event: Record<string, unknown> = { id, emailId, recipientId, response, at };
  if (contactId !== undefined) event.contactId = contactId;
  if (contactName !== undefined) event.contactName = contactName;
  if (address !== undefined) event.address = address;
  if (emailKind !== undefined) event.emailKind = emailKind;
  if (emailType !== undefined) event.emailType = emailType;
  if (provider !== undefined) event.provider = provider;
  if (url !== undefined) event.url = url;
  if (reason !== undefined) event.reason = reason;
  if (scope !== undefined) event.scope = scope;
  return event;
}

/** An event object `checkEvent` may fill in place of a new copy: every field, absent ones undefined. */
export type ScratchEvent = Record<keyof ResponseEvent, unknown>;

/** A scratch event for `checkEvent`, every field in one order, so all of them share one shape. */
export function scratchEvent(): ScratchEvent {
  // Stryker disable next-line ObjectLiteral: checkEvent writes every field before any is read
  return {
    id: undefined,
    emailId: undefined,
    recipientId: undefined,
    response: undefined,
    at: undefined,
    contactId: undefined,
    contactName: undefined,
    address: undefined,
    emailKind: undefined,
    emailType: undefined,
    provider: undefined,
    url: undefined,
    reason: undefined,
    scope: undefined,
  };
}

/**
 * `readFields` into an object that is reused: for a fold no listener hears, where the copy is
 * read for this event only and then dropped. A new object an event (with its own shape for each
 * set of fields present) was a tenth of the fold's allocations on freshly parsed events.
 */
function readFieldsInto(input: Record<string, unknown>, event: ScratchEvent): ScratchEvent {
  event.id = input.id;
  event.emailId = input.emailId;
  event.recipientId = input.recipientId;
  event.response = input.response;
  event.at = input.at;
  event.contactId = input.contactId;
  event.contactName = input.contactName;
  event.address = input.address;
  event.emailKind = input.emailKind;
  event.emailType = input.emailType;
  event.provider = input.provider;
  event.url = input.url;
  event.reason = input.reason;
  event.scope = input.scope;
  return event;
}

function checkFields(
  input: unknown,
  event: Record<string, unknown>,
  rules: CompiledRules,
  out: CheckedEvent,
): EventRejection | null {
  // Field by field rather than in a loop over names: keyed loads in a loop go megamorphic and
  // cost several times more on this hot path. The common case (every text fits) is tested in
  // one expression of small checks V8 inlines; only an event that fails it goes through the
  // checks that name the problem.
  if (
    !isText(event.id, FIELD_LIMITS.id) ||
    !isText(event.emailId, FIELD_LIMITS.emailId) ||
    !isText(event.recipientId, FIELD_LIMITS.recipientId)
  ) {
    const problem =
      checkString(input, event.id, 'id', FIELD_LIMITS.id, true) ??
      checkString(input, event.emailId, 'emailId', FIELD_LIMITS.emailId, true) ??
      checkString(input, event.recipientId, 'recipientId', FIELD_LIMITS.recipientId, true);
    if (problem) return problem;
  }
  const response = event.response;
  const index = responseIndexOf(response, rules);
  // A response found is text; a time in range is a number or a time's text, never absent.
  if (index < 0) {
    const responseWrong = responseProblem(input, response, index, rules);
    if (responseWrong) return responseWrong;
  }
  const at = eventTime(event.at);
  if (!isPlausibleTime(at)) {
    const timeWrong = timeProblem(input, event.at, at);
    if (timeWrong) return timeWrong;
  }
  if (
    !isOptionalText(event.contactId, FIELD_LIMITS.contactId) ||
    !isOptionalText(event.contactName, FIELD_LIMITS.contactName) ||
    !isOptionalText(event.address, FIELD_LIMITS.address) ||
    !isOptionalText(event.emailType, FIELD_LIMITS.emailType) ||
    !isOptionalText(event.provider, FIELD_LIMITS.provider) ||
    !isOptionalText(event.reason, FIELD_LIMITS.reason) ||
    (event.emailKind != null && event.emailKind !== 'bulk' && event.emailKind !== 'trigger') ||
    (event.scope != null && event.scope !== 'all' && event.scope !== 'type') ||
    event.url != null
  ) {
    const optional = optionalProblem(input, event);
    if (optional) return optional;
  }
  out.event = event as unknown as ResponseEvent;
  out.response = index;
  out.at = at;
  return null;
}

/** A required text that passes `checkString`. */
function isText(value: unknown, limit: number): boolean {
  return typeof value === 'string' && value.length !== 0 && value.length <= limit;
}

/** An optional text that passes `optionalText`. */
function isOptionalText(value: unknown, limit: number): boolean {
  return value == null || (typeof value === 'string' && value.length <= limit);
}

/** The first problem among the optional fields, in the order they are checked. */
function optionalProblem(input: unknown, event: Record<string, unknown>): EventRejection | null {
  return (
    optionalText(input, event.contactId, 'contactId', FIELD_LIMITS.contactId) ??
    optionalText(input, event.contactName, 'contactName', FIELD_LIMITS.contactName) ??
    optionalText(input, event.address, 'address', FIELD_LIMITS.address) ??
    optionalText(input, event.emailType, 'emailType', FIELD_LIMITS.emailType) ??
    optionalText(input, event.provider, 'provider', FIELD_LIMITS.provider) ??
    optionalText(input, event.reason, 'reason', FIELD_LIMITS.reason) ??
    kindProblem(input, event.emailKind) ??
    scopeProblem(input, event.scope) ??
    urlProblem(input, event.url)
  );
}

/** The response's catalogue index, or -1 when it is not text, too long or not a response. */
export function responseIndexOf(response: unknown, rules: CompiledRules): number {
  return typeof response === 'string' && response.length <= FIELD_LIMITS.response ? responseIndex(rules, response) : -1;
}

/** `index` is `responseIndexOf(response)`, computed once by the caller, who needs it too. */
function responseProblem(
  input: unknown,
  response: unknown,
  index: number,
  rules: CompiledRules,
): EventRejection | null {
  if (response === undefined || response === null)
    return reject(input, 'missing-field', 'response is missing', 'response');
  if (typeof response !== 'string')
    return reject(input, 'wrong-type', `response must be text, not ${typeName(response)}`, 'response');
  if (index < 0) {
    const shown = response.length > 40 ? `${response.slice(0, 40)}…` : response;
    return reject(input, 'unknown-response', `"${shown}" is not a response in rules ${rules.version}`, 'response');
  }
  return null;
}

/** `at` is `eventTime(value)`, computed once by the caller, who needs it too. */
function timeProblem(input: unknown, value: unknown, at: number): EventRejection | null {
  if (value === undefined || value === null) return reject(input, 'missing-field', 'at is missing', 'at');
  if (Number.isNaN(at)) {
    return reject(input, 'bad-time', 'at must be epoch milliseconds or ISO-8601 text with a time zone', 'at');
  }
  if (!isPlausibleTime(at)) return reject(input, 'time-out-of-range', 'at lies before 2000 or after 2099', 'at');
  return null;
}

/** An optional text: absent (undefined or null) is fine; present, it is checked as text. */
function optionalText(
  input: unknown,
  value: unknown,
  field: keyof typeof FIELD_LIMITS,
  limit: number,
): EventRejection | null {
  return value == null ? null : checkString(input, value, field, limit, false);
}

function kindProblem(input: unknown, kind: unknown): EventRejection | null {
  if (kind !== undefined && kind !== null && kind !== 'bulk' && kind !== 'trigger') {
    return reject(input, 'bad-value', 'emailKind must be "bulk" or "trigger"', 'emailKind');
  }
  return null;
}

function scopeProblem(input: unknown, scope: unknown): EventRejection | null {
  if (scope !== undefined && scope !== null && scope !== 'all' && scope !== 'type') {
    return reject(input, 'bad-value', 'scope must be "all" or "type"', 'scope');
  }
  return null;
}

function urlProblem(input: unknown, url: unknown): EventRejection | null {
  if (url === undefined || url === null) return null;
  const problem = checkString(input, url, 'url', FIELD_LIMITS.url, false);
  if (problem) return problem;
  if (!/^(https?:\/\/|mailto:)/i.test(url as string)) {
    return reject(input, 'unsafe-url', 'url must be an http(s) or mailto link', 'url');
  }
  return null;
}

/** The fields `checkEvent` checks: the texts of FIELD_LIMITS, the time, the kind and the scope. */
export type CheckedField = keyof typeof FIELD_LIMITS | 'at' | 'emailKind' | 'scope';

/**
 * One field's check exactly as `checkEvent` makes it (the same limits, the same reason), for a
 * value that stands in many events: a columnar batch's dictionary entry is checked once. `input`
 * is what a rejection names. An event passes `checkEvent` when each of its fields passes this.
 */
export function checkField(
  input: unknown,
  field: CheckedField,
  value: unknown,
  rules: CompiledRules,
): EventRejection | null {
  switch (field) {
    case 'id':
    case 'emailId':
    case 'recipientId':
      return checkString(input, value, field, FIELD_LIMITS[field], true);
    case 'response':
      return responseProblem(input, value, responseIndexOf(value, rules), rules);
    case 'at':
      return timeProblem(input, value, eventTime(value));
    case 'emailKind':
      return kindProblem(input, value);
    case 'scope':
      return scopeProblem(input, value);
    case 'url':
      return urlProblem(input, value);
    default:
      return optionalText(input, value, field, FIELD_LIMITS[field]);
  }
}

/** Validates a list of events, splitting them into the good and the rejected. */
export function validateEvents(
  inputs: readonly unknown[],
  rules: CompiledRules,
): { accepted: ResponseEvent[]; rejected: EventRejection[] } {
  const scratch: CheckedEvent = { event: undefined as unknown as ResponseEvent, response: -1, at: 0 };
  const accepted: ResponseEvent[] = [];
  const rejected: EventRejection[] = [];
  const read = readBatch(inputs);
  if (!Array.isArray(read)) return { accepted, rejected: [read] };
  for (const input of read) {
    const problem = checkEvent(input, rules, scratch);
    if (problem) rejected.push(problem);
    else accepted.push(scratch.event);
  }
  return { accepted, rejected };
}
