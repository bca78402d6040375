// The default catalogue is the spec's table (responses.md, "The catalogue" and "Stages"), row for
// row: a label, code, group, final flag, priority, stage, alias, counter or effect that drifts
// from the spec shows in the grid, the CSV, the adapters and the contact's flags, so each is pinned.
import { expect } from 'chai';
import { DEFAULT_RULES, type ResponseDefinition } from '../../src/core/index';
import { DEFAULT_STAGES, STAGES, definitionStage } from '../../src/core/stages';

type SpecRow = [id: string, label: string, code: number, group: 'sent' | 'not-sent', final: boolean, priority: number];

/** The spec's table, in its order (the order is the tie-break among the priority-0 states). */
const SPEC_TABLE: SpecRow[] = [
  ['planned', 'Planned', 14, 'not-sent', false, 0],
  ['ready-to-send', 'Ready to send', 45, 'not-sent', false, 0],
  ['sent-to-provider', 'Sent to provider', 7, 'not-sent', false, 0],
  ['provider-queued', 'Received by provider (queued)', 6, 'not-sent', false, 1],
  ['provider-delayed', 'Received by provider (delayed)', 3, 'not-sent', false, 4],
  ['delivered', 'Delivered', 2, 'sent', false, 5],
  ['opened-machine', 'Opened (machine)', 28, 'sent', false, 6],
  ['opened', 'Opened', 15, 'sent', false, 7],
  ['clicked', 'Clicked', 12, 'sent', false, 8],
  ['unsubscribed', 'Unsubscribed', 10, 'sent', true, 12],
  ['spam-complaint', 'Spam complaint', 9, 'sent', true, 13],
  ['unknown', 'Unknown response', 18, 'not-sent', true, 0],
  ['delivery-error', 'Delivery error', 1, 'not-sent', true, 3],
  ['invalid-address', 'Invalid email address', 5, 'not-sent', true, 2],
  ['rejected', 'Rejected', 4, 'not-sent', true, 9],
  ['soft-bounce', 'Soft Bounce', 13, 'not-sent', true, 10],
  ['hard-bounce', 'Hard Bounce', 8, 'not-sent', true, 11],
  ['limit-reached', 'Email limit reached', 11, 'not-sent', true, 0],
  ['canceled-do-not-use-email', 'Canceled (unsubscribed from all emails)', 19, 'not-sent', true, 0],
  ['canceled-invalid-email', 'Canceled (invalid email)', 20, 'not-sent', true, 0],
  ['canceled-incorrect-email', 'Canceled (incorrect email)', 21, 'not-sent', true, 0],
  ['canceled-no-email', 'Canceled (email not provided)', 22, 'not-sent', true, 0],
  ['canceled-no-template', 'Canceled (template not found)', 25, 'not-sent', true, 0],
  ['canceled-sender-domain', "Canceled (sender's domain not verified)", 26, 'not-sent', true, 0],
  ['canceled-sender-name', "Canceled (sender's name not valid)", 27, 'not-sent', true, 0],
  ['canceled-duplicate', 'Canceled (duplicated email)', 42, 'not-sent', true, 0],
  ['canceled-unsubscribed-type', 'Canceled (unsubscribed by email type)', 44, 'not-sent', true, 0],
  ['stopped-manually', 'Stopped (manually)', 301, 'not-sent', true, 0],
  ['stopped-expired', 'Stopped (time to send expired)', 410, 'not-sent', true, 0],
];

/** The spec's stages table. */
const SPEC_STAGES: Record<string, string[]> = {
  scheduled: ['planned', 'ready-to-send'],
  'not-sent': [
    'delivery-error',
    'limit-reached',
    'canceled-do-not-use-email',
    'canceled-invalid-email',
    'canceled-incorrect-email',
    'canceled-no-email',
    'canceled-no-template',
    'canceled-sender-domain',
    'canceled-sender-name',
    'canceled-duplicate',
    'canceled-unsubscribed-type',
    'stopped-manually',
    'stopped-expired',
  ],
  'awaiting-provider': ['sent-to-provider', 'provider-queued', 'provider-delayed'],
  'not-delivered': ['unknown', 'invalid-address', 'rejected', 'soft-bounce', 'hard-bounce'],
  delivered: ['delivered', 'opened-machine', 'opened', 'clicked', 'unsubscribed', 'spam-complaint'],
};

