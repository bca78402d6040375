import { expect } from 'chai';
import { failedHandOver, presendCascade, type AudienceRow, type PresendEmail } from '../../src/core/index';

const bulk: PresendEmail = { kind: 'bulk', emailType: 'newsletter', preventDuplicates: true };
const decide = (row: Partial<AudienceRow>, email: PresendEmail = bulk) =>
  presendCascade([{ recipientId: 'r', address: 'ann@example.com', ...row }], email)[0]!.response;

describe('the pre-send cascade', () => {
  it('sends a row no rule stops', () => {
    expect(decide({})).to.equal('sent-to-provider');
  });

  it('applies the rules in the spec order, the first match winning', () => {
    // Every condition true at once: rule 1 (no address) wins, then each in turn once the earlier ones pass.
    const all: Partial<AudienceRow> = {
      valid: false,
      doNotUseEmail: true,
      unsubscribedEmailTypes: ['newsletter'],
      limitReached: true,
      hasTemplate: false,
    };
    expect(decide({ ...all, address: '' })).to.equal('canceled-no-email');
    expect(decide(all)).to.equal('canceled-invalid-email');
    expect(decide({ ...all, valid: true })).to.equal('canceled-do-not-use-email');
    expect(decide({ ...all, valid: true, doNotUseEmail: false })).to.equal('canceled-unsubscribed-type');
    expect(
      decide({ ...all, valid: true, doNotUseEmail: false, unsubscribedEmailTypes: [], address: 'not-an-address' }),
    ).to.equal('canceled-incorrect-email');
    expect(decide({ ...all, valid: true, doNotUseEmail: false, unsubscribedEmailTypes: [] })).to.equal('limit-reached');
    expect(decide({ hasTemplate: false })).to.equal('canceled-no-template');
    expect(decide({}, { ...bulk, senderVerified: false })).to.equal('canceled-sender-domain');
    expect(decide({}, { ...bulk, senderName: '  ' })).to.equal('canceled-sender-name');
  });

  it('skips Do not use email and per-type unsubscribes for system emails', () => {
    const system = { ...bulk, system: true };
    expect(decide({ doNotUseEmail: true, unsubscribedEmailTypes: ['newsletter'] }, system)).to.equal(
      'sent-to-provider',
    );
  });

  it('with PreventDuplicatesSending, cancels later rows with the same address, case-insensitively', () => {
    const rows = [
      { recipientId: 'a', address: 'Ann@Example.com' },
      { recipientId: 'b', address: 'ann@example.COM' },
      { recipientId: 'c', address: 'bob@example.com' },
    ];
    expect(presendCascade(rows, bulk).map((d) => d.response)).to.deep.equal([
      'sent-to-provider',
      'canceled-duplicate',
      'sent-to-provider',
    ]);
    expect(presendCascade(rows, { ...bulk, preventDuplicates: false }).map((d) => d.response)).to.deep.equal([
      'sent-to-provider',
      'sent-to-provider',
      'sent-to-provider',
    ]);
  });

  it('compares duplicates of a trigger email within one launch', () => {
    const rows = [
      { recipientId: 'a', address: 'ann@example.com', launch: 'l1' },
      { recipientId: 'b', address: 'ann@example.com', launch: 'l2' },
      { recipientId: 'c', address: 'ann@example.com', launch: 'l2' },
    ];
    expect(presendCascade(rows, { kind: 'trigger', preventDuplicates: true }).map((d) => d.response)).to.deep.equal([
      'sent-to-provider',
      'sent-to-provider',
      'canceled-duplicate',
    ]);
  });

  it('a stopped or expired email stops its unsent rows', () => {
    expect(decide({}, { ...bulk, stopped: true })).to.equal('stopped-manually');
    expect(decide({}, { ...bulk, expired: true })).to.equal('stopped-expired');
  });

  it('a failed hand-over gives every row of the batch Delivery error', () => {
    const decisions = presendCascade([{ recipientId: 'a', address: 'ann@example.com' }, { recipientId: 'b' }], bulk);
    expect(failedHandOver(decisions).map((d) => d.response)).to.deep.equal(['delivery-error', 'canceled-no-email']);
  });
});
