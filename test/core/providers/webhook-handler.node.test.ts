// createWebhookHandler served by node:http, as an integrator's endpoint would be: a signed
// request gives events, a refused one answers 401 or 400 and nothing of it reaches onEvents.
// Node only (it opens a port); the handler itself is a plain fetch handler.
import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import {
  createEventRelay,
  createWebhookHandler,
  type RefusedWebhook,
  type WebhookDelivery,
} from '../../../src/providers/index';
import { fixtureTexts } from '../../fixtures/providers/index';
import { sendgridSigner, snsSigner, type SendgridSigner } from './webhook-signers';

/** node:http → fetch Request, the adapter docs/providers.md shows. */
async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), { method, headers, body });
}

function send(res: ServerResponse, response: Response): void {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  const body = Readable.fromWeb(response.body as never);
  res.on('close', () => body.destroy());
  body.pipe(res);
}

describe('createWebhookHandler under node:http', () => {
  let server: Server;
  let base: string;
  let signer: SendgridSigner;
  let deliveries: WebhookDelivery[] = [];
  let refusals: RefusedWebhook[] = [];
  let failNext = false;
  const routes = new Map<string, (request: Request) => Promise<Response>>();
  const relay = createEventRelay();
  const body = fixtureTexts.sendgrid!.batch_mixed!;
  const onEvents = (delivery: WebhookDelivery) => {
    if (failNext) {
      failNext = false;
      throw new Error('the database is down');
    }
    deliveries.push(delivery);
    relay.publish(delivery.events);
  };
  const onRefused = (refused: RefusedWebhook) => void refusals.push(refused);

  before(async () => {
    signer = await sendgridSigner();
    const sns = await snsSigner();
    routes.set(
      '/hooks/sendgrid',
      createWebhookHandler({ provider: 'sendgrid', secrets: { publicKey: signer.publicKey }, onEvents, onRefused }),
    );
    routes.set(
      '/hooks/ses',
      createWebhookHandler({
        provider: 'ses',
        secrets: { fetchCertificate: async () => sns.certificatePem },
        onEvents,
        onRefused,
      }),
    );
    routes.set(
      '/hooks/elastic',
      createWebhookHandler({
        provider: 'elastic-email',
        secrets: { query: { name: 'token', value: 'ee-secret' } },
        onEvents,
        onRefused,
      }),
    );
    routes.set('/api/stream', async (request) => relay.stream(request));
    routes.set(
      '/sns-sample',
      async () => new Response(await sns.sign(snsSubscription(), '2', 'https://sns.eu-west-1.amazonaws.com/cert.pem')),
    );
    server = createServer((req, res) => {
      const handler = routes.get((req.url ?? '').split('?')[0]!);
      if (!handler) return void res.writeHead(404).end();
      void toRequest(req)
        .then(handler)
        .then((response) => send(res, response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    deliveries = [];
    refusals = [];
  });

  const post = (path: string, text: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      body: text,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('hands the events of a signed request to onEvents and answers 200', async () => {
    const response = await post(
      '/hooks/sendgrid',
      body,
      await signer.sign(body, String(Math.floor(Date.now() / 1000))),
    );
    expect(response.status).to.equal(200);
    expect(deliveries).to.have.length(1);
    expect(deliveries[0]!.events.map((event) => event.response)).to.deep.equal([
      'provider-queued',
      'delivered',
      'opened-machine',
    ]);
    expect(deliveries[0]!.skipped).to.have.length(1);
    expect(deliveries[0]!.provider).to.equal('sendgrid');
    expect(refusals).to.deep.equal([]);
  });

  it('relays the verified events to the elements over SSE, and nothing of a refused request', async () => {
    const from = relay.cursor;
    expect((await post('/hooks/sendgrid', body.replace(/"delivered"/g, '"spamreport"'))).status).to.equal(401);
    const response = await post(
      '/hooks/sendgrid',
      body,
      await signer.sign(body, String(Math.floor(Date.now() / 1000))),
    );
    expect(response.status).to.equal(200);
    const stream = await fetch(`${base}/api/stream?lastEventId=${from}`);
    expect(stream.headers.get('content-type')).to.equal('text/event-stream');
    const reader = stream.body!.getReader();
    let text = '';
    while (!/\ndata: .*\n\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const data = JSON.parse(/\ndata: (.*)\n/.exec(text)![1]!) as { response: string }[];
    expect(data.map((event) => event.response)).to.deep.equal(['provider-queued', 'delivered', 'opened-machine']);
    expect(text).to.match(new RegExp(`id: ${from + 3}\n`));
  });

  it('answers 401 to an unsigned request, and onEvents hears nothing', async () => {
    const response = await post('/hooks/sendgrid', body);
    expect(response.status).to.equal(401);
    expect(await response.text()).to.match(/Signature header is missing/);
    expect(deliveries).to.deep.equal([]);
    expect(refusals.map((r) => [r.status, r.refusal])).to.deep.equal([[401, 'unauthenticated']]);
  });

  it('answers 401 to a body changed after signing, or signed too long ago', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = body.replace('"delivered"', '"spamreport"');
    expect((await post('/hooks/sendgrid', forged, await signer.sign(body, String(now)))).status).to.equal(401);
    expect((await post('/hooks/sendgrid', body, await signer.sign(body, String(now - 3600)))).status).to.equal(401);
    expect(deliveries).to.deep.equal([]);
  });

  it('answers 400 to a signed body it cannot read, and 405 to a GET', async () => {
    const text = 'event=delivered';
    const response = await post(
      '/hooks/sendgrid',
      text,
      await signer.sign(text, String(Math.floor(Date.now() / 1000))),
    );
    expect(response.status).to.equal(400);
    expect((await fetch(`${base}/hooks/sendgrid`)).status).to.equal(405);
    expect(deliveries).to.deep.equal([]);
  });

  it('answers 500 when onEvents throws, so the provider retries', async () => {
    failNext = true;
    const response = await post(
      '/hooks/sendgrid',
      body,
      await signer.sign(body, String(Math.floor(Date.now() / 1000))),
    );
    expect(response.status).to.equal(500);
    expect(refusals.map((r) => r.reason)).to.deep.equal(['the events could not be taken: the database is down']);
  });

  it('surfaces a verified SNS SubscriptionConfirmation with its SubscribeURL', async () => {
    const signed = await (await fetch(`${base}/sns-sample`)).text();
    const response = await post('/hooks/ses', signed, { 'content-type': 'text/plain; charset=UTF-8' });
    expect(response.status).to.equal(200);
    expect(deliveries[0]!.subscription).to.include({
      type: 'SubscriptionConfirmation',
      subscribeUrl: snsSubscription().SubscribeURL,
    });
    expect(deliveries[0]!.events).to.deep.equal([]);
    const forged = signed.replace('SubscriptionConfirmation', 'Notification');
    expect((await post('/hooks/ses', forged)).status).to.equal(401);
  });

  it('reads Elastic Email’s GET notifications with a query token', async () => {
    const query = new URLSearchParams(JSON.parse(fixtureTexts['elastic-email']!.sent!) as Record<string, string>);
    const ok = await fetch(`${base}/hooks/elastic?token=ee-secret&${query}`);
    expect(ok.status).to.equal(200);
    expect(deliveries[0]!.events.map((event) => event.response)).to.deep.equal(['delivered']);
    expect((await fetch(`${base}/hooks/elastic?token=guess&${query}`)).status).to.equal(401);
    expect(deliveries).to.have.length(1);
  });
});

function snsSubscription(): Record<string, string> {
  const envelope = JSON.parse(fixtureTexts['amazon-ses']!.sns_envelope_subscription_confirmation!) as Record<
    string,
    string
  >;
  const { Signature: _s, SignatureVersion: _v, SigningCertURL: _u, ...message } = envelope;
  return message;
}
