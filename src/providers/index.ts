/**
 * The webhook kit: prove that a webhook came from its provider (WebCrypto only, so it runs in
 * Node 20+, Deno, Bun, Workers and browsers), then turn it into events for the elements.
 */
export { verifyProviderWebhook } from './webhook-verify';
export { createWebhookHandler, DEFAULT_MAX_BODY_BYTES } from './webhook-handler';
export type { RefusedWebhook, WebhookDelivery, WebhookHandlerOptions } from './webhook-handler';
export type { WebhookRequest, WebhookRequestParts } from './webhook-request';
export { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER } from './sendgrid-signature';
export { DEFAULT_SNS_CERTIFICATE_HOST } from './sns-signature';
export { DEFAULT_TOLERANCE_SECONDS } from './webhook-types';
export type {
  BasicCredentials,
  MailgunSecrets,
  OneOrMore,
  SendgridSecrets,
  SharedSecrets,
  SnsSecrets,
  SnsSubscription,
  SvixSecrets,
  VerifyWebhookOptions,
  WebhookRefusal,
  WebhookSecrets,
  WebhookSecretsByProvider,
  WebhookVerdict,
} from './webhook-types';
// The normalizers, so one import serves a webhook endpoint.
export { PROVIDER_NAMES, normalizeProviderEvents } from '../core/providers/index';
export type {
  NormalizeProviderOptions,
  NormalizeProviderResult,
  ProviderName,
  ProviderSkip,
} from '../core/providers/index';
export { createEventRelay } from './event-relay';
export type { EventRelay, EventRelayOptions } from './event-relay';
