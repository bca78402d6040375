// Which email and recipient a provider event is about: the host's finders first, then the metadata
// keys (exact spelling first, then any case), then the provider's message id and the address; and
// the reason a host sees when none of them gives an id.
import { expect } from 'chai';
import { Collector, type Draft } from '../../../src/core/providers/collector';
import type { NormalizeProviderOptions, ProviderEventInfo } from '../../../src/core/providers/provider-types';

const AT = Date.UTC(2024, 8, 23, 12, 15, 3);

function draft(extra: Partial<Draft> = {}): Draft {
  return { response: 'delivered', type: 'delivered', raw: { sg: 1 }, input: 'the item', at: AT, ...extra };
}

function run(extra: Partial<Draft>, options: NormalizeProviderOptions = {}): Collector {
  const out = new Collector('sendgrid', options);
  out.emit(draft(extra));
  return out;
}

function ids(
  extra: Partial<Draft>,
  options: NormalizeProviderOptions = {},
): { emailId?: string; recipientId?: string } {
  const out = run(extra, options);
  expect(out.skipped).to.deep.equal([]);
  const { emailId, recipientId } = out.events[0]!;
  return { emailId, recipientId };
}

describe('provider event: email id and recipient id', () => {
  it("falls back to the provider's message id and the recipient's address", () => {
    expect(ids({ messageId: 'm-1', address: 'jane@example.com' })).to.deep.equal({
      emailId: 'm-1',
      recipientId: 'jane@example.com',
    });
  });

  it('prefers the metadata keys to the message id and the address, trying the keys in their order', () => {
    const metadata = { email_id: 'e-second', emailId: 'e-first', recipient_id: 'r-9' };
    expect(ids({ messageId: 'm-1', address: 'jane@example.com', metadata })).to.deep.equal({
      emailId: 'e-first',
      recipientId: 'r-9',
    });
    expect(ids({ messageId: 'm-1', address: 'jane@example.com', metadata: { email_id: 'e-2' } }).emailId).to.equal(
      'e-2',
    );
  });

  it('takes the exact spelling of a key over another case of it, and any case when that is all there is', () => {
    expect(ids({ address: 'a@example.com', metadata: { EMAILID: 'e-upper', emailId: 'e-exact' } }).emailId).to.equal(
      'e-exact',
    );
    expect(ids({ address: 'a@example.com', metadata: { Campaign: 'x', EMAIL_ID: 'e-upper' } }).emailId).to.equal(
      'e-upper',
    );
  });

  it('reads the configured keys instead of the default ones, ignoring entries that are not text', () => {
    const options = { emailIdKeys: ['campaign', 7], recipientIdKeys: ['row'] } as unknown as NormalizeProviderOptions;
    const metadata = { emailId: 'e-default', campaign: 'autumn', recipientId: 'r-default', row: '12' };
    expect(ids({ address: 'a@example.com', metadata }, options)).to.deep.equal({
      emailId: 'autumn',
      recipientId: '12',
    });
  });

  it('leaves entries that are not text out of the keys it compares in any case and names in a skip', () => {
    const options = { emailIdKeys: [7, 'campaign', null] } as unknown as NormalizeProviderOptions;
    expect(ids({ address: 'a@example.com', metadata: { CAMPAIGN: 'autumn' } }, options).emailId).to.equal('autumn');
    expect(run({ address: 'a@example.com' }, options).skipped.map((skip) => skip.reason)).to.deep.equal([
      'sendgrid delivered: no email id (no message id and no campaign metadata); options.emailId can find it',
    ]);
  });

  it('keeps the default keys when the configured ones are not a list', () => {
    const options = { emailIdKeys: 'campaign' } as unknown as NormalizeProviderOptions;
    expect(ids({ address: 'a@example.com', metadata: { emailId: 'e-1', campaign: 'x' } }, options).emailId).to.equal(
      'e-1',
    );
  });

  it("asks the host's finders before anything else, with the raw event and what the reader found", () => {
    const seen: [unknown, ProviderEventInfo][] = [];
    const options: NormalizeProviderOptions = {
      emailId: (raw, info) => {
        seen.push([raw, info]);
        return 'e-host';
      },
      recipientId: () => 'r-host',
    };
    const metadata = { emailId: 'e-meta', recipientId: 'r-meta' };
    const extra = { messageId: 'm-1', address: 'jane@example.com', metadata, tags: ['welcome'] };
    expect(ids(extra, options)).to.deep.equal({ emailId: 'e-host', recipientId: 'r-host' });
    expect(seen).to.deep.equal([
      [
        { sg: 1 },
        {
          provider: 'sendgrid',
          type: 'delivered',
          address: 'jane@example.com',
          messageId: 'm-1',
          metadata,
          tags: ['welcome'],
        },
      ],
    ]);
  });

  it('tells the finders of no metadata and no tags as empty ones', () => {
    let told: ProviderEventInfo | undefined;
    ids({ messageId: 'm-1' }, { recipientId: (_raw, info) => ((told = info), 'r-1') });
    expect(told).to.deep.equal({
      provider: 'sendgrid',
      type: 'delivered',
      address: undefined,
      messageId: 'm-1',
      metadata: {},
      tags: [],
    });
  });

  it('takes a number from a finder as its text and falls back when a finder gives empty text', () => {
    const numeric = { emailId: () => 42 as unknown as string, recipientId: () => '  ' };
    expect(ids({ messageId: 'm-1', address: 'jane@example.com' }, numeric)).to.deep.equal({
      emailId: '42',
      recipientId: 'jane@example.com',
    });
  });

  it('uses the settings for this provider over the general ones', () => {
    const options: NormalizeProviderOptions = {
      emailId: () => 'e-general',
      recipientIdKeys: ['general'],
      providers: { sendgrid: { emailId: () => 'e-sendgrid', recipientIdKeys: ['own'] }, brevo: { emailId: () => 'x' } },
    };
    const metadata = { general: 'r-general', own: 'r-own' };
    expect(ids({ address: 'a@example.com', metadata }, options)).to.deep.equal({
      emailId: 'e-sendgrid',
      recipientId: 'r-own',
    });
    const general = { ...options, providers: { brevo: { emailId: () => 'x' } } };
    expect(ids({ address: 'a@example.com', metadata }, general)).to.deep.equal({
      emailId: 'e-general',
      recipientId: 'r-general',
    });
  });

  it('ignores per-provider settings that are not an object', () => {
    const options = { providers: { sendgrid: 'own' }, emailIdKeys: ['c'] } as unknown as NormalizeProviderOptions;
    expect(ids({ address: 'a@example.com', metadata: { c: 'e-c' } }, options).emailId).to.equal('e-c');
  });
});

