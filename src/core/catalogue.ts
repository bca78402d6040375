/**
 * The response catalogue: every response a recipient can have, as plain JSON-serializable data.
 * The spec (shared/spec/responses.md) is the source; a backend can hand the client its own copy
 * (same shape, its own `version`), and everything in the core takes the rules as a parameter.
 */

/** `sent`: the email reached the recipient. `not-sent`: it did not, or no confirmation yet. */
export type ResponseGroup = 'sent' | 'not-sent';

import { DEFAULT_STAGES, type Stage } from './stages';

/** Which per-recipient counter an event of this response adds to, besides choosing the response. */
export type ResponseCounter = 'opens' | 'clicks' | 'machineOpens';

/** What a response does to its contact (spec: "Effects on the contact"). */
export interface ResponseEffects {
  /** Sets the contact's Do not use email (no email of any kind goes out to it). */
  doNotUseEmail?: boolean;
  /** Clears the address's Valid flag. */
  invalidatesAddress?: boolean;
  /** Unsubscribes the contact from this email's type only. */
  unsubscribesEmailType?: boolean;
  /** Counts toward the "soft-bounced in N emails in a row" warning. */
  softBounce?: boolean;
}

export interface ResponseDefinition {
  /** Stable kebab-case id used on the wire (`event.response`). */
  id: string;
  /** English label, the seed's 7.x name. */
  label: string;
  /** Other names an adapter must accept (8.x names such as "Open", "Queued"). */
  aliases: string[];
  /** The CRM's numeric response code. */
  code: number;
  group: ResponseGroup;
  /** Once a recipient has a final response, it never changes again. */
  final: boolean;
  /** A higher priority replaces a lower one among non-final responses. */
  priority: number;
  /**
   * The email was handed to the provider for this recipient: such recipients are the "sent"
   * denominator of the summary figures. False for responses decided before sending.
   */
  handedToProvider: boolean;
  /**
   * Where the recipient's email is, in the views' words (spec: "Stages"). Optional: rules without
   * it take the stage their group, final flag and hand-over imply.
   */
  stage?: Stage;
  counter?: ResponseCounter;
  effects?: ResponseEffects;
}

export interface ResponseRules {
  /** Changes whenever the table changes; the store refolds its events when it does. */
  version: string;
  /** Order matters: among equal priorities the later entry follows the earlier one. */
  responses: ResponseDefinition[];
  /** Soft bounces on one address in this many emails in a row raise the contact's warning. */
  softBounceWarningThreshold: number;
  /** How long Sent to provider may wait for a reply before the backend makes it final. */
  sentToProviderLimitHours: number;
  /**
   * The statistics update period, in days: an event dated more than this after its recipient's
   * earliest Sent to provider is not applied. Left out: off (every event applies).
   */
  statisticsPeriodDays?: number;
}

type Row = [
  id: string,
  label: string,
  code: number,
  group: ResponseGroup,
  final: boolean,
  priority: number,
  handedToProvider: boolean,
  extra?: Partial<Pick<ResponseDefinition, 'aliases' | 'counter' | 'effects'>>,
];

// The spec's table, in its order: planned, ready-to-send, sent-to-provider is the natural
// order of the priority-0 in-flight states, so it must stay.
const TABLE: Row[] = [
  ['planned', 'Planned', 14, 'not-sent', false, 0, false],
  ['ready-to-send', 'Ready to send', 45, 'not-sent', false, 0, false],
  ['sent-to-provider', 'Sent to provider', 7, 'not-sent', false, 0, true, { aliases: ['Queued'] }],
  ['provider-queued', 'Received by provider (queued)', 6, 'not-sent', false, 1, true],
  ['provider-delayed', 'Received by provider (delayed)', 3, 'not-sent', false, 4, true],
  ['delivered', 'Delivered', 2, 'sent', false, 5, true],
  ['opened-machine', 'Opened (machine)', 28, 'sent', false, 6, true, { counter: 'machineOpens' }],
  ['opened', 'Opened', 15, 'sent', false, 7, true, { aliases: ['Open'], counter: 'opens' }],
  ['clicked', 'Clicked', 12, 'sent', false, 8, true, { aliases: ['Clicks', 'Click'], counter: 'clicks' }],
  ['unsubscribed', 'Unsubscribed', 10, 'sent', true, 12, true, { effects: { doNotUseEmail: true } }],
  ['spam-complaint', 'Spam complaint', 9, 'sent', true, 13, true, { effects: { doNotUseEmail: true } }],
  ['unknown', 'Unknown response', 18, 'not-sent', true, 0, true],
  ['delivery-error', 'Delivery error', 1, 'not-sent', true, 3, true],
  ['invalid-address', 'Invalid email address', 5, 'not-sent', true, 2, true, { effects: { invalidatesAddress: true } }],
  ['rejected', 'Rejected', 4, 'not-sent', true, 9, true],
  ['soft-bounce', 'Soft Bounce', 13, 'not-sent', true, 10, true, { effects: { softBounce: true } }],
  [
    'hard-bounce',
    'Hard Bounce',
    8,
    'not-sent',
    true,
    11,
    true,
    { effects: { doNotUseEmail: true, invalidatesAddress: true } },
  ],
  ['limit-reached', 'Email limit reached', 11, 'not-sent', true, 0, false],
  ['canceled-do-not-use-email', 'Canceled (unsubscribed from all emails)', 19, 'not-sent', true, 0, false],
  ['canceled-invalid-email', 'Canceled (invalid email)', 20, 'not-sent', true, 0, false],
  ['canceled-incorrect-email', 'Canceled (incorrect email)', 21, 'not-sent', true, 0, false],
  ['canceled-no-email', 'Canceled (email not provided)', 22, 'not-sent', true, 0, false],
  ['canceled-no-template', 'Canceled (template not found)', 25, 'not-sent', true, 0, false],
  ['canceled-sender-domain', "Canceled (sender's domain not verified)", 26, 'not-sent', true, 0, false],
  ['canceled-sender-name', "Canceled (sender's name not valid)", 27, 'not-sent', true, 0, false],
  ['canceled-duplicate', 'Canceled (duplicated email)', 42, 'not-sent', true, 0, false],
  [
    'canceled-unsubscribed-type',
    'Canceled (unsubscribed by email type)',
    44,
    'not-sent',
    true,
    0,
    false,
    { effects: { unsubscribesEmailType: true } },
  ],
  ['stopped-manually', 'Stopped (manually)', 301, 'not-sent', true, 0, false],
  ['stopped-expired', 'Stopped (time to send expired)', 410, 'not-sent', true, 0, false],
];

/** The spec's rules: 29 responses, their priorities and final flags. */
export const DEFAULT_RULES: ResponseRules = {
  version: 'spec-1',
  responses: TABLE.map(([id, label, code, group, final, priority, handedToProvider, extra]) => ({
    id,
    label,
    aliases: extra?.aliases ?? [],
    code,
    group,
    final,
    priority,
    handedToProvider,
    stage: DEFAULT_STAGES[id]!,
    ...(extra?.counter ? { counter: extra.counter } : {}),
    ...(extra?.effects ? { effects: extra.effects } : {}),
  })),
  softBounceWarningThreshold: 3,
  sentToProviderLimitHours: 48,
};
