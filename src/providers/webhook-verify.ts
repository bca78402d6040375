/**
 * verifyProviderWebhook: did this request come from the provider? Each provider's own scheme,
 * on WebCrypto alone. It answers `{ ok: true }` or `{ ok: false, reason }` and never throws,
 * whatever the request holds.
 */
import { PROVIDER_NAMES, type ProviderName } from '../core/providers/index';
import { verifyMailgun } from './mailgun-signature';
import { verifySendgrid } from './sendgrid-signature';
import { verifySharedSecret } from './shared-secret';
import { verifySns } from './sns-signature';
import { verifySvix } from './svix-signature';
import { readWebhookRequest, type ReadWebhookRequest, type WebhookRequest } from './webhook-request';
import { refuse, type VerifyWebhookOptions, type WebhookSecrets, type WebhookVerdict } from './webhook-types';

/** The check for an already-read request (the handler reads the body once and calls this). */
export async function verifyReadRequest<P extends ProviderName>(
  provider: P,
  request: ReadWebhookRequest,
  secrets: WebhookSecrets<P>,
  options?: VerifyWebhookOptions,
): Promise<WebhookVerdict> {
  if (typeof crypto === 'undefined' || !crypto.subtle) {
    return refuse('crypto.subtle is not available here (a browser page needs a secure context)');
  }
  try {
    switch (provider as ProviderName) {
      case 'sendgrid':
        return await verifySendgrid(request, secrets as WebhookSecrets<'sendgrid'>, options);
      case 'mailgun':
        return await verifyMailgun(request, secrets as WebhookSecrets<'mailgun'>, options);
      case 'resend':
        return await verifySvix(request, secrets as WebhookSecrets<'resend'>, options);
      case 'ses':
        return await verifySns(request, secrets as WebhookSecrets<'ses'>, options);
      case 'postmark':
      case 'sparkpost':
      case 'brevo':
      case 'mailjet':
      case 'elastic-email':
        return await verifySharedSecret(provider, request, secrets as WebhookSecrets<'postmark'>);
      default:
        return refuse(
          `${JSON.stringify(String(provider).slice(0, 40))} is not a provider this library reads (${PROVIDER_NAMES.join(', ')})`,
        );
    }
  } catch (error) {
    // A last guard: the checks contain their failures, but a refusal beats a crash.
    return refuse(`the request could not be verified: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Verifies that `request` came from `provider`. Pass the body as received (a fetch Request, or
 * `{ body, headers, url }` with the raw text or bytes): a body parsed and serialized again no
 * longer matches its signature.
 */
export async function verifyProviderWebhook<P extends ProviderName>(
  provider: P,
  request: WebhookRequest,
  secrets: WebhookSecrets<P>,
  options?: VerifyWebhookOptions,
): Promise<WebhookVerdict> {
  const reading = await readWebhookRequest(request);
  if (!reading.ok) return refuse(reading.reason, 'unreadable');
  return verifyReadRequest(provider, reading.request, secrets, options);
}
