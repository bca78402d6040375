// Every row of the Postmark table in docs/providers.md ("Mapping", "Postmark") for Bounce records:
// `Type` decides; `TypeCode` is read only when `Type` is missing, by Postmark's enum of codes.
// What is skipped says why, in words a host can log.
import { expect } from 'chai';
import { normalizeProviderEvents, type NormalizeProviderResult } from '../../../src/core/providers/index';

const JANE = 'jane.doe@example.com';
const BOUNCE = {
  RecordType: 'Bounce',
  ID: 4323372036,
  MessageID: '883953f4-6105-42a2-a16a-77a8eac79483',
  Email: JANE,
  BouncedAt: '2024-09-23T12:15:03.9070259Z',
};

function read(fields: Record<string, unknown>): NormalizeProviderResult & { types: string[] } {
  const types: string[] = [];
  const result = normalizeProviderEvents(
    'postmark',
    { ...BOUNCE, ...fields },
    {
      emailId: (_raw, info) => {
        types.push(info.type);
        return undefined;
      },
    },
  );
  return { ...result, types };
}

/** The response, or the skip reason, of a bounce record. */
function outcome(fields: Record<string, unknown>): string {
  const { events, skipped } = read(fields);
  expect(events.length + skipped.length).to.equal(1);
  return events[0]?.response ?? `skipped: ${skipped[0]!.reason}`;
}

const SKIPS: Record<string, string> = {
  AutoResponder: 'a Postmark auto-responder bounce is an automatic reply, not a response',
  AddressChange: 'a Postmark address-change notice is not a response',
  ChallengeVerification: 'a Postmark challenge-verification bounce asks the sender to verify; it is not a response',
  Subscribe: 'a Postmark subscribe request is not a response to this email',
  OpenRelayTest: 'a Postmark open-relay test is not a response',
  InboundError: 'a Postmark inbound error concerns inbound mail',
};

/** Postmark's bounce types with their TypeCode, and what each becomes. */
const TYPES: [string, number, string][] = [
  ['HardBounce', 1, 'hard-bounce'],
  ['Transient', 2, 'provider-delayed'],
  ['Unsubscribe', 16, 'unsubscribed'],
  ['Subscribe', 32, `skipped: ${SKIPS.Subscribe}`],
  ['AutoResponder', 64, `skipped: ${SKIPS.AutoResponder}`],
  ['AddressChange', 128, `skipped: ${SKIPS.AddressChange}`],
  ['DnsError', 256, 'provider-delayed'],
  ['SpamNotification', 512, 'soft-bounce'],
  ['OpenRelayTest', 1024, `skipped: ${SKIPS.OpenRelayTest}`],
  ['Unknown', 2048, 'unknown'],
  ['SoftBounce', 4096, 'soft-bounce'],
  ['VirusNotification', 8192, 'delivery-error'],
  ['ChallengeVerification', 16384, `skipped: ${SKIPS.ChallengeVerification}`],
  ['BadEmailAddress', 100000, 'invalid-address'],
  ['SpamComplaint', 100001, 'spam-complaint'],
  ['ManuallyDeactivated', 100002, 'canceled-do-not-use-email'],
  ['Unconfirmed', 100003, 'delivery-error'],
  ['Blocked', 100006, 'soft-bounce'],
  ['SMTPApiError', 100007, 'delivery-error'],
  ['InboundError', 100008, `skipped: ${SKIPS.InboundError}`],
  ['DMARCPolicy', 100009, 'soft-bounce'],
  ['TemplateRenderingFailed', 100010, 'delivery-error'],
];

describe('Postmark bounce types', () => {
  for (const [type, code, expected] of TYPES) {
    it(`${type} (${code}) → ${expected}`, () => {
      expect(outcome({ Type: type }), 'by Type').to.equal(expected);
      expect(outcome({ TypeCode: code }), 'by TypeCode').to.equal(expected);
      // The type handed to the id finders names the type, found either way.
      if (!expected.startsWith('skipped')) expect(read({ TypeCode: code }).types).to.deep.equal([`Bounce/${type}`]);
    });
  }

  it('reads Type in any case, and a TypeCode sent as text', () => {
    expect(outcome({ Type: 'softbounce' })).to.equal('soft-bounce');
    expect(outcome({ Type: 'HARDBOUNCE' })).to.equal('hard-bounce');
    expect(outcome({ TypeCode: '4096' })).to.equal('soft-bounce');
    expect(outcome({ TypeCode: ' 100006 ' })).to.equal('soft-bounce');
  });

  it('lets Type win over a TypeCode that says otherwise (Postmark’s own samples disagree)', () => {
    expect(outcome({ Type: 'SpamComplaint', TypeCode: 512 })).to.equal('spam-complaint');
    expect(outcome({ Type: 'HardBounce', TypeCode: 4096 })).to.equal('hard-bounce');
  });

  it('a bounce with neither Type nor a known TypeCode is Unknown', () => {
    expect(outcome({})).to.equal('unknown');
    expect(outcome({ TypeCode: 3 })).to.equal('unknown');
    expect(read({}).types).to.deep.equal(['Bounce/Unknown']);
  });

  it('skips a Type this reader does not know, even one named like an object property', () => {
    for (const type of ['QuarantineNotice', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(outcome({ Type: type })).to.equal(`skipped: Postmark bounce type "${type}" is not one this reader knows`);
    }
  });

  it('explains a bounce by its type and details, else its description', () => {
    const details = { Type: 'HardBounce', Details: 'smtp;550 5.1.1 unknown user', Description: 'The server…' };
    expect(read(details).events[0]!.reason).to.equal('HardBounce; smtp;550 5.1.1 unknown user');
    expect(read({ Type: 'HardBounce', Description: 'The server was unable to deliver' }).events[0]!.reason).to.equal(
      'HardBounce; The server was unable to deliver',
    );
    // A bounce known by its code alone has no Type to name.
    expect(read({ TypeCode: 1, Details: 'smtp;550' }).events[0]!.reason).to.equal('smtp;550');
  });
});
