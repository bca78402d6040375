// The pre-send cascade's address check and its order at the edges: what "fails the format check"
// means, and which of two true rules speaks first.
import { expect } from 'chai';
import { failedHandOver, presendCascade, type AudienceRow, type PresendEmail } from '../../src/core/index';
import { isWellFormedAddress } from '../../src/core/presend';

const bulk: PresendEmail = { kind: 'bulk', emailType: 'newsletter' };
const decide = (row: Partial<AudienceRow>, email: PresendEmail = bulk) =>
  presendCascade([{ recipientId: 'r', address: 'ann@example.com', ...row }], email)[0]!.response;

describe('the address format check', () => {
  it('accepts one @, a dotted domain and a top-level domain of two letters or more', () => {
    for (const address of [
      'ann@example.com',
      'a.b+tag@mail.example.co.uk',
      'x@y.io',
      "o'neil@example.museum",
      'ü@exämple.de',
    ]) {
      expect(isWellFormedAddress(address), address).to.equal(true);
    }
  });

  it('refuses spaces, a missing or doubled @, an undotted domain, a one-letter or dotted end, brackets and quotes', () => {
    for (const address of [
      'ann@example',
      'ann@example.c',
      'ann@example.com.',
      'annexample.com',
      'ann@@example.com',
      'an@n@example.com',
      '@example.com',
      'ann@.com',
      'ann @example.com',
      'ann@exa mple.com',
      'ann@example.com x',
      'x ann@example.com',
      '<ann@example.com>',
      'ann(x)@example.com',
      'a[n]n@example.com',
      'an\\n@example.com',
      'an,n@example.com',
      'an;n@example.com',
      'an:n@example.com',
      '"ann"@example.com',
      'ann@example.c"om',
      'ann@example.c;m',
      'ann@ex\tample.com',
    ]) {
      expect(isWellFormedAddress(address), address).to.equal(false);
    }
  });

  it('counts the length on the address itself: 320 characters pass, 321 do not', () => {
    const domain = '@example.com';
    expect(isWellFormedAddress('a'.repeat(320 - domain.length) + domain)).to.equal(true);
    expect(isWellFormedAddress('a'.repeat(321 - domain.length) + domain)).to.equal(false);
  });
});

describe('the cascade at its edges', () => {
  it('a stopped email stops every row, even one with no address; stopped before expired', () => {
    expect(decide({ address: '' }, { ...bulk, stopped: true })).to.equal('stopped-manually');
    expect(decide({ address: '' }, { ...bulk, expired: true })).to.equal('stopped-expired');
    expect(decide({}, { ...bulk, stopped: true, expired: true })).to.equal('stopped-manually');
    expect(decide({}, { ...bulk, stopped: false, expired: false })).to.equal('sent-to-provider');
  });

  it('a per-type unsubscribe stops only that type, and nothing when the email has no type', () => {
    expect(decide({ unsubscribedEmailTypes: ['promo'] })).to.equal('sent-to-provider');
    expect(decide({ unsubscribedEmailTypes: ['newsletter'] })).to.equal('canceled-unsubscribed-type');
    expect(decide({ unsubscribedEmailTypes: ['newsletter'] }, { kind: 'bulk' })).to.equal('sent-to-provider');
  });

  it('flags default to sending: valid, a template, a verified sender, a name not given', () => {
    expect(
      decide(
        { valid: true, hasTemplate: true, doNotUseEmail: false, limitReached: false },
        { ...bulk, senderVerified: true, senderName: 'Shop' },
      ),
    ).to.equal('sent-to-provider');
    expect(decide({}, { ...bulk, senderName: '' })).to.equal('canceled-sender-name');
  });

  it('the template comes before the sender, the domain before the name', () => {
    expect(decide({ hasTemplate: false }, { ...bulk, senderVerified: false, senderName: '' })).to.equal(
      'canceled-no-template',
    );
    expect(decide({}, { ...bulk, senderVerified: false, senderName: '' })).to.equal('canceled-sender-domain');
  });

  it('a duplicate needs PreventDuplicatesSending; a canceled row does not count as sent before', () => {
    const rows = [
      { recipientId: 'a', address: 'ann@example.com', limitReached: true },
      { recipientId: 'b', address: 'ann@example.com' },
      { recipientId: 'c', address: 'ann@example.com' },
    ];
    expect(
      presendCascade(rows, { ...bulk, preventDuplicates: true }).map((d) => [d.recipientId, d.response]),
    ).to.deep.equal([
      ['a', 'limit-reached'],
      ['b', 'sent-to-provider'],
      ['c', 'canceled-duplicate'],
    ]);
    expect(presendCascade(rows, bulk).map((d) => d.response)).to.deep.equal([
      'limit-reached',
      'sent-to-provider',
      'sent-to-provider',
    ]);
  });

  it('compares addresses in lower case: STRASSE is strasse, but straße is not strasse', () => {
    const rows = [
      { recipientId: 'a', address: 'strasse@example.de' },
      { recipientId: 'b', address: 'STRASSE@example.de' },
      { recipientId: 'c', address: 'straße@example.de' },
    ];
    expect(presendCascade(rows, { ...bulk, preventDuplicates: true }).map((d) => d.response)).to.deep.equal([
      'sent-to-provider',
      'canceled-duplicate',
      'sent-to-provider',
    ]);
  });

  it('a bulk email compares every row, whatever launch it names; a trigger row without a launch is in one launch', () => {
    const rows = [
      { recipientId: 'a', address: 'ann@example.com', launch: 'l1' },
      { recipientId: 'b', address: 'ann@example.com', launch: 'l2' },
    ];
    expect(presendCascade(rows, { ...bulk, preventDuplicates: true }).map((d) => d.response)).to.deep.equal([
      'sent-to-provider',
      'canceled-duplicate',
    ]);
    const bare = [
      { recipientId: 'a', address: 'ann@example.com' },
      { recipientId: 'b', address: 'ann@example.com' },
    ];
    expect(presendCascade(bare, { kind: 'trigger', preventDuplicates: true }).map((d) => d.response)).to.deep.equal([
      'sent-to-provider',
      'canceled-duplicate',
    ]);
  });

  it('a failed hand-over keeps the recipient ids and leaves the caller’s decisions as they were', () => {
    const decisions = presendCascade([{ recipientId: 'a', address: 'ann@example.com' }], bulk);
    expect(failedHandOver(decisions)).to.deep.equal([{ recipientId: 'a', response: 'delivery-error' }]);
    expect(decisions).to.deep.equal([{ recipientId: 'a', response: 'sent-to-provider' }]);
  });
});
