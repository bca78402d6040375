// The provider-format path end to end. The simulated SendGrid signs each webhook body as its
// Signed Event Webhook does (ECDSA P-256 over the timestamp and the body, a key pair of its own),
// and the backend's endpoint, the kit's createWebhookHandler mounted as an integrator would,
// verifies it before any of its events reach the server's state or the relay to the page.
// `POST /api/webhooks/sendgrid` is the same handler: anyone may post to it, only signed bodies count.
import type { ResponseEvent } from '../../src/core/index';
import { normalizeProviderEvents } from '../../src/core/providers/index';
import { asBufferSource, bytesToBase64, concatBytes, utf8 } from '../../src/providers/bytes';
import { createWebhookHandler, SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER } from '../../src/providers/index';

type Handler = (request: Request) => Promise<Response>;

export const SENDGRID_WEBHOOK_URL = 'http://localhost/api/webhooks/sendgrid';

/** WebCrypto's raw r‖s ECDSA signature in the DER form SendGrid sends. */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array): Uint8Array => {
    let at = 0;
    while (at < bytes.length - 1 && bytes[at] === 0) at++;
    const trimmed = bytes.subarray(at);
    const padded = trimmed[0]! >= 0x80 ? concatBytes(Uint8Array.of(0), trimmed) : trimmed;
    return concatBytes(Uint8Array.of(0x02, padded.length), padded);
  };
  const content = concatBytes(integer(raw.subarray(0, 32)), integer(raw.subarray(32)));
  return concatBytes(Uint8Array.of(0x30, content.length), content);
}

export class SendgridWebhooks {
  /** False where WebCrypto is missing (a page served over plain http off localhost). */
  readonly available = typeof crypto !== 'undefined' && crypto.subtle !== undefined;
  /** Deliveries the endpoint refused (a bug in the demo if ever above 0), with the last reason. */
  refused = 0;
  lastRefusal: string | undefined;
  readonly #signer: Promise<{ privateKey: CryptoKey; handler: Handler } | undefined>;
  #queue: Promise<void> = Promise.resolve();

  readonly #apply: (events: ResponseEvent[]) => void;
  readonly #onReceived: (count: number) => void;

  /**
   * `apply` takes the events of each verified delivery; `onReceived` is told, in posting order,
   * how many provider-log entries each delivery carried once it is through.
   */
  constructor(apply: (events: ResponseEvent[]) => void, onReceived: (count: number) => void) {
    this.#apply = apply;
    this.#onReceived = onReceived;
    this.#signer = this.available
      ? crypto.subtle
          .generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])
          .then(async ({ privateKey, publicKey }) => {
            // The verification key as SendGrid's settings page shows it: base64 DER SPKI.
            const spki = bytesToBase64(new Uint8Array(await crypto.subtle.exportKey('spki', publicKey)));
            const handler = createWebhookHandler({
              provider: 'sendgrid',
              secrets: { publicKey: spki },
              onEvents: ({ events }) => apply(events),
              onRefused: ({ reason }) => {
                this.refused++;
                this.lastRefusal = reason;
              },
            });
            return { privateKey, handler };
          })
          .catch(() => undefined)
      : Promise.resolve(undefined);
  }

  /** Posts `items` as one signed webhook, after the ones before it. */
  post(items: readonly unknown[], count: number): void {
    const body = JSON.stringify(items);
    this.#queue = this.#queue.then(async () => {
      const signer = await this.#signer;
      try {
        await this.#deliver(signer, items, body);
      } catch (error) {
        console.error('email-responses demo: a SendGrid webhook could not be signed or delivered', error);
      }
      this.#onReceived(count);
    });
  }

  async #deliver(
    signer: { privateKey: CryptoKey; handler: Handler } | undefined,
    items: readonly unknown[],
    body: string,
  ): Promise<void> {
    if (signer) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signed = asBufferSource(concatBytes(utf8(timestamp), utf8(body)));
      const raw = new Uint8Array(
        await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.privateKey, signed),
      );
      const headers = {
        'content-type': 'application/json',
        [SENDGRID_SIGNATURE_HEADER]: bytesToBase64(derSignature(raw)),
        [SENDGRID_TIMESTAMP_HEADER]: timestamp,
      };
      const response = await signer.handler(new Request(SENDGRID_WEBHOOK_URL, { method: 'POST', body, headers }));
      if (!response.ok)
        console.error(
          `email-responses demo: the SendGrid webhook endpoint refused a signed delivery: ${this.lastRefusal}`,
        );
    } else {
      // No WebCrypto here (or no key): the demo still runs, reading the items unverified.
      this.#apply(normalizeProviderEvents('sendgrid', items).events);
    }
  }

  /** The endpoint for requests from outside (msw): verified like the simulated provider's. */
  async handle(request: Request): Promise<Response> {
    const signer = await this.#signer;
    if (!signer) return new Response('the webhook endpoint needs WebCrypto (a secure context)', { status: 503 });
    return signer.handler(request);
  }
}
