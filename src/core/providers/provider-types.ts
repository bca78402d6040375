/**
 * The public shapes of provider normalization: what a host passes in and gets back.
 */
import type { ResponseEvent } from '../event';
import type { CompiledRules } from '../rules';

/** The email providers whose webhooks can be read. */
export type ProviderName =
  'sendgrid' | 'mailgun' | 'ses' | 'postmark' | 'elastic-email' | 'sparkpost' | 'brevo' | 'mailjet' | 'resend';

export const PROVIDER_NAMES: readonly ProviderName[] = [
  'sendgrid',
  'mailgun',
  'ses',
  'postmark',
  'elastic-email',
  'sparkpost',
  'brevo',
  'mailjet',
  'resend',
];

/** The catalogue ids a provider event can map to. */
export type ProviderResponse =
  | 'planned'
  | 'provider-queued'
  | 'provider-delayed'
  | 'delivered'
  | 'opened-machine'
  | 'opened'
  | 'clicked'
  | 'unsubscribed'
  | 'spam-complaint'
  | 'unknown'
  | 'delivery-error'
  | 'invalid-address'
  | 'rejected'
  | 'soft-bounce'
  | 'hard-bounce'
  | 'canceled-do-not-use-email'
  | 'canceled-unsubscribed-type'
  | 'canceled-duplicate'
  | 'stopped-manually';

/** What the id finders are told about one provider event. */
export interface ProviderEventInfo {
  provider: ProviderName;
  /**
   * The provider's own name for what happened, e.g. `bounce/blocked`, `failed/permanent`,
   * `Bounce/Transient/General`.
   */
  type: string;
  /** The recipient's address, lower-cased. */
  address: string | undefined;
  /** The provider's message id (for SendGrid the X-Message-Id the send API returned), without angle brackets. */
  messageId: string | undefined;
  /**
   * What the sender attached at send time, as text: SendGrid custom args, Mailgun user
   * variables, SES message tags (first value), Postmark Metadata, SparkPost rcpt_meta, Brevo
   * X-Mailin-custom, Mailjet Payload and CustomID, Resend tags, Elastic Email postback.
   */
  metadata: Readonly<Record<string, string>>;
  /** The provider's tags or categories. */
  tags: readonly string[];
}

/** Finds an id in one provider event; undefined falls back to the default lookup. */
export type ProviderIdFinder = (raw: Readonly<Record<string, unknown>>, info: ProviderEventInfo) => string | undefined;

/** How emailId and recipientId are found. */
export interface ProviderIdOptions {
  /** Wins over everything else when it returns text. `raw` is the provider's own event object. */
  emailId?: ProviderIdFinder;
  recipientId?: ProviderIdFinder;
  /** Metadata keys holding the email id, compared case-insensitively. Default `emailId`, `email_id`. */
  emailIdKeys?: readonly string[];
  /** Metadata keys holding the recipient id. Default `recipientId`, `recipient_id`. */
  recipientIdKeys?: readonly string[];
}

/** Request headers: a plain object (any case) or a fetch `Headers`. */
export type ProviderHeaders =
  Readonly<Record<string, string | readonly string[] | undefined>> | { get(name: string): string | null };

export interface NormalizeProviderOptions extends ProviderIdOptions {
  /** Settings for one provider, over the general ones above, for hosts that share one options object. */
  providers?: Partial<Record<ProviderName, ProviderIdOptions>>;
  /**
   * The webhook request's headers. Read for event ids that travel outside the body: Resend's
   * `svix-id`, SNS raw delivery's `x-amz-sns-message-id`, SparkPost's `X-MessageSystems-Batch-ID`.
   */
  headers?: ProviderHeaders;
  /** The rules every produced event is checked against. Default: the spec's catalogue. */
  rules?: CompiledRules;
  /**
   * Brevo's `date` fields are Paris time (CET/CEST). For an account set to another zone, its fixed
   * offset in minutes east of UTC. Only used when a Brevo event has no epoch timestamp.
   */
  brevoUtcOffsetMinutes?: number;
}

/** One part of the body that gave no event, and why, in words a host can log as they are. */
export interface ProviderSkip {
  input: unknown;
  reason: string;
}

export interface NormalizeProviderResult {
  /** Canonical events; every one passes `checkEvent`. */
  events: ResponseEvent[];
  skipped: ProviderSkip[];
}
