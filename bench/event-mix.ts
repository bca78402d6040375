// The core benchmark's event mix, shared by `bench:core` (Node) and the store page of `npm run
// bench` (Chromium), so both fold the same kind of stream. No Node or DOM API here.
import type { ResponseEvent } from '../src/core/index';

export type GeneratorKind = 'mulberry32' | 'lcg';

/** A seeded generator of numbers in [0, 1). */
export function generator(seed: number, kind: GeneratorKind = 'mulberry32'): () => number {
  // The first version of the core benchmark's generator: consecutive draws were correlated.
  if (kind === 'lcg') return () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  // mulberry32: consecutive draws are independent, so recipients are uniform.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface MixOptions {
  /** Times as ISO-8601 text instead of epoch ms. */
  isoTimes?: boolean;
  generator?: GeneratorKind;
  /** The email every event belongs to. */
  emailId?: string;
  /** Prefix of event ids, so two streams into one store do not dedupe each other. */
  idPrefix?: string;
  /**
   * Recipient, contact and event ids as 36-character GUIDs, as CRMs have them, instead of the
   * short `r-<n>`, `c-<n>` and `ev-<n>`: hashing and comparing ids grows with their length.
   */
  guids?: boolean;
}

/** A GUID's text (`8-4-4-4-12` hex digits, version 4) from a seeded generator. */
function guid(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += Math.floor(random() * 16).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** A realistic mix: every recipient is sent and most delivered; some open, click, bounce. */
export function makeEvents(count: number, recipients: number, options: MixOptions = {}): ResponseEvent[] {
  const mix = [
    'sent-to-provider',
    'provider-queued',
    'delivered',
    'opened',
    'opened',
    'clicked',
    'opened-machine',
    'soft-bounce',
    'hard-bounce',
    'unsubscribed',
  ];
  const base = Date.UTC(2026, 0, 1);
  const events: ResponseEvent[] = new Array(count);
  const random = generator(42, options.generator);
  const emailId = options.emailId ?? 'email-1';
  const prefix = options.idPrefix ?? 'ev-';
  // GUIDs from a generator of their own, so the short-id mix draws the same numbers as before.
  const text = generator(7, options.generator);
  const recipientIds = options.guids ? Array.from({ length: recipients }, () => guid(text)) : undefined;
  const contactIds = options.guids ? Array.from({ length: recipients }, () => guid(text)) : undefined;
  for (let i = 0; i < count; i++) {
    const r = i < recipients ? i : Math.floor(random() * recipients);
    const at = base + Math.floor(random() * 172_800_000);
    events[i] = {
      id: options.guids ? guid(text) : `${prefix}${i}`,
      emailId,
      recipientId: recipientIds ? recipientIds[r]! : `r-${r}`,
      response: i < recipients ? 'sent-to-provider' : mix[Math.floor(random() * mix.length)]!,
      at: options.isoTimes ? new Date(at).toISOString() : at,
      contactId: contactIds ? contactIds[r]! : `c-${r}`,
      address: `person${r}@example.com`,
    };
  }
  return events;
}