describe('provider event: the reason when it has no id', () => {
  it('names the keys it looked for and the option that can find the email id', () => {
    const out = run({ address: 'jane@example.com' }, { emailIdKeys: ['campaign', 'mailing'] });
    expect(out.events).to.deep.equal([]);
    expect(out.skipped).to.deep.equal([
      {
        input: 'the item',
        reason:
          'sendgrid delivered: no email id (no message id and no campaign/mailing metadata); options.emailId can find it',
      },
    ]);
  });

  it('names the keys and the option for a missing recipient id', () => {
    const out = run({ messageId: 'm-1' });
    expect(out.skipped).to.deep.equal([
      {
        input: 'the item',
        reason:
          'sendgrid delivered: no recipient id (no address and no recipientId/recipient_id metadata); options.recipientId can find it',
      },
    ]);
  });

  it("says which of the host's finders failed, and with what", () => {
    const broken = run(
      { messageId: 'm-1', address: 'a@example.com' },
      {
        emailId: () => {
          throw new Error('lookup down');
        },
      },
    );
    expect(broken.skipped[0]!.reason).to.equal('sendgrid delivered: options.emailId failed: lookup down');
    const thrownText = run(
      { messageId: 'm-1', address: 'a@example.com' },
      {
        recipientId: () => {
          throw 'no table';
        },
      },
    );
    expect(thrownText.events).to.deep.equal([]);
    expect(thrownText.skipped[0]!.reason).to.equal('sendgrid delivered: options.recipientId failed: no table');
  });
});
