/**
 * Where the provider readers put what they find. A reader describes each event as a draft (what
 * happened, to whom, when, the provider's ids); the collector decides the canonical identity,
 * builds the ResponseEvent and checks it, so that every reader gets the same rules for ids,
 * dedupe and validation, and nothing invalid ever leaves.
 */
import type { ResponseEvent, UnsubscribeScope } from '../event';
import { compileRules, type CompiledRules } from '../rules';
import { FIELD_LIMITS, checkEvent, type CheckedEvent } from '../validate';
import { contentHash, hashParts } from './content-hash';
import { asObject, asText, type JsonObject } from './fields';
import type {
  NormalizeProviderOptions,
  ProviderEventInfo,
  ProviderIdFinder,
  ProviderIdOptions,
  ProviderName,
  ProviderResponse,
  ProviderSkip,
} from './provider-types';

export const DEFAULT_EMAIL_ID_KEYS: readonly string[] = ['emailId', 'email_id'];
export const DEFAULT_RECIPIENT_ID_KEYS: readonly string[] = ['recipientId', 'recipient_id'];

/** Long provider texts (bounce diagnostics, whole DSN lines) are clipped to this. */
const REASON_LIMIT = 300;

export interface Draft {
  response: ProviderResponse;
  /** The provider's name for the event, used in skip reasons and in the content hash. */
  type: string;
  /** The provider's event object, handed to the id finders. */
  raw: JsonObject;
  /** What `skipped` shows when this draft cannot become an event. */
  input: unknown;
  /** The provider's own event id, when it has one. */
  eventId?: string;
  address?: string;
  messageId?: string;
  metadata?: Record<string, string>;
  tags?: string[];
  /** Epoch ms; NaN when the payload had no readable time. */
  at: number;
  url?: string;
  reason?: string;
  /** For an unsubscribe the provider scopes to a group, list or topic (an email type): `type`. */
  scope?: UnsubscribeScope;
  /** Replaces the default content fields hashed into the id of an event that has no id. */
  hashKey?: readonly (string | number | undefined)[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Joins the provider's reason parts into one short text, dropping parts another part already says. */
export function reasonText(...parts: unknown[]): string | undefined {
  const texts: string[] = [];
  for (const part of parts) {
    const text = asText(part)?.replace(/\s+/g, ' ');
    if (text !== undefined) texts.push(text);
  }
  const kept: string[] = [];
  for (const text of texts) {
    const lower = text.toLowerCase();
    if (kept.some((other) => other.toLowerCase().includes(lower))) continue;
    // A longer part that repeats an earlier one ("5.1.1" inside "550 5.1.1 user unknown") takes its place.
    const first = kept.findIndex((other) => lower.includes(other.toLowerCase()));
    if (first < 0) {
      kept.push(text);
      continue;
    }
    kept[first] = text;
    for (let i = kept.length - 1; i > first; i--) {
      if (lower.includes(kept[i]!.toLowerCase())) kept.splice(i, 1);
    }
  }
  if (kept.length === 0) return undefined;
  const joined = kept.join('; ');
  return joined.length > REASON_LIMIT ? `${joined.slice(0, REASON_LIMIT - 1)}…` : joined;
}

function findKey(metadata: Readonly<Record<string, string>>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    if (typeof metadata[key] === 'string') return metadata[key];
  }
  const wanted = new Set(keys.map((key) => key.toLowerCase()));
  for (const key of Object.keys(metadata)) {
    if (wanted.has(key.toLowerCase())) return metadata[key];
  }
  return undefined;
}

function keyList(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : fallback;
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

export class Collector {
  readonly events: ResponseEvent[] = [];
  readonly skipped: ProviderSkip[] = [];
  private readonly rules: CompiledRules;
  // Stryker disable next-line ObjectLiteral,UnaryOperator: checkEvent only writes it; nothing reads it
  private readonly scratch: CheckedEvent = { event: undefined as unknown as ResponseEvent, response: -1, at: 0 };
  private readonly emailIdFinder: ProviderIdFinder | undefined;
  private readonly recipientIdFinder: ProviderIdFinder | undefined;
  private readonly emailIdKeys: readonly string[];
  private readonly recipientIdKeys: readonly string[];

  constructor(
    readonly provider: ProviderName,
    readonly options: NormalizeProviderOptions,
  ) {
    // Options may come from plain JavaScript: anything that is not an object is ignored.
    const own = asObject(asObject(options.providers)?.[provider]) as ProviderIdOptions | undefined;
    this.rules = options.rules ?? compileRules();
    this.emailIdFinder = own?.emailId ?? options.emailId;
    this.recipientIdFinder = own?.recipientId ?? options.recipientId;
    this.emailIdKeys = keyList(own?.emailIdKeys ?? options.emailIdKeys, DEFAULT_EMAIL_ID_KEYS);
    this.recipientIdKeys = keyList(own?.recipientIdKeys ?? options.recipientIdKeys, DEFAULT_RECIPIENT_ID_KEYS);
  }

  /** A request header by name, case-insensitively; undefined when absent or empty. */
  header(name: string): string | undefined {
    const headers = this.options.headers;
    if (!headers) return undefined;
    if (typeof (headers as { get?: unknown }).get === 'function') {
      return asText((headers as { get(name: string): string | null }).get(name));
    }
    const wanted = name.toLowerCase();
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() !== wanted) continue;
      const value = (headers as Record<string, unknown>)[key];
      return asText(Array.isArray(value) ? value[0] : value);
    }
    return undefined;
  }

