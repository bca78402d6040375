/**
 * What each provider's check needs (its secrets) and what every check answers.
 */
import type { ProviderName } from '../core/providers/index';

/** A secret, or several while one is rotated out (any of them passes). */
export type OneOrMore<T> = T | readonly T[];

/** SendGrid Signed Event Webhook: the verification key SendGrid shows (base64 DER SPKI, or PEM). */
export interface SendgridSecrets {
  publicKey: OneOrMore<string | CryptoKey>;
}

/** Mailgun: the HTTP webhook signing key (not the API key). */
export interface MailgunSecrets {
  signingKey: OneOrMore<string>;
}

/** Resend (Svix): the endpoint's signing secret, `whsec_…`. */
export interface SvixSecrets {
  secret: OneOrMore<string>;
}

/** Amazon SES through SNS. The certificate is only ever fetched from an allowed https host. */
export interface SnsSecrets {
  /**
   * Hosts the signing certificate may come from. Default: `sns.<region>.amazonaws.com` (and
   * `.amazonaws.com.cn`). A string is an exact host name.
   */
  allowedCertificateHosts?: readonly (string | RegExp)[];
  /** Fetches the certificate (PEM text or DER bytes) from an allowed URL. Default: global fetch, no redirects. */
  fetchCertificate?: (url: string) => Promise<string | Uint8Array>;
  /** Topic ARNs accepted; any other topic is refused. Recommended by AWS. */
  topicArns?: readonly string[];
  /**
   * Refuse messages older than this (their signed `Timestamp`). Off by default: SNS retries keep the first
   * timestamp for days.
   */
  maxAgeSeconds?: number;
}

/** HTTP Basic credentials, as configured in the webhook URL (`https://user:pass@host/path`). */
export interface BasicCredentials {
  username: string;
  password: string;
}

/**
 * The schemes of providers that do not sign bodies. Every scheme given must pass; at least one
 * must be given.
 */
export interface SharedSecrets {
  /** `Authorization: Basic …`. */
  basic?: OneOrMore<BasicCredentials>;
  /** `Authorization: Bearer …` (Brevo's bearer auth; SparkPost's OAuth 2 token when the host validates it). */
  bearer?: OneOrMore<string> | ((token: string) => boolean | Promise<boolean>);
  /** A custom header carrying a token (SparkPost, Postmark and Brevo can add headers). */
  header?: { name: string; value: OneOrMore<string> };
  /** A token in the URL's query (any provider: it is part of the webhook URL). */
  query?: { name: string; value: OneOrMore<string> };
}

export interface WebhookSecretsByProvider {
  sendgrid: SendgridSecrets;
  mailgun: MailgunSecrets;
  resend: SvixSecrets;
  ses: SnsSecrets;
  postmark: SharedSecrets;
  sparkpost: SharedSecrets;
  brevo: SharedSecrets;
  mailjet: SharedSecrets;
  'elastic-email': SharedSecrets;
}

export type WebhookSecrets<P extends ProviderName = ProviderName> = WebhookSecretsByProvider[P];

export interface VerifyWebhookOptions {
  /** How far a signed timestamp may be from now, in seconds (SendGrid, Mailgun, Svix). Default 300. */
  toleranceSeconds?: number;
  /** The current time in epoch ms (for tests). Default `Date.now()`. */
  now?: () => number;
}

/**
 * An SNS subscription handshake: visit `subscribeUrl` (or call ConfirmSubscription with `token`) to start
 * receiving.
 */
export interface SnsSubscription {
  type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  topicArn: string;
  subscribeUrl: string;
  token: string;
}

/** Why a request was refused: it did not prove its origin, or it could not be read at all. */
export type WebhookRefusal = 'unauthenticated' | 'unreadable';

export type WebhookVerdict =
  { ok: true; subscription?: SnsSubscription } | { ok: false; reason: string; refusal: WebhookRefusal };

export const DEFAULT_TOLERANCE_SECONDS = 300;

export function refuse(reason: string, refusal: WebhookRefusal = 'unauthenticated'): WebhookVerdict {
  return { ok: false, reason, refusal };
}

export function listOf<T>(value: OneOrMore<T> | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