const row = (id: string): ResponseDefinition => DEFAULT_RULES.responses.find((r) => r.id === id)!;

describe('the default catalogue is the spec table', () => {
  it('has its rows in its order, each with its label, code, group, final flag and priority', () => {
    expect(DEFAULT_RULES.responses.map((r) => [r.id, r.label, r.code, r.group, r.final, r.priority])).to.deep.equal(
      SPEC_TABLE,
    );
  });

  it('puts each response in the stage the spec names, and says so as data', () => {
    const byStage = Object.fromEntries(
      STAGES.map((stage) => [stage, DEFAULT_RULES.responses.filter((r) => r.stage === stage).map((r) => r.id)]),
    );
    expect(byStage).to.deep.equal(SPEC_STAGES);
    for (const r of DEFAULT_RULES.responses) expect(DEFAULT_STAGES[r.id], r.id).to.equal(r.stage);
  });

  it('hands to the provider exactly the responses of Sent, and no canceled or stopped one', () => {
    const handed = DEFAULT_RULES.responses.filter((r) => r.handedToProvider).map((r) => r.id);
    expect(handed).to.deep.equal([
      ...SPEC_STAGES['awaiting-provider']!,
      'delivered',
      'opened-machine',
      'opened',
      'clicked',
      'unsubscribed',
      'spam-complaint',
      'unknown',
      'delivery-error',
      'invalid-address',
      'rejected',
      'soft-bounce',
      'hard-bounce',
    ]);
    // Without its stage, a response's group, final flag and hand-over still give the spec's stage.
    for (const r of DEFAULT_RULES.responses) {
      // Delivery error was handed over (it failed there) yet never left: the one the data places by hand.
      if (r.id === 'delivery-error') continue;
      expect(definitionStage({ ...r, stage: undefined }), r.id).to.equal(r.stage);
    }
  });

  it('accepts the 8.x names as aliases, and only those', () => {
    const aliases = Object.fromEntries(
      DEFAULT_RULES.responses.filter((r) => r.aliases.length).map((r) => [r.id, r.aliases]),
    );
    expect(aliases).to.deep.equal({ 'sent-to-provider': ['Queued'], opened: ['Open'], clicked: ['Clicks', 'Click'] });
  });

  it('counts opens, clicks and machine opens on their own responses only', () => {
    const counters = Object.fromEntries(DEFAULT_RULES.responses.filter((r) => r.counter).map((r) => [r.id, r.counter]));
    expect(counters).to.deep.equal({ 'opened-machine': 'machineOpens', opened: 'opens', clicked: 'clicks' });
  });

  it('gives the contact the effects the spec lists, and no others', () => {
    const effects = Object.fromEntries(DEFAULT_RULES.responses.filter((r) => r.effects).map((r) => [r.id, r.effects]));
    expect(effects).to.deep.equal({
      unsubscribed: { doNotUseEmail: true },
      'spam-complaint': { doNotUseEmail: true },
      'invalid-address': { invalidatesAddress: true },
      'soft-bounce': { softBounce: true },
      'hard-bounce': { doNotUseEmail: true, invalidatesAddress: true },
      'canceled-unsubscribed-type': { unsubscribesEmailType: true },
    });
    expect(row('delivered')).to.not.have.property('effects');
    expect(row('delivered')).to.not.have.property('counter');
  });

  it('warns after 3 soft bounces in a row, and lets Sent to provider wait 48 hours', () => {
    expect(DEFAULT_RULES).to.include({
      version: 'spec-1',
      softBounceWarningThreshold: 3,
      sentToProviderLimitHours: 48,
    });
    expect(DEFAULT_RULES).to.not.have.property('statisticsPeriodDays');
  });
});