  skip(input: unknown, reason: string): void {
    this.skipped.push({ input, reason });
  }

  /** Runs a reader on one part of the body; whatever it throws becomes a skip, never an escape. */
  guard(input: unknown, what: string, read: () => void): void {
    try {
      read();
    } catch (error) {
      this.skip(input, `could not read this ${what}: ${errorText(error)}`);
    }
  }

  /** Asks a host's id finder; what it throws comes back labelled, for the skip reason. */
  private ask(
    finder: ProviderIdFinder | undefined,
    label: string,
    draft: Draft,
    info: ProviderEventInfo,
  ): string | undefined {
    if (!finder) return undefined;
    try {
      return asText(finder(draft.raw, info));
    } catch (error) {
      throw new Error(`options.${label} failed: ${errorText(error)}`);
    }
  }

  emit(draft: Draft): void {
    const provider = this.provider;
    if (Number.isNaN(draft.at)) {
      this.skip(draft.input, `${provider} ${draft.type}: the event has no readable time`);
      return;
    }
    const metadata = draft.metadata ?? {};
    const info: ProviderEventInfo = {
      provider,
      type: draft.type,
      address: draft.address,
      messageId: draft.messageId,
      metadata,
      tags: draft.tags ?? [],
    };
    let foundEmailId: string | undefined;
    let foundRecipientId: string | undefined;
    try {
      foundEmailId = this.ask(this.emailIdFinder, 'emailId', draft, info);
      foundRecipientId = this.ask(this.recipientIdFinder, 'recipientId', draft, info);
    } catch (error) {
      this.skip(draft.input, `${provider} ${draft.type}: ${errorText(error)}`);
      return;
    }
    const emailId = foundEmailId ?? findKey(metadata, this.emailIdKeys) ?? draft.messageId;
    if (emailId === undefined) {
      this.skip(
        draft.input,
        `${provider} ${draft.type}: no email id (no message id and no ${this.emailIdKeys.join('/')} metadata); options.emailId can find it`,
      );
      return;
    }
    const recipientId = foundRecipientId ?? findKey(metadata, this.recipientIdKeys) ?? draft.address;
    if (recipientId === undefined) {
      this.skip(
        draft.input,
        `${provider} ${draft.type}: no recipient id (no address and no ${this.recipientIdKeys.join('/')} metadata); options.recipientId can find it`,
      );
      return;
    }
    // Stryker disable next-line ConditionalExpression: reasonText(undefined) is undefined too
    const reason = draft.reason !== undefined ? reasonText(draft.reason) : undefined;
    let id =
      draft.eventId !== undefined
        ? `${provider}:${draft.eventId}`
        : `${provider}:h${hashParts(draft.hashKey ?? [draft.type, draft.messageId, draft.address, draft.at, draft.url, reason])}`;
    if (id.length > FIELD_LIMITS.id) id = `${provider}:h${contentHash(id)}`;
    const event: ResponseEvent = { id, emailId, recipientId, response: draft.response, at: draft.at, provider };
    if (draft.address !== undefined) event.address = draft.address;
    // The event's url is the link clicked; other events' links (unsubscribe pages) are left out.
    if (
      draft.response === 'clicked' &&
      // Stryker disable next-line ConditionalExpression: SAFE_URL fails on undefined ('undefined')
      draft.url !== undefined &&
      SAFE_URL.test(draft.url) &&
      draft.url.length <= FIELD_LIMITS.url
    ) {
      event.url = draft.url;
    }
    if (reason !== undefined) event.reason = reason;
    if (draft.scope === 'type' && draft.response === 'unsubscribed') event.scope = 'type';
    const problem = checkEvent(event, this.rules, this.scratch);
    if (problem) {
      this.skip(draft.input, `${provider} ${draft.type}: ${problem.reason}`);
      return;
    }
    this.events.push(event);
  }
}

/**
 * Calls `read` for every object of a batch (or for the one object of a single-event body);
 * anything else in the batch is skipped with the reason.
 */
export function eachObject(
  value: unknown,
  out: Collector,
  what: string,
  read: (item: JsonObject, index: number) => void,
): void {
  const items = Array.isArray(value) ? value : [value];
  for (let index = 0; index < items.length; index++) {
    const item: unknown = items[index];
    const object = asObject(item);
    if (!object) {
      out.skip(item, `a ${what} must be an object, not ${describeValue(item)}`);
      continue;
    }
    out.guard(item, what, () => read(object, index));
  }
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `text "${value.slice(0, 40)}…"` : `text "${value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
