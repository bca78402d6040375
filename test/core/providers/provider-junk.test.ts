// Junk in, nothing out: no body, however broken or hostile, makes normalizeProviderEvents throw
// or produce an event that the fold would reject.
import { expect } from 'chai';
import fc from 'fast-check';
import type { ResponseEvent } from '../../../src/core/event';
import {
  PROVIDER_NAMES,
  normalizeProviderEvents,
  type NormalizeProviderResult,
  type ProviderName,
} from '../../../src/core/providers/index';
import { compileRules } from '../../../src/core/rules';
import { checkEvent, type CheckedEvent } from '../../../src/core/validate';
import { fixtureTexts } from '../../fixtures/providers/index';

const rules = compileRules();
const FOLDERS: Record<ProviderName, string> = {
  sendgrid: 'sendgrid',
  mailgun: 'mailgun',
  ses: 'amazon-ses',
  postmark: 'postmark',
  'elastic-email': 'elastic-email',
  sparkpost: 'sparkpost',
  brevo: 'brevo',
  mailjet: 'mailjet',
  resend: 'resend',
};

function run(provider: ProviderName, body: unknown): NormalizeProviderResult {
  let result: NormalizeProviderResult | undefined;
  expect(() => {
    result = normalizeProviderEvents(provider, body);
  }, provider).to.not.throw();
  const scratch: CheckedEvent = { event: undefined as unknown as ResponseEvent, response: -1, at: 0 };
  for (const event of result!.events)
    expect(checkEvent(event, rules, scratch), `${provider} ${event.id}`).to.equal(null);
  return result!;
}

function nested(depth: number): unknown {
  let value: unknown = { event: 'open' };
  for (let i = 0; i < depth; i++)
    value = { msys: value, 'event-data': value, data: value, detail: value, Message: value, items: [value] };
  return value;
}

const JUNK: unknown[] = [
  null,
  undefined,
  0,
  -1,
  42.5,
  NaN,
  Infinity,
  true,
  false,
  10n,
  Symbol('body'),
  () => 'body',
  '',
  '   ',
  '\uFEFF',
  'garbage',
  '{',
  '{not json}',
  '[1, 2, 3]',
  '"just text"',
  'null',
  '42',
  '{}',
  '[null, [], "x"]',
  '=&=&',
  'https://hooks.example.net/ee',
  '?',
  {},
  { event: {} },
  { event: 'delivered' },
  { msys: null },
  { 'event-data': 'x' },
  { Type: 'Notification', Message: '{"eventType":"Bounce","bounce":{"bouncedRecipients":[{}]}}' },
  { Type: 'Notification', Message: 42 },
  { RecordType: 'Bounce', Type: 'constructor', Email: 'a@b.c', BouncedAt: '2024-01-01T00:00:00Z', MessageID: 'm' },
  { RecordType: '__proto__' },
  { type: 'email.delivered', data: { to: {}, email_id: {} }, created_at: 'soon' },
  [[[[[]]]]],
  new Array(1000).fill(null),
  new Uint8Array([0xff, 0xfe, 0xfd]),
  new ArrayBuffer(3),
  new URLSearchParams('status=&to='),
  new Date(),
  /regex/,
  new Map([['event', 'open']]),
  Object.create(null) as unknown,
  '['.repeat(100_000) + ']'.repeat(100_000),
  `{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
  nested(10_000),
  new Proxy(
    {},
    {
      get: () => {
        throw new Error('getter trap');
      },
      ownKeys: () => {
        throw new Error('keys trap');
      },
    },
  ),
  new Proxy([], {
    get: () => {
      throw new Error('array trap');
    },
  }),
];

describe('provider junk', () => {
  for (const provider of PROVIDER_NAMES) {
    it(`${provider}: junk bodies give no event and no exception, and say why`, () => {
      for (const body of JUNK) {
        const { events, skipped } = run(provider, body);
        expect(events, `${provider} ${JUNK.indexOf(body)}`).to.have.length(0);
        for (const skip of skipped) expect(skip.reason).to.be.a('string').with.length.above(0);
      }
      expect(run(provider, []).skipped).to.have.length(0);
      expect(run(provider, 'garbage text').skipped).to.have.length(1);
    });
  }

  it('refuses a provider it does not know, without throwing', () => {
    for (const name of [
      'mandrill',
      '',
      undefined,
      null,
      7,
      'constructor',
      '__proto__',
      Object.create(null),
      Symbol('p'),
    ]) {
      const result = normalizeProviderEvents(name as ProviderName, '[]');
      expect(result.events).to.have.length(0);
      expect(result.skipped[0]!.reason).to.match(/not a provider/);
    }
  });

  it('survives junk options', () => {
    const body = fixtureTexts.sendgrid!.delivered!;
    for (const options of [
      null,
      5,
      'x',
      { emailIdKeys: 'emailId' },
      { providers: 3 },
      { emailId: 'not a function' },
      { headers: 7 },
      { headers: { get: 5 } },
    ]) {
      expect(() => normalizeProviderEvents('sendgrid', body, options as never)).to.not.throw();
    }
  });

  it('never throws and only makes valid events, whatever the value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVIDER_NAMES),
        fc.oneof(fc.anything(), fc.json(), fc.string()),
        (provider, body) => {
          run(provider, body);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws and only makes valid events when any field of a real sample is replaced by anything', () => {
    const samples = Object.entries(FOLDERS).flatMap(([provider, folder]) =>
      Object.entries(fixtureTexts[folder]!)
        .filter(([name]) => !name.startsWith('_'))
        .map(([, text]) => [provider as ProviderName, JSON.parse(text) as unknown] as const),
    );
    const changes = fc.array(
      fc.tuple(fc.nat(), fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.double(), fc.constant(undefined))),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...samples), changes, ([provider, sample], replacements) => {
        const body = structuredClone(sample);
        const slots: [Record<string, unknown>, string][] = [];
        const walk = (value: unknown): void => {
          if (typeof value !== 'object' || value === null) return;
          for (const key of Object.keys(value)) {
            slots.push([value as Record<string, unknown>, key]);
            walk((value as Record<string, unknown>)[key]);
          }
        };
        walk(body);
        for (const [slot, value] of replacements) {
          const [parent, key] = slots[slot % slots.length]!;
          parent[key] = value;
        }
        const first = run(provider, body);
        // The same body again gives the same events: replays dedupe even for mangled bodies.
        expect(run(provider, structuredClone(body)).events).to.deep.equal(first.events);
        // And as raw text, which takes the big-integer-safe parser.
        run(provider, JSON.stringify(body) ?? 'null');
      }),
      { numRuns: 600 },
    );
  });
});
