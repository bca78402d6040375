/**
 * Providers that do not sign their bodies (SparkPost, Postmark, Brevo, Mailjet, Elastic Email)
 * authenticate with a secret that travels with the request: HTTP Basic credentials in the
 * webhook URL, a bearer token, a custom header, or a token in the query. Each configured scheme
 * must pass; every comparison is constant-time. None configured is a refusal: an endpoint that
 * accepts anyone is exactly what this kit exists to prevent.
 */
import type { ProviderName } from '../core/providers/index';
import { base64ToBytes } from './bytes';
import { matchesAnySecret } from './constant-time';
import type { ReadWebhookRequest } from './webhook-request';
import { listOf, refuse, type SharedSecrets, type WebhookVerdict } from './webhook-types';

const decoder = new TextDecoder('utf-8', { fatal: false });

function authorization(request: ReadWebhookRequest, scheme: string): string | undefined {
  const header = request.header('authorization')?.trim();
  if (!header) return undefined;
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space).toLowerCase() !== scheme) return undefined;
  return header.slice(space + 1).trim();
}

export async function verifySharedSecret(
  provider: ProviderName,
  request: ReadWebhookRequest,
  secrets: SharedSecrets,
): Promise<WebhookVerdict> {
  const { basic, bearer, header, query } = secrets ?? {};
  if (basic === undefined && bearer === undefined && header === undefined && query === undefined) {
    return refuse(
      `no secret is configured for ${provider}: give basic credentials, a bearer token, a header or a query token`,
    );
  }
  if (basic !== undefined) {
    const encoded = authorization(request, 'basic');
    if (encoded === undefined)
      return refuse('the Authorization: Basic header is missing (put user:password@ in the webhook URL)');
    const bytes = base64ToBytes(encoded);
    if (!bytes) return refuse('the Basic credentials are not base64');
    const expected = listOf(basic).map(({ username, password }) => `${username}:${password}`);
    if (!(await matchesAnySecret(decoder.decode(bytes), expected))) return refuse('the Basic credentials are wrong');
  }
  if (bearer !== undefined) {
    const token = authorization(request, 'bearer');
    if (token === undefined) return refuse('the Authorization: Bearer header is missing');
    const valid =
      typeof bearer === 'function'
        ? await Promise.resolve()
            .then(() => bearer(token))
            .catch(() => false)
        : await matchesAnySecret(token, listOf(bearer));
    if (valid !== true) return refuse('the bearer token is wrong');
  }
  if (header !== undefined) {
    const value = request.header(header.name);
    if (value === undefined) return refuse(`the ${header.name} header is missing`);
    if (!(await matchesAnySecret(value, listOf(header.value)))) return refuse(`the ${header.name} header is wrong`);
  }
  if (query !== undefined) {
    const value = request.url?.searchParams.get(query.name) ?? undefined;
    if (value === undefined)
      return refuse(
        `the "${query.name}" query parameter is missing${request.url ? '' : ' (the request URL was not given)'}`,
      );
    if (!(await matchesAnySecret(value, listOf(query.value))))
      return refuse(`the "${query.name}" query parameter is wrong`);
  }
  return { ok: true };
}
